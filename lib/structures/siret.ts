/**
 * SIREN (9 digits) and SIRET (SIREN + 5-digit establishment number) checks, INSEE rules: the Luhn
 * checksum, except for La Poste's establishments (SIREN 356000000), too many to fit Luhn, whose SIRET
 * digits must add up to a multiple of 5. Spaces are ignored ("356 000 000 00048").
 */

const LA_POSTE_SIREN = "356000000";

function compact(input: string): string {
  return input.replace(/\s/g, "");
}

/** Luhn: from the right, double every second digit (minus 9 above 9); the total is a multiple of 10. */
function passesLuhn(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

export function isValidSiren(input: string): boolean {
  const siren = compact(input);
  return /^\d{9}$/.test(siren) && passesLuhn(siren);
}

export function isValidSiret(input: string): boolean {
  const siret = compact(input);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    // La Poste's head office (35600000000048) follows Luhn; its other establishments the sum rule.
    const sum = [...siret].reduce((acc, d) => acc + Number(d), 0);
    return sum % 5 === 0 || passesLuhn(siret);
  }
  return passesLuhn(siret);
}
