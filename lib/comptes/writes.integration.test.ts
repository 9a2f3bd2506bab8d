import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { antennes, auditLog, jeunes, structures, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { type ActionResult, runAction } from "@/lib/actions/run";
import type { AnyActionDefinition } from "@/lib/action-registry";
import { loadSession, loadSessionAccount } from "@/lib/auth/session-account";
import { openSession } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/session-user";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { LAST_ADMIN_REFUSED, ROLE_REFUSED, SELF_REFUSED } from "./rules";
import { REAFFECTATION_PATH, changeCompteRole, deactivateCompte, moveCompte, reactivateCompte } from "./writes";

const FREE_LYON = "libre.lyon@sillage.demo";
const FREE_MARSEILLE = "libre.marseille@sillage.demo";
const ADMIN2 = "admin2@sillage.demo";

type Actor = "admin" | "directeur" | "conseiller" | "dpo";
type Target = "own" | "other" | "self";
type Act = "role" | "move" | "deactivate" | "reactivate";
type Expected = "ok" | "forbidden" | "not_found";

const ACTOR_EMAIL: Record<Actor, string> = {
  admin: "admin@sillage.demo",
  directeur: "directrice.lyon@sillage.demo",
  conseiller: "conseillere.lyon@sillage.demo",
  dpo: "dpo.lyon@sillage.demo",
};

/**
 * Who may do what: the admin every act on anyone but themselves; a director deactivates, reactivates and
 * moves the counsellors of their structure, never changes a role, never sees another structure's accounts;
 * counsellors and DPOs manage no account. Nobody acts on their own account.
 */
const MATRIX: Record<Actor, Record<Target, Record<Act, Expected>>> = {
  admin: {
    own: { role: "ok", move: "ok", deactivate: "ok", reactivate: "ok" },
    other: { role: "ok", move: "ok", deactivate: "ok", reactivate: "ok" },
    self: { role: "forbidden", move: "forbidden", deactivate: "forbidden", reactivate: "forbidden" },
  },
  directeur: {
    own: { role: "forbidden", move: "ok", deactivate: "ok", reactivate: "ok" },
    other: { role: "forbidden", move: "not_found", deactivate: "not_found", reactivate: "not_found" },
    self: { role: "forbidden", move: "forbidden", deactivate: "forbidden", reactivate: "forbidden" },
  },
  conseiller: {
    own: { role: "forbidden", move: "forbidden", deactivate: "forbidden", reactivate: "forbidden" },
    other: { role: "forbidden", move: "forbidden", deactivate: "forbidden", reactivate: "forbidden" },
    self: { role: "forbidden", move: "forbidden", deactivate: "forbidden", reactivate: "forbidden" },
  },
  dpo: {
    own: { role: "forbidden", move: "forbidden", deactivate: "forbidden", reactivate: "forbidden" },
    other: { role: "forbidden", move: "forbidden", deactivate: "forbidden", reactivate: "forbidden" },
    self: { role: "forbidden", move: "forbidden", deactivate: "forbidden", reactivate: "forbidden" },
  },
};

const DEFS: Record<Act, AnyActionDefinition> = {
  role: changeCompteRole,
  move: moveCompte,
  deactivate: deactivateCompte,
  reactivate: reactivateCompte,
};

describe("staff account writes", () => {
  const t = useTestDatabase();
  const ids: Record<string, string> = {};
  const sites: Record<"lyon" | "marseille", { structureId: string; antennes: string[] }> = {
    lyon: { structureId: "", antennes: [] },
    marseille: { structureId: "", antennes: [] },
  };

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 6 });
    for (const s of await t.db.select().from(structures)) {
      const key = s.name.includes("Lyon") ? "lyon" : "marseille";
      sites[key].structureId = s.id;
      sites[key].antennes = (await t.db.select().from(antennes).where(eq(antennes.structureId, s.id))).map((a) => a.id).sort();
    }
    // Counsellors who follow nobody: the only ones who may be deactivated or moved without a handover.
    await t.db.insert(users).values([
      { email: FREE_LYON, name: "Lou Libre", role: "conseiller", structureId: sites.lyon.structureId, antenneId: sites.lyon.antennes[0] },
      {
        email: FREE_MARSEILLE,
        name: "Max Libre",
        role: "conseiller",
        structureId: sites.marseille.structureId,
        antenneId: sites.marseille.antennes[0],
      },
      { email: ADMIN2, name: "Dominique Admin", role: "admin" },
    ]);
    for (const u of await t.db.select().from(users)) ids[u.email] = u.id;
  });

  const row = async (email: string) => (await t.db.select().from(users).where(eq(users.id, ids[email]!)))[0]!;
  const auditCount = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;

  /** Puts the fixture accounts back as seeded, so each case starts from the same state. */
  async function reset() {
    for (const [email, key] of [
      [FREE_LYON, "lyon"],
      [FREE_MARSEILLE, "marseille"],
    ] as const) {
      await t.db
        .update(users)
        .set({
          role: "conseiller",
          active: true,
          structureId: sites[key].structureId,
          antenneId: sites[key].antennes[0],
          deactivatedAt: null,
        })
        .where(eq(users.id, ids[email]!));
    }
    await t.db.update(users).set({ active: true }).where(eq(users.id, ids[ADMIN2]!));
  }
  beforeEach(reset);

  function targetEmail(actor: Actor, target: Target): string {
    if (target === "self") return ACTOR_EMAIL[actor];
    return target === "own" ? FREE_LYON : FREE_MARSEILLE;
  }

  function inputFor(act: Act, target: { id: string; structureId: string | null; antenneId: string | null; updatedAt: Date }) {
    const base = { compteId: target.id, version: target.updatedAt.getTime() };
    const key = target.structureId === sites.marseille.structureId ? "marseille" : "lyon";
    switch (act) {
      case "role":
        return { ...base, role: "dpo", structureId: target.structureId ?? sites.lyon.structureId };
      case "move": {
        const other = sites[key].antennes.find((a) => a !== target.antenneId)!;
        return { ...base, structureId: target.structureId ?? sites.lyon.structureId, antenneId: other };
      }
      case "deactivate":
        return { ...base, confirmation: "on" };
      case "reactivate":
        return base;
    }
  }

  const cases = (Object.keys(MATRIX) as Actor[]).flatMap((actor) =>
    (["own", "other", "self"] as const).flatMap((target) =>
      (Object.keys(DEFS) as Act[]).map((act) => ({ actor, target, act, expected: MATRIX[actor][target][act] })),
    ),
  );

  it.each(cases)("$actor × $target × $act → $expected", async ({ actor, target, act, expected }) => {
    const email = targetEmail(actor, target);
    // Reactivation needs a deactivated account (never the actor's own: they would not be signed in).
    if (act === "reactivate" && target !== "self") await t.db.update(users).set({ active: false }).where(eq(users.id, ids[email]!));
    const before = await row(email);
    const audits = await auditCount();
    const user = await sessionUserFor(t.db, ACTOR_EMAIL[actor]);
    const result = await runAction(DEFS[act], inputFor(act, before), user);
    if (expected === "ok") {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { id: before.id } });
      expect(await auditCount()).toBeGreaterThan(audits);
      return;
    }
    expect(result).toMatchObject({ ok: false, code: expected });
    expect(await row(email)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("a refusal on one's own account says why", async () => {
    const nadia = await sessionUserFor(t.db, ACTOR_EMAIL.directeur);
    const own = await row(ACTOR_EMAIL.directeur);
    const result = await runAction(deactivateCompte, { compteId: own.id, version: own.updatedAt.getTime(), confirmation: "on" }, nadia);
    expect(result).toMatchObject({ ok: false, code: "forbidden", message: SELF_REFUSED });
  });

  it("a director manages counsellors only: not the DPO nor another director of their structure", async () => {
    const nadia = await sessionUserFor(t.db, ACTOR_EMAIL.directeur);
    const dpo = await row(ACTOR_EMAIL.dpo);
    const result = await runAction(deactivateCompte, { compteId: dpo.id, version: dpo.updatedAt.getTime(), confirmation: "on" }, nadia);
    expect(result).toMatchObject({ ok: false, code: "forbidden", message: ROLE_REFUSED });
    expect(await row(ACTOR_EMAIL.dpo)).toEqual(dpo);
  });

  it("a director cannot move a counsellor to another structure", async () => {
    const nadia = await sessionUserFor(t.db, ACTOR_EMAIL.directeur);
    const free = await row(FREE_LYON);
    const result = await runAction(
      moveCompte,
      {
        compteId: free.id,
        version: free.updatedAt.getTime(),
        structureId: sites.marseille.structureId,
        antenneId: sites.marseille.antennes[0],
      },
      nadia,
    );
    expect(result).toMatchObject({ ok: false, code: "forbidden", fieldErrors: { structureId: [expect.any(String)] } });
    expect(await row(FREE_LYON)).toEqual(free);
  });

  it("the deactivation needs its confirmation, and a stale form writes nothing", async () => {
    const admin = await sessionUserFor(t.db, ACTOR_EMAIL.admin);
    const free = await row(FREE_LYON);
    const unconfirmed = await runAction(deactivateCompte, { compteId: free.id, version: free.updatedAt.getTime() }, admin);
    expect(unconfirmed).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { confirmation: [expect.any(String)] } });
    const stale = await runAction(
      deactivateCompte,
      { compteId: free.id, version: free.updatedAt.getTime() - 1, confirmation: "on" },
      admin,
    );
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await row(FREE_LYON)).toEqual(free);
  });

  it("refuses to deactivate or move a counsellor who still follows young people, with the count", async () => {
    const nadia = await sessionUserFor(t.db, ACTOR_EMAIL.directeur);
    const admin = await sessionUserFor(t.db, ACTOR_EMAIL.admin);
    const julien = await row("conseiller.lyon@sillage.demo");
    const [{ n } = { n: 0 }] = await t.db
      .select({ n: count() })
      .from(jeunes)
      .where(and(eq(jeunes.conseillerId, julien.id), eq(jeunes.statut, "actif")));
    expect(n).toBeGreaterThan(0);
    const audits = await auditCount();

    const refused = await runAction(
      deactivateCompte,
      { compteId: julien.id, version: julien.updatedAt.getTime(), confirmation: "on" },
      nadia,
    );
    expect(refused).toMatchObject({ ok: false, code: "conflict", details: { kind: "portefeuille", jeunes: n, href: REAFFECTATION_PATH } });
    expect((refused as Extract<ActionResult<unknown>, { ok: false }>).message).toContain(`${n} jeunes`);

    const moved = await runAction(
      moveCompte,
      { compteId: julien.id, version: julien.updatedAt.getTime(), structureId: sites.marseille.structureId },
      admin,
    );
    expect(moved).toMatchObject({ ok: false, code: "conflict", details: { kind: "portefeuille", jeunes: n } });
    const promoted = await runAction(changeCompteRole, { compteId: julien.id, version: julien.updatedAt.getTime(), role: "dpo" }, admin);
    expect(promoted).toMatchObject({ ok: false, code: "conflict", details: { kind: "portefeuille", jeunes: n } });
    expect(await row("conseiller.lyon@sillage.demo")).toEqual(julien);
    expect(await auditCount()).toBe(audits);
    const reassigned = await t.db.select({ n: count() }).from(jeunes).where(eq(jeunes.conseillerId, julien.id));
    expect(reassigned[0]!.n).toBeGreaterThanOrEqual(n);
  });

  it("the last active admin can be neither deactivated nor demoted", async () => {
    const alex = await row(ACTOR_EMAIL.admin);
    // The other admin's session object outlives their deactivation: the rule still holds in the transaction.
    const dominique = await sessionUserFor(t.db, ADMIN2);
    await t.db.update(users).set({ active: false }).where(eq(users.id, ids[ADMIN2]!));
    const audits = await auditCount();
    const deactivated = await runAction(
      deactivateCompte,
      { compteId: alex.id, version: alex.updatedAt.getTime(), confirmation: "on" },
      dominique,
    );
    expect(deactivated).toMatchObject({ ok: false, code: "conflict", message: LAST_ADMIN_REFUSED });
    const demoted = await runAction(
      changeCompteRole,
      { compteId: alex.id, version: alex.updatedAt.getTime(), role: "directeur", structureId: sites.lyon.structureId },
      dominique,
    );
    expect(demoted).toMatchObject({ ok: false, code: "conflict", message: LAST_ADMIN_REFUSED });
    expect(await row(ACTOR_EMAIL.admin)).toEqual(alex);
    expect(await auditCount()).toBe(audits);

    // With a second active admin, demoting one is allowed (and takes a structure).
    await t.db.update(users).set({ active: true }).where(eq(users.id, ids[ADMIN2]!));
    const admin2 = await row(ADMIN2);
    const alexUser = await sessionUserFor(t.db, ACTOR_EMAIL.admin);
    const noStructure = await runAction(
      changeCompteRole,
      { compteId: admin2.id, version: admin2.updatedAt.getTime(), role: "directeur" },
      alexUser,
    );
    expect(noStructure).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { structureId: [expect.any(String)] } });
    const ok = await runAction(
      changeCompteRole,
      { compteId: admin2.id, version: admin2.updatedAt.getTime(), role: "directeur", structureId: sites.marseille.structureId },
      alexUser,
    );
    expect(ok.ok).toBe(true);
    expect(await row(ADMIN2)).toMatchObject({
      role: "directeur",
      structureId: sites.marseille.structureId,
      sessionVersion: admin2.sessionVersion + 1,
    });
    await t.db.update(users).set({ role: "admin", structureId: null, antenneId: null }).where(eq(users.id, ids[ADMIN2]!));
  });

  it("deactivation bumps session_version: the open session is refused at the next request, even after reactivation", async () => {
    const admin = await sessionUserFor(t.db, ACTOR_EMAIL.admin);
    const before = await row(FREE_LYON);
    const sessionId = await openSession(t.db, { userId: before.id, role: before.role, method: "password" });
    const claims = { id: before.id, role: before.role, sessionVersion: before.sessionVersion, sessionId };
    expect(await loadSessionAccount(t.db, claims)).toMatchObject({ id: before.id, role: "conseiller" });

    const result = await runAction(
      deactivateCompte,
      { compteId: before.id, version: before.updatedAt.getTime(), confirmation: "on" },
      admin,
    );
    expect(result.ok).toBe(true);
    const after = await row(FREE_LYON);
    expect(after).toMatchObject({ active: false, sessionVersion: before.sessionVersion + 1 });
    expect(after.deactivatedAt).toBeInstanceOf(Date);
    expect(await loadSessionAccount(t.db, claims)).toBeNull();

    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "compte.desactivation"), eq(auditLog.targetId, before.id)));
    expect(entry).toMatchObject({
      targetType: "user",
      structureId: sites.lyon.structureId,
      fields: ["active", "deactivatedAt", "sessionVersion"],
    });

    const back = await runAction(reactivateCompte, { compteId: after.id, version: after.updatedAt.getTime() }, admin);
    expect(back.ok).toBe(true);
    expect(await loadSessionAccount(t.db, claims)).toBeNull();
    // The browser's own session row was revoked too: only a new sign-in opens the account again.
    expect(await loadSessionAccount(t.db, { ...claims, sessionVersion: after.sessionVersion })).toBeNull();
    const fresh = await openSession(t.db, { userId: before.id, role: before.role, method: "password" });
    expect(await loadSessionAccount(t.db, { ...claims, sessionVersion: after.sessionVersion, sessionId: fresh })).toMatchObject({
      id: before.id,
    });
  });

  it("a role change closes the open sessions too", async () => {
    const admin = await sessionUserFor(t.db, ACTOR_EMAIL.admin);
    const before = await row(FREE_MARSEILLE);
    const sessionId = await openSession(t.db, { userId: before.id, role: before.role, method: "password" });
    const claims = { id: before.id, role: before.role, sessionVersion: before.sessionVersion, sessionId };
    const result = await runAction(changeCompteRole, { compteId: before.id, version: before.updatedAt.getTime(), role: "dpo" }, admin);
    expect(result.ok).toBe(true);
    expect(await loadSessionAccount(t.db, claims)).toBeNull();
    // A DPO needs a second factor: the session is the DPO's, pending its enrolment (lib/auth/mfa-gate.ts).
    expect(await loadSession(t.db, { ...claims, role: "dpo", sessionVersion: before.sessionVersion + 1 })).toMatchObject({
      user: { role: "dpo" },
      mfa: { step: "enrol" },
    });
  });

  it("an unknown or young person's account is not found", async () => {
    const admin: SessionUser = await sessionUserFor(t.db, ACTOR_EMAIL.admin);
    const lea = await row("lea.dupont@exemple.fr");
    const result = await runAction(deactivateCompte, { compteId: lea.id, version: lea.updatedAt.getTime(), confirmation: "on" }, admin);
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    const missing = await runAction(reactivateCompte, { compteId: "0190aaaa-0000-7000-8000-000000000000", version: 1 }, admin);
    expect(missing).toMatchObject({ ok: false, code: "not_found" });
  });
});
