/**
 * The DPO's handling of the rights that change data or involve the joint controller:
 * - rectification (art. 16) applied to the dossier, with one `rectification` transfer per recipient ×
 *   finality that received the old value (art. 19);
 * - erasure (art. 17): legal holds checked, then a reasoned refusal or the dossier's anonymisation;
 * - a request forwarded to France Travail (joint controller, décret 2015-59 art. 1 bis) and its answer.
 * Same guarantees as transitions.ts: capability droits.handle, same structure, optimistic versions
 * (request and dossier), one event the young person reads, audit with field names only.
 */
import { and, arrayContains, asc, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { allocationDecisions, contrats, jeunes, transmissions, type DemandeDroits, type Jeune } from "@/db/schema";
import { compare, todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { DomainError } from "@/lib/errors/domain-error";
import { formatDate } from "@/lib/format/fr";
import { searchTextFor } from "@/lib/jeunes/duplicates";
import { validateNir } from "@/lib/jeunes/rules";
import { anonymiseJeune } from "@/lib/retention/run";
import { settingInForce } from "@/lib/settings/read";
import { enqueueTransmission } from "@/lib/transmissions/enqueue";
import { NOTICE_KIND_LIST } from "@/lib/transmissions/kinds";
import { cancelWaiting, notifyRecipients, recipientNames } from "@/lib/transmissions/notices";
import { EVENT_MESSAGES, buildResponseLetter } from "./letters";
import { effacementSchema, rectificationSchema, reponseFranceTravailSchema, demandeRefSchema } from "./schema";
import { addEvent, loadLetterContext, queueLetter, updateDemande } from "./store";
import {
  RECTIFIABLE_LABELS,
  dataMapFieldOf,
  distinctFlows,
  erasureAcceptedMotif,
  erasureHolds,
  erasureRefusalMotif,
  forwardData,
  forwardKey,
  parseRectifiedValue,
  rectificationKey,
  type ErasureFacts,
} from "./traitement-rules";
import { forwardInfo } from "./forward";
import { audit, begin, dateError, definition, type TransitionResult } from "./transition-writes";

export const JEUNE_CONFLICT = "Le dossier a été modifié pendant que vous traitiez la demande. Rechargez la page : rien n'a été enregistré.";

/** The request's young person, locked for the change, checked in the same structure and not anonymised. */
async function targetJeune(tx: Tx, demande: DemandeDroits, expectedVersion?: number): Promise<Jeune> {
  if (!demande.jeuneId) throw new DomainError("conflict", { message: "Cette demande n'est plus rattachée à un dossier." });
  const [jeune] = await tx.select().from(jeunes).where(eq(jeunes.id, demande.jeuneId)).for("update");
  if (!jeune || jeune.structureId !== demande.structureId) throw new DomainError("not_found");
  if (jeune.anonymisedAt) throw new DomainError("conflict", { message: "Ce dossier est anonymisé : il n'y a plus de données à traiter." });
  if (expectedVersion !== undefined && jeune.version !== expectedVersion) throw new DomainError("conflict", { message: JEUNE_CONFLICT });
  return jeune;
}

function requireType(d: DemandeDroits, type: DemandeDroits["type"], message: string) {
  if (d.type !== type) throw new DomainError("conflict", { message });
}

function requireVerified(d: DemandeDroits) {
  if (!d.identiteVerifieeLe) {
    throw new DomainError("conflict", {
      message: "Vérifiez d'abord l'identité de la personne : on ne modifie ni ne transmet de données sans elle.",
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Rectification
// ---------------------------------------------------------------------------------------------

export interface RectificationResult extends TransitionResult {
  /** Transfers created to tell the recipients (art. 19). */
  transmissions?: number;
}

export const applyRectification = definition<typeof rectificationSchema, RectificationResult>(
  "droits.rectification_appliquee",
  rectificationSchema,
  async ({ tx, user, input }) => {
    const { demande, today } = await begin(tx, user, input.demandeId, "repondre");
    requireType(demande, "rectification", "Seule une demande de rectification peut corriger le dossier.");
    requireVerified(demande);
    const jeune = await targetJeune(tx, demande, input.jeuneVersion);

    const parsed = parseRectifiedValue(input.champ, input.valeur, today);
    if (!parsed.ok) throw new DomainError("invalid_input", { fieldErrors: { valeur: [parsed.message] } });
    const before = jeune[input.champ];
    if ((before ?? null) === parsed.value)
      throw new DomainError("invalid_input", { fieldErrors: { valeur: ["C'est déjà la valeur enregistrée dans le dossier."] } });
    const after = { ...jeune, [input.champ]: parsed.value } as Jeune;
    // A stored NIR must stay consistent with a corrected sex or birth date (message without any digit).
    if ((input.champ === "sexe" || input.champ === "dateNaissance") && jeune.nirEncrypted) {
      const check = validateNir(decryptNir(jeune.nirEncrypted), { sex: after.sexe, birthDate: after.dateNaissance });
      if (!check.ok) {
        throw new DomainError("invalid_input", {
          fieldErrors: {
            valeur: [
              "Le numéro de sécurité sociale enregistré ne correspond pas à cette valeur. Vérifiez-la, ou corrigez d'abord le numéro depuis le dossier.",
            ],
          },
        });
      }
    }

    const [updated] = await tx
      .update(jeunes)
      .set({ [input.champ]: parsed.value, searchText: searchTextFor(after), version: sql`${jeunes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(jeunes.id, jeune.id), eq(jeunes.version, input.jeuneVersion)))
      .returning();
    if (!updated) throw new DomainError("conflict", { message: JEUNE_CONFLICT });

    // GDPR art. 19: every recipient × finality that received the old value is told the new one.
    const sent = await tx
      .select({ recipient: transmissions.recipient, finality: transmissions.finality })
      .from(transmissions)
      .where(
        and(
          eq(transmissions.jeuneId, jeune.id),
          inArray(transmissions.status, ["envoyee", "accusee"]),
          arrayContains(transmissions.fieldNames, [dataMapFieldOf(input.champ)]),
        ),
      );
    const flows = distinctFlows(sent);
    for (const flow of flows) {
      await enqueueTransmission(tx, {
        jeuneId: jeune.id,
        recipient: flow.recipient,
        finality: flow.finality,
        kind: "rectification",
        data: updated,
        idempotencyKey: rectificationKey(demande.id, updated.version, flow.recipient, flow.finality),
      });
    }

    const row = await updateDemande(tx, demande, input.version, {});
    const names = recipientNames(flows);
    await addEvent(
      tx,
      demande.id,
      "rectification_appliquee",
      user.id,
      EVENT_MESSAGES.rectification_appliquee(RECTIFIABLE_LABELS[input.champ], names),
    );
    const data: RectificationResult = { id: row.id, jeuneId: row.jeuneId, transmissions: flows.length };
    return {
      data,
      audit: [
        {
          action: "jeune.rectification",
          targetType: "jeune",
          targetId: jeune.id,
          jeuneId: jeune.id,
          structureId: jeune.structureId,
          fields: [input.champ],
          before: { [input.champ]: before },
          after: { [input.champ]: parsed.value },
          meta: { numero: demande.numero, transmissions: flows.length },
        },
        audit("droits.rectification_appliquee", row, [], undefined, { champ: input.champ, transmissions: flows.length }),
      ],
    };
  },
);

/**
 * The art. 19 transfers this request created — rectifications, erasure, limitation and end-of-limitation
 * notices, whose idempotency keys all read `<kind>:<request id>:…` — newest first, for the request's page.
 */
export async function art19TransfersOf(db: DbOrTx, demande: Pick<DemandeDroits, "id" | "jeuneId">) {
  if (!demande.jeuneId) return [];
  return db
    .select({
      id: transmissions.id,
      kind: transmissions.kind,
      recipient: transmissions.recipient,
      finality: transmissions.finality,
      status: transmissions.status,
      fieldNames: transmissions.fieldNames,
      createdAt: transmissions.createdAt,
    })
    .from(transmissions)
    .where(
      and(
        eq(transmissions.jeuneId, demande.jeuneId),
        inArray(transmissions.kind, ["rectification", ...NOTICE_KIND_LIST]),
        sql`split_part(${transmissions.idempotencyKey}, ':', 2) = ${demande.id}`,
      ),
    )
    .orderBy(desc(transmissions.createdAt), asc(transmissions.recipient));
}

// ---------------------------------------------------------------------------------------------
// Erasure
// ---------------------------------------------------------------------------------------------

/** What the holds are computed from, read in the caller's transaction (or for the page). */
export async function loadErasureFacts(db: DbOrTx, jeune: Pick<Jeune, "id" | "dateNaissance" | "limitationDepuis">): Promise<ErasureFacts> {
  const rows = await db
    .select({ type: contrats.type, debut: contrats.debut, finPrevue: contrats.finPrevue, finReelle: contrats.finReelle })
    .from(contrats)
    .where(eq(contrats.jeuneId, jeune.id));
  const [alloc] = await db
    .select({ last: max(allocationDecisions.decideeLe) })
    .from(allocationDecisions)
    .where(eq(allocationDecisions.jeuneId, jeune.id));
  const open = rows.find((c) => c.finReelle === null) ?? null;
  const latest = (dates: (CivilDate | null)[]) =>
    dates.filter((d): d is CivilDate => d !== null).reduce<CivilDate | null>((a, b) => (a === null || compare(b, a) > 0 ? b : a), null);
  const lastDecision = alloc?.last ? todayInParis(alloc.last) : null;
  return {
    dateNaissance: jeune.dateNaissance,
    limitationDepuis: jeune.limitationDepuis,
    contratEnCours: open ? { type: open.type, debut: open.debut, finPrevue: open.finPrevue } : null,
    finDernierCej: latest(rows.filter((c) => c.type === "CEJ").map((c) => c.finReelle)),
    derniereDecisionAllocation: lastDecision,
    dernierEnregistrementParcours: latest([...rows.map((c) => c.finReelle ?? c.finPrevue), lastDecision]),
  };
}

/** The holds on a dossier today, from the facts and the retention rules in force. */
export async function holdsFor(db: DbOrTx, jeune: Pick<Jeune, "id" | "dateNaissance" | "limitationDepuis">, today: CivilDate) {
  const [facts, rules] = await Promise.all([loadErasureFacts(db, jeune), settingInForce(db, "conservation.regles", today)]);
  return erasureHolds(facts, rules?.value ?? null, today);
}

/**
 * The decision on an erasure request. With a hold: a refusal whose reasons are the holds, in plain
 * words, in the letter. Without: the letter is written and sent first (afterwards the person's name and
 * address are gone), then the dossier is anonymised like at the end of retention, and archived.
 */
export const decideErasure = definition("droits.effacement", effacementSchema, async ({ tx, user, input }) => {
  const { demande, today } = await begin(tx, user, input.demandeId, "repondre");
  requireType(demande, "effacement", "Seule une demande d'effacement peut effacer le dossier.");
  requireVerified(demande);
  const jeune = await targetJeune(tx, demande, input.jeuneVersion);
  const holds = await holdsFor(tx, jeune, today);
  if (holds.length > 0 !== (input.attendu === "refus")) {
    throw new DomainError("conflict", {
      message:
        "La situation du dossier a changé depuis l'ouverture de la page. Rechargez-la pour voir les motifs à jour : rien n'a été enregistré.",
    });
  }

  const refused = holds.length > 0;
  const issue = refused ? "refusee" : "acceptee";
  const motif = refused ? erasureRefusalMotif(holds, input.note) : erasureAcceptedMotif(input.note);
  const ctx = await loadLetterContext(tx, demande);
  let mailed = false;
  if (input.envoyer && ctx.email) {
    // Queued before the anonymisation below: the address is still known, and the message keeps it until sent.
    await queueLetter(tx, demande, {
      kind: "droits.reponse",
      to: ctx.email,
      letter: buildResponseLetter(ctx, { issue, motif, reponduLe: today }),
      replyTo: ctx.structure.dpoEmail,
    });
    mailed = true;
  }

  const jeuneAudit = [];
  let notified = 0;
  if (!refused) {
    // GDPR art. 19, while the identity is still there: every recipient of the data is told of the erasure;
    // what had not left yet never will.
    notified = (await notifyRecipients(tx, jeune, "effacement", demande.id)).length;
    const annulees = await cancelWaiting(tx, jeune.id);
    await anonymiseJeune(tx, jeune);
    if (jeune.statut !== "archive") {
      await tx.update(jeunes).set({ statut: "archive", archiveMotif: "autre", archivedAt: new Date() }).where(eq(jeunes.id, jeune.id));
    }
    jeuneAudit.push({
      action: "jeune.anonymise",
      targetType: "jeune",
      targetId: jeune.id,
      jeuneId: jeune.id,
      structureId: jeune.structureId,
      meta: { motif: "effacement", numero: demande.numero, destinatairesPrevenus: notified, transmissionsAnnulees: annulees },
    });
  }
  const row = await updateDemande(tx, demande, input.version, { statut: "repondue", issue, reponseMotif: motif, reponduLe: today });
  await addEvent(tx, demande.id, "repondue", user.id, EVENT_MESSAGES.repondue(issue, mailed));
  return {
    data: { id: row.id, jeuneId: row.jeuneId, mailed },
    audit: [
      ...jeuneAudit,
      audit(
        "droits.reponse",
        row,
        ["statut", "issue", "reponseMotif", "reponduLe"],
        { issue, motif },
        { issue, lettreParEmail: mailed, motifs: holds.map((h) => h.code).join(",") || null },
      ),
    ],
  };
});

// ---------------------------------------------------------------------------------------------
// Forwarding to France Travail (joint controller)
// ---------------------------------------------------------------------------------------------

/** Sends the request (who, which right, received when — never the person's words) on the franceTravail.droits flow. */
export const forwardToFranceTravail = definition("droits.transmise_ft", demandeRefSchema, async ({ tx, user, input }) => {
  const { demande } = await begin(tx, user, input.demandeId, "repondre");
  requireVerified(demande);
  if ((await forwardInfo(tx, demande.id)).state.kind !== "non_transmise")
    throw new DomainError("conflict", { message: "Cette demande a déjà été transmise à France Travail." });
  const jeune = await targetJeune(tx, demande);
  const { transmission } = await enqueueTransmission(tx, {
    jeuneId: jeune.id,
    recipient: "franceTravail",
    finality: "droits",
    kind: "demande_transmise",
    data: forwardData(jeune, demande),
    idempotencyKey: forwardKey(demande.id),
  });
  const row = await updateDemande(tx, demande, input.version, {});
  await addEvent(tx, demande.id, "transmise_ft", user.id, EVENT_MESSAGES.transmise_ft());
  return {
    data: { id: row.id, jeuneId: row.jeuneId },
    audit: audit("droits.transmise_ft", row, [], undefined, { transmissionId: transmission.id, statutTransmission: transmission.status }),
  };
});

/**
 * France Travail's answer, as the DPO received it: its date and a summary the person reads. Stored as
 * the request's step "reponse_ft" (demande_evenements: date in the message, recorded-at in `at`).
 */
export const recordFranceTravailAnswer = definition("droits.reponse_ft", reponseFranceTravailSchema, async ({ tx, user, input }) => {
  const { demande, today } = await begin(tx, user, input.demandeId, "repondre");
  const info = await forwardInfo(tx, demande.id);
  if (info.state.kind === "non_transmise")
    throw new DomainError("conflict", { message: "Cette demande n'a pas été transmise à France Travail." });
  if (info.state.kind === "repondue") throw new DomainError("conflict", { message: "La réponse de France Travail est déjà enregistrée." });
  const transmiseLe = todayInParis(info.state.transmiseLe);
  if (compare(input.reponduLe, transmiseLe) < 0 || compare(input.reponduLe, today) > 0) {
    dateError("reponduLe", `La date doit être comprise entre la transmission (${formatDate(transmiseLe)}) et aujourd'hui.`);
  }
  const row = await updateDemande(tx, demande, input.version, {});
  await addEvent(tx, demande.id, "reponse_ft", user.id, EVENT_MESSAGES.reponse_ft(input.reponduLe, input.resume));
  return {
    data: { id: row.id, jeuneId: row.jeuneId },
    audit: audit("droits.reponse_ft", row, ["reponseFranceTravail"], input, { reponduLe: input.reponduLe }),
  };
});
