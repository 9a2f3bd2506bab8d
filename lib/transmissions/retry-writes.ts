/**
 * Relaunch of a transfer that will not leave by itself: `abandonnee` (dead letter after MAX_ATTEMPTS failures)
 * or `rejetee` (refused by the recipient, e.g. HTTP 401/404 after a configuration error now fixed, or a
 * recipient that fixed its side). The same frozen payload and idempotency key go back to the queue
 * (`a_envoyer`, attempts reset): a relaunch never sends new data — if the data itself was wrong, correct the
 * dossier, which makes a new transfer.
 *
 * Ledger: the enum has no "relance" event; `liberee` ("back in the queue") is the honest one, with
 * `{ motif: "relance", statutPrecedent, tentatives }` telling it apart from the end of a limitation.
 * Refused while the young person's data is limited (GDPR art. 18: nothing leaves until it is lifted) or
 * once the dossier is anonymised.
 */
import { and, eq, gt, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { jeunes, transmissions, type TransmissionStatut } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { OF_TRANSMISSION } from "./target";
import { assertSameStructure } from "@/lib/auth/session-user";
import { DomainError } from "@/lib/errors/domain-error";
import { ledgerBase, requireFlow } from "./enqueue";
import { appendLedger } from "./ledger";
import { isNoticeKind } from "./kinds";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export const RETRYABLE_STATUTS: readonly TransmissionStatut[] = ["abandonnee", "rejetee"];

export function isRetryable(status: TransmissionStatut): boolean {
  return RETRYABLE_STATUTS.includes(status);
}

export const TRANSMISSION_NOT_FOUND = "Cette transmission est introuvable ou ne relève pas de votre mission locale.";

export const retrySchema = z.object({
  transmissionId: z.uuid({ error: "Transmission inconnue." }),
  /** The page's filters, to come back to the same list (query string of /transmissions only). */
  retour: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9=&_.:-]*$/)
    .optional()
    .catch(undefined),
});

async function lockTransfer(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      transmission: transmissions,
      limitationDepuis: jeunes.limitationDepuis,
      anonymisedAt: jeunes.anonymisedAt,
    })
    .from(transmissions)
    .innerJoin(jeunes, eq(jeunes.id, transmissions.jeuneId))
    .where(eq(transmissions.id, id))
    .for("update", { of: transmissions });
  return row;
}

export const retryTransmission: ActionDefinition<typeof retrySchema, { id: string; jeuneId: string; retour: string }> = {
  name: "transmissions.relance",
  schema: retrySchema,
  capability: "transmissions.retry",
  dossier: OF_TRANSMISSION,
  refreshes: [ALERT_STATE],
  async handler({ tx, user, input }) {
    const row = await lockTransfer(tx, input.transmissionId);
    if (!row) throw new DomainError("not_found", { message: TRANSMISSION_NOT_FOUND });
    try {
      assertSameStructure(user, row.transmission.structureId);
    } catch {
      throw new DomainError("not_found", { message: TRANSMISSION_NOT_FOUND });
    }
    const t = row.transmission;
    if (!isRetryable(t.status)) {
      throw new DomainError("conflict", {
        message: "Seule une transmission abandonnée ou refusée peut être relancée ; celle-ci est déjà dans la file ou a abouti.",
      });
    }
    if (row.anonymisedAt && !isNoticeKind(t.kind))
      throw new DomainError("conflict", { message: "Le dossier de ce jeune est anonymisé : ses données ne peuvent plus être transmises." });
    if (row.limitationDepuis && !isNoticeKind(t.kind)) {
      throw new DomainError("conflict", {
        message:
          "Le traitement des données de ce jeune est limité : aucune transmission ne part tant que la limitation n'est pas levée. Relancez après la levée.",
      });
    }

    // Relaunching an old transfer after a later one to the same recipient has left would deliver them out of
    // order (an old registration after an exit, say): refused.
    const [later] = await tx
      .select({ id: transmissions.id })
      .from(transmissions)
      .where(
        and(
          eq(transmissions.jeuneId, t.jeuneId),
          eq(transmissions.recipient, t.recipient),
          ne(transmissions.id, t.id),
          gt(transmissions.createdAt, t.createdAt),
          inArray(transmissions.status, ["envoyee", "accusee"]),
        ),
      )
      .limit(1);
    if (later) {
      throw new DomainError("conflict", {
        message:
          "Une transmission plus récente vers ce destinataire est déjà partie : relancer celle-ci l'enverrait dans le désordre. Si une information manque au destinataire, corrigez le dossier : une nouvelle transmission partira.",
      });
    }

    const now = new Date();
    const [updated] = await tx
      .update(transmissions)
      .set({ status: "a_envoyer", attempts: 0, nextAttemptAt: now, lastError: null })
      .where(and(eq(transmissions.id, t.id), eq(transmissions.status, t.status)))
      .returning({ id: transmissions.id });
    if (!updated) throw new DomainError("conflict", { message: "Cette transmission vient d'être modifiée. Rechargez la page." });
    await appendLedger(tx, {
      ...ledgerBase(t, requireFlow(t)),
      event: "liberee",
      detail: { motif: "relance", statutPrecedent: t.status, tentatives: t.attempts },
      at: now,
    });

    return {
      data: { id: t.id, jeuneId: t.jeuneId, retour: input.retour ?? "" },
      audit: {
        action: "transmissions.relance",
        targetType: "transmission",
        targetId: t.id,
        jeuneId: t.jeuneId,
        structureId: t.structureId,
        fields: ["status", "attempts", "nextAttemptAt", "lastError"],
        meta: { destinataire: t.recipient, statutPrecedent: t.status, tentatives: t.attempts },
      },
    };
  },
  revalidate: (_input, data) => ["/transmissions", `/jeunes/${data.jeuneId}`],
};
