/**
 * Masking of third parties in the free texts of an access pack (GDPR art. 15-4: the copy must not
 * adversely affect the rights and freedoms of others).
 *
 * Approach: staff write free texts (comment, archive detail, consultation reason, request wording…)
 * that may name colleagues or other young people, or quote their e-mail or phone number. Before the
 * pack leaves, every occurrence of
 * - a known name of another person of the structure (staff accounts, other young people: "Prénom Nom"
 *   and "Nom Prénom", birth and usage names, full given names and first given name), matched without
 *   regard to case, accents, hyphens or repeated spaces, on word boundaries;
 * - an e-mail address that is not the person's own (or the structure's functional mailbox);
 * - a French phone number that is not the person's own,
 * is replaced by "[tiers]".
 *
 * Limits (the DPO still reads the pack before sending it): a first name or a surname alone, a nickname,
 * a misspelt name, or people Sillage does not know (parents, employers, friends) are NOT detected;
 * foreign phone formats are not either. Masking whole names only avoids hiding the person's own
 * surname when another young person shares it.
 */

export const TIERS = "[tiers]";

export interface PersonName {
  nomNaissance?: string | null;
  nomUsage?: string | null;
  prenoms?: string | null;
  /** A display name as stored for accounts ("Camille Martin"). */
  fullName?: string | null;
}

export interface MaskOptions {
  /** Names of OTHER people (staff, other young people). */
  others: readonly PersonName[];
  /** The person's own names: never masked, even when another person has the same name. */
  own: readonly PersonName[];
  /** E-mail addresses that stay (the person's own, the structure's DPO mailbox). */
  keepEmails: readonly string[];
  /** Phone numbers that stay (the person's own). */
  keepPhones: readonly string[];
}

/** Lower case, no accents, hyphens and apostrophes as spaces, single spaces: the form names are compared in. */
export function foldForMatch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[-'’\s]+/g, " ")
    .trim();
}

/** Every written form of a name we look for, folded. */
export function nameVariants(p: PersonName): string[] {
  const out = new Set<string>();
  if (p.fullName) {
    const tokens = foldForMatch(p.fullName).split(" ").filter(Boolean);
    if (tokens.length >= 2) {
      out.add(tokens.join(" "));
      // "Camille Martin" is also written "Martin Camille" / "MARTIN Camille".
      out.add([tokens.at(-1)!, ...tokens.slice(0, -1)].join(" "));
    }
  }
  const surnames = [p.nomNaissance, p.nomUsage].filter((s): s is string => Boolean(s?.trim())).map(foldForMatch);
  const given = p.prenoms?.trim() ? foldForMatch(p.prenoms) : null;
  if (given) {
    const firsts = new Set([given, given.split(" ")[0]!]);
    for (const s of surnames) {
      for (const g of firsts) {
        out.add(`${g} ${s}`);
        out.add(`${s} ${g}`);
      }
    }
  }
  return [...out].filter((v) => v.length >= 3);
}

/** The text folded character by character, with where each folded character came from. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = "";
  const from: number[] = [];
  let i = 0;
  for (const char of text) {
    let f = char.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    if (/^[-'’\s]$/u.test(char)) f = " ";
    for (const c of f) {
      folded += c;
      from.push(i);
    }
    i += char.length;
  }
  from.push(text.length);
  return { folded, from };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, 0033 6…
const PHONE = /(?<!\d)(?:(?:\+|00)33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g;

function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.startsWith("0033")) return `0${digits.slice(4)}`;
  if (digits.startsWith("33") && digits.length === 11) return `0${digits.slice(2)}`;
  return digits;
}

/** Builds the masking function once per pack (one regular expression for all the names). */
export function createThirdPartyMasker(options: MaskOptions): (text: string | null) => string | null {
  const own = new Set(options.own.flatMap(nameVariants));
  const variants = [...new Set(options.others.flatMap(nameVariants))].filter((v) => !own.has(v)).sort((a, b) => b.length - a.length);
  const names = variants.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.map((v) => escapeRegExp(v).replace(/ /g, " +")).join("|")})(?![\\p{L}\\p{N}])`, "gu")
    : null;
  const keepEmails = new Set(options.keepEmails.map((e) => e.trim().toLowerCase()));
  const keepPhones = new Set(options.keepPhones.map(phoneDigits));

  return (text) => {
    if (text === null) return null;
    let out = text.normalize("NFC");
    if (names) {
      const { folded, from } = foldWithMap(out);
      const spans: [number, number][] = [];
      for (const m of folded.matchAll(names)) spans.push([from[m.index]!, from[m.index + m[0].length]!]);
      for (const [start, end] of spans.reverse()) out = out.slice(0, start) + TIERS + out.slice(end);
    }
    out = out.replace(EMAIL, (m) => (keepEmails.has(m.toLowerCase()) ? m : TIERS));
    out = out.replace(PHONE, (m) => (keepPhones.has(phoneDigits(m)) ? m : TIERS));
    return out;
  };
}
