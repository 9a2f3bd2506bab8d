import type { GaugeActivity } from "./activites";
import type { ActivityKind } from "./jauge";

export const KIND_LABELS: Record<ActivityKind, string> = {
  action_emploi_formation: "Action emploi ou formation",
  autre_action: "Autre action",
  atelier: "Atelier",
  information_collective: "Information collective",
  rendez_vous_individuel: "Rendez-vous individuel",
};

export const DETAIL_LABELS: Record<GaugeActivity["detail"], string> = {
  a_faire: "Action à faire",
  en_cours: "Action en cours",
  terminee: "Action terminée",
  annulee: "Action annulée",
  prevu: "Présence prévue",
  present: "Présent",
  absent_excuse: "Absence excusée",
  absent_non_excuse: "Absence non excusée",
  seance_annulee: "Séance annulée",
};
