import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alertTones, badgeTones, buttonTones, currentPageTone, errorTextTone, hintTone, linkTone } from "./tones";

// WCAG 2.2 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance).
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// The theme the classes resolve to: the @theme block of app/globals.css.
const css = readFileSync(path.resolve(__dirname, "../../app/globals.css"), "utf8");
const theme = new Map([...css.matchAll(/--color-([a-z0-9-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]));

function themeColour(name: string): string {
  const hex = theme.get(name);
  if (!hex) throw new Error(`--color-${name} is not defined in app/globals.css`);
  return hex;
}

type Colours = { fg?: string; bg?: string; border?: string; hoverFg?: string; hoverBg?: string };

/** Reads `text-*`, `bg-*`, `border-*` (and their hover: forms); any other class is a mistake here. */
function coloursOf(classes: string): Colours {
  const colours: Colours = {};
  for (const token of classes.split(/\s+/).filter(Boolean)) {
    const match = /^(hover:)?(text|bg|border)-(.+)$/.exec(token);
    if (!match) throw new Error(`Unexpected class "${token}" in a tone: keep tones to colour classes`);
    const [, hover, kind, name] = match;
    const hex = themeColour(name!);
    if (kind === "text") colours[hover ? "hoverFg" : "fg"] = hex;
    else if (kind === "bg") colours[hover ? "hoverBg" : "bg"] = hex;
    else if (!hover) colours.border = hex;
  }
  return colours;
}

const pageBackgrounds = { white: themeColour("white"), alt: themeColour("alt") };
const AA = 4.5;
const NON_TEXT = 3; // WCAG 1.4.11: borders, focus ring

describe("contrast()", () => {
  it("matches the WCAG reference values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#777777")).toBe(1);
    expect(contrast("#ffffff", "#000091")).toBeCloseTo(14.91, 1);
  });
});

describe("buttons", () => {
  it.each(Object.entries(buttonTones))("%s: text ≥ 4.5:1 at rest and on hover", (_variant, classes) => {
    const { fg, bg, hoverFg = fg, hoverBg = bg } = coloursOf(classes);
    expect(fg && bg && hoverFg && hoverBg).toBeTruthy();
    expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(AA);
    expect(contrast(hoverFg!, hoverBg!)).toBeGreaterThanOrEqual(AA);
  });
});

describe("badges", () => {
  it.each(Object.entries(badgeTones))("%s: text and icon ≥ 4.5:1 on the tint", (_tone, classes) => {
    const { fg, bg } = coloursOf(classes);
    expect(fg && bg).toBeTruthy();
    expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(AA);
  });
});

describe("alerts", () => {
  it.each(Object.entries(alertTones))("%s: text and icon ≥ 4.5:1, border ≥ 3:1 on the page", (_tone, { box, icon }) => {
    const { fg, bg, border } = coloursOf(box);
    const { fg: iconColour } = coloursOf(icon);
    expect(fg && bg && border && iconColour).toBeTruthy();
    expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(AA);
    expect(contrast(iconColour!, bg!)).toBeGreaterThanOrEqual(AA);
    for (const page of Object.values(pageBackgrounds)) {
      expect(contrast(border!, page)).toBeGreaterThanOrEqual(NON_TEXT);
    }
  });
});

describe("text on the page background (white or alt)", () => {
  const onPage = { link: linkTone, "field error": errorTextTone, hint: hintTone };
  it.each(Object.entries(onPage))("%s ≥ 4.5:1 at rest and on hover", (_name, classes) => {
    const { fg, hoverFg = fg } = coloursOf(classes);
    expect(fg).toBeTruthy();
    for (const page of Object.values(pageBackgrounds)) {
      expect(contrast(fg!, page)).toBeGreaterThanOrEqual(AA);
      expect(contrast(hoverFg!, page)).toBeGreaterThanOrEqual(AA);
    }
  });

  it.each(["ink", "ink-2", "muted"])("text-%s ≥ 4.5:1", (name) => {
    for (const page of Object.values(pageBackgrounds)) {
      expect(contrast(themeColour(name), page)).toBeGreaterThanOrEqual(AA);
    }
  });

  it("current page in Pagination ≥ 4.5:1", () => {
    const { fg, bg } = coloursOf(currentPageTone);
    expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(AA);
  });
});

describe("focus ring", () => {
  it.each(["white", "alt", "primary"])("stands out ≥ 3:1 against %s", (name) => {
    expect(contrast(themeColour("focus"), themeColour(name))).toBeGreaterThanOrEqual(NON_TEXT);
  });
});
