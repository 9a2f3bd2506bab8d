import { UpcomingTab } from "./upcoming-tab";

export function ParcoursTab() {
  return (
    <UpcomingTab title="Aucun parcours à afficher pour l'instant">
      Les contrats PACEA et CEJ, leurs phases, leurs objectifs et l&apos;allocation apparaîtront ici.
    </UpcomingTab>
  );
}
