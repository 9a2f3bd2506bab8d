/**
 * Relaunch of an e-mail that did not leave: abandoned after MAX_MAIL_ATTEMPTS failures, or waiting for its
 * next attempt. The same message goes back to the queue (attempts reset) and is tried again right after the
 * commit. It opens no young person's file: the message was written when the act was, and only its delivery
 * state changes.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { mailMessages } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { assertSameStructure } from "@/lib/auth/session-user";
import { DomainError } from "@/lib/errors/domain-error";
import { sendAfterCommit } from "./outbox";
import { FAILED_MAIL_STATUTS } from "./statuts";

export const MAIL_NOT_FOUND = "Ce courriel est introuvable ou ne relève pas de votre mission locale.";

export const relaunchSchema = z.object({
  mailId: z.uuid({ error: "Courriel inconnu." }),
});

export const relaunchMail: ActionDefinition<typeof relaunchSchema, { id: string }> = {
  name: "mail.relance",
  schema: relaunchSchema,
  capability: "mail.retry",
  dossier: { none: "re-queues a message already written with its act; no file is opened nor shown (the recipient is masked)" },
  async handler({ tx, user, input }) {
    const [m] = await tx
      .select({
        id: mailMessages.id,
        structureId: mailMessages.structureId,
        jeuneId: mailMessages.jeuneId,
        kind: mailMessages.kind,
        status: mailMessages.status,
        attempts: mailMessages.attempts,
      })
      .from(mailMessages)
      .where(eq(mailMessages.id, input.mailId))
      .for("update");
    if (!m) throw new DomainError("not_found", { message: MAIL_NOT_FOUND });
    try {
      assertSameStructure(user, m.structureId);
    } catch {
      throw new DomainError("not_found", { message: MAIL_NOT_FOUND });
    }
    if (!(FAILED_MAIL_STATUTS as readonly string[]).includes(m.status)) {
      throw new DomainError("conflict", { message: "Ce courriel est déjà parti ou déjà dans la file d'envoi : rechargez la page." });
    }
    await tx
      .update(mailMessages)
      .set({ status: "a_envoyer", attempts: 0, nextAttemptAt: new Date(), lastError: null })
      .where(and(eq(mailMessages.id, m.id), eq(mailMessages.status, m.status)));
    sendAfterCommit(tx, m.id);
    return {
      data: { id: m.id },
      audit: {
        action: "mail.relance",
        targetType: "mail_message",
        targetId: m.id,
        jeuneId: m.jeuneId,
        structureId: m.structureId,
        fields: ["status", "attempts", "nextAttemptAt", "lastError"],
        meta: { type: m.kind, statutPrecedent: m.status, tentatives: m.attempts },
      },
    };
  },
  revalidate: () => ["/transmissions"],
};
