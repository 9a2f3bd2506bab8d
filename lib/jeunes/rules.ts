/**
 * Pure rules about the jeune: age and eligibility, NIR check and masking, search normalisation,
 * contact-field formats. No I/O; "today" is always a parameter.
 */
import { parseCivilDate, type CivilDate } from "@/lib/calendar/civil-date";

// ---------------------------------------------------------------------------------------------
// Age and eligibility
// ---------------------------------------------------------------------------------------------

/**
 * Age in whole years on `onDate` (negative if `onDate` is before the birth).
 * Someone born on 29 February becomes one year older on 1 March in non-leap years (French civil
 * practice: the age is reached once the 28 February has fully elapsed), and on 29 February in leap years.
 */
export function ageOn(birthDate: CivilDate, onDate: CivilDate): number {
  const birth = parseCivilDate(birthDate);
  const on = parseCivilDate(onDate);
  const years = on.year - birth.year;
  // Comparing (month, day) lexicographically gives the 29 Feb rule for free: 28 Feb < 29 Feb < 1 Mar.
  const birthdayReached = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return birthdayReached ? years : years - 1;
}

/**
 * Age limits in years "révolus" (completed). Law values (code du travail L5131-3 / L5131-6 and
 * décret 2022-199): keep them overridable, the seeded settings may move them.
 */
export interface AgeLimits {
  min: number;
  max: number;
  /** CEJ only, with a RQTH (reconnaissance de la qualité de travailleur handicapé). */
  maxCejRqth: number;
}

export const DEFAULT_AGE_LIMITS: Readonly<AgeLimits> = Object.freeze({ min: 16, max: 25, maxCejRqth: 29 });

export type Dispositif = "PACEA" | "CEJ" | "aucun";

export type EligibilityErrorCode = "too_young" | "too_old" | "too_old_without_rqth";

export type EligibilityResult = { ok: true } | { ok: false; code: EligibilityErrorCode; message: string };

export interface EligibilityInput {
  birthDate: CivilDate;
  today: CivilDate;
  rqth: boolean;
  dispositif: Dispositif;
  limits?: AgeLimits;
}

function years(n: number): string {
  return `${n} ${Math.abs(n) >= 2 ? "ans" : "an"}`;
}

/**
 * "16 à 25 ans révolus": eligible from the 16th birthday until the day before the 26th; a CEJ with a
 * RQTH until the day before the 30th.
 */
export function eligibility({ birthDate, today, rqth, dispositif, limits = DEFAULT_AGE_LIMITS }: EligibilityInput): EligibilityResult {
  const age = ageOn(birthDate, today);
  if (age < 0) {
    return { ok: false, code: "too_young", message: "La date de naissance est postérieure à la date du jour : vérifiez-la." };
  }
  if (age < limits.min) {
    return {
      ok: false,
      code: "too_young",
      message: `Ce jeune a ${years(age)} : l'accompagnement est possible à partir de ${years(limits.min)}.`,
    };
  }
  if (age <= limits.max) return { ok: true };
  if (dispositif === "CEJ" && rqth && age <= limits.maxCejRqth) return { ok: true };
  if (!rqth && age <= limits.maxCejRqth) {
    return {
      ok: false,
      code: "too_old_without_rqth",
      message: `Ce jeune a ${years(age)} : l'accompagnement est possible jusqu'à ${years(limits.max)} révolus (${years(limits.maxCejRqth)} pour un CEJ avec une RQTH).`,
    };
  }
  if (rqth && age <= limits.maxCejRqth) {
    return {
      ok: false,
      code: "too_old",
      message: `Ce jeune a ${years(age)} : au-delà de ${years(limits.max)} révolus, seul un CEJ est possible avec une RQTH (jusqu'à ${years(limits.maxCejRqth)} révolus).`,
    };
  }
  return {
    ok: false,
    code: "too_old",
    message: `Ce jeune a ${years(age)} : l'accompagnement est possible jusqu'à ${years(limits.max)} révolus (${years(limits.maxCejRqth)} pour un CEJ avec une RQTH).`,
  };
}

// ---------------------------------------------------------------------------------------------
// NIR (numéro d'inscription au répertoire — numéro de sécurité sociale)
// ---------------------------------------------------------------------------------------------

export type NirErrorCode = "format" | "key" | "sex" | "year" | "month";

export type NirResult = { ok: true; nir: string } | { ok: false; code: NirErrorCode; message: string };

export interface NirExpectations {
  sex?: "F" | "M";
  birthDate?: CivilDate;
}

/** Removes spaces (any kind), dots and dashes; uppercases (for 2A / 2B). */
export function normalizeNir(input: string): string {
  return input.replace(/[\s.\-‐‑–—]/g, "").toUpperCase();
}

// Sex digit, year (2), month (2), department (2 digits or 2A/2B), commune (3), order (3), key (2).
const NIR_FORMAT = /^[1-478]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/;

/** Key = 97 − (first 13 digits mod 97), Corsica 2A → 19 and 2B → 18 first. */
export function nirKey(first13: string): string {
  const digits = first13.slice(0, 5) + first13.slice(5, 7).replace("2A", "19").replace("2B", "18") + first13.slice(7);
  if (!/^\d{13}$/.test(digits)) throw new RangeError("Les 13 premiers caractères du NIR sont attendus");
  const key = 97 - Number(BigInt(digits) % 97n);
  return String(key).padStart(2, "0");
}

function monthIsKnown(code: number): boolean {
  return code >= 1 && code <= 12;
}

function monthCodeExists(code: number): boolean {
  // 20–42 and 50–99 are given when the birth month is unknown (mostly people born abroad).
  return monthIsKnown(code) || (code >= 20 && code <= 42) || code >= 50;
}

export function validateNir(input: string, expected: NirExpectations = {}): NirResult {
  const nir = normalizeNir(input);
  if (!NIR_FORMAT.test(nir)) {
    return {
      ok: false,
      code: "format",
      message:
        nir.length !== 15
          ? `Le numéro de sécurité sociale compte 15 caractères (13 chiffres et une clé de 2 chiffres) ; le numéro saisi en compte ${nir.length}.`
          : "Le numéro de sécurité sociale ne contient que des chiffres (2A ou 2B pour un département corse) et commence par 1 ou 2 (3, 4, 7 ou 8 pour un numéro provisoire).",
    };
  }
  if (nirKey(nir.slice(0, 13)) !== nir.slice(13)) {
    return {
      ok: false,
      code: "key",
      message: "Le numéro de sécurité sociale ne correspond pas à sa clé. Vérifiez les deux derniers chiffres.",
    };
  }
  const sexDigit = nir[0];
  // 1 = man, 2 = woman; 3, 4, 7, 8 are temporary numbers and say nothing reliable about sex.
  if (expected.sex && (sexDigit === "1" || sexDigit === "2") && sexDigit !== (expected.sex === "M" ? "1" : "2")) {
    return {
      ok: false,
      code: "sex",
      message: "Le premier chiffre du numéro de sécurité sociale (1 pour un homme, 2 pour une femme) ne correspond pas au sexe indiqué.",
    };
  }
  const birth = expected.birthDate ? parseCivilDate(expected.birthDate) : null;
  if (birth) {
    const year = String(birth.year % 100).padStart(2, "0");
    if (nir.slice(1, 3) !== year) {
      return {
        ok: false,
        code: "year",
        message: `Les 2e et 3e chiffres du numéro de sécurité sociale (${nir.slice(1, 3)}) ne correspondent pas à l'année de naissance indiquée (${year}).`,
      };
    }
  }
  const monthCode = Number(nir.slice(3, 5));
  if (!monthCodeExists(monthCode)) {
    return {
      ok: false,
      code: "month",
      message: `Les 4e et 5e chiffres du numéro de sécurité sociale (mois de naissance) valent ${nir.slice(3, 5)}, ce qui ne correspond à aucun mois (01 à 12).`,
    };
  }
  if (birth) {
    const month = String(birth.month).padStart(2, "0");
    if (monthIsKnown(monthCode) && nir.slice(3, 5) !== month) {
      return {
        ok: false,
        code: "month",
        message: `Les 4e et 5e chiffres du numéro de sécurité sociale (${nir.slice(3, 5)}) ne correspondent pas au mois de naissance indiqué (${month}).`,
      };
    }
  }
  return { ok: true, nir };
}

/** "1 99 05 •• ••• ••• ••": sex, year and month only. Anything that is not a NIR is masked entirely. */
export function maskNir(nir: string | null | undefined): string {
  if (nir === null || nir === undefined || nir.trim() === "") return "—";
  const n = normalizeNir(nir);
  if (!NIR_FORMAT.test(n)) return "• •• •• •• ••• ••• ••";
  return `${n[0]} ${n.slice(1, 3)} ${n.slice(3, 5)} •• ••• ••• ••`;
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/**
 * Folds a name for accent- and case-insensitive search: "  Éloïse N'Diaye-Lœuvre " → "eloise ndiaye loeuvre".
 * Hyphens (and dashes, underscores) become spaces; apostrophes and other punctuation are dropped, so
 * "N'Diaye" and "Ndiaye" meet. Apply it to both the stored value and the query.
 */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[-‐‑‒–—_]/g, " ")
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Contact formats (booleans: the zod schemas attach the French messages)
// ---------------------------------------------------------------------------------------------

/**
 * "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78". Also the overseas country codes
 * (+262 Réunion/Mayotte, +269 Mayotte (former), +590 Guadeloupe, +594 Guyane, +596 Martinique)
 * followed by 9 digits, since missions locales there serve young people who type them.
 */
export function isValidFrenchPhone(input: string): boolean {
  const compact = input.trim().replace(/[\s.]/g, "");
  return /^(?:0|\+33|\+262|\+269|\+590|\+594|\+596)[1-9]\d{8}$/.test(compact);
}

/**
 * 5 digits whose first two are a department: 01–95 (20 for Corsica), 97 (overseas departments and
 * collectivities; only 971–978 exist) or 98 (Monaco, Pacific collectivities).
 */
export function isValidPostalCode(input: string): boolean {
  const code = input.trim();
  if (!/^\d{5}$/.test(code)) return false;
  const department = Number(code.slice(0, 2));
  if (department >= 1 && department <= 95) return true;
  if (department === 97) return /^97[1-8]/.test(code);
  return department === 98;
}

/**
 * Pragmatic: one "@", a local part without spaces or leading/trailing/double dots, a domain of
 * letter/digit/hyphen labels ending with a top-level domain of 2+ letters. The real proof is the
 * confirmation email.
 */
export function isValidEmail(input: string): boolean {
  const email = input.trim();
  if (email.length > 254) return false;
  const match = /^([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64})@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})$/.exec(
    email,
  );
  if (!match) return false;
  const local = match[1] ?? "";
  return !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
}

/**
 * France Travail identifier (identifiant / numéro d'inscription): pragmatic check only, 7 to 11
 * letters or digits (e.g. "1234567A", "12345678901"); FT publishes no checksum we could verify.
 */
export function isValidFtIdentifier(input: string): boolean {
  return /^[A-Za-z0-9]{7,11}$/.test(input.trim());
}
