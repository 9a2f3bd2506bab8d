/**
 * Finds personal data and secrets in captured logs (the end-to-end server's output: e2e/log-scan.teardown.ts).
 * A finding names the line and the kind, and shows the match only masked: the report must not become
 * the leak. Pure: the caller reads the file.
 */
export type LeakKind = "nir" | "email" | "telephone" | "code" | "secret";

export interface Leak {
  line: number;
  kind: LeakKind;
  /** First and last characters only, e.g. "le…fr (21 caractères)". */
  masked: string;
}

const PATTERNS: { kind: LeakKind; regex: RegExp }[] = [
  // NIR: sex 1/2, year, month (01-12, or 20-42 when unknown), department (2 digits or 2A/2B), commune, order, optional key.
  {
    kind: "nir",
    regex:
      /(?<![\dA-Za-z])[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[234]\d)[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?(?![\dA-Za-z])/g,
  },
  { kind: "email", regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // French numbers: 0X XX XX XX XX (spaces, dots or nothing) and +33 X XX XX XX XX.
  { kind: "telephone", regex: /(?<![\dA-Za-z+])(?:\+33[ .]?[1-9]|0[1-9])(?:[ .]?\d{2}){4}(?![\dA-Za-z])/g },
  // A one-time code: six digits shortly after the word "code" (sign-in codes, TOTP, recovery).
  { kind: "code", regex: /code[^0-9\n]{0,20}(?<!\d)\d{6}(?!\d)/gi },
];

/** Sender and placeholder addresses that are not anyone's. */
const NOT_PERSONAL_EMAILS = /^(?:ne-pas-repondre|noreply|no-reply)@|@(?:example\.(?:org|com|net)|sillage\.local)$/i;

/** pino's epoch-millisecond `"time":…` and `"pid":…` would look like numbers of other kinds. */
function withoutNoise(line: string): string {
  return line.replace(/"(time|pid|durationMs)":\d+/g, '"$1":0');
}

export function mask(value: string): string {
  return value.length <= 4
    ? `${"*".repeat(value.length)} (${value.length} caractères)`
    : `${value.slice(0, 2)}…${value.slice(-2)} (${value.length} caractères)`;
}

export function scanLog(text: string, options: { secrets?: string[] } = {}): Leak[] {
  const leaks: Leak[] = [];
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  text.split("\n").forEach((raw, index) => {
    const line = withoutNoise(raw);
    for (const { kind, regex } of PATTERNS) {
      for (const match of line.matchAll(regex)) {
        if (kind === "email" && NOT_PERSONAL_EMAILS.test(match[0])) continue;
        leaks.push({ line: index + 1, kind, masked: mask(match[0]) });
      }
    }
    for (const secret of secrets) if (line.includes(secret)) leaks.push({ line: index + 1, kind: "secret", masked: mask(secret) });
  });
  return leaks;
}

export function describeLeaks(file: string, leaks: Leak[]): string {
  const shown = leaks.slice(0, 20).map((l) => `  ${file}:${l.line} — ${l.kind} ${l.masked}`);
  const more = leaks.length > 20 ? [`  … et ${leaks.length - 20} autres`] : [];
  return [`Données personnelles ou secrets dans les journaux (${leaks.length}) :`, ...shown, ...more].join("\n");
}
