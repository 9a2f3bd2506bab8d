import { categoryHasSensitiveData, DATA_CATEGORIES, categoriesOfFields, fieldInfo, type CategoryId } from "./categories";
import type { DataMapContext } from "./context";
import { JOINT_CONTROLLERS } from "./controllers";
import { FINALITIES, FINALITY_LIST, type Finality, type FinalityId } from "./finalities";
import { FLOW_LIST, flowsOfFinality, type Flow, type FlowId } from "./flows";
import { legalBasisLabel } from "./legal-bases";
import { RECIPIENTS } from "./recipients";
import { REFERENCES } from "./references";
import { describeRetentionForStaff } from "./retention";

/** Columns of the register of processing activities (GDPR art. 30-1), in table, CSV and PDF order. */
export const REGISTER_COLUMNS = [
  { key: "finalite", label: "Finalité" },
  { key: "baseLegale", label: "Base légale" },
  { key: "references", label: "Textes de référence" },
  { key: "donnees", label: "Catégories de données" },
  { key: "personnes", label: "Catégories de personnes" },
  { key: "destinataires", label: "Destinataires" },
  { key: "transferts", label: "Transferts hors de l'Union européenne" },
  { key: "conservation", label: "Durée de conservation" },
  { key: "securite", label: "Mesures de sécurité" },
] as const;

export type RegisterColumnKey = (typeof REGISTER_COLUMNS)[number]["key"];

/** One row per finality; every cell is a list of lines (a list in HTML, line breaks in CSV and PDF). */
export type RegisterRow = { finalityId: FinalityId } & Record<RegisterColumnKey, string[]>;

export interface RegisterFlowRow {
  id: FlowId;
  recipient: string;
  finality: string;
  legalBasis: string;
  fields: string[];
  pseudonymised: boolean;
  trigger: string;
  frequency: string;
  retention: string;
  toConfirm: string | null;
}

export interface RegisterController {
  /** The mission locale of the reader; null for the platform admin (every structure). */
  structureName: string | null;
  dpoEmail: string | null;
}

export interface RegisterModel {
  title: string;
  generatedAt: Date;
  controller: RegisterController;
  jointControllers: { name: string; role: string }[];
  rows: RegisterRow[];
  flows: RegisterFlowRow[];
}

export const REGISTER_TITLE = "Registre des activités de traitement";

const INTERNAL_RECIPIENTS = "Personnels habilités de la mission locale, selon leur rôle (conseiller, directeur, DPO)";

/** Security measures (GDPR art. 30-1-g): the common base, plus what the finality's data calls for. */
export function securityMeasuresFor(finality: Finality): string[] {
  const measures = [
    "Accès selon le rôle, limité à la mission locale de l'utilisateur",
    "Journal d'audit en ajout seul, sans donnée personnelle en clair",
    "Journal des consultations des dossiers (qui, quand, motif)",
  ];
  const categories = new Set<CategoryId>(finality.categories);
  if (categories.has("nir")) measures.push("NIR chiffré (AES-256-GCM) et masqué dans les listes");
  if (finality.categories.some(categoryHasSensitiveData) || categories.has("commentaire")) {
    measures.push("Données sensibles et commentaires jamais transmis");
  }
  const flows = flowsOfFinality(finality.id);
  if (flows.length > 0) measures.push("Liste fermée des données transmises par destinataire");
  if (flows.some((f) => f.pseudonymised)) measures.push("Pseudonymisation avant transmission");
  return measures;
}

function categoryLabels(categories: readonly CategoryId[]): string[] {
  return categories.map((c) => {
    const def = DATA_CATEGORIES[c];
    const sensitive = categoryHasSensitiveData(c) ? " (donnée sensible)" : "";
    return `${def.label}${sensitive}`;
  });
}

function recipientLine(flow: Flow): string {
  const what = flow.pseudonymised
    ? "données pseudonymisées"
    : categoriesOfFields(flow.fields)
        .map((c) => DATA_CATEGORIES[c].label)
        .join(", ");
  return `${RECIPIENTS[flow.recipient].name} (${flow.frequency.toLowerCase()}) : ${what}`;
}

function registerRow(finality: Finality, ctx: DataMapContext): RegisterRow {
  return {
    finalityId: finality.id,
    finalite: [finality.name],
    baseLegale: [legalBasisLabel(finality.legalBasis)],
    references: finality.references.map((r) => REFERENCES[r]),
    donnees: categoryLabels(finality.categories),
    personnes: [...finality.persons],
    destinataires: [INTERNAL_RECIPIENTS, ...flowsOfFinality(finality.id).map(recipientLine)],
    transferts: ["Aucun"],
    conservation: [...describeRetentionForStaff(finality.retention, ctx), "Valeurs du paramètre « Durées de conservation » en vigueur."],
    securite: securityMeasuresFor(finality),
  };
}

function flowRow(flow: Flow): RegisterFlowRow {
  return {
    id: flow.id,
    recipient: RECIPIENTS[flow.recipient].name,
    finality: FINALITIES[flow.finality].name,
    legalBasis: legalBasisLabel(flow.legalBasis),
    fields: flow.fields.map((f) => fieldInfo(f).label),
    pseudonymised: Boolean(flow.pseudonymised),
    trigger: flow.trigger.staff,
    frequency: flow.frequency,
    retention: flow.retentionAtRecipient.staff,
    toConfirm: flow.toConfirm ?? null,
  };
}

/** The register generated from the data map, with today's dated settings. */
export function buildRegister(ctx: DataMapContext, controller: RegisterController, generatedAt: Date): RegisterModel {
  return {
    title: REGISTER_TITLE,
    generatedAt,
    controller,
    jointControllers: JOINT_CONTROLLERS.map((c) => ({
      name: c.id === "missionLocale" && controller.structureName ? controller.structureName : c.name,
      role: c.role,
    })),
    rows: FINALITY_LIST.map((f) => registerRow(f, ctx)),
    flows: FLOW_LIST.map(flowRow),
  };
}

/** Header row + one row per finality, each cell's lines joined by a line break (CSV). */
export function registerTable(model: RegisterModel): string[][] {
  return [REGISTER_COLUMNS.map((c) => c.label), ...model.rows.map((row) => REGISTER_COLUMNS.map((c) => row[c.key].join("\n")))];
}
