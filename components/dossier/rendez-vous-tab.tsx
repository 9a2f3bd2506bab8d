import { UpcomingTab } from "./upcoming-tab";

export function RendezVousTab() {
  return (
    <UpcomingTab title="Aucun rendez-vous à afficher pour l'instant">
      Les rendez-vous passés et à venir avec le jeune, et leur suite, apparaîtront ici.
    </UpcomingTab>
  );
}
