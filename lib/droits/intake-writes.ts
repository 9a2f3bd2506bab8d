/**
 * The three doors of a rights request: a counsellor at the desk acting as mandataire, the DPO
 * recording mail or e-mail received, and the young person from their own space.
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { demandesDroits, transmissions } from "@/db/schema";
import { type ActionDefinition, theDossier } from "@/lib/actions/run";
import { inputJeune } from "@/lib/dossier/targets";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { formatDateTime } from "@/lib/format/fr";
import { KIND_FALC } from "@/lib/transmissions/labels";
import { lineReference } from "@/lib/espace/journey";
import { findMyLine } from "@/lib/espace/journey-queries";
import { formatLineRef, type LineRef } from "@/lib/espace/ligne";
import { computeDeadline } from "./deadline";
import { IDENTITE_METHODES, type DemandeCanal, type DemandeStatut, type DemandeType } from "./labels";
import { EVENT_MESSAGES, buildReceipt } from "./letters";
import { needsFinalite } from "./rules";
import { deskIntakeSchema, dpoIntakeSchema, espaceIntakeSchema } from "./schema";
import { addEvent, allocateNumero, loadLetterContext, queueLetter } from "./store";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export interface CreatedDemande {
  id: string;
  numero: string;
  jeuneId: string;
  echeance: CivilDate;
  /** The dated receipt is queued to be e-mailed to the young person (sent right after the commit, else retried). */
  mailed: boolean;
}

export interface NewDemande {
  jeune: { id: string; structureId: string; anonymisedAt: Date | null };
  type: DemandeType;
  finalite: string | null;
  objet: string;
  canal: DemandeCanal;
  recueLe: CivilDate;
  /** Identity already confirmed at intake (known person met at the desk, signed-in young person…). */
  identite: { le: CivilDate; methode: string } | null;
  envoyerAccuse: boolean;
  /** The transfer a question is about ("Question sur cette transmission"). */
  transmissionId?: string | null;
  /** The line of the young person's journey a question is about ("J'ai une question sur cette ligne"). */
  ligne?: LineRef | null;
}

/**
 * The journey line a question refers to, if it is one this young person sees (lib/espace/journey-queries.ts:
 * their own file, never a staff-only entry). There is no column for it: its reference is quoted at the head
 * of the request's wording, which the DPO reads in /droits, and in a step the person reads; the `kind:id`
 * goes to the audit entry (meta.ligne).
 */
async function referencedLine(tx: Tx, jeuneId: string, ref: LineRef) {
  const line = await findMyLine(tx, jeuneId, ref);
  if (!line)
    throw new DomainError("invalid_input", {
      fieldErrors: { ligne: ["Cette ligne est introuvable dans votre parcours : repartez du parcours de vos données."] },
    });
  return { ref: line.ref, reference: lineReference(line) };
}

/** The request's wording starts with the line's reference unless the person kept it in their text. */
function quoteReference(objet: string, reference: string): string {
  return objet.includes(reference) ? objet : `À propos de ${reference} : ${objet}`;
}

/**
 * The transfer a question refers to, if it is this young person's. Where the reference lives: the
 * request's finality becomes the transfer's, and a step "Votre question porte sur cet envoi : l'envoi du
 * <date> à <destinataire>" records it in words the person and the DPO read; the transfer's id itself goes
 * to the audit entry (meta.transmissionId) — there is no column for it.
 */
async function referencedTransfer(tx: Tx, jeuneId: string, transmissionId: string) {
  const [t] = await tx
    .select({
      id: transmissions.id,
      recipient: transmissions.recipient,
      finality: transmissions.finality,
      kind: transmissions.kind,
      createdAt: transmissions.createdAt,
    })
    .from(transmissions)
    .where(and(eq(transmissions.id, transmissionId), eq(transmissions.jeuneId, jeuneId)));
  if (!t)
    throw new DomainError("invalid_input", {
      fieldErrors: { transmissionId: ["Cet envoi est introuvable dans ce dossier : repartez de la liste des envois."] },
    });
  return {
    ...t,
    reference: `l'envoi du ${formatDateTime(t.createdAt)} à ${RECIPIENTS[t.recipient].name} (${KIND_FALC[t.kind].toLowerCase()})`,
  };
}

export async function insertDemande(tx: Tx, user: SessionUser, input: NewDemande) {
  if (input.jeune.anonymisedAt) throw new DomainError("not_found");
  const today = todayInParis(new Date());
  const line = input.ligne ? await referencedLine(tx, input.jeune.id, input.ligne) : null;
  if (line) {
    input = { ...input, objet: quoteReference(input.objet, line.reference) };
    // A transfer's line is the transfer itself: the request takes its finality, as from the ledger.
    if (line.ref.kind === "envoi") input = { ...input, transmissionId: input.transmissionId ?? line.ref.id };
  }
  const transfer = input.transmissionId ? await referencedTransfer(tx, input.jeune.id, input.transmissionId) : null;
  if (transfer && needsFinalite(input.type)) input = { ...input, finalite: transfer.finality };
  const numero = await allocateNumero(tx, input.jeune.structureId, Number(input.recueLe.slice(0, 4)));
  // No pause yet: the clock runs from receipt (GDPR art. 12-3).
  const echeance = computeDeadline({ receivedOn: input.recueLe }).deadline!;
  const statut: DemandeStatut = input.identite ? "en_cours" : input.canal === "guichet" ? "identite_a_verifier" : "recue";
  const [row] = await tx
    .insert(demandesDroits)
    .values({
      numero,
      structureId: input.jeune.structureId,
      jeuneId: input.jeune.id,
      type: input.type,
      finalite: input.finalite,
      canal: input.canal,
      saisiePar: user.role === "jeune" ? null : user.id,
      objet: input.objet,
      recueLe: input.recueLe,
      statut,
      identiteVerifieeLe: input.identite?.le ?? null,
      identiteMethode: input.identite?.methode ?? null,
      echeance,
    })
    .returning();
  if (!row) throw new DomainError("unexpected");
  await addEvent(tx, row.id, "recue", user.id, EVENT_MESSAGES.recue(numero, input.type, echeance));
  if (input.identite && input.canal !== "espace_jeune")
    await addEvent(tx, row.id, "identite_verifiee", user.id, EVENT_MESSAGES.identite_verifiee());
  if (transfer) await addEvent(tx, row.id, "transmission_concernee", user.id, EVENT_MESSAGES.question_transmission(transfer.reference));
  else if (line) await addEvent(tx, row.id, "ligne_concernee", user.id, EVENT_MESSAGES.question_ligne(line.reference));

  let mailed = false;
  if (input.envoyerAccuse) {
    const ctx = await loadLetterContext(tx, row);
    if (ctx.email) {
      await queueLetter(tx, row, {
        kind: "droits.accuse",
        to: ctx.email,
        letter: buildReceipt(ctx, { echeance, today }),
        replyTo: ctx.structure.dpoEmail,
      });
      mailed = true;
    }
  }

  const data: CreatedDemande = { id: row.id, numero, jeuneId: input.jeune.id, echeance, mailed };
  return {
    data,
    audit: {
      action: "droits.demande_create",
      targetType: "demande_droits",
      targetId: row.id,
      jeuneId: input.jeune.id,
      structureId: input.jeune.structureId,
      fields: [
        "type",
        ...(input.finalite ? ["finalite"] : []),
        "canal",
        "objet",
        "recueLe",
        "statut",
        "echeance",
        ...(input.identite ? ["identiteVerifieeLe", "identiteMethode"] : []),
      ],
      after: { type: input.type, finalite: input.finalite, canal: input.canal, objet: input.objet, recueLe: input.recueLe },
      meta: {
        numero,
        type: input.type,
        canal: input.canal,
        statut,
        accuseParEmail: mailed,
        ...(transfer ? { transmissionId: transfer.id } : {}),
        ...(line ? { ligne: formatLineRef(line.ref) } : {}),
      },
    },
  };
}

/** A request is taken for a file in any state (the handler refuses an anonymised one); a DPO needs no prior reason. */
const INTAKE = {
  onglet: "demande-de-droits",
  exempt: { roles: ["dpo"] as const, motif: "demande_de_droits" as const },
  states: ["archive", "anonymise"] as const,
};

/** Counsellor (or director, or DPO) at the desk, for a young person whose dossier they may open. */
export const recordDeskDemande: ActionDefinition<typeof deskIntakeSchema, CreatedDemande> = {
  name: "droits.demande_create",
  schema: deskIntakeSchema,
  capability: "droits.intake",
  dossier: { ...INTAKE, jeuneIds: inputJeune },
  refreshes: [ALERT_STATE],
  async handler({ tx, user, input, dossiers }) {
    const today = todayInParis(new Date());
    const { jeune } = theDossier(dossiers);
    return insertDemande(tx, user, {
      jeune,
      type: input.type,
      finalite: input.finalite,
      objet: input.objet,
      canal: "guichet",
      recueLe: input.recueLe,
      // A person the counsellor knows and meets in person: proportionate check, no ID copy (domain.md §6).
      identite: input.identiteVerifiee ? { le: today, methode: IDENTITE_METHODES.guichet } : null,
      envoyerAccuse: input.envoyerAccuse,
      transmissionId: input.transmissionId,
    });
  },
  revalidate: (_input, data) => ["/droits", `/jeunes/${data.jeuneId}`],
};

/** The DPO records a letter or an e-mail received, for a young person of the structure. */
export const recordDpoDemande: ActionDefinition<typeof dpoIntakeSchema, CreatedDemande> = {
  name: "droits.demande_create",
  schema: dpoIntakeSchema,
  capability: "droits.handle",
  dossier: {
    ...INTAKE,
    jeuneIds: inputJeune,
    field: "jeuneId",
    notFoundMessage: "Ce jeune est introuvable dans votre structure : cherchez-le de nouveau.",
  },
  refreshes: [ALERT_STATE],
  async handler({ tx, user, input, dossiers }) {
    const { jeune } = theDossier(dossiers);
    const today = todayInParis(new Date());
    return insertDemande(tx, user, {
      jeune,
      type: input.type,
      finalite: input.finalite,
      objet: input.objet,
      canal: input.canal,
      recueLe: input.recueLe,
      identite: input.identiteMethode ? { le: today, methode: IDENTITE_METHODES[input.identiteMethode] } : null,
      envoyerAccuse: input.envoyerAccuse,
      transmissionId: input.transmissionId,
    });
  },
  revalidate: (_input, data) => ["/droits", `/jeunes/${data.jeuneId}`],
};

/** The young person, signed in, for themselves only: being signed in is the identity check. */
export const createDemandeFromEspace: ActionDefinition<typeof espaceIntakeSchema, CreatedDemande> = {
  name: "droits.demande_create",
  schema: espaceIntakeSchema,
  capability: "self.read",
  dossier: { ...INTAKE, jeuneIds: (_input, _tx, user) => (user.jeuneId ? [user.jeuneId] : []) },
  refreshes: [ALERT_STATE],
  async handler({ tx, user, input, dossiers }) {
    if (user.role !== "jeune" || !user.jeuneId) throw new DomainError("forbidden");
    const { jeune } = theDossier(dossiers);
    const today = todayInParis(new Date());
    return insertDemande(tx, user, {
      jeune,
      type: input.type,
      finalite: input.finalite,
      objet: input.objet,
      canal: "espace_jeune",
      recueLe: today,
      identite: { le: today, methode: IDENTITE_METHODES.espace },
      envoyerAccuse: true,
      transmissionId: input.transmissionId,
      ligne: input.ligne,
    });
  },
  revalidate: () => ["/mon-espace", "/mon-espace/parcours-des-donnees"],
};
