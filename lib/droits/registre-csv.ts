/**
 * The register of rights requests, as CSV for the CNIL or an audit: `;`-separated (French Excel),
 * UTF-8 with a BOM, CRLF. Names and the request's wording are left out (they can hold personal
 * data); the number leads back to the request in Sillage.
 */
import { toCsv } from "@/lib/csv";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { formatShortDate } from "@/lib/format/fr";
import { finaliteLabel } from "./finalites";
import {
  CANAL_LABELS,
  ISSUE_LABELS,
  STATUT_LABELS,
  TYPE_LABELS,
  type DemandeCanal,
  type DemandeIssue,
  type DemandeStatut,
  type DemandeType,
} from "./labels";

export interface RegistreRow {
  numero: string;
  structureName: string;
  type: DemandeType;
  finalite: string | null;
  canal: DemandeCanal;
  recueLe: CivilDate;
  statut: DemandeStatut;
  identiteVerifieeLe: CivilDate | null;
  identiteMethode: string | null;
  pauses: number;
  echeance: CivilDate | null;
  prolongeeLe: CivilDate | null;
  prolongationMotif: string | null;
  issue: DemandeIssue | null;
  reponseMotif: string | null;
  reponduLe: CivilDate | null;
  closeLe: CivilDate | null;
}

export const REGISTRE_CSV_HEADER = [
  "Numéro",
  "Mission locale",
  "Droit exercé",
  "Finalité",
  "Canal",
  "Reçue le",
  "Statut",
  "Identité vérifiée le",
  "Méthode de vérification",
  "Compléments d'identité demandés",
  "Échéance",
  "Prolongée le",
  "Motif de la prolongation",
  "Décision",
  "Motif de la décision",
  "Répondue le",
  "Close le",
];

const date = (d: CivilDate | null) => (d ? formatShortDate(d) : "");

/** One request's CSV record. */
export function registreCsvCells(r: RegistreRow): string[] {
  return [
    r.numero,
    r.structureName,
    TYPE_LABELS[r.type],
    finaliteLabel(r.finalite) ?? "",
    CANAL_LABELS[r.canal],
    date(r.recueLe),
    STATUT_LABELS[r.statut],
    date(r.identiteVerifieeLe),
    r.identiteMethode ?? "",
    String(r.pauses),
    date(r.echeance),
    date(r.prolongeeLe),
    r.prolongationMotif ?? "",
    r.issue ? ISSUE_LABELS[r.issue] : "",
    r.reponseMotif ?? "",
    date(r.reponduLe),
    date(r.closeLe),
  ];
}

export function registreCsv(rows: readonly RegistreRow[]): string {
  return toCsv([REGISTRE_CSV_HEADER, ...rows.map(registreCsvCells)]);
}
