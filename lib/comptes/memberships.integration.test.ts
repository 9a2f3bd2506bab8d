import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, demandesDroits, jeunes, memberships, structures, userSessions, users, type Jeune } from "@/db/schema";
import { seedDemo, SHARED_DPO } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { loadSessionAccount } from "@/lib/auth/session-account";
import { openSession } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/session-user";
import { decideDossierAccess } from "@/lib/dossier/gate";
import { listQueue } from "@/lib/droits/queries";
import { DEFAULT_QUEUE_FILTERS } from "@/lib/droits/queue-params";
import { listTransmissions } from "@/lib/transmissions/admin-queries";
import { DEFAULT_TRANSMISSION_FILTERS } from "@/lib/transmissions/admin-params";
import { enqueueTransmission } from "@/lib/transmissions/enqueue";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listCompteHistory } from "./access-queries";
import { HOME_MEMBERSHIP_REFUSED, MEMBERSHIP_ROLE_REFUSED, addMembership, removeMembership } from "./membership-writes";
import { NOT_A_MEMBER, switchStructure } from "./structure-switch-writes";
import { changeCompteRole, moveCompte } from "./writes";

const ADMIN = "admin@sillage.demo";
const DIRECTRICE = "directrice.lyon@sillage.demo";
const CONSEILLERE = "conseillere.lyon@sillage.demo";
const SPARE_DPO = "dpo2.lyon@sillage.demo";
const TODAY = "2026-11-25";

describe("memberships: grants, the structure switch, and memberships kept true by account writes", () => {
  const t = useTestDatabase();
  let lyon: string;
  let marseille: string;
  let closed: string;
  let admin: SessionUser;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 2 });
    const rows = await t.db.select().from(structures);
    lyon = rows.find((s) => s.name.includes("Lyon"))!.id;
    marseille = rows.find((s) => s.name.includes("Marseille"))!.id;
    const [c] = await t.db
      .insert(structures)
      .values({
        name: "Mission locale fermée",
        siret: "12345678200010",
        departement: "01",
        commune: "Bourg",
        dpoEmail: "x@y.fr",
        active: false,
      })
      .returning();
    closed = c!.id;
    const [spare] = await t.db.insert(users).values({ email: SPARE_DPO, name: "Paul Second", role: "dpo", structureId: lyon }).returning();
    await t.db.insert(memberships).values({ userId: spare!.id, structureId: lyon, role: "dpo" });
    admin = await sessionUserFor(t.db, ADMIN);
  });

  const account = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0]!;
  const membershipsOf = async (email: string) =>
    (
      await t.db
        .select()
        .from(memberships)
        .where(eq(memberships.userId, (await account(email)).id))
    ).map((m) => ({
      structureId: m.structureId,
      role: m.role,
    }));
  const auditCount = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
  const ref = async (email: string) => {
    const a = await account(email);
    return { compteId: a.id, version: a.updatedAt.getTime() };
  };
  /** A browser session of the account, as the app loads it on each request. */
  async function sessionOf(email: string) {
    const a = await account(email);
    // Past the second factor, as a DPO's session is before any page opens.
    const sessionId = await openSession(t.db, { userId: a.id, role: a.role, method: "password", mfaAt: new Date() });
    const claims = { id: a.id, role: a.role, sessionVersion: a.sessionVersion, sessionId };
    return { sessionId, load: async () => (await loadSessionAccount(t.db, claims))! };
  }

  describe("grants (admin only)", () => {
    it("the admin adds a mission locale to a DPO, audited in both structures' journals", async () => {
      const before = await auditCount();
      const result = await runAction(addMembership, { ...(await ref(SPARE_DPO)), structureId: marseille }, admin);
      expect(result).toMatchObject({ ok: true, data: { structureId: marseille } });
      expect(await membershipsOf(SPARE_DPO)).toEqual(
        expect.arrayContaining([
          { structureId: lyon, role: "dpo" },
          { structureId: marseille, role: "dpo" },
        ]),
      );
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, "compte.membre_ajout"));
      expect(entries.map((e) => e.structureId).sort()).toEqual([lyon, marseille].sort());
      const spare = await account(SPARE_DPO);
      expect(entries.every((e) => e.targetType === "user" && e.targetId === spare.id)).toBe(true);
      expect(entries[0]!.actorId).toBe(admin.id);
      expect(await auditCount()).toBe(before + 2);
    });

    it("refuses, with nothing written: a director, oneself, a counsellor's account, a closed or unknown structure, a second grant, a stale form", async () => {
      const before = await auditCount();
      const rowsBefore = (await t.db.select({ n: count() }).from(memberships))[0]!.n;
      const directrice = await sessionUserFor(t.db, DIRECTRICE);
      expect(await runAction(addMembership, { ...(await ref(SPARE_DPO)), structureId: marseille }, directrice)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      const otherAdmin = await account(ADMIN);
      expect(
        await runAction(addMembership, { compteId: otherAdmin.id, version: otherAdmin.updatedAt.getTime(), structureId: marseille }, admin),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(await runAction(addMembership, { ...(await ref(CONSEILLERE)), structureId: marseille }, admin)).toMatchObject({
        ok: false,
        fieldErrors: { structureId: [MEMBERSHIP_ROLE_REFUSED] },
      });
      const dpo = await ref(SHARED_DPO);
      expect(await runAction(addMembership, { ...dpo, structureId: closed }, admin)).toMatchObject({ ok: false, code: "invalid_input" });
      expect(await runAction(addMembership, { ...dpo, structureId: "0190aaaa-0000-7000-8000-000000000000" }, admin)).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
      expect(await runAction(addMembership, { ...dpo, structureId: marseille }, admin)).toMatchObject({
        ok: false,
        fieldErrors: { structureId: ["Ce compte travaille déjà pour cette mission locale."] },
      });
      expect(await runAction(addMembership, { ...dpo, version: dpo.version - 1, structureId: closed }, admin)).toMatchObject({
        ok: false,
        code: "conflict",
      });
      expect(await runAction(addMembership, { ...dpo, structureId: "pas-un-id" }, admin)).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
      expect(await auditCount()).toBe(before);
      expect((await t.db.select({ n: count() }).from(memberships))[0]!.n).toBe(rowsBefore);
    });

    it("removing a membership ends the sessions working there; the home one is never removed", async () => {
      const working = await sessionOf(SPARE_DPO);
      const home = await sessionOf(SPARE_DPO);
      const spare = await sessionUserFor(t.db, SPARE_DPO);
      expect(await runAction(switchStructure, { structureId: marseille }, { ...spare, sessionId: working.sessionId })).toMatchObject({
        ok: true,
      });
      expect(await runAction(removeMembership, { ...(await ref(SPARE_DPO)), structureId: lyon }, admin)).toMatchObject({
        ok: false,
        fieldErrors: { structureId: [HOME_MEMBERSHIP_REFUSED] },
      });
      const result = await runAction(removeMembership, { ...(await ref(SPARE_DPO)), structureId: marseille }, admin);
      expect(result).toMatchObject({ ok: true, data: { sessionsClosed: 1 } });
      expect(await membershipsOf(SPARE_DPO)).toEqual([{ structureId: lyon, role: "dpo" }]);
      const [ended] = await t.db.select().from(userSessions).where(eq(userSessions.id, working.sessionId));
      expect(ended).toMatchObject({ revokedReason: "revoked" });
      expect(await loadSessionAccount(t.db, { ...(await claimsOf(SPARE_DPO)), sessionId: working.sessionId })).toBeNull();
      expect((await home.load()).structureId).toBe(lyon);
      expect(await runAction(removeMembership, { ...(await ref(SPARE_DPO)), structureId: marseille }, admin)).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
    });
  });

  const claimsOf = async (email: string) => {
    const a = await account(email);
    return { id: a.id, role: a.role, sessionVersion: a.sessionVersion };
  };

  describe("the structure switch", () => {
    let lyonJeune: Jeune;
    let marseilleJeune: Jeune;

    beforeAll(async () => {
      const all = await t.db.select().from(jeunes).where(eq(jeunes.statut, "actif")).orderBy(asc(jeunes.nomNaissance));
      lyonJeune = all.find((j) => j.structureId === lyon)!;
      marseilleJeune = all.find((j) => j.structureId === marseille)!;
      const conseillere = await account(CONSEILLERE);
      await t.db.insert(demandesDroits).values(
        [lyonJeune, marseilleJeune].map((j, i) => ({
          numero: `2026-090${i}`,
          structureId: j.structureId,
          jeuneId: j.id,
          recueLe: "2026-11-20",
          echeance: "2026-12-20",
          canal: "guichet" as const,
          saisiePar: conseillere.id,
          type: "acces" as const,
          statut: "en_cours" as const,
          objet: "Demande au guichet.",
        })),
      );
      for (const j of [lyonJeune, marseilleJeune]) {
        await t.db.transaction((tx) =>
          enqueueTransmission(tx, {
            jeuneId: j.id,
            recipient: "franceTravail",
            finality: "cej",
            kind: "inscription",
            data: { ...j, contratType: "CEJ" },
            idempotencyKey: `memberships-test:${j.id}`,
          }),
        );
      }
    });

    const see = async (user: SessionUser) => ({
      queue: (await listQueue(user, { ...DEFAULT_QUEUE_FILTERS }, TODAY)).rows.map((r) => r.jeuneId),
      transfers: (await listTransmissions(user, { ...DEFAULT_TRANSMISSION_FILTERS })).rows.map((r) => r.jeuneId),
      lyon: (
        await decideDossierAccess(t.db, user, lyonJeune.id, "page", {
          onglet: "identite",
          exempt: { roles: ["dpo"], motif: "controle_dpo" },
        })
      ).ok,
      marseille: await decideDossierAccess(t.db, user, marseilleJeune.id, "page", {
        onglet: "identite",
        exempt: { roles: ["dpo"], motif: "controle_dpo" },
      }),
    });

    it("the Lyon DPO works in Lyon by default, then sees only Marseille's rows once switched", async () => {
      const session = await sessionOf(SHARED_DPO);
      const before = await session.load();
      expect(before).toMatchObject({ structureId: lyon, structureName: "Mission locale de Lyon" });
      const inLyon = await see(before);
      expect(inLyon.queue).toEqual([lyonJeune.id]);
      expect(inLyon.transfers).toEqual([lyonJeune.id]);
      expect(inLyon.lyon).toBe(true);
      expect(inLyon.marseille).toEqual({ ok: false, refusal: "not_found" });

      const result = await runAction(switchStructure, { structureId: marseille }, before);
      expect(result).toEqual({ ok: true, data: { structureId: marseille, home: "/droits" } });
      const after = await session.load();
      expect(after).toMatchObject({ structureId: marseille, structureName: "Mission locale de Marseille" });
      const inMarseille = await see(after);
      expect(inMarseille.queue).toEqual([marseilleJeune.id]);
      expect(inMarseille.transfers).toEqual([marseilleJeune.id]);
      expect(inMarseille.lyon).toBe(false);
      expect(inMarseille.marseille).toMatchObject({ ok: true });
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.structure_switch"), eq(auditLog.actorId, before.id)));
      expect(entry).toMatchObject({ targetType: "user", targetId: before.id, structureId: marseille, meta: { depuis: lyon } });

      // Another browser of the same account still works in Lyon; back home is stored as "its own".
      expect((await (await sessionOf(SHARED_DPO)).load()).structureId).toBe(lyon);
      expect(await runAction(switchStructure, { structureId: lyon }, after)).toMatchObject({ ok: true });
      const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, session.sessionId));
      expect(row!.structureId).toBeNull();
      expect((await session.load()).structureId).toBe(lyon);
    });

    it("refuses a structure without membership, a closed one, the current one and a missing session: nothing written", async () => {
      const session = await sessionOf(SHARED_DPO);
      const dpo = await session.load();
      const before = await auditCount();
      const conseillere = { ...(await sessionUserFor(t.db, CONSEILLERE)), sessionId: (await sessionOf(CONSEILLERE)).sessionId };
      expect(await runAction(switchStructure, { structureId: marseille }, conseillere)).toMatchObject({
        ok: false,
        code: "forbidden",
        fieldErrors: { structureId: [NOT_A_MEMBER] },
      });
      await t.db.insert(memberships).values({ userId: dpo.id, structureId: closed, role: "dpo" });
      expect(await runAction(switchStructure, { structureId: closed }, dpo)).toMatchObject({ ok: false, code: "invalid_input" });
      await t.db.delete(memberships).where(and(eq(memberships.userId, dpo.id), eq(memberships.structureId, closed)));
      expect(await runAction(switchStructure, { structureId: lyon }, dpo)).toMatchObject({ ok: false, code: "invalid_input" });
      expect(await runAction(switchStructure, { structureId: marseille }, { ...dpo, sessionId: null })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      // Someone else's session id is not the caller's: nothing changes.
      expect(await runAction(switchStructure, { structureId: marseille }, { ...dpo, sessionId: conseillere.sessionId })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await runAction(switchStructure, { structureId: marseille }, admin)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await runAction(switchStructure, { structureId: "<script>" }, dpo)).toMatchObject({ ok: false, code: "invalid_input" });
      expect(await auditCount()).toBe(before);
      const rows = await t.db.select().from(userSessions).where(eq(userSessions.userId, dpo.id));
      expect(rows.filter((r) => r.id === session.sessionId || r.id === conseillere.sessionId).every((r) => r.structureId === null)).toBe(
        true,
      );
      expect((await session.load()).structureId).toBe(lyon);
    });
  });

  it("an account's history lists the entries about it, within the caller's structure", async () => {
    const spare = await account(SPARE_DPO);
    const all = await listCompteHistory(admin, spare.id);
    expect(all!.rows.map((r) => r.action)).toEqual([
      "compte.membre_retrait",
      "compte.membre_retrait",
      "auth.structure_switch",
      "compte.membre_ajout",
      "compte.membre_ajout",
    ]);
    expect(all!.journalHref).toBe(`/journal?compte=${spare.id}`);
    expect(all!.rows.find((r) => r.action === "compte.membre_ajout")).toMatchObject({ actorName: "Alex Morel", actorRole: "admin" });
    // The director of Lyon reads Lyon's journal: the copies written to Marseille's are not hers.
    const directrice = await sessionUserFor(t.db, DIRECTRICE);
    expect((await listCompteHistory(directrice, spare.id))!.rows.map((r) => r.action)).toEqual([
      "compte.membre_retrait",
      "compte.membre_ajout",
    ]);
    expect(await listCompteHistory(await sessionUserFor(t.db, "directeur.marseille@sillage.demo"), spare.id)).toBeNull();
    expect(await listCompteHistory(admin, "pas-un-id")).toBeNull();
  });

  describe("account writes keep memberships true", () => {
    it("a move takes the home membership along; a move into an extra structure keeps a single row there", async () => {
      const c = await t.db
        .insert(users)
        .values({ email: "mobile.lyon@sillage.demo", name: "Yan Mobile", role: "directeur", structureId: lyon })
        .returning();
      const mobile = c[0]!;
      await t.db.insert(memberships).values({ userId: mobile.id, structureId: lyon, role: "directeur" });
      expect(await runAction(moveCompte, { ...(await ref(mobile.email)), structureId: marseille }, admin)).toMatchObject({ ok: true });
      expect(await membershipsOf(mobile.email)).toEqual([{ structureId: marseille, role: "directeur" }]);

      expect(await runAction(addMembership, { ...(await ref(mobile.email)), structureId: lyon }, admin)).toMatchObject({ ok: true });
      expect(await runAction(moveCompte, { ...(await ref(mobile.email)), structureId: lyon }, admin)).toMatchObject({ ok: true });
      expect(await membershipsOf(mobile.email)).toEqual([{ structureId: lyon, role: "directeur" }]);
    });

    it("a role change gives every membership the new role; becoming admin leaves none, leaving admin gets the home one", async () => {
      const [c] = await t.db
        .insert(users)
        .values({ email: "change.lyon@sillage.demo", name: "Ana Change", role: "dpo", structureId: lyon })
        .returning();
      await t.db.insert(memberships).values([
        { userId: c!.id, structureId: lyon, role: "dpo" },
        { userId: c!.id, structureId: marseille, role: "dpo" },
      ]);
      expect(await runAction(changeCompteRole, { ...(await ref(c!.email)), role: "directeur" }, admin)).toMatchObject({ ok: true });
      expect(await membershipsOf(c!.email)).toEqual(
        expect.arrayContaining([
          { structureId: lyon, role: "directeur" },
          { structureId: marseille, role: "directeur" },
        ]),
      );
      expect(await runAction(changeCompteRole, { ...(await ref(c!.email)), role: "admin" }, admin)).toMatchObject({ ok: true });
      expect(await membershipsOf(c!.email)).toEqual([]);
      expect(await runAction(changeCompteRole, { ...(await ref(c!.email)), role: "dpo", structureId: marseille }, admin)).toMatchObject({
        ok: true,
      });
      expect(await membershipsOf(c!.email)).toEqual([{ structureId: marseille, role: "dpo" }]);
    });
  });
});
