import { UpcomingTab } from "./upcoming-tab";

export function DonneesPartageesTab() {
  return (
    <UpcomingTab title="Aucune transmission à afficher pour l'instant">
      Les données envoyées à France Travail, à la CPAM, à l&apos;ASP et aux autres destinataires, avec leur finalité, leur base légale et leur
      accusé de réception, apparaîtront ici, ainsi que les transmissions à venir.
    </UpcomingTab>
  );
}
