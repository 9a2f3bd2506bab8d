import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { invitations, mailMessages, memberships, structures, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { type ActionResult, runAction } from "@/lib/actions/run";
import { verifyCredentials } from "@/lib/auth/credentials";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { toSessionUser } from "@/lib/auth/session-user";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listFailedMail, PLATFORM_SENDER } from "@/lib/mail/queries";
import { relaunchMail } from "@/lib/mail/writes";
import { INVITATION_MESSAGES } from "./invitation-schema";
import { acceptInvitation, inviteCompte, resendInvitation, revokeInvitation } from "./invitation-writes";
import { INVALID_LINK, INVITATION_TTL_MS, findInvitation, hashInvitationToken, latestInvitation } from "./invitations";
import { ROLE_REFUSED, SELF_REFUSED } from "./rules";

const ADMIN = "admin@sillage.demo";
const DIRECTRICE_LYON = "directrice.lyon@sillage.demo";
const CONSEILLERE_LYON = "conseillere.lyon@sillage.demo";
const DPO_LYON = "dpo.lyon@sillage.demo";
const GOOD_PASSWORD = "cheval agrafe batterie correcte";

describe("invitations", () => {
  const t = useTestDatabase();
  let outbox = "";
  const previousOutbox = process.env.MAIL_OUTBOX_DIR;
  const ids = { lyon: "", marseille: "" };
  let seq = 0;

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-invitations-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
    for (const s of await t.db.select().from(structures)) ids[s.name.includes("Lyon") ? "lyon" : "marseille"] = s.id;
  });
  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = previousOutbox;
    await rm(outbox, { recursive: true, force: true });
  });

  const as = (email: string) => sessionUserFor(t.db, email);
  const fresh = (prefix = "invite") => `${prefix}.${++seq}@ml-essai.fr`;
  const counts = async () => ({
    users: (await t.db.select({ n: count() }).from(users))[0]?.n,
    invitations: (await t.db.select({ n: count() }).from(invitations))[0]?.n,
    memberships: (await t.db.select({ n: count() }).from(memberships))[0]?.n,
    mails: (await t.db.select({ n: count() }).from(mailMessages))[0]?.n,
  });

  /** The token of the last invitation mailed to `email`, read from the development outbox as a tester would. */
  async function lastToken(email: string): Promise<string> {
    const files = (await readdir(outbox)).filter((f) => f.endsWith(".json")).sort();
    for (const file of files.reverse()) {
      const m = JSON.parse(await readFile(path.join(outbox, file), "utf8")) as { to: string; text: string };
      const token = m.to === email ? /\/invitation\/([A-Za-z0-9_-]{43})/.exec(m.text)?.[1] : undefined;
      if (token) return token;
    }
    throw new Error(`no invitation mailed to ${email}`);
  }

  async function invite(actor: string, input: Record<string, unknown>): Promise<ActionResult<{ id: string }>> {
    return runAction(inviteCompte, input, await as(actor));
  }

  async function accept(email: string, token: string, password = GOOD_PASSWORD, confirmation = password) {
    const [row] = await t.db.select().from(users).where(eq(users.email, email));
    return runAction(acceptInvitation, { token, password, confirmation }, toSessionUser(row!, null));
  }

  describe("who may invite whom", () => {
    it("the admin invites a counsellor into a structure: account, membership, invitation and queued mail", async () => {
      const email = fresh();
      const before = await counts();
      const result = await invite(ADMIN, { name: "Léa Petit", email: email.toUpperCase(), role: "conseiller", structureId: ids.lyon });
      expect(result.ok).toBe(true);
      const [row] = await t.db.select().from(users).where(eq(users.email, email));
      expect(row).toMatchObject({ role: "conseiller", structureId: ids.lyon, active: true, passwordHash: null });
      expect(await t.db.select().from(memberships).where(eq(memberships.userId, row!.id))).toMatchObject([
        { structureId: ids.lyon, role: "conseiller" },
      ]);
      const [inv] = await t.db.select().from(invitations).where(eq(invitations.userId, row!.id));
      const token = await lastToken(email);
      // Only the hash is stored; the link carries 32 random bytes, valid 72 hours.
      expect(inv!.tokenHash).toBe(hashInvitationToken(token));
      expect(inv!.tokenHash).not.toContain(token);
      expect(inv!.expiresAt.getTime() - inv!.createdAt.getTime()).toBe(INVITATION_TTL_MS);
      const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, email));
      expect(mail).toMatchObject({ kind: "compte.invitation", structureId: ids.lyon, status: "envoye", text: "" });
      expect(await counts()).toEqual({
        users: before.users! + 1,
        invitations: before.invitations! + 1,
        memberships: before.memberships! + 1,
        mails: before.mails! + 1,
      });
    });

    it("the admin invites an admin: no structure, no membership, the mail through the outbox as the platform's", async () => {
      const email = fresh("admin");
      const before = await counts();
      const result = await invite(ADMIN, { name: "Sam Durand", email, role: "admin", structureId: ids.lyon });
      expect(result.ok).toBe(true);
      const [row] = await t.db.select().from(users).where(eq(users.email, email));
      expect(row).toMatchObject({ role: "admin", structureId: null });
      expect(await lastToken(email)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await counts()).toEqual({
        ...before,
        users: before.users! + 1,
        invitations: before.invitations! + 1,
        mails: before.mails! + 1,
      });
      const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, email));
      expect(mail).toMatchObject({ kind: "compte.invitation", structureId: null });
      // Should it fail, only the admin lists it (as the platform's), never a mission locale's DPO.
      await t.db.update(mailMessages).set({ status: "abandonne", attempts: 8 }).where(eq(mailMessages.id, mail!.id));
      const admin = await sessionUserFor(t.db, ADMIN);
      expect((await listFailedMail(admin, t.db)).find((m) => m.id === mail!.id)).toMatchObject({ structureName: PLATFORM_SENDER });
      const dpo = await sessionUserFor(t.db, DPO_LYON);
      expect((await listFailedMail(dpo, t.db)).some((m) => m.id === mail!.id)).toBe(false);
      expect(await runAction(relaunchMail, { mailId: mail!.id }, dpo)).toMatchObject({ ok: false, code: "not_found" });
      expect(await runAction(relaunchMail, { mailId: mail!.id }, admin)).toMatchObject({ ok: true });
    });

    it("a director invites a counsellor of their own structure", async () => {
      const email = fresh();
      const result = await invite(DIRECTRICE_LYON, { name: "Hugo Blanc", email, role: "conseiller" });
      expect(result.ok).toBe(true);
      const [row] = await t.db.select().from(users).where(eq(users.email, email));
      expect(row).toMatchObject({ role: "conseiller", structureId: ids.lyon });
    });

    const refusals: [string, string, Record<string, unknown>, string, string | null][] = [
      ["a director into another structure", DIRECTRICE_LYON, { role: "conseiller", structureId: "marseille" }, "forbidden", "structureId"],
      ["a director granting dpo", DIRECTRICE_LYON, { role: "dpo" }, "forbidden", "role"],
      ["a director granting directeur", DIRECTRICE_LYON, { role: "directeur" }, "forbidden", "role"],
      ["a director granting admin", DIRECTRICE_LYON, { role: "admin" }, "forbidden", "role"],
      ["a counsellor", CONSEILLERE_LYON, { role: "conseiller" }, "forbidden", null],
      ["a DPO", DPO_LYON, { role: "conseiller" }, "forbidden", null],
      ["the admin without a structure for a counsellor", ADMIN, { role: "conseiller" }, "invalid_input", "structureId"],
      [
        "the admin with an antenne of another structure",
        ADMIN,
        { role: "conseiller", structureId: "lyon", antenneId: "marseille-antenne" },
        "invalid_input",
        "antenneId",
      ],
      [
        "an address already used (the caller's own)",
        DIRECTRICE_LYON,
        { role: "conseiller", email: DIRECTRICE_LYON },
        "invalid_input",
        "email",
      ],
      [
        "an address already used, in capitals",
        ADMIN,
        { role: "conseiller", structureId: "lyon", email: CONSEILLERE_LYON.toUpperCase() },
        "invalid_input",
        "email",
      ],
    ];
    it.each(refusals)("refuses %s and writes nothing", async (_label, actor, partial, code, field) => {
      const [marseilleAntenne] = await t.db.query.antennes.findMany({ where: (a, { eq }) => eq(a.structureId, ids.marseille) });
      const resolve = (v: unknown) =>
        v === "lyon" ? ids.lyon : v === "marseille" ? ids.marseille : v === "marseille-antenne" ? marseilleAntenne!.id : v;
      const input = Object.fromEntries(
        Object.entries({ name: "Refusée Refus", email: fresh("refus"), ...partial }).map(([k, v]) => [k, resolve(v)]),
      );
      const before = await counts();
      const result = await invite(actor, input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(code);
      if (field) expect(result.fieldErrors[field]?.[0]).toBeTruthy();
      if (field === "email") expect(result.fieldErrors.email).toEqual([INVITATION_MESSAGES.emailTaken]);
      expect(await counts()).toEqual(before);
    });

    it("refuses a deactivated structure", async () => {
      await t.db.update(structures).set({ active: false }).where(eq(structures.id, ids.marseille));
      const before = await counts();
      const result = await invite(ADMIN, { name: "Refusée Refus", email: fresh("refus"), role: "conseiller", structureId: ids.marseille });
      await t.db.update(structures).set({ active: true }).where(eq(structures.id, ids.marseille));
      expect(result).toMatchObject({ ok: false, fieldErrors: { structureId: [INVITATION_MESSAGES.structureUnknown] } });
      expect(await counts()).toEqual(before);
    });

    it("refuses hostile input with French field errors", async () => {
      const before = await counts();
      const result = await invite(ADMIN, { name: "Eve\u202E", email: "pas une adresse", role: "root", structureId: "'; drop table users" });
      expect(result).toMatchObject({ ok: false, code: "invalid_input" });
      if (!result.ok) expect(Object.keys(result.fieldErrors).sort()).toEqual(["email", "name", "role", "structureId"]);
      expect(await counts()).toEqual(before);
    });
  });

  describe("accepting the link", () => {
    async function invited(role = "conseiller") {
      const email = fresh("accept");
      const result = await invite(DIRECTRICE_LYON, { name: "Inès Roux", email, role });
      if (!result.ok) throw new Error(result.message);
      return { email, id: result.data.id, token: await lastToken(email) };
    }
    const state = async (id: string) => {
      const [u] = await t.db.select().from(users).where(eq(users.id, id));
      const [i] = await t.db.select().from(invitations).where(eq(invitations.userId, id));
      return { passwordHash: u!.passwordHash, usedAt: i!.usedAt, sessionVersion: u!.sessionVersion };
    };

    it("sets the password once: the account signs in, the link no longer opens", async () => {
      const { email, id, token } = await invited();
      const before = await state(id);
      expect(await findInvitation(t.db, token)).not.toBeNull();
      expect(await accept(email, token)).toMatchObject({ ok: true });
      const after = await state(id);
      expect(after.passwordHash).toMatch(/^\$argon2id\$/);
      expect(after.usedAt).toBeInstanceOf(Date);
      expect(after.sessionVersion).toBe(before.sessionVersion);
      expect(await verifyCredentials(t.db, { email, password: GOOD_PASSWORD, ip: "192.0.2.10" })).toMatchObject({ ok: true });
      expect(await findInvitation(t.db, token)).toBeNull();
      expect(await accept(email, token, "une autre phrase de passe")).toMatchObject({
        ok: false,
        code: "not_found",
        message: INVALID_LINK,
      });
      expect((await latestInvitation(t.db, id))?.status).toBe("acceptee");
    });

    it("of two concurrent acceptances, exactly one wins", async () => {
      const { email, id, token } = await invited();
      const results = await Promise.all([
        accept(email, token, "première phrase de passe"),
        accept(email, token, "seconde phrase de passe"),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toMatchObject([{ code: "not_found" }]);
      expect((await state(id)).passwordHash).toMatch(/^\$argon2id\$/);
    });

    it("opens for 72 hours, not one second more", async () => {
      const { email, id, token } = await invited();
      const [inv] = await t.db.select().from(invitations).where(eq(invitations.userId, id));
      expect(await findInvitation(t.db, token, new Date(inv!.createdAt.getTime() + INVITATION_TTL_MS - 1000))).not.toBeNull();
      expect(await findInvitation(t.db, token, new Date(inv!.createdAt.getTime() + INVITATION_TTL_MS))).toBeNull();
      await t.db
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.userId, id));
      expect(await accept(email, token)).toMatchObject({ ok: false, message: INVALID_LINK });
      expect(await state(id)).toMatchObject({ passwordHash: null, usedAt: null });
      expect((await latestInvitation(t.db, id))?.status).toBe("expiree");
    });

    it("refuses a password against the policy, and changes nothing", async () => {
      const { email, id, token } = await invited();
      const cases: [string, string, string, string][] = [
        ["qwerty123456", "qwerty123456", "password", PASSWORD_MESSAGES.common],
        ["court", "court", "password", PASSWORD_MESSAGES.tooShort],
        [`${email.split("@")[0]}-2026`, `${email.split("@")[0]}-2026`, "password", PASSWORD_MESSAGES.email],
        [GOOD_PASSWORD, `${GOOD_PASSWORD}!`, "confirmation", PASSWORD_MESSAGES.confirmation],
      ];
      for (const [password, confirmation, field, message] of cases) {
        const result = await accept(email, token, password, confirmation);
        expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { [field]: [message] } });
        expect(await state(id)).toMatchObject({ passwordHash: null, usedAt: null });
      }
      expect(await accept(email, token)).toMatchObject({ ok: true });
    });

    it("refuses the token on another account", async () => {
      const a = await invited();
      const b = await invited();
      expect(await accept(b.email, a.token)).toMatchObject({ ok: false, message: INVALID_LINK });
      expect(await state(b.id)).toMatchObject({ passwordHash: null, usedAt: null });
    });
  });

  describe("sending again and revoking", () => {
    async function invited(actor = DIRECTRICE_LYON, input: Record<string, unknown> = { role: "conseiller" }) {
      const email = fresh("renvoi");
      const result = await invite(actor, { name: "Jules Noir", email, ...input });
      if (!result.ok) throw new Error(result.message);
      return { email, id: result.data.id, token: await lastToken(email) };
    }

    it("a new link replaces the previous one, which is refused", async () => {
      const { email, id, token } = await invited();
      const result = await runAction(resendInvitation, { compteId: id }, await as(DIRECTRICE_LYON));
      expect(result.ok).toBe(true);
      const renewed = await lastToken(email);
      expect(renewed).not.toBe(token);
      expect(await accept(email, token)).toMatchObject({ ok: false, message: INVALID_LINK });
      expect(await accept(email, renewed)).toMatchObject({ ok: true });
      // Once the password is chosen there is nothing left to send or revoke.
      for (const def of [resendInvitation, revokeInvitation]) {
        expect(await runAction(def, { compteId: id }, await as(DIRECTRICE_LYON))).toMatchObject({ ok: false, code: "conflict" });
      }
    });

    it("a revoked link is refused; revoking twice is refused", async () => {
      const { email, id, token } = await invited();
      expect(await runAction(revokeInvitation, { compteId: id }, await as(ADMIN))).toMatchObject({ ok: true });
      expect(await accept(email, token)).toMatchObject({ ok: false, message: INVALID_LINK });
      expect((await latestInvitation(t.db, id))?.status).toBe("revoquee");
      expect(await runAction(revokeInvitation, { compteId: id }, await as(ADMIN))).toMatchObject({ ok: false, code: "conflict" });
    });

    it("refuses another structure's account, a role the director does not manage, and one's own account", async () => {
      const marseille = await invited(ADMIN, { role: "conseiller", structureId: ids.marseille });
      const dpo = await invited(ADMIN, { role: "dpo", structureId: ids.lyon });
      const director = await as(DIRECTRICE_LYON);
      const before = await counts();
      for (const def of [resendInvitation, revokeInvitation]) {
        expect(await runAction(def, { compteId: marseille.id }, director)).toMatchObject({ ok: false, code: "not_found" });
        expect(await runAction(def, { compteId: dpo.id }, director)).toMatchObject({ ok: false, code: "forbidden", message: ROLE_REFUSED });
        expect(await runAction(def, { compteId: director.id }, director)).toMatchObject({
          ok: false,
          code: "forbidden",
          message: SELF_REFUSED,
        });
        expect(await runAction(def, { compteId: marseille.id }, await as(CONSEILLERE_LYON))).toMatchObject({
          ok: false,
          code: "forbidden",
        });
      }
      expect(await counts()).toEqual(before);
      expect(await findInvitation(t.db, marseille.token)).not.toBeNull();
      expect(await findInvitation(t.db, dpo.token)).not.toBeNull();
    });
  });
});
