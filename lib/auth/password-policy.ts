import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The password an account chooses (invitation link): long enough, not among the most common ones, not built
 * on the account's own address. Checked here only, against a bundled list — never a network service
 * (ANSSI, « Recommandations relatives à l'authentification multifacteur et aux mots de passe », 2021).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_MESSAGES = {
  required: "Saisissez un mot de passe.",
  tooShort: `Votre mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est plus facile à retenir.`,
  tooLong: `Votre mot de passe doit compter au plus ${PASSWORD_MAX_LENGTH} caractères.`,
  common:
    "Ce mot de passe fait partie des mots de passe les plus utilisés : il serait deviné rapidement. Choisissez-en un autre, par exemple une phrase de plusieurs mots.",
  email: "Votre mot de passe ne doit pas contenir votre adresse e-mail ni la partie avant le « @ ». Choisissez-en un autre.",
  confirmation: "Les deux mots de passe ne sont pas identiques. Saisissez le même mot de passe dans les deux champs.",
} as const;

/** What the form explains before anyone types. */
export const PASSWORD_RULES: readonly string[] = [
  `au moins ${PASSWORD_MIN_LENGTH}\u00a0caractères (une phrase de plusieurs mots convient très bien)\u00a0;`,
  "pas un mot de passe parmi les plus courants («\u00a0azertyuiop\u00a0», «\u00a0motdepasse123\u00a0»…)\u00a0;",
  "pas votre adresse e-mail, ni la partie avant le «\u00a0@\u00a0».",
];

let common: Set<string> | undefined;
/** The 49 000 most common passwords of @zxcvbn-ts/language-common, lower-case, loaded once. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/** Code points, so that an emoji counts as one character, as the person sees it. */
function length(value: string): number {
  return Array.from(value).length;
}

/** The first rule `password` breaks, as its French message; null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length === 0) return PASSWORD_MESSAGES.required;
  if (password.length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;
  if (length(password) < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || commonPasswords().has(lower.trim())) return PASSWORD_MESSAGES.common;
  const localPart = email.trim().toLowerCase().split("@")[0] ?? "";
  // A local part of two letters ("jo@…") would refuse half the dictionary: from three characters on.
  if (localPart.length >= 3 && lower.includes(localPart)) return PASSWORD_MESSAGES.email;
  return null;
}
