/**
 * The portfolio's URL (`/portefeuille?q=&dispositif=CEJ&antenne=<uuid>&conseiller=<uuid>&statut=archive
 * &alerte=mineur&tri=nom&ordre=asc&page=2`) ↔ typed filters. Pure. Every parameter is parsed on its
 * own and falls back to its default when odd: a hand-edited or stale link never errors.
 */
import { z } from "zod";
import { isValidCivilDate, toCivilDate, type CivilDate } from "@/lib/calendar/civil-date";
import { formatMonthSpan, type MonthSpan, parseMonthSpan } from "@/lib/calendar/months";
import { stripUnsafeChars } from "@/lib/validation/fields";
import { ALERT_KEYS, type AlertKey } from "./alerts";
import { CEJ_HOURS_KEYS, type CejHoursKey } from "./cej-hours-buckets";
import { normalizeForSearch, type Dispositif } from "./rules";

export const DISPOSITIF_VALUES = ["CEJ", "PACEA", "aucun"] as const satisfies readonly Dispositif[];
export const STATUT_VALUES = ["actif", "archive"] as const;
/** The files the list shows: active, archived, or both (`tous`, what a month's entries or exits cover). */
export const STATUT_FILTER_VALUES = [...STATUT_VALUES, "tous"] as const;
export const TRI_VALUES = ["nom", "age", "dispositif"] as const;
export const ORDRE_VALUES = ["asc", "desc"] as const;
/** `?conseiller=aucun`: young people with no titular counsellor. */
export const SANS_CONSEILLER = "aucun";

export type Statut = (typeof STATUT_VALUES)[number];
export type StatutFilter = (typeof STATUT_FILTER_VALUES)[number];
export type Tri = (typeof TRI_VALUES)[number];
export type Ordre = (typeof ORDRE_VALUES)[number];

export const SEARCH_MAX_LENGTH = 100;
export const PAGE_MAX = 10_000;

export interface PortefeuilleFilters {
  /** What was typed, trimmed (shown back in the box); see parseSearchQuery for its meaning. */
  q: string;
  dispositif: Dispositif | null;
  antenne: string | null;
  /** A counsellor's id, SANS_CONSEILLER, or null (directeur only; ignored for a counsellor). */
  conseiller: string | null;
  statut: StatutFilter;
  alerte: AlertKey | null;
  /**
   * `YYYY-MM` or `YYYY-MM..YYYY-MM` (bounds included): young people with a CEJ or PACEA contract starting in
   * those months (a CEJ ↔ PACEA switch excluded).
   */
  entree: MonthSpan | null;
  /** The same for a contract ending in those months (the switch excluded), for `motif` if given. */
  sortie: MonthSpan | null;
  /** An exit motive key (lib/parcours/motifs-sortie.ts; an unknown key lists nobody), only with `sortie`. */
  motif: string | null;
  /** Last ISO week's validated CEJ hours, by bucket or at the target (lib/jeunes/cej-hours.ts). */
  heures: CejHoursKey | null;
  /** null: by relevance when searching by name, else by name. */
  tri: Tri | null;
  ordre: Ordre;
  page: number;
}

export const DEFAULT_FILTERS: Readonly<PortefeuilleFilters> = Object.freeze({
  q: "",
  dispositif: null,
  antenne: null,
  conseiller: null,
  statut: "actif",
  alerte: null,
  entree: null,
  sortie: null,
  motif: null,
  heures: null,
  tri: null,
  ordre: "asc",
  page: 1,
});

/** A month `YYYY-MM` or a run of months `YYYY-MM..YYYY-MM` between 2000 and 2099, else no filter. */
const months = z
  .string()
  .transform((value, ctx) => {
    const span = parseMonthSpan(value);
    if (!span) ctx.addIssue({ code: "custom", message: "mois" });
    return span;
  })
  .nullable()
  .catch(null);

const schema = z.object({
  q: z
    .string()
    // A search cleans rather than refuses: control and text-direction characters go (lib/validation/fields);
    // cut by code points so an emoji is never split into a broken half.
    .transform((s) => Array.from(stripUnsafeChars(s).trim()).slice(0, SEARCH_MAX_LENGTH).join(""))
    .catch(""),
  dispositif: z.enum(DISPOSITIF_VALUES).nullable().catch(null),
  antenne: z.uuid().nullable().catch(null),
  conseiller: z
    .union([z.uuid(), z.literal(SANS_CONSEILLER)])
    .nullable()
    .catch(null),
  statut: z.enum(STATUT_FILTER_VALUES).catch("actif"),
  alerte: z.enum(ALERT_KEYS).nullable().catch(null),
  entree: months,
  sortie: months,
  motif: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .nullable()
    .catch(null),
  heures: z.enum(CEJ_HOURS_KEYS).nullable().catch(null),
  tri: z.enum(TRI_VALUES).nullable().catch(null),
  ordre: z.enum(ORDRE_VALUES).catch("asc"),
  page: z.coerce.number().int().min(1).max(PAGE_MAX).catch(1),
});

type RawParams = Record<string, string | string[] | undefined>;

/** Next's `searchParams` (or any record) → filters. A repeated parameter counts by its first value. */
export function parsePortefeuilleParams(raw: RawParams): PortefeuilleFilters {
  const first = (key: keyof PortefeuilleFilters) => {
    const v = raw[key];
    const value = Array.isArray(v) ? v[0] : v;
    // An empty field of the GET form means "no filter": let the default apply.
    return value === "" ? undefined : value;
  };
  const parsed = schema.parse({
    q: first("q") ?? "",
    dispositif: first("dispositif") ?? null,
    antenne: first("antenne")?.toLowerCase() ?? null,
    conseiller: first("conseiller")?.toLowerCase() ?? null,
    statut: first("statut"),
    alerte: first("alerte") ?? null,
    entree: first("entree") ?? null,
    sortie: first("sortie") ?? null,
    motif: first("motif") ?? null,
    heures: first("heures") ?? null,
    tri: first("tri") ?? null,
    ordre: first("ordre"),
    page: first("page"),
  });
  // A motive narrows the exits of a month: alone, it means nothing.
  return parsed.sortie ? parsed : { ...parsed, motif: null };
}

/**
 * The link reproducing a view: defaults are left out so links stay short, and changing a filter
 * goes back to page 1 unless `page` is given.
 */
export function portefeuilleHref(filters: PortefeuilleFilters, change: Partial<PortefeuilleFilters> = {}): string {
  const next: PortefeuilleFilters = { ...filters, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.dispositif) params.set("dispositif", next.dispositif);
  if (next.antenne) params.set("antenne", next.antenne);
  if (next.conseiller) params.set("conseiller", next.conseiller);
  if (next.statut !== DEFAULT_FILTERS.statut) params.set("statut", next.statut);
  if (next.alerte) params.set("alerte", next.alerte);
  if (next.entree) params.set("entree", formatMonthSpan(next.entree));
  if (next.sortie) params.set("sortie", formatMonthSpan(next.sortie));
  if (next.sortie && next.motif) params.set("motif", next.motif);
  if (next.heures) params.set("heures", next.heures);
  if (next.tri) params.set("tri", next.tri);
  if (next.tri && next.ordre !== DEFAULT_FILTERS.ordre) params.set("ordre", next.ordre);
  if (next.page > 1) params.set("page", String(next.page));
  const qs = params.toString();
  return qs ? `/portefeuille?${qs}` : "/portefeuille";
}

/** True when anything narrows the list (the search or a filter, not the sort or the page). */
export function hasNarrowing(filters: PortefeuilleFilters): boolean {
  return Boolean(
    filters.q ||
      filters.dispositif ||
      filters.antenne ||
      filters.conseiller ||
      filters.alerte ||
      filters.entree ||
      filters.sortie ||
      filters.heures ||
      filters.statut !== "actif",
  );
}

// ---------------------------------------------------------------------------------------------
// What the search box holds
// ---------------------------------------------------------------------------------------------

export type SearchQuery =
  | { kind: "none" }
  | { kind: "date"; date: CivilDate }
  /** `value` as typed; compared case-insensitively. */
  | { kind: "ft"; value: string }
  /** `text`: normalised (lower-case, accent-free); `words`: its words, each a prefix to look for. */
  | { kind: "text"; text: string; words: string[] }
  /** Typed but matches nobody: a date that does not exist, or only punctuation. */
  | { kind: "invalid"; reason: "date" | "text" };

const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// France Travail identifier: 7 to 11 letters or digits, with at least one digit (else it is a name).
const FT_ID = /^(?=[A-Za-z]*\d)[A-Za-z0-9]{7,11}$/;

function civilDateOrNull(year: string, month: string, day: string): CivilDate | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const candidate = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isValidCivilDate(candidate) ? toCivilDate(y, m, d) : null;
}

/**
 * "12/03/2004" or "2004-03-12" → a birth date; "1234567A" → a France Travail identifier; anything
 * else → a name, normalised like `jeunes.search_text`. A date that does not exist (31/02/2004) or
 * mere punctuation finds nobody rather than everybody.
 */
export function parseSearchQuery(q: string): SearchQuery {
  const input = q.trim();
  if (!input) return { kind: "none" };
  const french = FRENCH_DATE.exec(input);
  const iso = ISO_DATE.exec(input);
  if (french || iso) {
    const date = french ? civilDateOrNull(french[3]!, french[2]!, french[1]!) : civilDateOrNull(iso![1]!, iso![2]!, iso![3]!);
    return date ? { kind: "date", date } : { kind: "invalid", reason: "date" };
  }
  if (FT_ID.test(input)) return { kind: "ft", value: input };
  const text = normalizeForSearch(input);
  if (!text) return { kind: "invalid", reason: "text" };
  return { kind: "text", text, words: text.split(" ") };
}
