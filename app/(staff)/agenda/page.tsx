import type { Metadata } from "next";
import { WeekCalendar } from "@/components/agenda/week-calendar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select";
import { agendaHref, parseAgendaFilters } from "@/lib/agenda/params";
import { listWeek } from "@/lib/agenda/queries";
import { SEANCE_TYPES, SEANCE_TYPE_LABELS } from "@/lib/agenda/rules";
import { daysOfWeek, formatIsoWeek, isoWeekOf, resolveWeek, shiftWeek } from "@/lib/calendar/iso-week";
import { can } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatDate, formatNumber } from "@/lib/format/fr";
import type { SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Agenda" };

export default async function AgendaPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("agenda.read");
  const params = await searchParams;
  const today = todayInParis(new Date());
  const { week, invalid } = resolveWeek(params.semaine, today);
  const filters = parseAgendaFilters(params);
  const days = daysOfWeek(week);
  const { seances, truncated } = await listWeek(user, week, filters);
  const current = isoWeekOf(today);
  const isCurrent = current.year === week.year && current.week === week.week;
  const count = seances.length;

  return (
    <>
      <PageHeader
        title="Agenda de la structure"
        description={
          <p>
            Semaine {week.week} : du {formatDate(days[0]!)} au {formatDate(days[6]!)}
            {user.structureName ? ` · ${user.structureName}` : ""}
          </p>
        }
        actions={
          can(user.role, "agenda.write") ? (
            <ButtonLink href="/agenda/nouvelle" variant="primary">
              Planifier une séance
            </ButtonLink>
          ) : undefined
        }
      />
      {invalid ? (
        <div className="mb-4">
          <Alert tone="info">La semaine demandée n&apos;existe pas : voici la semaine en cours.</Alert>
        </div>
      ) : null}

      <div className="mb-6 flex flex-col gap-4 rounded-sm border border-border p-4">
        <nav aria-label="Changer de semaine">
          <ul className="flex flex-wrap items-center gap-2">
            <li>
              <ButtonLink href={agendaHref(shiftWeek(week, -1), filters)} variant="tertiary" size="sm">
                <ChevronLeftIcon />
                Semaine précédente
              </ButtonLink>
            </li>
            <li>
              <ButtonLink href={agendaHref(null, filters)} variant="tertiary" size="sm" aria-current={isCurrent ? "page" : undefined}>
                Cette semaine
              </ButtonLink>
            </li>
            <li>
              <ButtonLink href={agendaHref(shiftWeek(week, 1), filters)} variant="tertiary" size="sm">
                Semaine suivante
                <ChevronRightIcon />
              </ButtonLink>
            </li>
          </ul>
        </nav>
        <form method="get" action="/agenda" className="flex flex-wrap items-end gap-4" aria-label="Filtrer les séances">
          <input type="hidden" name="semaine" value={formatIsoWeek(week)} />
          <div className="w-64 max-w-full">
            <SelectField
              name="type"
              label="Type de séance"
              placeholder="Tous les types"
              options={SEANCE_TYPES.map((t) => ({ value: t, label: SEANCE_TYPE_LABELS[t] }))}
              defaultValue={filters.type ?? ""}
            />
          </div>
          <div className="flex min-h-11 items-center gap-3">
            <input id="mes" name="mes" type="checkbox" value="1" defaultChecked={filters.mine} className="size-6 accent-primary" />
            <label htmlFor="mes" className="font-medium">
              Seulement les séances que j&apos;anime
            </label>
          </div>
          <Button type="submit" variant="secondary">
            Filtrer
          </Button>
        </form>
      </div>

      <p className="mb-4">
        {count === 0 ? "Aucune séance cette semaine" : `${formatNumber(count)} séance${count > 1 ? "s" : ""} cette semaine`}
        {filters.type || filters.mine ? " avec ces filtres" : ""}.{" "}
        {filters.type || filters.mine ? (
          <TextLink href={agendaHref(week, { type: null, mine: false })}>Voir toutes les séances</TextLink>
        ) : null}
      </p>
      {truncated ? (
        <div className="mb-4">
          <Alert tone="warning">Cette semaine compte trop de séances pour les afficher toutes : filtrez par type ou par animateur.</Alert>
        </div>
      ) : null}
      <WeekCalendar days={days} seances={seances} today={today} />
    </>
  );
}
