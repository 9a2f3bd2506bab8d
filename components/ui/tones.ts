// Colour classes of every coloured primitive, in one place. contrast.test.ts resolves each class
// through the @theme block of app/globals.css and checks text/background pairs are ≥ 4.5:1, so a
// change here or in the theme that breaks WCAG AA fails the tests.
// Classes are written out in full: Tailwind only generates classes it finds verbatim in the source.

import type { BadgeTone, StatusTone } from "@/lib/ui/tones";

export type ButtonVariant = "primary" | "secondary" | "tertiary" | "danger";

/** Normal and hover colours; a variant without `bg-*` sits on the page background (white or alt). */
export const buttonTones: Record<ButtonVariant, string> = {
  primary: "border-primary bg-primary text-white hover:border-primary-hover hover:bg-primary-hover",
  secondary: "border-primary bg-white text-primary hover:bg-alt",
  tertiary: "border-border bg-white text-primary hover:bg-alt",
  danger: "border-error bg-error text-white hover:border-error-hover hover:bg-error-hover",
};

/** Text (and its icon, drawn in currentColor) on a light tint of the same hue. */
export const badgeTones: Record<BadgeTone, string> = {
  info: "bg-info-light text-info",
  success: "bg-success-light text-success",
  warning: "bg-warning-light text-warning",
  error: "bg-error-light text-error",
  neutral: "bg-neutral-light text-ink-2",
  new: "bg-new-light text-new",
};

/** `box`: left border, tint and text colour; `icon`: icon colour, drawn on the box tint. */
export const alertTones: Record<StatusTone, { box: string; icon: string }> = {
  info: { box: "border-info bg-info-light text-ink", icon: "text-info" },
  success: { box: "border-success bg-success-light text-ink", icon: "text-success" },
  warning: { box: "border-warning bg-warning-light text-ink", icon: "text-warning" },
  error: { box: "border-error bg-error-light text-ink", icon: "text-error" },
};

/** Text links, on the page background (white or alt). */
export const linkTone = "text-primary hover:text-primary-hover";

/** Field error messages and error-summary links, on the page background (white or alt). */
export const errorTextTone = "text-error";

/** Hints and secondary text, on the page background (white or alt). */
export const hintTone = "text-ink-2";

/** Current page in Pagination. */
export const currentPageTone = "bg-primary text-white";
