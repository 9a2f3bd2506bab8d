/**
 * How the database's actions and séance attendances become CEJ gauge activities (pure, unit-tested).
 * - Actions: employment/training categories count as "action emploi-formation", the others as "autre
 *   action". Planned or running → planned; finished and qualified by the counsellor → done (validated);
 *   finished but not yet qualified → still planned (declared, waiting for validation); cancelled → cancelled.
 *   The action's week is the week of its start date.
 * - Séances: the séance type gives the kind; attendance gives the status; a cancelled séance is cancelled
 *   whatever the attendance says. Its day is the Paris civil date of its start.
 */
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import type { ActivityKind, ActivityStatus, CejActivity } from "./jauge";

export type ActionCategorieCode =
  | "emploi"
  | "formation"
  | "sante"
  | "logement"
  | "citoyennete"
  | "loisirs_sport"
  | "projet_pro"
  | "demarches"
  | "autre";
export type ActionStatutCode = "a_faire" | "en_cours" | "terminee" | "annulee";
export type SeanceTypeCode = "rendez_vous_individuel" | "atelier" | "information_collective";
export type PresenceCode = "prevu" | "present" | "absent_excuse" | "absent_non_excuse";

export function actionKind(categorie: ActionCategorieCode): ActivityKind {
  return categorie === "emploi" || categorie === "formation" ? "action_emploi_formation" : "autre_action";
}

export function actionStatus(statut: ActionStatutCode, qualifiee: boolean): ActivityStatus {
  switch (statut) {
    case "a_faire":
    case "en_cours":
      return "prevue";
    case "terminee":
      return qualifiee ? "realisee" : "prevue";
    case "annulee":
      return "annulee";
  }
}

export function presenceStatus(presence: PresenceCode, seanceAnnulee: boolean): ActivityStatus {
  if (seanceAnnulee) return "annulee";
  switch (presence) {
    case "prevu":
      return "prevue";
    case "present":
      return "realisee";
    case "absent_excuse":
    case "absent_non_excuse":
      return presence;
  }
}

/** An activity as the gauge counts it, with what the counsellor needs to recognise it. */
export interface GaugeActivity extends CejActivity {
  source: "action" | "seance";
  /** actions_jeune.id or participations.id. */
  id: string;
  libelle: string;
  /** What the counsellor sees as the activity's state (action status or attendance). */
  detail: ActionStatutCode | PresenceCode | "seance_annulee";
  qualifiee?: boolean;
}

export interface ActionRowForGauge {
  id: string;
  categorie: ActionCategorieCode;
  statut: ActionStatutCode;
  debut: CivilDate;
  qualifieeLe: Date | null;
  libelle: string;
  dureeMinutes: number | null;
}

export interface ParticipationRowForGauge {
  id: string;
  presence: PresenceCode;
  seanceType: SeanceTypeCode;
  seanceDebut: Date;
  seanceFin: Date;
  seanceAnnuleeLe: Date | null;
  titre: string;
}

export function actionActivity(row: ActionRowForGauge): GaugeActivity {
  const qualifiee = row.qualifieeLe !== null;
  return {
    source: "action",
    id: row.id,
    libelle: row.libelle,
    kind: actionKind(row.categorie),
    statut: actionStatus(row.statut, qualifiee),
    date: row.debut,
    durationMinutes: row.dureeMinutes,
    detail: row.statut,
    qualifiee,
  };
}

export function participationActivity(row: ParticipationRowForGauge): GaugeActivity {
  const annulee = row.seanceAnnuleeLe !== null;
  return {
    source: "seance",
    id: row.id,
    libelle: row.titre,
    kind: row.seanceType,
    statut: presenceStatus(row.presence, annulee),
    date: todayInParis(row.seanceDebut),
    durationMinutes: Math.round((row.seanceFin.getTime() - row.seanceDebut.getTime()) / 60_000),
    detail: annulee ? "seance_annulee" : row.presence,
  };
}
