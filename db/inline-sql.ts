import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

const dialect = new PgDialect();

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function literal(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return quote(value);
  if (value instanceof Date) return quote(value.toISOString());
  throw new Error(`inlineSql: unsupported parameter (${typeof value})`);
}

/**
 * A fragment rendered once to its SQL text, its parameters written as literals: using it in a query
 * costs one string instead of walking its tree again at every build. Only for fragments built by the
 * code from its own values (dates, counts, enum words) — never for what a user typed, which stays a
 * parameter. Dates become ISO timestamps; any other kind of value is refused.
 */
export function inlineSql(fragment: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  const rendered = text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`inlineSql: no parameter $${n}`);
    return literal(params[index]);
  });
  return sql.raw(rendered);
}
