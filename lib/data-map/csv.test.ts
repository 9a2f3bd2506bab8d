import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, parseCsv, toCsv } from "@/lib/csv";
import { FINALITY_LIST } from "./finalities";
import { buildRegister, registerTable } from "./register";
import { TEST_CONTEXT } from "./test-context";

describe("toCsv", () => {
  it("starts with a UTF-8 byte-order mark and separates with semicolons, CRLF between records", () => {
    const csv = toCsv([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}a;b\r\nc;d\r\n`);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes a value holding a semicolon, a quote or a line break, doubling the quotes", () => {
    const nasty = 'Article 6-1-e; dit "intérêt public"\nsuite';
    expect(csvCell(nasty)).toBe('"Article 6-1-e; dit ""intérêt public""\nsuite"');
    expect(csvCell("simple")).toBe("simple");
    expect(csvCell(" marge ")).toBe('" marge "');
    const csv = toCsv([
      ["titre", "valeur"],
      ["x", nasty],
    ]);
    expect(parseCsv(csv)).toEqual([
      ["titre", "valeur"],
      ["x", nasty],
    ]);
  });

  it("neutralises values a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+33 6 00")).toBe("'+33 6 00");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("exports the register: header row and one row per finality, read back intact", () => {
    const table = registerTable(
      buildRegister(
        TEST_CONTEXT,
        { structureName: "Mission locale de Lyon", dpoEmail: "dpo@ml-lyon.demo" },
        new Date("2026-11-25T08:30:00Z"),
      ),
    );
    const rows = parseCsv(toCsv(table));
    expect(rows).toEqual(table);
    expect(rows).toHaveLength(FINALITY_LIST.length + 1);
    expect(rows[0]?.[0]).toBe("Finalité");
    expect(rows.slice(1).map((r) => r[0])).toEqual(FINALITY_LIST.map((f) => f.name));
  });
});
