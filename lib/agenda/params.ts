/** The agenda's URL: ?semaine=2026-W48&type=atelier&mes=1. Anything unknown is ignored, never an error. */
import { withParams } from "@/lib/http/search-params";
import { SEANCE_TYPES, type SeanceType } from "./rules";
import { formatIsoWeek, type IsoWeekRef } from "@/lib/calendar/iso-week";

export interface AgendaFilters {
  type: SeanceType | null;
  mine: boolean;
}

export function parseAgendaFilters(params: Record<string, string | string[] | undefined>): AgendaFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const type = first(params.type);
  return {
    type: (SEANCE_TYPES as readonly string[]).includes(type ?? "") ? (type as SeanceType) : null,
    mine: first(params.mes) === "1",
  };
}

export function agendaHref(week: IsoWeekRef | null, filters: AgendaFilters): string {
  return withParams("/agenda", {
    semaine: week ? formatIsoWeek(week) : undefined,
    type: filters.type ?? undefined,
    mes: filters.mine ? "1" : undefined,
  });
}
