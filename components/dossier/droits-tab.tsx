import { UpcomingTab } from "./upcoming-tab";

export function DroitsTab() {
  return (
    <UpcomingTab title="Aucune demande de droits à afficher pour l'instant">
      Les demandes d&apos;exercice de droits du jeune (accès, rectification, effacement, limitation, opposition) et leurs échéances
      apparaîtront ici.
    </UpcomingTab>
  );
}
