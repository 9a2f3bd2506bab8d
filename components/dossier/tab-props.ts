import type { SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import type { SearchParams } from "@/lib/http/search-params";

/** What every pathway section of the dossier receives: the caller (access already checked), the dossier, the day, the URL query. */
export interface DossierSectionProps {
  user: SessionUser;
  jeuneId: string;
  today: CivilDate;
  params: Awaited<SearchParams>;
}
