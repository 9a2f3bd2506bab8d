import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jeunes, mailMessages, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { type ActionDefinition, runAction } from "@/lib/actions/run";
import { todayInParis } from "@/lib/calendar/civil-date";
import { recordDeskDemande } from "@/lib/droits/intake-writes";
import { DomainError } from "@/lib/errors/domain-error";
import { runWorkerOnce } from "@/lib/worker/run";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { deliverMail, enqueueMail, MAX_MAIL_ATTEMPTS, type MailSender } from "./outbox";
import { listFailedMail } from "./queries";
import { relaunchMail } from "./writes";

const CAMILLE = "conseillere.lyon@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const DIRECTOR_MARSEILLE = "directeur.marseille@sillage.demo";

/** A write that queues one message, then fails when asked: what a real act does, without its domain. */
const queueOne: ActionDefinition<z.ZodObject<{ subject: z.ZodString; fail: z.ZodBoolean }>, { id: string }> = {
  name: "test.mail",
  schema: z.object({ subject: z.string(), fail: z.boolean() }),
  capability: "droits.intake",
  dossier: { none: "test definition" },
  async handler({ tx, user, input }) {
    const id = await enqueueMail(tx, {
      structureId: user.structureId!,
      kind: "droits.accuse",
      to: "lea.dupont@exemple.fr",
      subject: input.subject,
      text: "Bonjour,\nNous avons bien reçu votre demande.",
      attachments: [{ filename: "accuse.pdf", content: new TextEncoder().encode("%PDF-1.7 test"), contentType: "application/pdf" }],
    });
    if (input.fail) throw new DomainError("conflict");
    return { data: { id }, audit: { action: "test.mail", targetType: "mail_message", targetId: id, structureId: user.structureId } };
  },
};

describe("mail outbox", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  const env = { outbox: process.env.MAIL_OUTBOX_DIR, transport: process.env.MAIL_TRANSPORT, smtp: process.env.SMTP_URL };
  let outbox: string;

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-mail-outbox-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today, jeunesPerStructure: 6 });
  });
  afterEach(() => {
    process.env.MAIL_TRANSPORT = env.transport;
    process.env.SMTP_URL = env.smtp;
    if (env.transport === undefined) delete process.env.MAIL_TRANSPORT;
    if (env.smtp === undefined) delete process.env.SMTP_URL;
  });
  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = env.outbox;
    await rm(outbox, { recursive: true, force: true });
  });

  const row = async (id: string) => (await t.db.select().from(mailMessages).where(eq(mailMessages.id, id)))[0]!;
  const summaries = async () =>
    Promise.all(
      (await readdir(outbox))
        .filter((f) => f.endsWith(".json"))
        .map(
          async (f) => JSON.parse(await readFile(path.join(outbox, f), "utf8")) as { to: string; subject: string; attachments: unknown[] },
        ),
    );
  const ok = <T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }): T => {
    if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
    return result.data;
  };
  /** SMTP to a closed port: the connection is refused at once. */
  const breakSmtp = () => {
    process.env.MAIL_TRANSPORT = "smtp";
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
  };

  it("queues the receipt in the request's transaction and sends it right after the commit", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    const [counsellor] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
    const [lea] = await t.db
      .select()
      .from(jeunes)
      .where(and(eq(jeunes.conseillerId, counsellor!.id), eq(jeunes.email, "lea.dupont@exemple.fr")));
    const data = ok(
      await runAction(
        recordDeskDemande,
        { jeuneId: lea!.id, type: "acces", objet: "Copie de mon dossier", recueLe: today, identiteVerifiee: "on", envoyerAccuse: "on" },
        camille,
      ),
    );
    expect(data.mailed).toBe(true);
    const [m] = await t.db.select().from(mailMessages).where(eq(mailMessages.demandeId, data.id));
    expect(m).toMatchObject({ kind: "droits.accuse", jeuneId: lea!.id, status: "envoye", attempts: 1, lastError: null });
    expect(m!.sentAt).not.toBeNull();
    // Once sent, only the envelope stays.
    expect(m).toMatchObject({ text: "", attachments: [] });
    const sent = (await summaries()).filter((s) => s.subject === m!.subject);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: "lea.dupont@exemple.fr",
      attachments: [expect.objectContaining({ contentType: "application/pdf" })],
    });
  });

  it("a rolled-back act leaves no message and sends nothing", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    const before = (await t.db.select().from(mailMessages)).length;
    const result = await runAction(queueOne, { subject: "Jamais envoyé", fail: true }, camille);
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(await t.db.select().from(mailMessages)).toHaveLength(before);
    expect((await summaries()).some((s) => s.subject === "Jamais envoyé")).toBe(false);
  });

  it("a failed request leaves no receipt either", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    const before = (await t.db.select().from(mailMessages)).length;
    const result = await runAction(
      recordDeskDemande,
      { jeuneId: "00000000-0000-7000-8000-000000000000", type: "acces", objet: "x", recueLe: today, envoyerAccuse: "on" },
      camille,
    );
    expect(result.ok).toBe(false);
    expect(await t.db.select().from(mailMessages)).toHaveLength(before);
  });

  it("a failing transport leaves the message for the worker, which backs off, then abandons it; the DPO sees it and relaunches it", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    breakSmtp();
    const { id } = ok(await runAction(queueOne, { subject: "Accusé en panne", fail: false }, camille));
    const first = await row(id);
    // The act is committed even though the e-mail did not leave.
    expect(first).toMatchObject({ status: "echec_temporaire", attempts: 1 });
    expect(first.lastError).toMatch(/^[A-Z]/);
    expect(first.lastError).not.toContain("@");
    expect(first.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: the worker leaves it alone.
    const refuse: MailSender = async () => {
      throw Object.assign(new Error("refused for lea.dupont@exemple.fr"), { code: "EENVELOPE", responseCode: 550 });
    };
    expect((await deliverMail(t.db, { send: refuse, onlyIds: [id] })).echecs).toBe(0);

    // Each pass after the backoff is one more attempt, each delay twice the last.
    let now = new Date();
    let previousDelay = 0;
    for (let attempt = 2; attempt < MAX_MAIL_ATTEMPTS; attempt++) {
      now = new Date((await row(id)).nextAttemptAt!.getTime() + 1);
      const tick = await runWorkerOnce(t.db, { now, sendMail: refuse });
      expect(tick.mail.echecs).toBeGreaterThanOrEqual(1);
      const r = await row(id);
      expect(r).toMatchObject({ status: "echec_temporaire", attempts: attempt, lastError: "EENVELOPE (SMTP 550)" });
      const delay = r.nextAttemptAt!.getTime() - now.getTime();
      expect(delay).toBeGreaterThan(previousDelay);
      previousDelay = delay;
    }
    now = new Date((await row(id)).nextAttemptAt!.getTime() + 1);
    expect((await deliverMail(t.db, { now, send: refuse, onlyIds: [id] })).abandonnes).toBe(1);
    expect(await row(id)).toMatchObject({ status: "abandonne", attempts: MAX_MAIL_ATTEMPTS, nextAttemptAt: null });
    // Abandoned: no later pass sends it.
    expect((await deliverMail(t.db, { now: new Date(now.getTime() + 86_400_000), onlyIds: [id] })).envoyes).toBe(0);

    const dpo = await sessionUserFor(t.db, DPO);
    const listed = (await listFailedMail(dpo, t.db)).find((m) => m.id === id);
    expect(listed).toMatchObject({
      status: "abandonne",
      recipient: "l***@exemple.fr",
      attempts: MAX_MAIL_ATTEMPTS,
      kindLabel: expect.any(String),
    });
    expect((await listFailedMail(await sessionUserFor(t.db, DIRECTOR_MARSEILLE), t.db)).some((m) => m.id === id)).toBe(false);

    // Another structure's director cannot relaunch it; the counsellor has no such right.
    expect(await runAction(relaunchMail, { mailId: id }, await sessionUserFor(t.db, DIRECTOR_MARSEILLE))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await runAction(relaunchMail, { mailId: id }, camille)).toMatchObject({ ok: false, code: "forbidden" });

    // Transport fixed: the relaunch puts it back and it leaves right after the commit.
    process.env.MAIL_TRANSPORT = "outbox";
    ok(await runAction(relaunchMail, { mailId: id }, dpo));
    expect(await row(id)).toMatchObject({ status: "envoye", attempts: 1, lastError: null });
    expect((await summaries()).filter((s) => s.subject === "Accusé en panne")).toHaveLength(1);
    expect((await listFailedMail(dpo, t.db)).some((m) => m.id === id)).toBe(false);
    // Already sent: a second relaunch is refused.
    expect(await runAction(relaunchMail, { mailId: id }, dpo)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("the worker sends a message whose after-commit send never happened", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    // Written outside runAction (as a crash between commit and send would leave it): still due.
    const id = await t.db.transaction((tx) =>
      enqueueMail(tx, {
        structureId: camille.structureId!,
        kind: "droits.reponse",
        to: "lea.dupont@exemple.fr",
        subject: "Réponse rattrapée",
        text: "Bonjour",
      }),
    );
    expect(await row(id)).toMatchObject({ status: "a_envoyer", attempts: 0 });
    const tick = await runWorkerOnce(t.db, {});
    expect(tick.mail.envoyes).toBeGreaterThanOrEqual(1);
    expect(await row(id)).toMatchObject({ status: "envoye" });
    expect((await summaries()).filter((s) => s.subject === "Réponse rattrapée")).toHaveLength(1);
  });
});
