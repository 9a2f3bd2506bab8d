import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { mailMessages, type MailMessageRow } from "@/db/schema";
import { afterCommit } from "@/lib/actions/after-commit";
import { logger } from "@/lib/log/logger";
import type { MailKind } from "./kinds";
import { type MailMessage, type SentMail, sendMail } from "./send";

/** After this many failed attempts a message is abandoned (dead letter) and listed for the DPO and the director. */
export const MAX_MAIL_ATTEMPTS = 8;

/** Delay before the next attempt after `attempts` failures: 1, 2, 4, 8… minutes (about two hours in all). */
export function mailBackoffMs(attempts: number): number {
  return 2 ** Math.max(0, attempts - 1) * 60_000;
}

export interface QueuedMail extends MailMessage {
  /** null: the platform's own message (an admin's invitation), listed for the admin only. */
  structureId: string | null;
  kind: MailKind;
  demandeId?: string | null;
  jeuneId?: string | null;
}

/**
 * Writes the message in the caller's transaction — it exists if and only if the act is committed — and asks
 * for it to be sent right after the commit (runAction); if that fails, the worker retries it.
 */
export async function enqueueMail(tx: Tx, mail: QueuedMail): Promise<string> {
  const [row] = await tx
    .insert(mailMessages)
    .values({
      structureId: mail.structureId,
      kind: mail.kind,
      to: mail.to,
      replyTo: mail.replyTo ?? null,
      subject: mail.subject,
      text: mail.text,
      attachments: (mail.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        base64: Buffer.from(a.content).toString("base64"),
      })),
      demandeId: mail.demandeId ?? null,
      jeuneId: mail.jeuneId ?? null,
      nextAttemptAt: new Date(),
    })
    .returning({ id: mailMessages.id });
  if (!row) throw new Error("mail not queued");
  sendAfterCommit(tx, row.id);
  return row.id;
}

/** Once `tx` commits (in runAction), the message is sent at once; on failure it stays due for the worker. */
export function sendAfterCommit(tx: Tx, mailId: string): void {
  afterCommit(tx, async (db) => {
    await deliverMail(db, { onlyIds: [mailId] });
  });
}

export interface MailDeliveryReport {
  envoyes: number;
  echecs: number;
  abandonnes: number;
}

export type MailSender = (message: MailMessage) => Promise<SentMail>;

/**
 * Sends the messages due at `now`, one transaction each: the row is locked (`for update skip locked`, so the
 * after-commit send and several workers never send one twice), sent, and the outcome recorded. Delivery is
 * at-least-once (a crash between sending and commit sends again). Once sent, body and attachments are cleared.
 */
export async function deliverMail(
  db: Db,
  options: { now?: Date; limit?: number; onlyIds?: string[]; send?: MailSender; signal?: AbortSignal } = {},
): Promise<MailDeliveryReport> {
  const report: MailDeliveryReport = { envoyes: 0, echecs: 0, abandonnes: 0 };
  const now = options.now ?? new Date();
  const send = options.send ?? ((m: MailMessage) => sendMail(m));
  const limit = options.limit ?? 50;

  for (let i = 0; i < limit; i++) {
    if (options.signal?.aborted) break; // stopping: the message in hand is finished, no other is taken
    const done = await db.transaction(async (tx) => {
      const [m] = await tx
        .select()
        .from(mailMessages)
        .where(
          and(
            inArray(mailMessages.status, ["a_envoyer", "echec_temporaire"]),
            or(isNull(mailMessages.nextAttemptAt), lte(mailMessages.nextAttemptAt, now)),
            options.onlyIds ? inArray(mailMessages.id, options.onlyIds) : undefined,
          ),
        )
        .orderBy(asc(mailMessages.nextAttemptAt), asc(mailMessages.createdAt), asc(mailMessages.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!m) return true;

      const attempt = m.attempts + 1;
      const error = await trySend(send, m);
      if (error === null) {
        await tx
          .update(mailMessages)
          .set({ status: "envoye", attempts: attempt, sentAt: new Date(), lastError: null, nextAttemptAt: null, text: "", attachments: [] })
          .where(eq(mailMessages.id, m.id));
        report.envoyes += 1;
      } else if (attempt >= MAX_MAIL_ATTEMPTS) {
        await tx
          .update(mailMessages)
          .set({ status: "abandonne", attempts: attempt, lastError: error, nextAttemptAt: null })
          .where(eq(mailMessages.id, m.id));
        report.abandonnes += 1;
      } else {
        await tx
          .update(mailMessages)
          .set({
            status: "echec_temporaire",
            attempts: attempt,
            lastError: error,
            nextAttemptAt: new Date(now.getTime() + mailBackoffMs(attempt)),
          })
          .where(eq(mailMessages.id, m.id));
        report.echecs += 1;
      }
      return false;
    });
    if (done) break;
  }
  if (report.echecs + report.abandonnes > 0) logger.warn({ mail: report }, "mail delivery failures");
  return report;
}

/** null when sent; else a technical code. Transport messages can quote addresses: only codes are kept. */
async function trySend(send: MailSender, m: MailMessageRow): Promise<string | null> {
  try {
    await send({
      to: m.to,
      replyTo: m.replyTo ?? undefined,
      subject: m.subject,
      text: m.text,
      attachments: m.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.base64, "base64"),
      })),
    });
    return null;
  } catch (error) {
    return errorCode(error);
  }
}

export function errorCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; name?: unknown };
  const code = typeof e?.code === "string" && /^[A-Z0-9_]{2,40}$/.test(e.code) ? e.code : null;
  const smtp = typeof e?.responseCode === "number" ? ` (SMTP ${e.responseCode})` : "";
  if (code) return `${code}${smtp}`;
  const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : "inconnue";
  return `exception: ${name}${smtp}`;
}
