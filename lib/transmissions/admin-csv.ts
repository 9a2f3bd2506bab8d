/**
 * The transfers of a selection as CSV (lib/csv.ts: `;`, UTF-8 BOM, CRLF, formulas neutralised), for
 * the DPO's checks or an audit. Field names only, never the values sent; no name of the young person either:
 * the dossier's identifier leads back to it in Sillage.
 */
import type { TransmissionKind, TransmissionStatut } from "@/db/schema";
import { toCsv } from "@/lib/csv";
import { FINALITIES, type FinalityId } from "@/lib/data-map/finalities";
import { legalBasisLabel } from "@/lib/data-map/legal-bases";
import { RECIPIENTS, type RecipientId } from "@/lib/data-map/recipients";
import { formatDateTime } from "@/lib/format/fr";
import { flowFor } from "./enqueue";
import { KIND_LABELS, STATUS_LABELS, fieldLabels } from "./labels";

export interface TransmissionCsvRow {
  id: string;
  createdAt: Date;
  structureName: string;
  jeuneId: string;
  recipient: RecipientId;
  finality: FinalityId;
  kind: TransmissionKind;
  status: TransmissionStatut;
  attempts: number;
  lastError: string | null;
  acknowledgement: string | null;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
  fieldNames: readonly string[];
  payloadHash: string;
}

export const TRANSMISSIONS_CSV_HEADER = [
  "Créée le",
  "Mission locale",
  "Dossier (identifiant)",
  "Transmission (identifiant)",
  "Destinataire",
  "Finalité",
  "Base légale",
  "Nature",
  "Statut",
  "Tentatives",
  "Dernière erreur technique",
  "Accusé de réception",
  "Envoyée le",
  "Accusée le",
  "Données transmises (noms des champs)",
  "Empreinte de la charge",
];

const when = (d: Date | null) => (d ? formatDateTime(d) : "");

/** One transfer's CSV record. */
export function transmissionCsvCells(r: TransmissionCsvRow): string[] {
  const flow = flowFor(r.recipient, r.finality);
  return [
    when(r.createdAt),
    r.structureName,
    r.jeuneId,
    r.id,
    RECIPIENTS[r.recipient]?.name ?? r.recipient,
    FINALITIES[r.finality]?.name ?? r.finality,
    flow ? legalBasisLabel(flow.legalBasis) : "",
    KIND_LABELS[r.kind] ?? r.kind,
    STATUS_LABELS[r.status].text,
    String(r.attempts),
    r.lastError ?? "",
    r.acknowledgement ?? "",
    when(r.sentAt),
    when(r.acknowledgedAt),
    fieldLabels(r.fieldNames).join(", "),
    r.payloadHash,
  ];
}

export function transmissionsCsv(rows: readonly TransmissionCsvRow[]): string {
  return toCsv([TRANSMISSIONS_CSV_HEADER, ...rows.map(transmissionCsvCells)]);
}
