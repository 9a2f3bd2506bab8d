import { Badge } from "@/components/ui/badge";
import type { BadgeTone } from "@/lib/ui/tones";
import type { NoticeFinality } from "@/lib/data-map/notice";
import type { Availability } from "@/lib/data-map/rights";
import { FurtherLine } from "./further-line";
import { frenchSpacing } from "./french-spacing";

const ANSWER_TONE: Record<Availability, BadgeTone> = { oui: "success", sous_conditions: "info", non: "neutral" };

function Question({ children }: { children: string }) {
  return <h4 className="mt-2 text-lg font-bold text-primary">{frenchSpacing(children)}</h4>;
}

/** One use of the data, answered in the five questions a young person asks. */
export function NoticeFinalitySection({ finality }: { finality: NoticeFinality }) {
  const titleId = `finalite-${finality.id}`;
  return (
    <section
      aria-labelledby={titleId}
      className="flex scroll-mt-4 flex-col gap-3 border-t-4 border-primary pt-4 sm:rounded-sm sm:border sm:border-t-4 sm:border-border sm:border-t-primary sm:p-6"
      id={finality.id}
    >
      <h3 id={titleId} className="text-xl leading-7 text-balance">
        {finality.title}
      </h3>

      <Question>Pourquoi ?</Question>
      {finality.why.map((text) => (
        <p key={text}>{frenchSpacing(text)}</p>
      ))}

      <Question>Quelles données ?</Question>
      <ul className="flex list-disc flex-col gap-1 pl-6">
        {finality.data.map((text) => (
          <li key={text}>{frenchSpacing(text)}</li>
        ))}
      </ul>
      {finality.dataNeverSent.length > 0 ? (
        <div className="flex flex-col gap-1 rounded-sm bg-alt p-3">
          <p className="font-bold">{frenchSpacing(finality.dataNeverSentIntro)}</p>
          <ul className="flex list-disc flex-col gap-1 pl-6">
            {finality.dataNeverSent.map((text) => (
              <li key={text}>{frenchSpacing(text)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <Question>Qui les reçoit ?</Question>
      <p>{frenchSpacing(finality.internal)}</p>
      {finality.recipients.length === 0 ? (
        <p>Aucun autre organisme ne reçoit ces données.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {finality.recipients.map((r) => (
            <li key={r.who} className="flex flex-col gap-1 border-l-4 border-info bg-alt p-3">
              <p className="font-bold">{frenchSpacing(r.who)}</p>
              <p>
                <span className="font-bold">Ce qui est envoyé&nbsp;: </span>
                {frenchSpacing(r.what)}
              </p>
              <p>
                <span className="font-bold">Quand&nbsp;: </span>
                {frenchSpacing(r.when)}
              </p>
              <p>{frenchSpacing(r.keep)}</p>
            </li>
          ))}
        </ul>
      )}

      <Question>Combien de temps ?</Question>
      {finality.retention.map((text) => (
        <p key={text}>{frenchSpacing(text)}</p>
      ))}

      <Question>Vos droits</Question>
      <ul className="flex flex-col gap-3">
        {finality.rights.map((r) => (
          <li key={r.right} className="flex flex-col items-start gap-1">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-bold">{r.label}&nbsp;:</span>
              <Badge tone={ANSWER_TONE[r.availability]}>{r.answer}</Badge>
            </span>
            <span>{frenchSpacing(r.text)}</span>
          </li>
        ))}
      </ul>

      <FurtherLine text={finality.further} />
    </section>
  );
}
