/**
 * CSV for French spreadsheets: UTF-8 with a byte-order mark (Excel otherwise reads Latin-1), ";" as
 * separator (the comma is the French decimal mark), CRLF between records (RFC 4180).
 */
export const CSV_BOM = "\uFEFF";
const SEPARATOR = ";";

/** Leading characters a spreadsheet would run as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${CSV_BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR)).join("\r\n")}\r\n`;
}

/** Records as CSV text, each ended by CRLF (no BOM): a page of a streamed export. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  let out = "";
  for (const row of rows) out += `${row.map(csvCell).join(SEPARATOR)}\r\n`;
  return out;
}

/**
 * A streamed CSV, byte for byte what `toCsv` would write for the same rows: the BOM and the header first,
 * then one chunk per page of records, so only one page is in memory at a time.
 */
export async function* csvChunks(header: readonly string[], pages: AsyncIterable<readonly (readonly string[])[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvLines([header]);
  for await (const page of pages) if (page.length > 0) yield csvLines(page);
}

/** Reads what toCsv wrote (quoted cells, doubled quotes, line breaks inside quotes); for tests and checks. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === SEPARATOR) {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && input[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
