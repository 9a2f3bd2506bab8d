import { clsx } from "clsx";
import NextLink from "next/link";
import { inscritsLabel } from "@/lib/agenda/rules";
import type { WeekSeance } from "@/lib/agenda/queries";
import { parisWallClock } from "@/lib/calendar/paris-time";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { formatDate, formatTime } from "@/lib/format/fr";
import { StateBadge, TypeBadge } from "./seance-badges";
import { PersonName } from "@/components/ui/person-name";

/** "lundi 23 novembre 2026" → "lundi 23 novembre": the year is in the page title. */
function dayTitle(day: CivilDate): string {
  return formatDate(day).replace(/ \d{4}$/, "");
}

function SeanceCard({ s }: { s: WeekSeance }) {
  return (
    <article
      className={clsx(
        "flex flex-col gap-1 rounded-sm border border-border bg-white p-3 text-sm hyphens-auto lg:p-2",
        s.annulee && "bg-alt",
      )}
    >
      <p className="font-bold">
        <time dateTime={s.debut.toISOString()}>{formatTime(s.debut)}</time> –{" "}
        <time dateTime={s.fin.toISOString()}>{formatTime(s.fin)}</time>
      </p>
      <div className="flex flex-wrap gap-1">
        <TypeBadge type={s.type} />
        <StateBadge annulee={s.annulee} cloturee={s.cloturee} />
      </div>
      <h3 className="text-base font-bold break-words lg:text-sm">
        <NextLink
          href={`/agenda/${s.id}`}
          className={clsx("text-primary underline underline-offset-4 hover:text-primary-hover", s.annulee && "line-through")}
        >
          {s.titre}
        </NextLink>
      </h3>
      {s.lieu ? (
        <p className="break-words">
          <span className="sr-only">Lieu : </span>
          {s.lieu}
        </p>
      ) : null}
      <p className="text-ink-2">
        <span className="sr-only">Animée par </span>
        {s.animateurName ? <PersonName>{s.animateurName}</PersonName> : "Animateur non renseigné"}
      </p>
      <p>{inscritsLabel(s.inscrits, s.capacite)}</p>
    </article>
  );
}

/**
 * The week, Monday → Sunday: seven columns from the large breakpoint up, one day under the other on a
 * phone. Same list either way, so reading order is always day by day.
 */
export function WeekCalendar({ days, seances, today }: { days: CivilDate[]; seances: WeekSeance[]; today: CivilDate }) {
  const byDay = new Map<CivilDate, WeekSeance[]>(days.map((d) => [d, []]));
  for (const s of seances) byDay.get(parisWallClock(s.debut).date)?.push(s);
  return (
    <ol className="grid grid-cols-1 gap-4 lg:grid-cols-7 lg:gap-2">
      {days.map((day) => {
        const list = byDay.get(day) ?? [];
        const isToday = day === today;
        return (
          <li
            key={day}
            className={clsx(
              "flex min-w-0 flex-col gap-2 rounded-sm lg:min-h-40 lg:bg-alt lg:p-1.5",
              isToday && "lg:outline-2 lg:outline-primary",
            )}
            aria-current={isToday ? "date" : undefined}
          >
            <h2 className={clsx("border-b border-border pb-1 text-base font-bold first-letter:uppercase", isToday && "text-primary")}>
              {dayTitle(day)}
              {isToday ? <span className="block text-sm font-normal">aujourd&apos;hui</span> : null}
            </h2>
            {list.length === 0 ? (
              <p className="text-sm text-ink-2">Aucune séance</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {list.map((s) => (
                  <li key={s.id}>
                    <SeanceCard s={s} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
