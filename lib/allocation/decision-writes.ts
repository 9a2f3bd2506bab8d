/**
 * Monthly allowance decisions (capability parcours.write, same structure). The contract in force during
 * the month decides the dispositif:
 * - CEJ: computeCejAllowance with the amounts, the reduction for other resources (D5131-23) and the SMIC in
 *   force on the month's first day, then the effect of any DECIDED sanction of that contract covering the month.
 * - PACEA: the requested amount checked against the ceiling over every rolling 12-month window
 *   (checkPaceaAllowance) with this young person's other current PACEA decisions, then the sanctions.
 *
 * Two steps: `previewAllocationDecision` computes and writes nothing; `recordAllocationDecision`
 * recomputes on the server (never trusts the preview), refuses if the amount moved since the preview, and
 * stores the row with its inputs, rule version and explanation. A second decision for the same contract
 * and month supersedes the current one (`remplacee_par_id`), both kept. The form posts the id of the
 * current decision it saw (`remplaceId`): another decision recorded meanwhile is a conflict.
 */
import { and, desc, eq, gte, isNull, lte, ne, or, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Tx } from "@/db/client";
import { allocationDecisions, contrats, jeunes, sanctions, type AllocationDecision, type Contrat } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { inputJeune } from "@/lib/dossier/targets";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import type { AuditInput } from "@/lib/audit/write";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { formatMoneyCents, formatLongCivilDate, formatMonth } from "@/lib/format/fr";
import type { SettingKey } from "@/lib/settings/definitions";
import { settingInForce } from "@/lib/settings/read";
import { readDecidedEffect } from "@/lib/sanctions/effet";
import { onAllocationDecision } from "@/lib/transmissions/triggers";
import { computeCejAllowance, isResourceRuleUsable, type CejStep } from "./cej";
import { firstDayOfMonth, addToMonth, lastDayOfMonth, monthOf } from "@/lib/calendar/months";
import { checkPaceaAllowance } from "./pacea";
import { formatRegleVersion, type RuleRef } from "./regle-version";
import { applySanctionEffects, type DecidedSanction } from "./sanction-effect";
import { confirmDecisionSchema, decisionInputSchema, type DecisionInput } from "./schema";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

/** How far ahead a decision may be taken: the coming month (payment prepared in advance). */
const MONTHS_AHEAD = 1;

export interface ComputedDecision {
  jeuneId: string;
  structureId: string;
  contratId: string;
  dispositif: "CEJ" | "PACEA";
  mois: string;
  montantCents: number;
  entrees: Record<string, unknown>;
  regleVersion: string;
  explication: string;
  /** The computation line by line, shown in the preview: the amount, then what is taken off (negative cents). */
  calcul: CejStep[];
  /** The current decision this one would supersede. */
  remplace: { id: string; montantCents: number } | null;
}

function fieldError(field: string, message: string): never {
  throw new DomainError("invalid_input", { fieldErrors: { [field]: [message] } });
}

async function loadJeune(tx: Tx, user: SessionUser, jeuneId: string) {
  const [jeune] = await tx
    .select({ id: jeunes.id, structureId: jeunes.structureId, dateNaissance: jeunes.dateNaissance, statut: jeunes.statut })
    .from(jeunes)
    .where(eq(jeunes.id, jeuneId));
  if (!jeune) throw new DomainError("not_found");
  assertSameStructure(user, jeune.structureId);
  return jeune;
}

/**
 * The contract in force during the month (from its start to its actual end, or planned end while open).
 * After a CEJ ↔ PACEA switch in the month, the later contract is taken.
 */
export async function contractForMonth(tx: Tx, jeuneId: string, mois: string): Promise<Contrat | null> {
  const [row] = await tx
    .select()
    .from(contrats)
    .where(
      and(
        eq(contrats.jeuneId, jeuneId),
        lte(contrats.debut, lastDayOfMonth(mois)),
        gte(sql`coalesce(${contrats.finReelle}, ${contrats.finPrevue})`, firstDayOfMonth(mois)),
      ),
    )
    .orderBy(desc(contrats.debut))
    .limit(1);
  return row ?? null;
}

/** The national setting row effective on `on`, or null; also returns the ref for the rule version. */
async function setting<K extends SettingKey>(tx: Tx, key: K, on: CivilDate) {
  const row = await settingInForce(tx, key, on);
  return row ? { ...row, ref: { key, effectiveFrom: row.effectiveFrom } satisfies RuleRef } : null;
}

async function decidedSanctions(tx: Tx, contratId: string): Promise<(DecidedSanction & { baremeEnVigueurDepuis: string })[]> {
  const rows = await tx
    .select({
      id: sanctions.id,
      dateFait: sanctions.dateFait,
      palier: sanctions.palier,
      effet: sanctions.effet,
      baremeEnVigueurDepuis: sanctions.baremeEnVigueurDepuis,
    })
    .from(sanctions)
    .where(and(eq(sanctions.contratId, contratId), eq(sanctions.statut, "decidee")));
  return rows.flatMap((r) => {
    const effet = readDecidedEffect(r.effet);
    return effet ? [{ id: r.id, dateFait: r.dateFait, palier: r.palier, effet, baremeEnVigueurDepuis: r.baremeEnVigueurDepuis }] : [];
  });
}

async function currentDecision(tx: Tx, contratId: string, mois: string, lock: boolean) {
  const query = tx
    .select()
    .from(allocationDecisions)
    .where(
      and(eq(allocationDecisions.contratId, contratId), eq(allocationDecisions.mois, mois), isNull(allocationDecisions.remplaceeParId)),
    );
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** Computes the decision for `input` on `today` (Paris civil date). Writes nothing. */
export async function computeAllocationDecision(
  tx: Tx,
  user: SessionUser,
  input: DecisionInput,
  today: CivilDate,
  { lock = false } = {},
): Promise<ComputedDecision> {
  const jeune = await loadJeune(tx, user, input.jeuneId);
  const mois = input.mois;
  const latest = addToMonth(monthOf(today), MONTHS_AHEAD);
  if (mois > latest) fieldError("mois", `Vous pouvez décider l'allocation au plus tard pour ${formatMonth(latest)}.`);
  const contrat = await contractForMonth(tx, jeune.id, mois);
  if (!contrat) {
    fieldError(
      "mois",
      `Aucun contrat CEJ ou PACEA n'est en vigueur en ${formatMonth(mois)} pour ce jeune. Vérifiez le mois ou enregistrez d'abord le contrat.`,
    );
  }
  const first = firstDayOfMonth(mois);
  const refs: RuleRef[] = [];
  const sanctionRows = await decidedSanctions(tx, contrat.id);

  let baseCents: number;
  let baseExplanation: string;
  let calcul: CejStep[];
  const entrees: Record<string, unknown> = { dispositif: contrat.type, mois };

  if (contrat.type === "CEJ") {
    if (!input.foyer) fieldError("foyer", "Choisissez la situation fiscale du foyer.");
    const amounts = await setting(tx, "cej.allocation.montants", first);
    const degressivite = await setting(tx, "cej.allocation.degressivite", first);
    const smic = await setting(tx, "smic.brut_mensuel", first);
    if (amounts && (!degressivite || !smic)) {
      const missing = degressivite ? "SMIC brut mensuel" : "réduction pour autres ressources";
      throw new DomainError("conflict", {
        message: `Le paramètre « ${missing} » n'est pas en vigueur au ${formatLongCivilDate(first)} : demandez à l'administrateur de le renseigner.`,
      });
    }
    const rule = {
      abatementCents: degressivite?.value.abattementCents ?? 0,
      smicSharePercent: degressivite?.value.partSmicPourcent ?? 100,
      smicCents: smic?.value.cents ?? 0,
    };
    if (amounts && !isResourceRuleUsable(rule)) {
      throw new DomainError("conflict", {
        message: `Les paramètres de la réduction pour autres ressources au ${formatLongCivilDate(first)} sont incohérents (la part du SMIC ne dépasse pas l'abattement) : le calcul est impossible. Contactez l'administrateur.`,
      });
    }
    const ressourcesDeduitesEnPartieCents = input.ressourcesDeduitesEnPartie ?? 0;
    const ressourcesDeduitesEnTotaliteCents = input.ressourcesDeduitesEnTotalite ?? 0;
    const result = computeCejAllowance({
      month: mois,
      birthDate: jeune.dateNaissance,
      foyer: input.foyer,
      partlyDeductedCents: ressourcesDeduitesEnPartieCents,
      fullyDeductedCents: ressourcesDeduitesEnTotaliteCents,
      amounts: amounts?.value ?? null,
      rule,
    });
    if (amounts) refs.push(amounts.ref);
    if (amounts && degressivite && smic) refs.push(degressivite.ref, smic.ref);
    baseCents = result.cents;
    baseExplanation = result.explanation;
    calcul = result.steps;
    Object.assign(entrees, {
      foyer: input.foyer,
      ressourcesDeduitesEnPartieCents,
      ressourcesDeduitesEnTotaliteCents,
      // The basis says minor/adult; the birth date itself (identity) is not stored.
      base: result.basis,
      montants: amounts ? { ...amounts.value, enVigueurDepuis: amounts.effectiveFrom } : null,
      degressivite: amounts && degressivite ? { ...degressivite.value, enVigueurDepuis: degressivite.effectiveFrom } : null,
      smic: amounts && smic ? { ...smic.value, enVigueurDepuis: smic.effectiveFrom } : null,
      montantBaseCents: result.baseCents,
      deductionTotaleCents: result.fullDeductionCents,
      reductionPartielleCents: result.partialReductionCents,
    });
  } else {
    const demande = input.montantDemande;
    if (demande === undefined) fieldError("montantDemande", "Saisissez le montant demandé pour le mois, en euros.");
    const plafond = await setting(tx, "pacea.allocation.plafond", first);
    const rsa = await setting(tx, "rsa.montant_personne_seule", first);
    if (!plafond || !rsa)
      fieldError(
        "mois",
        `Le plafond de l'allocation PACEA ou le montant du RSA n'est pas paramétré pour ${formatMonth(mois)} : demandez à l'administrateur de le renseigner.`,
      );
    if (plafond.value.deduireForfaitLogement) {
      throw new DomainError("conflict", {
        message:
          "Le paramètre du plafond PACEA demande de déduire le forfait logement, dont le montant n'est pas paramétré : le calcul est impossible. Contactez l'administrateur.",
      });
    }
    refs.push(plafond.ref, rsa.ref);
    // Every other current PACEA decision of this young person that can share a 12-month window.
    const previous = await tx
      .select({ mois: allocationDecisions.mois, cents: allocationDecisions.montantCents })
      .from(allocationDecisions)
      .where(
        and(
          eq(allocationDecisions.jeuneId, jeune.id),
          eq(allocationDecisions.dispositif, "PACEA"),
          isNull(allocationDecisions.remplaceeParId),
          gte(allocationDecisions.mois, addToMonth(mois, -11)),
          lte(allocationDecisions.mois, addToMonth(mois, 11)),
          or(ne(allocationDecisions.contratId, contrat.id), ne(allocationDecisions.mois, mois)),
        ),
      );
    const check = checkPaceaAllowance({
      month: mois,
      requestedCents: demande,
      previousPayments: previous.map((p) => ({ month: p.mois, cents: p.cents })),
      rsaCents: rsa.value.cents,
      multiplier: plafond.value.multiplicateurRsa,
    });
    if (!check.ok) fieldError("montantDemande", check.message);
    baseCents = check.allowedCents;
    calcul = [{ label: "Montant demandé", cents: demande }];
    baseExplanation =
      `Allocation PACEA pour ${formatMonth(mois)} : ${formatMoneyCents(demande)} demandés, dans le plafond de ${formatMoneyCents(check.ceilingCents)} sur 12 mois glissants ` +
      `(${formatMoneyCents(rsa.value.cents)} de RSA × ${String(plafond.value.multiplicateurRsa).replace(".", ",")}). ` +
      `Déjà versé au plus sur une période de 12 mois comprenant ce mois : ${formatMoneyCents(check.usedCents)} ; reste ${formatMoneyCents(check.remainingCents - demande)} après cette décision.`;
    Object.assign(entrees, {
      montantDemandeCents: demande,
      rsaCents: rsa.value.cents,
      rsaEnVigueurDepuis: rsa.effectiveFrom,
      multiplicateurRsa: plafond.value.multiplicateurRsa,
      plafondEnVigueurDepuis: plafond.effectiveFrom,
      plafondCents: check.ceilingCents,
      dejaVerseCents: check.usedCents,
      fenetre: check.window,
    });
  }

  const outcome = applySanctionEffects(baseCents, mois, sanctionRows);
  if (outcome.applied) {
    const row = sanctionRows.find((s) => s.id === outcome.applied!.sanctionId)!;
    refs.push({ key: "cej.sanctions.bareme", effectiveFrom: row.baremeEnVigueurDepuis });
  }
  if (outcome.withheldCents > 0)
    calcul = [...calcul, { label: `Sanction décidée : ${outcome.applied!.pourcentage}\u00a0% retenus`, cents: -outcome.withheldCents }];
  entrees.sanctions = outcome.applied ? [{ ...outcome.applied, autresSanctionsDuMois: outcome.alsoCovering.length }] : [];
  entrees.montantAvantSanctionCents = baseCents;

  const current = await currentDecision(tx, contrat.id, mois, lock);
  return {
    jeuneId: jeune.id,
    structureId: jeune.structureId,
    contratId: contrat.id,
    dispositif: contrat.type,
    mois,
    montantCents: outcome.cents,
    entrees,
    regleVersion: formatRegleVersion(refs) || "aucun-parametre",
    explication: outcome.explanation ? `${baseExplanation} ${outcome.explanation}` : baseExplanation,
    calcul,
    remplace: current ? { id: current.id, montantCents: current.montantCents } : null,
  };
}

export type AllocationPreview = Omit<ComputedDecision, "entrees" | "structureId">;

export interface RecordedDecision {
  id: string;
  jeuneId: string;
  mois: string;
  montantCents: number;
  remplaceId: string | null;
}

function otherDecisionConflict(mois: string): never {
  throw new DomainError("conflict", {
    message: `Une autre décision a été enregistrée pour ${formatMonth(mois)} pendant votre saisie. Rien n'a été écrasé : rechargez la page pour la voir, puis recommencez si besoin.`,
  });
}

/** The driver's error, or the one drizzle wraps in `cause`. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "23505" || e.cause?.code === "23505";
}

/** Optimistic lock: the current decision must still be the one the form saw. */
function checkSameCurrent(computed: ComputedDecision, expected: string): void {
  if ((computed.remplace?.id ?? "") !== expected) otherDecisionConflict(computed.mois);
}

/**
 * Writes a computed decision: supersedes the current one of the month (kept, marked), inserts the new
 * row, and (unless told otherwise) writes the transfers it requires. Returns the data and the audit.
 * `transfers: false` is for the demo seed only, whose past months stand for payments made before the demo.
 */
export async function storeDecision(
  tx: Tx,
  user: SessionUser,
  computed: ComputedDecision,
  options: { transfers: boolean },
): Promise<{ data: RecordedDecision; audit: AuditInput[] }> {
  const id = uuidv7();
  const audit: AuditInput[] = [];
  if (computed.remplace) {
    // The old row first: the partial unique index allows one current decision per contract and month.
    const superseded = await tx
      .update(allocationDecisions)
      .set({ remplaceeParId: id })
      .where(and(eq(allocationDecisions.id, computed.remplace.id), isNull(allocationDecisions.remplaceeParId)))
      .returning({ id: allocationDecisions.id });
    if (superseded.length !== 1) otherDecisionConflict(computed.mois);
    audit.push({
      action: "allocation.decision_remplacee",
      targetType: "allocation_decision",
      targetId: computed.remplace.id,
      jeuneId: computed.jeuneId,
      structureId: computed.structureId,
      fields: ["remplaceeParId"],
      meta: { mois: computed.mois, dispositif: computed.dispositif },
    });
  }
  let row: AllocationDecision;
  try {
    [row] = (await tx
      .insert(allocationDecisions)
      .values({
        id,
        structureId: computed.structureId,
        jeuneId: computed.jeuneId,
        contratId: computed.contratId,
        dispositif: computed.dispositif,
        mois: computed.mois,
        montantCents: computed.montantCents,
        entrees: computed.entrees,
        regleVersion: computed.regleVersion,
        explication: computed.explication,
        decideePar: user.id,
      })
      .returning()) as [AllocationDecision];
  } catch (error) {
    // Two confirmations at once: the partial unique index lets only one through.
    if (isUniqueViolation(error)) otherDecisionConflict(computed.mois);
    throw error;
  }
  // The transfers the decision requires (ASP payment…), written in the same transaction.
  if (options.transfers) await onAllocationDecision(tx, row);
  audit.unshift({
    action: "allocation.decision",
    targetType: "allocation_decision",
    targetId: row.id,
    jeuneId: row.jeuneId,
    structureId: row.structureId,
    fields: ["mois", "montantCents", "entrees", "regleVersion", "explication", ...(computed.remplace ? ["remplace"] : [])],
    after: { mois: row.mois, montantCents: row.montantCents, regleVersion: row.regleVersion },
    meta: { mois: row.mois, dispositif: row.dispositif, remplace: computed.remplace !== null },
  });
  return {
    data: { id: row.id, jeuneId: row.jeuneId, mois: row.mois, montantCents: row.montantCents, remplaceId: computed.remplace?.id ?? null },
    audit,
  };
}

/** The action definitions, with the clock injectable (tests pass explicit dates). */
export function allocationDecisionActions(now: () => Date = () => new Date()) {
  const preview: ActionDefinition<typeof decisionInputSchema, AllocationPreview> = {
    name: "allocation.apercu",
    schema: decisionInputSchema,
    capability: "parcours.write",
    dossier: { jeuneIds: inputJeune, states: ["archive"], onglet: "parcours" },
    handler: async ({ tx, user, input }) => {
      const computed = await computeAllocationDecision(tx, user, input, todayInParis(now()));
      const { entrees: _entrees, structureId: _structure, ...shown } = computed;
      // A preview writes nothing and is not audited (the confirmed decision is).
      return { data: shown, audit: [] };
    },
  };

  const record: ActionDefinition<typeof confirmDecisionSchema, RecordedDecision> = {
    name: "allocation.decision",
    schema: confirmDecisionSchema,
    capability: "parcours.write",
    dossier: { jeuneIds: inputJeune, states: ["archive"], onglet: "parcours" },
    handler: async ({ tx, user, input }) => {
      const computed = await computeAllocationDecision(tx, user, input, todayInParis(now()), { lock: true });
      checkSameCurrent(computed, input.remplaceId);
      if (computed.montantCents !== input.apercuCents) {
        throw new DomainError("conflict", {
          message: `Le montant calculé a changé depuis l'aperçu (${formatMoneyCents(input.apercuCents)} → ${formatMoneyCents(computed.montantCents)}) : un paramètre ou une sanction a été modifié. Vérifiez le nouvel aperçu avant de confirmer.`,
        });
      }
      return storeDecision(tx, user, computed, { transfers: true });
    },
    refreshes: [ALERT_STATE],
    revalidate: (input) => [`/jeunes/${input.jeuneId}`],
  };

  return { preview, record };
}

export const { preview: previewAllocationDecision, record: recordAllocationDecision } = allocationDecisionActions();
