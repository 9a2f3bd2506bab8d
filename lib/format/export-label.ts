import { formatNumber } from "./fr";

/** « Exporter en CSV (1 234 lignes) »: the link says the format and how many records the file holds. */
export function exportLabel(format: "CSV" | "PDF", rows: number, what = "Exporter"): string {
  return `${what} en ${format} (${formatNumber(rows)} ${rows > 1 ? "lignes" : "ligne"})`;
}
