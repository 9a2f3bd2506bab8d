import { z } from "zod";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** ?page=… parsed defensively: anything odd means page 1, never an error. */
export function parsePage(value: string | string[] | undefined): number {
  return pageSchema.parse(Array.isArray(value) ? value[0] : value);
}

export function firstString(value: string | string[] | undefined, maxLength = 200): string {
  const v = Array.isArray(value) ? value[0] : value;
  return (v ?? "").slice(0, maxLength);
}

/** Builds a link keeping the current filters and changing some. */
export function withParams(pathname: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) search.set(k, String(v));
  const qs = search.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Escapes `%`, `_` and `\` typed in a search box for a LIKE pattern (default escape character `\`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}
