/**
 * The transfers page's URL (`/transmissions?destinataire=asp&statut=rejetee&finalite=allocation&du=2026-11-01&au=2026-11-30&page=2`)
 * ↔ typed filters. Pure; each parameter falls back to its default when odd (unknown value, impossible date,
 * `du` after `au`…), so a hand-edited link never errors. Shared by the page and the CSV export.
 */
import { z } from "zod";
import { transmissionStatutEnum, type TransmissionStatut } from "@/db/schema/transmissions";
import { isValidCivilDate, type CivilDate } from "@/lib/calendar/civil-date";
import { FINALITY_IDS, type FinalityId } from "@/lib/data-map/finalities";
import { RECIPIENT_IDS, type RecipientId } from "@/lib/data-map/recipients";

export const TRANSMISSION_STATUTS = transmissionStatutEnum.enumValues;

export interface TransmissionFilters {
  recipient: RecipientId | null;
  statut: TransmissionStatut | null;
  finality: FinalityId | null;
  /** Created on or after this Paris date. */
  du: CivilDate | null;
  /** Created on or before this Paris date (whole day). */
  au: CivilDate | null;
  /** Admin only (ignored for others): one structure. */
  structureId: string | null;
  page: number;
}

export const DEFAULT_TRANSMISSION_FILTERS: Readonly<TransmissionFilters> = Object.freeze({
  recipient: null,
  statut: null,
  finality: null,
  du: null,
  au: null,
  structureId: null,
  page: 1,
});

const civilDate = z
  .string()
  .refine((v) => isValidCivilDate(v) && v >= "2000-01-01" && v <= "2099-12-31")
  .nullable()
  .catch(null);

const schema = z.object({
  recipient: z
    .enum(RECIPIENT_IDS as [RecipientId, ...RecipientId[]])
    .nullable()
    .catch(null),
  statut: z.enum(TRANSMISSION_STATUTS).nullable().catch(null),
  finality: z
    .enum(FINALITY_IDS as [FinalityId, ...FinalityId[]])
    .nullable()
    .catch(null),
  du: civilDate,
  au: civilDate,
  structureId: z.uuid().nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function parseTransmissionParams(raw: Record<string, string | string[] | undefined>): TransmissionFilters {
  const first = (key: string) => {
    const v = raw[key];
    const value = Array.isArray(v) ? v[0] : v;
    return value === undefined || value === "" ? null : value.slice(0, 100);
  };
  const parsed = schema.parse({
    recipient: first("destinataire"),
    statut: first("statut"),
    finality: first("finalite"),
    du: first("du"),
    au: first("au"),
    structureId: first("structure"),
    page: first("page") ?? undefined,
  });
  // An inverted period means nothing: keep the start, drop the end.
  if (parsed.du && parsed.au && parsed.au < parsed.du) parsed.au = null;
  return parsed;
}

/** The query string of these filters (defaults left out), without the page unless asked. */
export function transmissionQuery(filters: TransmissionFilters, change: Partial<TransmissionFilters> = {}): string {
  const next: TransmissionFilters = { ...filters, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.recipient) params.set("destinataire", next.recipient);
  if (next.statut) params.set("statut", next.statut);
  if (next.finality) params.set("finalite", next.finality);
  if (next.du) params.set("du", next.du);
  if (next.au) params.set("au", next.au);
  if (next.structureId) params.set("structure", next.structureId);
  if (next.page > 1) params.set("page", String(next.page));
  return params.toString();
}

export function transmissionsHref(filters: TransmissionFilters, change: Partial<TransmissionFilters> = {}): string {
  const qs = transmissionQuery(filters, change);
  return qs ? `/transmissions?${qs}` : "/transmissions";
}

/** The CSV export of the same selection (every page). */
export function transmissionsCsvHref(filters: TransmissionFilters): string {
  const qs = transmissionQuery(filters, { page: 1 });
  return qs ? `/transmissions/export.csv?${qs}` : "/transmissions/export.csv";
}

export function hasTransmissionNarrowing(filters: TransmissionFilters): boolean {
  return Boolean(filters.recipient || filters.statut || filters.finality || filters.du || filters.au || filters.structureId);
}
