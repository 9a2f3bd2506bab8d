import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";
import { auditLog, jeunes, mailMessages, signInCodes, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { authorizeCode } from "@/lib/auth/code-sign-in";
import type { SessionUser } from "@/lib/auth/session-user";
import { auditActionLabel } from "@/lib/audit-labels";
import { listHistorique } from "@/lib/jeunes/historique";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { ESPACE_INVITATION_MESSAGES, inviteToEspace } from "./invitation-writes";
import { listMyJourney } from "./journey-queries";

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    out[getTableName(table)] = row?.n ?? 0;
  }
  return out;
}

let outbox = "";
/** The latest message sent to `to`, read from the development outbox as a tester would. */
async function lastMailTo(to: string): Promise<{ to: string; subject: string; text: string }> {
  const files = (await readdir(outbox)).filter((f) => f.endsWith(".json")).sort();
  for (const file of files.reverse()) {
    const m = JSON.parse(await readFile(path.join(outbox, file), "utf8")) as { to: string; subject: string; text: string };
    if (m.to === to) return m;
  }
  throw new Error(`no message to ${to}`);
}

describe("« Inviter dans Mon espace »", () => {
  const t = useTestDatabase();
  let camille: SessionUser;
  let julien: SessionUser;
  let ines: SessionUser;
  let dpo: SessionUser;
  let leaId: string;
  let tomId: string;
  /** A young person of Camille's portfolio without an account. */
  let otherId: string;

  const previousOutbox = process.env.MAIL_OUTBOX_DIR;
  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = previousOutbox;
    await rm(outbox, { recursive: true, force: true });
  });

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-espace-invitation-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 4 });
    camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    julien = await sessionUserFor(t.db, "conseiller.lyon@sillage.demo");
    ines = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const rows = await t.db.select({ id: jeunes.id, email: jeunes.email, conseillerId: jeunes.conseillerId }).from(jeunes);
    leaId = rows.find((r) => r.email === "lea.dupont@exemple.fr")!.id;
    tomId = rows.find((r) => r.email === "tom.girard@exemple.fr")!.id;
    const linked = new Set((await t.db.select({ j: users.jeuneId }).from(users)).map((u) => u.j));
    otherId = rows.find((r) => r.conseillerId === camille.id && !linked.has(r.id) && r.email)!.id;
  });

  it("sends to the dossier's own address, reuses the account, and its 72-hour link signs in once", async () => {
    const before = await counts(t.db);
    // An address slipped into the form is not an input: the dossier's is used.
    const result = await runAction(inviteToEspace, { jeuneId: leaId, email: "pirate@exemple.fr" }, camille);
    expect(result).toMatchObject({ ok: true, data: { email: "lea.dupont@exemple.fr", minor: false, accountCreated: false } });
    const after = await counts(t.db);
    expect(after.users).toBe(before.users);
    expect(after.sign_in_codes).toBe((before.sign_in_codes ?? 0) + 1);
    const [queued] = await t.db.select().from(mailMessages).where(eq(mailMessages.kind, "espace.invitation"));
    expect(queued).toMatchObject({ to: "lea.dupont@exemple.fr", jeuneId: leaId, status: "envoye" });
    const mail = await lastMailTo("lea.dupont@exemple.fr");
    expect(await t.db.select().from(mailMessages).where(eq(mailMessages.to, "pirate@exemple.fr"))).toEqual([]);
    expect(mail.text).not.toContain("moins de 18 ans");
    const [code] = await t.db
      .select()
      .from(signInCodes)
      .where(eq(signInCodes.purpose, "invitation"))
      .orderBy(desc(signInCodes.createdAt))
      .limit(1);
    expect(code?.createdBy).toBe(camille.id);
    expect((code!.expiresAt.getTime() - code!.createdAt.getTime()) / 3_600_000).toBe(72);

    const token = /\/connexion\/lien\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    const headers = new Headers({ "x-forwarded-for": "10.7.0.1" });
    const later = new Date(Date.now() + 71 * 3_600_000);
    expect(await authorizeCode(t.db, { token }, headers, later)).toMatchObject({ ok: true, purpose: "invitation" });
    expect(await authorizeCode(t.db, { token }, headers, later)).toEqual({ ok: false, code: "invalid" });

    // Audited, worded, in the dossier's history and in the young person's journey.
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "espace.invitation"), eq(auditLog.jeuneId, leaId)));
    expect(entry?.actorId).toBe(camille.id);
    expect(JSON.stringify(entry)).not.toContain("lea.dupont");
    expect(auditActionLabel("espace.invitation")).toMatch(/Invitation dans Mon espace/);
    const historique = await listHistorique(camille, leaId, { page: 1 });
    expect(historique.entries.some((e) => e.kind === "modification" && e.action === "espace.invitation")).toBe(true);
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const journey = await listMyJourney(lea, { type: "tout", page: 1 }, t.db);
    expect(journey.lines.map((l) => l.title)).toContain("Vous avez été invité dans Mon espace");
  });

  it("an expired invitation link is refused", async () => {
    await runAction(inviteToEspace, { jeuneId: leaId }, camille);
    const token = /\/connexion\/lien\/([A-Za-z0-9_-]{43})/.exec((await lastMailTo("lea.dupont@exemple.fr")).text)?.[1];
    expect(token).toBeDefined();
    expect(await authorizeCode(t.db, { token }, new Headers(), new Date(Date.now() + 73 * 3_600_000))).toEqual({
      ok: false,
      code: "invalid",
    });
  });

  it("creates the account of a young person who has none: role jeune, linked, no password", async () => {
    const result = await runAction(inviteToEspace, { jeuneId: otherId }, camille);
    expect(result).toMatchObject({ ok: true, data: { accountCreated: true } });
    const [account] = await t.db.select().from(users).where(eq(users.jeuneId, otherId));
    expect(account).toMatchObject({ role: "jeune", passwordHash: null, active: true });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "espace.invitation"), eq(auditLog.jeuneId, otherId)));
    expect(entry?.fields).toEqual(["invitation", "compte"]);
  });

  it("writes the minor version for someone under 18", async () => {
    expect(await runAction(inviteToEspace, { jeuneId: tomId }, camille)).toMatchObject({ ok: true, data: { minor: true } });
    const mail = await lastMailTo("tom.girard@exemple.fr");
    expect(mail.text).toContain("Vous avez moins de 18 ans.");
    expect(mail.text).toContain("représentant légal");
  });

  it("without an address on the dossier: says so on the e-mail field, nothing written", async () => {
    await t.db.update(jeunes).set({ email: null }).where(eq(jeunes.id, otherId));
    const before = await counts(t.db);
    const result = await runAction(inviteToEspace, { jeuneId: otherId }, camille);
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: [ESPACE_INVITATION_MESSAGES.noEmail] } });
    expect(await counts(t.db)).toEqual(before);
  });

  it("an address already used by another account: field error, nothing written", async () => {
    await t.db.update(jeunes).set({ email: "dpo.lyon@sillage.demo" }).where(eq(jeunes.id, otherId));
    const before = await counts(t.db);
    const result = await runAction(inviteToEspace, { jeuneId: otherId }, camille);
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: [ESPACE_INVITATION_MESSAGES.emailTaken] } });
    expect(await counts(t.db)).toEqual(before);
  });

  it("refuses a counsellor outside the portfolio, another structure and a role that may not write", async () => {
    const before = await counts(t.db);
    expect(await runAction(inviteToEspace, { jeuneId: leaId }, julien)).toMatchObject({ ok: false, code: "reason_required" });
    expect(await runAction(inviteToEspace, { jeuneId: leaId }, ines)).toMatchObject({ ok: false, code: "not_found" });
    expect(await runAction(inviteToEspace, { jeuneId: leaId }, dpo)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await counts(t.db)).toEqual(before);
  });
});
