import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, fromEpochDay, isLeapYear, parseCivilDate, toCivilDate, toEpochDay } from "@/lib/calendar/civil-date";
import {
  ageOn,
  DEFAULT_AGE_LIMITS,
  eligibility,
  isValidEmail,
  isValidFrenchPhone,
  isValidFtIdentifier,
  isValidPostalCode,
  maskNir,
  nirKey,
  normalizeForSearch,
  normalizeNir,
  validateNir,
} from "./rules";

const civilDate = fc.integer({ min: toEpochDay("1950-01-01"), max: toEpochDay("2030-12-31") }).map(fromEpochDay);

/** The day someone born on `birth` turns `n`: 29 Feb births count on 1 Mar in non-leap years. */
function birthday(birth: string, n: number): string {
  const { year, month, day } = parseCivilDate(birth);
  if (month === 2 && day === 29 && !isLeapYear(year + n)) return toCivilDate(year + n, 3, 1);
  return toCivilDate(year + n, month, day);
}

describe("ageOn", () => {
  it("counts completed years", () => {
    expect(ageOn("2000-06-15", "2026-06-14")).toBe(25);
    expect(ageOn("2000-06-15", "2026-06-15")).toBe(26);
    expect(ageOn("2000-12-31", "2001-12-30")).toBe(0);
    expect(ageOn("2000-12-31", "2001-12-31")).toBe(1);
    expect(ageOn("2000-06-15", "2000-06-15")).toBe(0);
    expect(ageOn("2000-06-15", "2000-06-14")).toBe(-1);
  });
  it("makes a 29 February birthday count on 1 March in non-leap years", () => {
    expect(ageOn("2008-02-29", "2009-02-28")).toBe(0);
    expect(ageOn("2008-02-29", "2009-03-01")).toBe(1);
    expect(ageOn("2008-02-29", "2034-02-28")).toBe(25);
    expect(ageOn("2008-02-29", "2034-03-01")).toBe(26);
    // Leap year: the 29th itself.
    expect(ageOn("2008-02-29", "2012-02-28")).toBe(3);
    expect(ageOn("2008-02-29", "2012-02-29")).toBe(4);
    expect(ageOn("2008-02-29", "2012-03-01")).toBe(4);
  });
  it("changes exactly on each birthday", () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 1, max: 40 }), (birth, n) => {
        const day = birthday(birth, n);
        expect(ageOn(birth, day)).toBe(n);
        expect(ageOn(birth, addDays(day, -1))).toBe(n - 1);
      }),
    );
  });
});

describe("eligibility", () => {
  const base = { birthDate: "2000-06-15", rqth: false, dispositif: "PACEA" } as const;

  it("accepts up to the day before the 26th birthday, refuses on it", () => {
    expect(eligibility({ ...base, today: "2026-06-14" })).toEqual({ ok: true });
    expect(eligibility({ ...base, today: "2026-06-15" })).toEqual({
      ok: false,
      code: "too_old_without_rqth",
      message: "Ce jeune a 26 ans : l'accompagnement est possible jusqu'à 25 ans révolus (29 ans pour un CEJ avec une RQTH).",
    });
  });

  it("gives the brief's message at 27", () => {
    const result = eligibility({ ...base, today: "2027-07-01" });
    expect(result).toMatchObject({
      ok: false,
      code: "too_old_without_rqth",
      message: "Ce jeune a 27 ans : l'accompagnement est possible jusqu'à 25 ans révolus (29 ans pour un CEJ avec une RQTH).",
    });
  });

  it("accepts from the 16th birthday", () => {
    const young = { ...base, birthDate: "2010-06-15" };
    expect(eligibility({ ...young, today: "2026-06-14" })).toEqual({
      ok: false,
      code: "too_young",
      message: "Ce jeune a 15 ans : l'accompagnement est possible à partir de 16 ans.",
    });
    expect(eligibility({ ...young, today: "2026-06-15" })).toEqual({ ok: true });
  });

  it("says 1 an, not 1 ans, and catches a birth date in the future", () => {
    expect(eligibility({ ...base, birthDate: "2025-01-01", today: "2026-06-01" })).toMatchObject({
      code: "too_young",
      message: expect.stringContaining("a 1 an :"),
    });
    expect(eligibility({ ...base, birthDate: "2027-01-01", today: "2026-06-01" })).toMatchObject({ ok: false, code: "too_young" });
  });

  it("extends a CEJ with a RQTH to 29 révolus", () => {
    const cej = { ...base, dispositif: "CEJ", rqth: true } as const;
    expect(eligibility({ ...cej, today: "2026-06-15" })).toEqual({ ok: true });
    expect(eligibility({ ...cej, today: "2030-06-14" })).toEqual({ ok: true });
    expect(eligibility({ ...cej, today: "2030-06-15" })).toMatchObject({
      ok: false,
      code: "too_old",
      message: expect.stringContaining("Ce jeune a 30 ans"),
    });
  });

  it("does not extend a PACEA or a CEJ without RQTH", () => {
    expect(eligibility({ ...base, dispositif: "CEJ", rqth: false, today: "2027-01-01" })).toMatchObject({
      ok: false,
      code: "too_old_without_rqth",
    });
    expect(eligibility({ ...base, dispositif: "PACEA", rqth: true, today: "2027-01-01" })).toEqual({
      ok: false,
      code: "too_old",
      message: "Ce jeune a 26 ans : au-delà de 25 ans révolus, seul un CEJ est possible avec une RQTH (jusqu'à 29 ans révolus).",
    });
    expect(eligibility({ ...base, dispositif: "aucun", rqth: false, today: "2031-01-01" })).toMatchObject({ ok: false, code: "too_old" });
  });

  it("handles 29 February births at the 26th birthday in a non-leap year", () => {
    const leapling = { birthDate: "2008-02-29", rqth: false, dispositif: "PACEA" } as const;
    expect(eligibility({ ...leapling, today: "2034-02-28" })).toEqual({ ok: true });
    expect(eligibility({ ...leapling, today: "2034-03-01" })).toMatchObject({ ok: false });
  });

  it("takes the limits as a parameter", () => {
    expect(DEFAULT_AGE_LIMITS).toEqual({ min: 16, max: 25, maxCejRqth: 29 });
    const limits = { min: 16, max: 26, maxCejRqth: 30 };
    expect(eligibility({ ...base, today: "2026-06-15", limits })).toEqual({ ok: true });
    expect(eligibility({ ...base, today: "2027-06-15", limits })).toMatchObject({
      message: "Ce jeune a 27 ans : l'accompagnement est possible jusqu'à 26 ans révolus (30 ans pour un CEJ avec une RQTH).",
    });
  });

  it("is ok exactly between the 16th and the day before the 26th birthday (PACEA)", () => {
    fc.assert(
      fc.property(civilDate, civilDate, (birthDate, today) => {
        const inRange = today >= birthday(birthDate, 16) && today < birthday(birthDate, 26);
        expect(eligibility({ birthDate, today, rqth: false, dispositif: "PACEA" }).ok).toBe(inRange);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// NIR
// ---------------------------------------------------------------------------------------------

/** Independent key oracle: long division digit by digit with plain numbers. */
function oracleKey(first13: string): string {
  const digits = first13.slice(0, 5) + ({ "2A": "19", "2B": "18" }[first13.slice(5, 7)] ?? first13.slice(5, 7)) + first13.slice(7);
  let rest = 0;
  for (const c of digits) rest = (rest * 10 + Number(c)) % 97;
  return String(97 - rest).padStart(2, "0");
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const sexDigit = fc.constantFrom("1", "2", "3", "4", "7", "8");
const monthCode = fc
  .oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 20, max: 42 }), fc.integer({ min: 50, max: 99 }))
  .map((m) => pad(m, 2));
const department = fc.oneof(
  fc
    .integer({ min: 1, max: 95 })
    .filter((d) => d !== 20)
    .map((d) => pad(d, 2)),
  fc.constantFrom("2A", "2B", "97", "99"),
);
const body13 = fc
  .tuple(
    sexDigit,
    fc.integer({ min: 0, max: 99 }),
    monthCode,
    department,
    fc.integer({ min: 1, max: 999 }),
    fc.integer({ min: 1, max: 999 }),
  )
  .map(([s, y, m, d, commune, order]) => `${s}${pad(y, 2)}${m}${d}${pad(commune, 3)}${pad(order, 3)}`);
const validNir = body13.map((b) => b + oracleKey(b));

describe("NIR", () => {
  it("normalizes spaces, dots, dashes and case", () => {
    expect(normalizeNir(" 2 55 08 14 168 025 38 ")).toBe("255081416802538");
    expect(normalizeNir("1.85.01.2a.004.123-89")).toBe("18501" + "2A" + "00412389");
    expect(normalizeNir("2\u00a055\u202f08")).toBe("25508");
  });

  it("accepts the textbook example 2 55 08 14 168 025 38", () => {
    expect(nirKey("2550814168025")).toBe("38");
    expect(validateNir("2 55 08 14 168 025 38")).toEqual({ ok: true, nir: "255081416802538" });
    expect(validateNir("2 55 08 14 168 025 38", { sex: "F", birthDate: "1955-08-20" })).toEqual({ ok: true, nir: "255081416802538" });
  });

  it("rejects a wrong key with the precise message", () => {
    expect(validateNir("2 55 08 14 168 025 39")).toEqual({
      ok: false,
      code: "key",
      message: "Le numéro de sécurité sociale ne correspond pas à sa clé. Vérifiez les deux derniers chiffres.",
    });
    // One digit typed wrong in the body.
    expect(validateNir("2 55 08 14 168 026 38")).toMatchObject({ ok: false, code: "key" });
  });

  it("replaces 2A by 19 and 2B by 18 for Corsica", () => {
    // 1 85 01 19 004 123 → 1850119004123 mod 97 = 8 → key 89 (so 2A gives key 89).
    expect(nirKey("185012A004123")).toBe("89");
    expect(validateNir("1 85 01 2A 004 123 89")).toEqual({ ok: true, nir: "185012A00412389" });
    expect(validateNir("1 85 01 2a 004 123 89")).toMatchObject({ ok: true });
    // 2 72 11 18 033 045 → key 71, so 2B gives 71 too; the 2A key does not fit a 2B number.
    expect(nirKey("272112B033045")).toBe("71");
    expect(validateNir("2 72 11 2B 033 045 71")).toMatchObject({ ok: true });
    expect(validateNir("2 72 11 2A 033 045 71")).toMatchObject({ ok: false, code: "key" });
    expect(validateNir("1 85 01 2C 004 123 89")).toMatchObject({ ok: false, code: "format" });
  });

  it.each([
    ["2550814168025", "compte 15 caractères"], // no key
    ["25508141680253", "compte 15 caractères"],
    ["2550814168025388", "compte 15 caractères"],
    ["255081416802A38", "ne contient que des chiffres"], // letters outside the department
    ["555081416802538", "commence par 1 ou 2"], // impossible first digit
    ["0 55 08 14 168 025 38", "commence par 1 ou 2"],
    ["", "compte 15 caractères"],
  ])("reports %j as a format error", (input, fragment) => {
    const result = validateNir(input);
    expect(result).toMatchObject({ ok: false, code: "format" });
    expect(result.ok ? "" : result.message).toContain(fragment);
  });

  it("checks the sex digit when the sex is known, except for temporary numbers", () => {
    expect(validateNir("255081416802538", { sex: "M" })).toEqual({
      ok: false,
      code: "sex",
      message: "Le premier chiffre du numéro de sécurité sociale (1 pour un homme, 2 pour une femme) ne correspond pas au sexe indiqué.",
    });
    const temporary = `7550814168025${oracleKey("7550814168025")}`;
    expect(validateNir(temporary, { sex: "M" })).toMatchObject({ ok: true });
    expect(validateNir(temporary, { sex: "F" })).toMatchObject({ ok: true });
  });

  it("checks the year and the month against the birth date", () => {
    expect(validateNir("255081416802538", { birthDate: "1956-08-20" })).toMatchObject({
      ok: false,
      code: "year",
      message: expect.stringContaining("(55)"),
    });
    expect(validateNir("255081416802538", { birthDate: "2055-08-20" })).toMatchObject({ ok: true }); // only two digits
    expect(validateNir("255081416802538", { birthDate: "1955-09-20" })).toMatchObject({
      ok: false,
      code: "month",
      message: expect.stringContaining("(09)"),
    });
  });

  it("accepts the unknown-month codes 20–42 and 50–99 whatever the birth month", () => {
    for (const m of ["20", "42", "50", "99"]) {
      const body = `1${"99"}${m}75${"123"}${"456"}`;
      expect(validateNir(body + oracleKey(body), { birthDate: "1999-05-03" })).toMatchObject({ ok: true });
    }
  });

  it("rejects month codes that do not exist", () => {
    for (const m of ["00", "13", "19", "43", "49"]) {
      const body = `1${"99"}${m}75${"123"}${"456"}`;
      expect(validateNir(body + oracleKey(body))).toMatchObject({ ok: false, code: "month" });
    }
  });

  it("accepts every generated NIR with its computed key", () => {
    fc.assert(
      fc.property(validNir, (nir) => {
        expect(validateNir(nir)).toEqual({ ok: true, nir });
      }),
      { numRuns: 500 },
    );
  });

  it("refuses every other key", () => {
    fc.assert(
      fc.property(validNir, fc.integer({ min: 0, max: 99 }), (nir, key) => {
        const wrongKey = pad(key, 2);
        fc.pre(wrongKey !== nir.slice(13));
        expect(validateNir(nir.slice(0, 13) + wrongKey)).toMatchObject({ ok: false, code: "key" });
      }),
      { numRuns: 500 },
    );
  });

  it("catches any single changed digit of the body", () => {
    fc.assert(
      fc.property(validNir, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (nir, position, delta) => {
        fc.pre(!(position === 5 || position === 6) || !/2[AB]/.test(nir.slice(5, 7)));
        const digit = Number(nir[position]);
        const changed = nir.slice(0, position) + String((digit + delta) % 10) + nir.slice(position + 1);
        const result = validateNir(changed);
        // Either the key catches it, or the change made the number malformed first.
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("validates a NIR built from a birth date and sex against them", () => {
    fc.assert(
      fc.property(
        civilDate,
        fc.constantFrom("F", "M") as fc.Arbitrary<"F" | "M">,
        fc.integer({ min: 1, max: 999 }),
        (birthDate, sex, order) => {
          const { year, month } = parseCivilDate(birthDate);
          const body = `${sex === "M" ? 1 : 2}${pad(year % 100, 2)}${pad(month, 2)}69123${pad(order, 3)}`;
          const nir = body + oracleKey(body);
          expect(validateNir(nir, { sex, birthDate })).toEqual({ ok: true, nir });
          expect(validateNir(nir, { sex: sex === "M" ? "F" : "M" })).toMatchObject({ code: "sex" });
          expect(validateNir(nir, { birthDate: addDays(birthDate, 366 + 365) })).toMatchObject({ code: "year" });
        },
      ),
    );
  });

  it("masks all but sex, year and month", () => {
    expect(maskNir("199057512345678")).toBe("1 99 05 •• ••• ••• ••");
    expect(maskNir("2 55 08 14 168 025 38")).toBe("2 55 08 •• ••• ••• ••");
    expect(maskNir("185012A00412389")).toBe("1 85 01 •• ••• ••• ••");
    expect(maskNir(null)).toBe("—");
    expect(maskNir("")).toBe("—");
    expect(maskNir("12345")).toBe("• •• •• •• ••• ••• ••");
  });
  it("never leaks more than the first five characters", () => {
    fc.assert(
      fc.property(validNir, (nir) => {
        const masked = maskNir(nir);
        expect(masked.replace(/[^0-9A-Z]/g, "")).toBe(nir.slice(0, 5));
      }),
    );
  });
});

describe("normalizeForSearch", () => {
  it.each([
    ["Éloïse", "eloise"],
    ["  Jean-Pierre   DUPONT ", "jean pierre dupont"],
    ["N'Diaye", "ndiaye"],
    ["N’Diaye", "ndiaye"],
    ["Lœuvre", "loeuvre"],
    ["Çağla Nguyễn", "cagla nguyen"],
    ["Marie–Hélène", "marie helene"],
    ["dossier n°42 (2026)", "dossier n42 2026"],
    ["\t\n", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });
  it("is idempotent and yields only lowercase letters, digits and single spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const once = normalizeForSearch(text);
        expect(normalizeForSearch(once)).toBe(once);
        expect(once).not.toMatch(/\s\s|^\s|\s$|[-'A-Z\p{M}]/u);
      }),
    );
  });
});

describe("formats", () => {
  it.each([
    "06 12 34 56 78",
    "0612345678",
    "06.12.34.56.78",
    "01 23 45 67 89",
    "+33 6 12 34 56 78",
    "+33612345678",
    "0262 12 34 56",
    "+262 692 12 34 56",
  ])("phone %j is valid", (p) => {
    expect(isValidFrenchPhone(p)).toBe(true);
  });
  it.each([
    "06 12 34 56 7",
    "06 12 34 56 789",
    "00 12 34 56 78",
    "+33 06 12 34 56 78",
    "+44 7911 123456",
    "06-12-34-56-78",
    "O6 12 34 56 78",
    "",
  ])("phone %j is invalid", (p) => {
    expect(isValidFrenchPhone(p)).toBe(false);
  });

  it.each(["75011", "01000", "20000", "20200", "95000", "97100", "97400", "97600", "98000", "98800"])("postal code %s is valid", (c) => {
    expect(isValidPostalCode(c)).toBe(true);
  });
  it.each(["00100", "96000", "99000", "97000", "97900", "7501", "750011", "2A000", "75 011", ""])("postal code %j is invalid", (c) => {
    expect(isValidPostalCode(c)).toBe(false);
  });

  it.each(["camille.martin@ml-paris.fr", "c+sillage@example.org", "jeune_2008@laposte.net", "A.B@sub.domaine.gouv.fr"])(
    "email %s is valid",
    (e) => {
      expect(isValidEmail(e)).toBe(true);
    },
  );
  it.each([
    "camille",
    "camille@",
    "@ml.fr",
    "camille@ml",
    "camille martin@ml.fr",
    "camille@@ml.fr",
    ".camille@ml.fr",
    "camille.@ml.fr",
    "cam..ille@ml.fr",
    "camille@-ml.fr",
    "camille@ml.f",
  ])("email %j is invalid", (e) => {
    expect(isValidEmail(e)).toBe(false);
  });

  it.each(["1234567", "1234567A", "12345678901", "ab12cd34"])("FT identifier %s is valid", (id) => {
    expect(isValidFtIdentifier(id)).toBe(true);
  });
  it.each(["123456", "123456789012", "1234-567", "1234 567", "12345é7", ""])("FT identifier %j is invalid", (id) => {
    expect(isValidFtIdentifier(id)).toBe(false);
  });
});
