/**
 * The accounts list's URL (`/admin/comptes?q=&role=conseiller&structure=<uuid>&statut=inactif&connexion=plus-90j
 * &page=2`) ↔ typed filters. Pure. Every parameter is parsed on its own and falls back to its default when odd:
 * a hand-edited or stale link never errors.
 */
import { z } from "zod";
import { stripUnsafeChars } from "@/lib/validation/fields";

export const STAFF_ROLE_VALUES = ["admin", "directeur", "conseiller", "dpo"] as const;
export type StaffRole = (typeof STAFF_ROLE_VALUES)[number];
export const COMPTE_STATUT_VALUES = ["actif", "inactif"] as const;
export type CompteStatut = (typeof COMPTE_STATUT_VALUES)[number];
/** Last sign-in (users.last_login_at): within 30 days, none for more than 90 days (or never), never. */
export const CONNEXION_VALUES = ["moins-30j", "plus-90j", "jamais"] as const;
export type Connexion = (typeof CONNEXION_VALUES)[number];

export const COMPTES_PAGE_SIZE = 25;
export const COMPTES_SEARCH_MAX_LENGTH = 100;
export const COMPTES_PATH = "/admin/comptes";

export interface ComptesFilters {
  /** Part of a name or an e-mail address, trimmed. */
  q: string;
  role: StaffRole | null;
  /** A structure's id (admin only; ignored for a director, who sees their own). */
  structure: string | null;
  statut: CompteStatut | null;
  connexion: Connexion | null;
  page: number;
}

export const DEFAULT_COMPTES_FILTERS: Readonly<ComptesFilters> = Object.freeze({
  q: "",
  role: null,
  structure: null,
  statut: null,
  connexion: null,
  page: 1,
});

const schema = z.object({
  q: z
    .string()
    .transform((s) => Array.from(stripUnsafeChars(s).trim()).slice(0, COMPTES_SEARCH_MAX_LENGTH).join(""))
    .catch(""),
  role: z.enum(STAFF_ROLE_VALUES).nullable().catch(null),
  structure: z.uuid().nullable().catch(null),
  statut: z.enum(COMPTE_STATUT_VALUES).nullable().catch(null),
  connexion: z.enum(CONNEXION_VALUES).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

type RawParams = Record<string, string | string[] | undefined>;

/** Next's `searchParams` → filters. A repeated parameter counts by its first value; an empty one is no filter. */
export function parseComptesParams(raw: RawParams): ComptesFilters {
  const first = (key: keyof ComptesFilters) => {
    const v = raw[key];
    const value = Array.isArray(v) ? v[0] : v;
    return value === "" ? undefined : value;
  };
  return schema.parse({
    q: first("q") ?? "",
    role: first("role") ?? null,
    structure: first("structure")?.toLowerCase() ?? null,
    statut: first("statut") ?? null,
    connexion: first("connexion") ?? null,
    page: first("page"),
  });
}

/** The link reproducing a view; defaults left out, and changing a filter goes back to page 1 unless `page` is given. */
export function comptesHref(filters: ComptesFilters, change: Partial<ComptesFilters> = {}): string {
  const next: ComptesFilters = { ...filters, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.role) params.set("role", next.role);
  if (next.structure) params.set("structure", next.structure);
  if (next.statut) params.set("statut", next.statut);
  if (next.connexion) params.set("connexion", next.connexion);
  if (next.page > 1) params.set("page", String(next.page));
  const qs = params.toString();
  return qs ? `${COMPTES_PATH}?${qs}` : COMPTES_PATH;
}

export function hasComptesNarrowing(f: ComptesFilters): boolean {
  return Boolean(f.q || f.role || f.structure || f.statut || f.connexion);
}
