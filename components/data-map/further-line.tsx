import { frenchSpacing } from "./french-spacing";

const PREFIX = "Pour aller plus loin : ";

/** The legal references of a notice block, set apart from the plain-language text. */
export function FurtherLine({ text }: { text: string }) {
  return (
    <p className="border-t border-border pt-3 text-sm text-ink-2">
      <strong className="font-bold">Pour aller plus loin&nbsp;:</strong>{" "}
      {frenchSpacing(text.startsWith(PREFIX) ? text.slice(PREFIX.length) : text)}
    </p>
  );
}
