/**
 * Right-to-left runs in a left-to-right line (a name in Arabic or Hebrew inside a French sentence).
 * pdf-lib draws a string with one fontkit layout, whose script and direction come from the string's first
 * letter: an all-Arabic string is shaped (joined letter forms) and put in visual order, but an Arabic
 * name after "Nom : " would be left unjoined and backwards. So each line is cut into directional runs,
 * drawn one after the other in visual order, each shaped on its own.
 *
 * This is the Unicode Bidirectional Algorithm (UAX #9) reduced to what Sillage's text holds: a French
 * (left-to-right) paragraph, no explicit embeddings (the zod fields refuse bidi controls), strong
 * right-to-left letters, numbers and neutrals (rules W1–W7, N1–N2, I1–I2 and L2). Not done: mirrored
 * brackets inside a right-to-left run (L4).
 */

/** Scripts written right to left that a font may carry (extensions: the tatweel, the harakat, Arabic-Indic digits). */
const RTL =
  /[\p{Script_Extensions=Arabic}\p{Script_Extensions=Hebrew}\p{Script_Extensions=Syriac}\p{Script_Extensions=Thaana}\p{Script_Extensions=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const LETTER = /[\p{L}\p{Mc}]/u;

type Kind = "L" | "R" | "EN" | "AN" | "N";

function kindOf(ch: string): Kind {
  if (DIGIT.test(ch)) return RTL.test(ch) ? "AN" : "EN";
  if (RTL.test(ch) && (LETTER.test(ch) || MARK.test(ch))) return "R";
  if (LETTER.test(ch)) return "L";
  return "N";
}

export interface Run {
  text: string;
  /** Drawn right to left: fontkit shapes it and reverses its glyphs. */
  rtl: boolean;
}

/** The runs of `text` in logical order, each with its embedding level (0 left to right, 1 right to left, 2 a number inside right-to-left text). */
function levelledRuns(text: string): { text: string; level: number }[] {
  const chars = [...text];
  const kinds: Kind[] = [];
  // W1: a combining mark takes the kind of what it sits on.
  chars.forEach((ch, i) => {
    const kind = kindOf(ch);
    kinds.push(MARK.test(ch) && i > 0 && kind !== "R" ? kinds[i - 1]! : kind);
  });
  // W2, W7: a European number after Arabic letters is an Arabic-context number; after Latin ones, plain left to right.
  let strong: "L" | "R" = "L";
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i]!;
    if (k === "L" || k === "R") strong = k;
    else if (k === "EN" && strong === "L") kinds[i] = "L";
  }
  // N1, N2: neutrals between two right-to-left sides (numbers count as such) go right to left, else left to right.
  const side = (k: Kind): "L" | "R" | null => (k === "L" ? "L" : k === "N" ? null : "R");
  const resolved = kinds.map((k) => side(k));
  for (let i = 0; i < resolved.length; ) {
    if (resolved[i] !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j < resolved.length && resolved[j] === null) j++;
    const before = i > 0 ? resolved[i - 1] : "L";
    const after = j < resolved.length ? resolved[j] : "L";
    const dir = before === "R" && after === "R" ? "R" : "L";
    for (let n = i; n < j; n++) resolved[n] = dir;
    i = j;
  }
  // I1, I2: levels in a left-to-right paragraph.
  const levels = kinds.map((k, i) => {
    if (k === "AN") return 2;
    if (k === "EN") return 2;
    return resolved[i] === "R" ? 1 : 0;
  });
  const runs: { text: string; level: number }[] = [];
  chars.forEach((ch, i) => {
    const last = runs.at(-1);
    if (last && last.level === levels[i]) last.text += ch;
    else runs.push({ text: ch, level: levels[i]! });
  });
  return runs;
}

/** The runs of a line in the order they are drawn, left to right (L2 applied to whole runs). */
export function visualRuns(text: string): Run[] {
  const runs = levelledRuns(text);
  const max = Math.max(0, ...runs.map((r) => r.level));
  for (let level = max; level >= 1; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => ({ text: r.text, rtl: r.level % 2 === 1 }));
}

/** Whether the line needs more than one left-to-right run. */
export function hasRtl(text: string): boolean {
  return RTL.test(text);
}
