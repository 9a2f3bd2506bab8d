/**
 * "Envoyer maintenant": a director or DPO sends one due transfer at once instead of waiting for the worker's
 * next pass (or for the next attempt after a temporary failure). Two steps:
 * 1. the action (one transaction, audited): the transfer of the caller's structure must be waiting
 *    (`a_envoyer`, `echec_temporaire`), the dossier neither limited nor anonymised; it becomes due now;
 * 2. after the commit, the worker's own delivery (deliverDue restricted to this transfer), with the same
 *    rules as every pass: order per young person and recipient, limitation re-checked, ledger entries.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jeunes, transmissionStatutEnum, transmissions, type TransmissionStatut } from "@/db/schema";
import { runAction, type ActionDefinition, type ActionResult } from "@/lib/actions/run";
import { OF_TRANSMISSION } from "./target";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import { DomainError } from "@/lib/errors/domain-error";
import { logger } from "@/lib/log/logger";
import type { AdapterFor } from "./adapters";
import { TRANSMISSION_NOT_FOUND, retrySchema } from "./retry-writes";
import { deliverDue } from "./worker";
import { isNoticeKind } from "./kinds";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export const WAITING_STATUTS: readonly TransmissionStatut[] = ["a_envoyer", "echec_temporaire"];

export function isWaiting(status: TransmissionStatut): boolean {
  return WAITING_STATUTS.includes(status);
}

export const makeDueNow: ActionDefinition<typeof retrySchema, { id: string; jeuneId: string; retour: string }> = {
  name: "transmissions.envoi_immediat",
  schema: retrySchema,
  capability: "transmissions.retry",
  dossier: OF_TRANSMISSION,
  refreshes: [ALERT_STATE],
  async handler({ tx, user, input }) {
    const [row] = await tx
      .select({ t: transmissions, limitationDepuis: jeunes.limitationDepuis, anonymisedAt: jeunes.anonymisedAt })
      .from(transmissions)
      .innerJoin(jeunes, eq(jeunes.id, transmissions.jeuneId))
      .where(eq(transmissions.id, input.transmissionId))
      .for("update", { of: transmissions });
    if (!row) throw new DomainError("not_found", { message: TRANSMISSION_NOT_FOUND });
    try {
      assertSameStructure(user, row.t.structureId);
    } catch {
      throw new DomainError("not_found", { message: TRANSMISSION_NOT_FOUND });
    }
    if (!isWaiting(row.t.status))
      throw new DomainError("conflict", {
        message: "Cette transmission n'attend pas d'envoi : elle est déjà partie, a abouti ou est bloquée.",
      });
    if (row.anonymisedAt && !isNoticeKind(row.t.kind))
      throw new DomainError("conflict", { message: "Le dossier de ce jeune est anonymisé : ses données ne peuvent plus être transmises." });
    if (row.limitationDepuis && !isNoticeKind(row.t.kind)) {
      throw new DomainError("conflict", {
        message: "Le traitement des données de ce jeune est limité : aucune transmission ne part tant que la limitation n'est pas levée.",
      });
    }
    await tx
      .update(transmissions)
      .set({ nextAttemptAt: new Date() })
      .where(and(eq(transmissions.id, row.t.id), eq(transmissions.status, row.t.status)));
    return {
      data: { id: row.t.id, jeuneId: row.t.jeuneId, retour: input.retour ?? "" },
      audit: {
        action: "transmissions.envoi_immediat",
        targetType: "transmission",
        targetId: row.t.id,
        jeuneId: row.t.jeuneId,
        structureId: row.t.structureId,
        fields: ["nextAttemptAt"],
        meta: { destinataire: row.t.recipient, statut: row.t.status },
      },
    };
  },
  revalidate: (_input, data) => ["/transmissions", `/jeunes/${data.jeuneId}`],
};

/**
 * `differe`: the transfer is due now but the delivery itself could not run; the worker will send it.
 * `confiee`: due now and left to the worker on purpose (the file drop with several instances, channels.ts).
 */
export type SendNowStatus = TransmissionStatut | "differe" | "confiee";
export type SendNowOutcome = { id: string; jeuneId: string; retour: string; status: SendNowStatus; acknowledgement: string | null };

export function isSendNowStatus(value: string): value is SendNowStatus {
  return value === "differe" || value === "confiee" || (transmissionStatutEnum.enumValues as readonly string[]).includes(value);
}

/**
 * The action, then the delivery of that one transfer; the outcome is the transfer's status afterwards.
 * `deliver: false` stops after the action: the worker's next pass sends it (`confiee`).
 */
export async function sendNow(
  user: SessionUser | null,
  raw: unknown,
  adapterFor: AdapterFor,
  options: { requestId?: string; deliver?: boolean } = {},
): Promise<ActionResult<SendNowOutcome>> {
  const result = await runAction(makeDueNow, raw, user, options);
  if (!result.ok) return result;
  if (options.deliver === false) return { ok: true, data: { ...result.data, status: "confiee", acknowledgement: null } };
  const db = await getDb();
  try {
    await deliverDue(db, adapterFor, new Date(), { onlyId: result.data.id, limit: 1 });
    const [after] = await db
      .select({ status: transmissions.status, acknowledgement: transmissions.acknowledgement })
      .from(transmissions)
      .where(eq(transmissions.id, result.data.id));
    return { ok: true, data: { ...result.data, status: after?.status ?? "a_envoyer", acknowledgement: after?.acknowledgement ?? null } };
  } catch (error) {
    // The transfer is already due now (committed above): the worker's next pass sends it. The person gets
    // a message, not an error page; the log keeps the error's class only (its message may quote data).
    logger.warn(
      { requestId: options.requestId, transmissionId: result.data.id, err: { type: error instanceof Error ? error.name : "unknown" } },
      "send now: delivery deferred",
    );
    return { ok: true, data: { ...result.data, status: "differe", acknowledgement: null } };
  }
}

/** What the person reads after "Envoyer maintenant". */
export function sendNowMessage(outcome: Pick<SendNowOutcome, "status" | "acknowledgement">): string {
  switch (outcome.status) {
    case "confiee":
      return "La transmission est prête à partir : le service d'envoi la dépose dans la minute. Rechargez la page pour voir l'accusé de réception.";
    case "differe":
      return "L'envoi n'a pas pu être fait tout de suite. La transmission reste dans la file : elle partira au prochain passage automatique.";
    case "accusee":
      return `La transmission est partie et le destinataire en a accusé réception${outcome.acknowledgement ? ` (n° ${outcome.acknowledgement})` : ""}.`;
    case "echec_temporaire":
      return "L'envoi a échoué : un nouvel essai est prévu automatiquement.";
    case "rejetee":
      return "Le destinataire a refusé la transmission : voyez l'erreur indiquée.";
    case "retenue":
      return "La transmission est bloquée : le traitement des données de ce jeune est limité.";
    case "abandonnee":
      return "L'envoi a échoué trop de fois : la transmission est abandonnée.";
    default:
      return "La transmission attend qu'une transmission plus ancienne vers le même destinataire soit partie : elle partira juste après.";
  }
}
