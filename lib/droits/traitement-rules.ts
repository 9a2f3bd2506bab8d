/**
 * Pure rules for handling the rights that change data or ask a joint controller: which dossier fields a
 * rectification may correct (and how each is validated), the legal holds that stop an erasure, the rule
 * of the data map on an objection, and the state of a request forwarded to France Travail.
 */
import type { z } from "zod";
import { addMonths, compare, type CivilDate } from "@/lib/calendar/civil-date";
import { FINALITY_LIST } from "@/lib/data-map/finalities";
import { rightsFor, type RightAssessment } from "@/lib/data-map/rights";
import { formatDate } from "@/lib/format/fr";
import { FIELD_LABELS, updateJeuneSchema } from "@/lib/jeunes/schema";
import { ALLOCATION_ANNEES_COMPTABLES, retentionEnd, type RetentionRules } from "@/lib/retention/rules";

// ---------------------------------------------------------------------------------------------
// Rectification (GDPR art. 16) and notification of the recipients (art. 19)
// ---------------------------------------------------------------------------------------------

/**
 * Identity and contact fields of the dossier a rectification request may correct. The NIR is left out:
 * it is corrected from the dossier form, which re-checks it against sex and birth date and never echoes it.
 */
export const RECTIFIABLE_FIELDS = [
  "nomNaissance",
  "nomUsage",
  "prenoms",
  "dateNaissance",
  "communeNaissance",
  "sexe",
  "ftIdentifiant",
  "telephone",
  "email",
  "adresse",
  "codePostal",
  "commune",
] as const;

export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];

export function isRectifiableField(value: string): value is RectifiableField {
  return (RECTIFIABLE_FIELDS as readonly string[]).includes(value);
}

export const RECTIFIABLE_LABELS: Record<RectifiableField, string> = Object.fromEntries(
  RECTIFIABLE_FIELDS.map((f) => [f, FIELD_LABELS[f]]),
) as Record<RectifiableField, string>;

/** Fields a rectification may empty (the others are required by the dossier form). */
const REQUIRED: ReadonlySet<RectifiableField> = new Set(["nomNaissance", "prenoms", "dateNaissance", "sexe"]);

// The validators of the dossier form itself (lib/jeunes/schema.ts), so a correction obeys the same rules.
const dossierFields = updateJeuneSchema.in.shape;

/** Validates and normalises a new value with the dossier form's rule for that field. */
export function parseRectifiedValue(
  field: RectifiableField,
  raw: string,
  today: CivilDate,
): { ok: true; value: string | null } | { ok: false; message: string } {
  const result = (dossierFields[field] as z.ZodType<string | null>).safeParse(raw);
  if (!result.success) return { ok: false, message: result.error.issues[0]?.message ?? "Valeur non valide." };
  const value = result.data;
  if (value === null && REQUIRED.has(field))
    return { ok: false, message: `Ce champ est obligatoire dans le dossier : indiquez la nouvelle valeur.` };
  if (field === "dateNaissance" && value !== null && compare(value, today) > 0) {
    return { ok: false, message: "La date de naissance est postérieure à la date du jour : vérifiez-la." };
  }
  return { ok: true, value };
}

/** The data-map field a recipient received for a dossier field (same name for every rectifiable field). */
export function dataMapFieldOf(field: RectifiableField): string {
  return field;
}

/** One transfer per recipient × finality and per application of a correction (GDPR art. 19). */
export function rectificationKey(demandeId: string, jeuneVersion: number, recipient: string, finality: string): string {
  return `rectification:${demandeId}:v${jeuneVersion}:${recipient}:${finality}`;
}

/** Distinct recipient × finality pairs, in a stable order. */
export function distinctFlows<T extends { recipient: string; finality: string }>(
  rows: readonly T[],
): { recipient: T["recipient"]; finality: T["finality"] }[] {
  const seen = new Map<string, { recipient: T["recipient"]; finality: T["finality"] }>();
  for (const r of rows) seen.set(`${r.recipient}.${r.finality}`, { recipient: r.recipient, finality: r.finality });
  return [...seen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
}

// ---------------------------------------------------------------------------------------------
// Erasure (GDPR art. 17): legal holds
// ---------------------------------------------------------------------------------------------

// Accounting retention of an allowance decision (ten years, code de commerce L123-22): shared with the purge.
export { ALLOCATION_ANNEES_COMPTABLES };

export type HoldCode = "limitation" | "contrat_en_cours" | "allocation" | "fse" | "conservation";

export interface ErasureHold {
  code: HoldCode;
  /** Plain French for the letter and the page: what keeps the data, until when. */
  text: string;
  /** The legal reference, for "Pour aller plus loin". */
  reference: string;
}

export interface ErasureFacts {
  dateNaissance: CivilDate;
  limitationDepuis: Date | null;
  /** The contract still running (fin_reelle null), if any. */
  contratEnCours: { type: "PACEA" | "CEJ"; debut: CivilDate; finPrevue: CivilDate } | null;
  /** End of the last CEJ contract that ended. */
  finDernierCej: CivilDate | null;
  /** Day of the last allowance decision. */
  derniereDecisionAllocation: CivilDate | null;
  /** Last record of a PACEA or CEJ pathway (contract dates, allowance decisions), the programmes the ESF cofinances. */
  dernierEnregistrementParcours: CivilDate | null;
}

/**
 * Every reason the dossier must still be kept (GDPR art. 17-3-b: legal obligation or public-interest
 * task; 17-3-e: legal claims). Empty: nothing stops the erasure.
 *
 * ESF audits: Sillage does not record which pathways the ESF cofinanced, so any PACEA or CEJ pathway is
 * treated as possibly cofinanced (the conservative reading, to confirm with the structure's ESF file).
 */
export function erasureHolds(
  facts: ErasureFacts,
  rules: (RetentionRules & { fseAnneesApresDernierEnregistrement?: number }) | null,
  today: CivilDate,
): ErasureHold[] {
  const holds: ErasureHold[] = [];
  if (facts.limitationDepuis) {
    holds.push({
      code: "limitation",
      text: "Vos données sont gelées à votre demande (limitation). Tant que ce gel dure, nous ne pouvons ni les utiliser ni les effacer. Il doit d'abord être levé.",
      reference: "RGPD, article 18",
    });
  }
  if (facts.contratEnCours) {
    const c = facts.contratEnCours;
    holds.push({
      code: "contrat_en_cours",
      text: `Votre ${c.type === "CEJ" ? "contrat d'engagement jeune (CEJ)" : "PACEA"} est en cours depuis le ${formatDate(c.debut)}. Nous avons besoin de vos données pour vous accompagner${c.type === "CEJ" ? " et vous verser l'allocation" : ""}, comme la loi le prévoit.`,
      reference: `RGPD, article 17-3-b ; code du travail, ${c.type === "CEJ" ? "articles L5131-6 et L5411-6" : "article L5131-4"}`,
    });
  }
  if (facts.derniereDecisionAllocation) {
    const until = addMonths(facts.derniereDecisionAllocation, 12 * ALLOCATION_ANNEES_COMPTABLES);
    if (compare(until, today) >= 0) {
      holds.push({
        code: "allocation",
        text: `Vous avez reçu une allocation (dernière décision le ${formatDate(facts.derniereDecisionAllocation)}). Les paiements d'argent public doivent être gardés ${ALLOCATION_ANNEES_COMPTABLES} ans, pour les contrôles : jusqu'au ${formatDate(until)}.`,
        reference: `RGPD, article 17-3-b ; conservation des pièces comptables (${ALLOCATION_ANNEES_COMPTABLES} ans, code de commerce, article L123-22)`,
      });
    }
  }
  const fse = rules?.fseAnneesApresDernierEnregistrement;
  if (fse && facts.dernierEnregistrementParcours) {
    const until = addMonths(facts.dernierEnregistrementParcours, 12 * fse);
    if (compare(until, today) >= 0) {
      holds.push({
        code: "fse",
        text: `Votre parcours peut être payé en partie par l'Europe (Fonds social européen, FSE). L'Europe peut le contrôler pendant ${fse} ans : nous gardons les informations utiles à ce contrôle, pour ce seul usage, jusqu'au ${formatDate(until)}.`,
        reference: "RGPD, article 17-3-b ; décret n° 2015-59, article sur la durée de conservation (audits du FSE)",
      });
    }
  }
  if (rules) {
    const end = retentionEnd(
      {
        dateNaissance: facts.dateNaissance,
        finDernierCej: facts.finDernierCej,
        finProgrammeEnCours: facts.contratEnCours?.finPrevue ?? null,
      },
      rules,
    );
    if (compare(end.until, today) >= 0) {
      const why =
        end.basis === "cej"
          ? `${rules.cejAnneesApresFin} ans après la fin de votre contrat d'engagement jeune`
          : end.basis === "programme"
            ? "jusqu'à la fin de votre programme en cours"
            : `jusqu'à vos ${rules.dossierAgeMaxAns + 1 + rules.dossierAnneesApresAgeMax} ans`;
      holds.push({
        code: "conservation",
        text: `La loi fixe combien de temps votre dossier est gardé : ${why}, soit jusqu'au ${formatDate(end.until)}. Ensuite, il est rendu anonyme automatiquement.`,
        reference: "RGPD, article 17-3-b ; décret n° 2015-59 modifié, article sur la durée de conservation",
      });
    }
  }
  return holds;
}

/** The refusal's reasons, as the letter says them (one paragraph per hold, then the references). */
export function erasureRefusalMotif(holds: readonly ErasureHold[], note: string | null): string {
  const lines = [
    "Nous devons encore garder vos données, pour les raisons suivantes.",
    ...holds.map((h) => h.text),
    ...(note ? [note] : []),
    `Références : ${holds.map((h) => h.reference).join(" ; ")}.`,
  ];
  return lines.join("\n\n");
}

export function erasureAcceptedMotif(note: string | null): string {
  return [
    "Nous avons effacé votre identité et vos coordonnées de votre dossier : nom, prénoms, date de naissance exacte, adresse, téléphone, e-mail, numéro de sécurité sociale, notes.",
    "Nous gardons seulement des chiffres sans votre nom, pour les statistiques : votre année de naissance, votre sexe, votre mission locale.",
    "Votre accès à votre espace personnel est fermé.",
    ...(note ? [note] : []),
  ].join("\n\n");
}

// ---------------------------------------------------------------------------------------------
// Objection (GDPR art. 21), per finality, from the data map
// ---------------------------------------------------------------------------------------------

/** What the data map says of an objection to this finality; null when the finality is unknown. */
export function oppositionRule(finaliteId: string | null): RightAssessment | null {
  const finality = FINALITY_LIST.find((f) => f.id === finaliteId);
  if (!finality) return null;
  return rightsFor(finality).find((r) => r.right === "opposition") ?? null;
}

/** An objection the text excludes can only be refused (the reason is the rule). */
export function oppositionIssueRefusal(finaliteId: string | null, issue: string): string | null {
  const rule = oppositionRule(finaliteId);
  if (rule?.availability === "non" && issue !== "refusee") {
    return `Pour cette utilisation, l'opposition est exclue : ${rule.reason} La décision ne peut être qu'un refus, avec cette règle pour motif.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Joint controllers: a request forwarded to France Travail (décret 2015-59 art. 1 bis, GDPR art. 26)
// ---------------------------------------------------------------------------------------------

export function forwardKey(demandeId: string): string {
  return `demande-transmise:${demandeId}`;
}

export type ForwardState = { kind: "non_transmise" } | { kind: "en_attente"; transmiseLe: Date } | { kind: "repondue"; transmiseLe: Date };

export function forwardState(transmiseLe: Date | null, reponseRecue: boolean): ForwardState {
  if (!transmiseLe) return { kind: "non_transmise" };
  return reponseRecue ? { kind: "repondue", transmiseLe } : { kind: "en_attente", transmiseLe };
}

/** Only the data the `franceTravail.droits` flow allows: who, which right, received when — never the person's words. */
export function forwardData(jeune: Record<string, unknown>, demande: { type: string; recueLe: CivilDate }): Record<string, unknown> {
  return { ...jeune, demandeType: demande.type, demandeDateReception: demande.recueLe };
}
