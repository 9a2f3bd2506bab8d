import { Alert } from "@/components/ui/alert";
import type { DossierAlert } from "./alerts";

/** The alert stack under the header: icon + words for each, never colour alone (Alert does both). */
export function DossierAlerts({ alerts }: { alerts: DossierAlert[] }) {
  if (alerts.length === 0) return null;
  return (
    <section aria-label="Points d'attention" className="mb-6">
      <ul className="flex flex-col gap-3">
        {alerts.map((alert) => (
          <li key={alert.key}>
            <Alert tone={alert.tone} title={alert.title}>
              {alert.text}
            </Alert>
          </li>
        ))}
      </ul>
    </section>
  );
}
