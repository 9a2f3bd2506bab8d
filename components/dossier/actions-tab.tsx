import { UpcomingTab } from "./upcoming-tab";

export function ActionsTab() {
  return (
    <UpcomingTab title="Aucune action à afficher pour l'instant">
      Les actions menées avec le jeune (démarches, ateliers, formations, immersions) et les heures d&apos;activité du CEJ apparaîtront ici.
    </UpcomingTab>
  );
}
