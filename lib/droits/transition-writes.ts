/**
 * The DPO's steps on a request (capability droits.handle, same structure, optimistic version).
 * Each writes the request, one event the young person reads, and one audit entry (field names only),
 * and recomputes the deadline from the receipt date, the identity pauses and the extension.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { demandePauses, jeunes, type DemandeDroits } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { ownerOfDemande } from "@/lib/dossier/targets";
import type { SessionUser } from "@/lib/auth/session-user";
import type { AuditInput } from "@/lib/audit/write";
import { todayInParis } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { formatDate } from "@/lib/format/fr";
import { releaseHeld } from "@/lib/transmissions/enqueue";
import { holdWaiting, notifyRecipients, recipientNames } from "@/lib/transmissions/notices";
import { deleteDemandeDocumentFiles } from "./document-store";
import { awaitingFranceTravail } from "./forward";
import { IDENTITE_METHODES } from "./labels";
import { EVENT_MESSAGES, buildExtensionNotice, buildResponseLetter } from "./letters";
import { clockOf, dateWithin, extensionRefusal, refusalOf, responseRefusal, type DemandeAction } from "./rules";
import { complementRecuSchema, complementSchema, demandeRefSchema, identiteSchema, prolongationSchema, reponseSchema } from "./schema";
import { oppositionIssueRefusal } from "./traitement-rules";
import {
  addEvent,
  DEMANDE_NOT_FOUND,
  echeanceAfter,
  loadDemande,
  loadLetterContext,
  loadPauses,
  queueLetter,
  stateOf,
  toIdentityPauses,
  updateDemande,
} from "./store";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export interface TransitionResult {
  id: string;
  jeuneId: string | null;
  /** A letter or notice is queued to be e-mailed to the young person (sent right after the commit, else retried). */
  mailed?: boolean;
}

type Ctx<S extends z.ZodType> = { tx: Tx; user: SessionUser; input: z.output<S> };

/** Loads the request, checks the step is possible now, and gives the handler what it needs. */
export async function begin(tx: Tx, user: SessionUser, demandeId: string, action: DemandeAction | null) {
  const demande = await loadDemande(tx, user, demandeId);
  const pauses = await loadPauses(tx, demande.id);
  if (action) {
    const refusal = refusalOf(action, stateOf(demande, pauses));
    if (refusal) throw new DomainError("conflict", { message: refusal });
  }
  return { demande, pauses, today: todayInParis(new Date()) };
}

export function audit(action: string, d: DemandeDroits, fields: string[], after?: unknown, meta: AuditInput["meta"] = {}): AuditInput {
  return {
    action,
    targetType: "demande_droits",
    targetId: d.id,
    jeuneId: d.jeuneId,
    structureId: d.structureId,
    fields,
    after,
    meta: { numero: d.numero, statut: d.statut, ...meta },
  };
}

export function dateError(field: string, message: string): never {
  throw new DomainError("invalid_input", { fieldErrors: { [field]: [message] } });
}

const paths = (d: { id: string; jeuneId: string | null }) => ["/droits", `/droits/${d.id}`, ...(d.jeuneId ? [`/jeunes/${d.jeuneId}`] : [])];

/**
 * A rights request's steps act on the file of the person it concerns, if they have one. Handling the
 * request is the DPO's ground to open it (no prior reason); the consultation names the request. After an
 * erasure the file is anonymised and the request still runs to its end.
 */
const OF_DEMANDE = {
  jeuneIds: (input: { demandeId: string }, tx: Tx) => ownerOfDemande(tx, input.demandeId),
  onglet: "demande-de-droits",
  exempt: { roles: ["dpo"] as const, motif: "demande_de_droits" as const },
  states: ["archive", "anonymise"] as const,
  notFoundMessage: DEMANDE_NOT_FOUND,
};

export function definition<S extends z.ZodType<{ demandeId: string }>, R extends TransitionResult = TransitionResult>(
  name: string,
  schema: S,
  handler: (ctx: Ctx<S>) => Promise<{ data: NoInfer<R>; audit: AuditInput | AuditInput[] }>,
): ActionDefinition<S, R> {
  return {
    name,
    schema,
    capability: "droits.handle",
    dossier: OF_DEMANDE,
    handler,
    refreshes: [ALERT_STATE],
    revalidate: (_input, data) => paths(data),
  };
}

/** Asks the person for more information to confirm identity (EDPB 01/2022): the clock stops. */
export const askIdentityComplement = definition("droits.identite_demandee", complementSchema, async ({ tx, user, input }) => {
  const { demande, today } = await begin(tx, user, input.demandeId, "demander_complement");
  if (!dateWithin(input.demandeeLe, demande.recueLe, today)) {
    dateError("demandeeLe", `La date doit être comprise entre la réception de la demande (${formatDate(demande.recueLe)}) et aujourd'hui.`);
  }
  await tx.insert(demandePauses).values({ demandeId: demande.id, demandeeLe: input.demandeeLe, objet: input.objet });
  const row = await updateDemande(tx, demande, input.version, { statut: "identite_a_verifier", echeance: null });
  await addEvent(tx, demande.id, "identite_demandee", user.id, EVENT_MESSAGES.identite_demandee(input.objet));
  return {
    data: { id: row.id, jeuneId: row.jeuneId },
    audit: audit("droits.identite_demandee", row, ["statut", "echeance", "pause.demandeeLe", "pause.objet"], input),
  };
});

/** The awaited information arrived: the pause ends and the month starts again from that day. */
export const recordIdentityComplement = definition("droits.identite_recue", complementRecuSchema, async ({ tx, user, input }) => {
  const { demande, pauses, today } = await begin(tx, user, input.demandeId, "complement_recu");
  const open = pauses.find((p) => p.recueLe === null)!;
  if (!dateWithin(input.recuLe, open.demandeeLe, today)) {
    dateError("recuLe", `La date doit être comprise entre la demande de complément (${formatDate(open.demandeeLe)}) et aujourd'hui.`);
  }
  await tx
    .update(demandePauses)
    .set({ recueLe: input.recuLe })
    .where(and(eq(demandePauses.id, open.id), isNull(demandePauses.recueLe)));
  const after = toIdentityPauses(pauses.map((p) => (p.id === open.id ? { ...p, recueLe: input.recuLe } : p)));
  const echeance = echeanceAfter(demande, after, demande.prolongeeLe !== null);
  const row = await updateDemande(tx, demande, input.version, { echeance });
  await addEvent(tx, demande.id, "identite_recue", user.id, EVENT_MESSAGES.identite_recue(input.recuLe, echeance!));
  return { data: { id: row.id, jeuneId: row.jeuneId }, audit: audit("droits.identite_recue", row, ["echeance", "pause.recueLe"], input) };
});

/** The DPO is satisfied the request comes from the person: processing starts. */
export const verifyIdentity = definition("droits.identite_verifiee", identiteSchema, async ({ tx, user, input }) => {
  const { demande, pauses, today } = await begin(tx, user, input.demandeId, "verifier_identite");
  if (!dateWithin(input.verifieeLe, demande.recueLe, today)) {
    dateError("verifieeLe", `La date doit être comprise entre la réception de la demande (${formatDate(demande.recueLe)}) et aujourd'hui.`);
  }
  const echeance = echeanceAfter(demande, toIdentityPauses(pauses), demande.prolongeeLe !== null);
  const row = await updateDemande(tx, demande, input.version, {
    statut: "en_cours",
    identiteVerifieeLe: input.verifieeLe,
    identiteMethode: IDENTITE_METHODES[input.methode],
    echeance,
  });
  await addEvent(tx, demande.id, "identite_verifiee", user.id, EVENT_MESSAGES.identite_verifiee());
  return {
    data: { id: row.id, jeuneId: row.jeuneId },
    audit: audit("droits.identite_verifiee", row, ["statut", "identiteVerifieeLe", "identiteMethode", "echeance"], input, {
      methode: input.methode,
    }),
  };
});

/**
 * Two more months (GDPR art. 12-3), decided within the first month and told to the person with the
 * reasons: an event they see, and an e-mail when their address is known.
 */
export const extendDeadline = definition("droits.prolongation", prolongationSchema, async ({ tx, user, input }) => {
  const { demande, pauses, today } = await begin(tx, user, input.demandeId, "prolonger");
  const identityPauses = toIdentityPauses(pauses);
  const refused = extensionRefusal(clockOf({ recueLe: demande.recueLe, pauses: identityPauses, prolongee: false }), today);
  if (refused) {
    throw new DomainError("conflict", {
      message: refused.premiereEcheance
        ? `La prolongation doit être décidée avant la première échéance (le ${formatDate(refused.premiereEcheance)}). Ce délai est dépassé : répondez à la personne sans attendre.`
        : "Le délai est suspendu en attendant un complément d'identité : il ne peut pas être prolongé maintenant.",
    });
  }
  const echeance = echeanceAfter(demande, identityPauses, true)!;
  const row = await updateDemande(tx, demande, input.version, {
    statut: "prolongee",
    prolongeeLe: today,
    prolongationMotif: input.motif,
    echeance,
  });
  await addEvent(tx, demande.id, "prolongee", user.id, EVENT_MESSAGES.prolongee(input.motif, echeance));
  const ctx = await loadLetterContext(tx, row);
  let mailed = false;
  if (ctx.email) {
    await queueLetter(tx, row, {
      kind: "droits.prolongation",
      to: ctx.email,
      letter: buildExtensionNotice(ctx, { motif: input.motif, echeance, today }),
      replyTo: ctx.structure.dpoEmail,
      withPdf: false,
    });
    mailed = true;
  }
  return {
    data: { id: row.id, jeuneId: row.jeuneId, mailed },
    audit: audit("droits.prolongation", row, ["statut", "prolongeeLe", "prolongationMotif", "echeance"], input, { avisParEmail: mailed }),
  };
});

/** The decision, its reasons in plain French, and the letter (PDF, e-mailed when asked and possible). */
export const respondToDemande = definition("droits.reponse", reponseSchema, async ({ tx, user, input }) => {
  const { demande, today } = await begin(tx, user, input.demandeId, "repondre");
  const refusal =
    responseRefusal(input.issue, demande.identiteVerifieeLe !== null) ??
    (demande.type === "opposition" ? oppositionIssueRefusal(demande.finalite, input.issue) : null);
  if (refusal) throw new DomainError("invalid_input", { fieldErrors: { issue: [refusal] } });
  if (demande.type === "effacement" && demande.jeuneId && demande.identiteVerifieeLe) {
    // The holds decide, not a free answer: refusal with the legal reasons, or the dossier anonymised.
    throw new DomainError("conflict", {
      message:
        "Pour une demande d'effacement, utilisez « Décider de l'effacement » : les motifs légaux sont vérifiés et le dossier est anonymisé s'il n'y en a aucun.",
    });
  }
  if (await awaitingFranceTravail(tx, demande.id)) {
    throw new DomainError("conflict", {
      message: "La demande a été transmise à France Travail : enregistrez d'abord sa réponse, puis répondez à la personne.",
    });
  }
  const row = await updateDemande(tx, demande, input.version, {
    statut: "repondue",
    issue: input.issue,
    reponseMotif: input.motif,
    reponduLe: today,
  });
  const ctx = await loadLetterContext(tx, row);
  let mailed = false;
  if (input.envoyer && ctx.email) {
    await queueLetter(tx, row, {
      kind: "droits.reponse",
      to: ctx.email,
      letter: buildResponseLetter(ctx, { issue: input.issue, motif: input.motif, reponduLe: today }),
      replyTo: ctx.structure.dpoEmail,
    });
    mailed = true;
  }
  await addEvent(tx, demande.id, "repondue", user.id, EVENT_MESSAGES.repondue(input.issue, mailed));
  return {
    data: { id: row.id, jeuneId: row.jeuneId, mailed },
    audit: audit("droits.reponse", row, ["statut", "issue", "reponseMotif", "reponduLe"], input, {
      issue: input.issue,
      lettreParEmail: mailed,
    }),
  };
});

export const closeDemande = definition("droits.cloture", demandeRefSchema, async ({ tx, user, input }) => {
  const { demande, today } = await begin(tx, user, input.demandeId, "clore");
  const row = await updateDemande(tx, demande, input.version, { statut: "close", closeLe: today });
  await addEvent(tx, demande.id, "close", user.id, EVENT_MESSAGES.close());
  // The documents the person sent lose their bytes with the request (the rows stay as the trace).
  await deleteDemandeDocumentFiles(tx, demande.id);
  return { data: { id: row.id, jeuneId: row.jeuneId }, audit: audit("droits.cloture", row, ["statut", "closeLe"]) };
});

// ---------------------------------------------------------------------------------------------
// Limitation (GDPR art. 18): while in force, no transfer leaves and the retention purge is frozen
// ---------------------------------------------------------------------------------------------

async function limitationTarget(tx: Tx, user: SessionUser, input: { demandeId: string }) {
  const { demande } = await begin(tx, user, input.demandeId, null);
  if (demande.type !== "limitation")
    throw new DomainError("conflict", { message: "Seule une demande de limitation peut geler les données." });
  if (!demande.jeuneId) throw new DomainError("conflict", { message: "Cette demande n'est plus rattachée à un dossier." });
  const [jeune] = await tx.select().from(jeunes).where(eq(jeunes.id, demande.jeuneId)).for("update");
  if (!jeune || jeune.structureId !== demande.structureId) throw new DomainError("not_found");
  if (jeune.anonymisedAt) throw new DomainError("conflict", { message: "Ce dossier est anonymisé : il n'y a plus de données à geler." });
  return { demande, jeune };
}

function limitationAudit(action: string, d: DemandeDroits, meta: Record<string, number>): AuditInput[] {
  return [
    {
      action,
      targetType: "jeune",
      targetId: d.jeuneId,
      jeuneId: d.jeuneId,
      structureId: d.structureId,
      fields: ["limitationDepuis", "limitationDemandeId"],
      meta: { numero: d.numero, ...meta },
    },
  ];
}

export const applyLimitation = definition("droits.limitation_appliquee", demandeRefSchema, async ({ tx, user, input }) => {
  const { demande, jeune } = await limitationTarget(tx, user, input);
  if (jeune.limitationDepuis)
    throw new DomainError("conflict", { message: `Une limitation est déjà en cours depuis le ${formatDate(jeune.limitationDepuis)}.` });
  const [limited] = await tx
    .update(jeunes)
    .set({ limitationDepuis: new Date(), limitationDemandeId: demande.id, version: sql`${jeunes.version} + 1`, updatedAt: new Date() })
    .where(eq(jeunes.id, jeune.id))
    .returning({ version: jeunes.version });
  // What was due is held now; every recipient that received data is told (GDPR art. 19).
  const retenues = await holdWaiting(tx, jeune.id);
  const told = await notifyRecipients(tx, jeune, "limitation", `${demande.id}:v${limited!.version}`);
  // The request's version moves too, so a form opened before this step is refused as stale.
  const row = await updateDemande(tx, demande, input.version, {});
  await addEvent(tx, demande.id, "limitation_appliquee", user.id, EVENT_MESSAGES.limitation_appliquee(recipientNames(told)));
  return {
    data: { id: row.id, jeuneId: row.jeuneId },
    audit: limitationAudit("droits.limitation_appliquee", row, { destinatairesPrevenus: told.length, transmissionsRetenues: retenues }),
  };
});

export const liftLimitation = definition("droits.limitation_levee", demandeRefSchema, async ({ tx, user, input }) => {
  const { demande, jeune } = await limitationTarget(tx, user, input);
  if (!jeune.limitationDepuis) throw new DomainError("conflict", { message: "Aucune limitation n'est en cours pour ce jeune." });
  const [lifted] = await tx
    .update(jeunes)
    .set({ limitationDepuis: null, limitationDemandeId: null, version: sql`${jeunes.version} + 1`, updatedAt: new Date() })
    .where(eq(jeunes.id, jeune.id))
    .returning({ version: jeunes.version });
  // The recipients told of the limitation learn it is over; then the transfers held during it go out
  // again, in their creation order (same transaction).
  const told = await notifyRecipients(tx, jeune, "levee_limitation", `${demande.id}:v${lifted!.version}`);
  const liberees = (await releaseHeld(tx, jeune.id)).length;
  const row = await updateDemande(tx, demande, input.version, {});
  await addEvent(tx, demande.id, "limitation_levee", user.id, EVENT_MESSAGES.limitation_levee(recipientNames(told)));
  return {
    data: { id: row.id, jeuneId: row.jeuneId },
    audit: limitationAudit("droits.limitation_levee", row, { destinatairesPrevenus: told.length, transmissionsLiberees: liberees }),
  };
});
