/**
 * French typography for display: a no-break space before "?", "!", ":" and ";", and after "n°" and
 * "art.", so a line never starts with a punctuation mark nor splits a reference from its number.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([?!:;])/g, "\u00a0$1").replace(/\b(n°|art\.) /g, "$1\u00a0");
}
