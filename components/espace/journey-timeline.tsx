import { clsx } from "clsx";
import NextLink from "next/link";
import { formatTime } from "@/lib/format/fr";
import { type JourneyIcon, type JourneyLine, groupByDay } from "@/lib/espace/journey";
import { EspaceIcon } from "./icons";

/** Icon colours: each on white, with the line's word next to it. */
const ICON_TONES: Record<JourneyIcon, string> = {
  envoi: "bg-info-light text-info",
  a_venir: "bg-new-light text-new",
  consultation: "bg-alt text-ink-2",
  modification: "bg-success-light text-success",
};

export const questionLinkClasses =
  "inline-flex min-h-11 items-center gap-2 font-medium text-primary underline underline-offset-4 hover:text-primary-hover hover:decoration-2";

function Line({ line }: { line: JourneyLine }) {
  return (
    <article aria-labelledby={`ligne-${line.refParam}`} className="flex flex-col gap-2 rounded-lg border border-border bg-white p-4">
      <p className="flex items-center gap-2 text-sm">
        <span className={clsx("flex size-9 shrink-0 items-center justify-center rounded-full", ICON_TONES[line.icon])}>
          <EspaceIcon name={line.icon} className="size-5" />
        </span>
        <span className="font-bold">{line.iconLabel}</span>
        <span className="text-ink-2">· à {formatTime(line.at)}</span>
      </p>
      <h4 id={`ligne-${line.refParam}`} className="text-lg font-bold">
        {line.title}
      </h4>
      {line.sentences.map((s) => (
        <p key={s} className="break-words">
          {s}
        </p>
      ))}
      {line.warning ? (
        <p className="flex gap-2 rounded-sm border-l-4 border-warning bg-warning-light p-2 text-ink">
          <EspaceIcon name="attention" className="size-5 text-warning" />
          <span>
            <span className="sr-only">Attention : </span>
            {line.warning}
          </span>
        </p>
      ) : null}
      {line.rule ? <p className="text-sm break-words text-ink-2">{line.rule}</p> : null}
      <p>
        <NextLink href={`/mon-espace/demande?ligne=${encodeURIComponent(line.refParam)}`} className={questionLinkClasses}>
          <EspaceIcon name="demande" className="size-5" />
          <span>
            J&apos;ai une question sur cette ligne
            <span className="sr-only"> : {line.title}</span>
          </span>
        </NextLink>
      </p>
    </article>
  );
}

/** The timeline as an ordered list of days (headings under the page's h2), each an ordered list of lines, newest first. */
export function JourneyTimeline({ lines }: { lines: readonly JourneyLine[] }) {
  return (
    <ol className="flex flex-col gap-6">
      {groupByDay(lines).map((group) => (
        <li key={group.day} className="flex flex-col gap-3">
          <h3 className="text-xl">{group.label}</h3>
          <ol className="flex flex-col gap-3">
            {group.lines.map((line) => (
              <li key={line.refParam}>
                <Line line={line} />
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
