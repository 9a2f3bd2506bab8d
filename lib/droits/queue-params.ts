/**
 * The DPO queue's URL (`/droits?statut=ouvertes&type=acces&retard=1&page=2`) ↔ typed filters. Pure;
 * each parameter falls back to its default when odd, so a hand-edited link never errors.
 */
import { z } from "zod";
import { DEMANDE_STATUTS, DEMANDE_TYPES, type DemandeStatut, type DemandeType } from "./labels";

export const STATUT_FILTERS = ["ouvertes", "toutes", ...DEMANDE_STATUTS] as const;
export type StatutFilter = (typeof STATUT_FILTERS)[number];

export interface QueueFilters {
  statut: StatutFilter;
  type: DemandeType | null;
  /** Only open requests whose deadline has passed. */
  retard: boolean;
  page: number;
}

export const DEFAULT_QUEUE_FILTERS: Readonly<QueueFilters> = Object.freeze({ statut: "ouvertes", type: null, retard: false, page: 1 });

const schema = z.object({
  statut: z.enum(STATUT_FILTERS).catch("ouvertes"),
  type: z.enum(DEMANDE_TYPES).nullable().catch(null),
  retard: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "oui" || v === "on")
    .catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function parseQueueParams(raw: Record<string, string | string[] | undefined>): QueueFilters {
  const first = (key: string) => {
    const v = raw[key];
    const value = Array.isArray(v) ? v[0] : v;
    return value === "" ? undefined : value;
  };
  return schema.parse({ statut: first("statut"), type: first("type") ?? null, retard: first("retard"), page: first("page") });
}

export function queueHref(filters: QueueFilters, change: Partial<QueueFilters> = {}): string {
  const next: QueueFilters = { ...filters, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.statut !== DEFAULT_QUEUE_FILTERS.statut) params.set("statut", next.statut);
  if (next.type) params.set("type", next.type);
  if (next.retard) params.set("retard", "1");
  if (next.page > 1) params.set("page", String(next.page));
  const qs = params.toString();
  return qs ? `/droits?${qs}` : "/droits";
}

export function hasQueueNarrowing(filters: QueueFilters): boolean {
  return filters.statut !== "ouvertes" || filters.type !== null || filters.retard;
}

export function isStatut(value: StatutFilter): value is DemandeStatut {
  return (DEMANDE_STATUTS as readonly string[]).includes(value);
}
