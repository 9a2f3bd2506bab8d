import { Badge } from "@/components/ui/badge";
import type { AlertBadge } from "@/lib/jeunes/alerts";

/** A row's alerts as badges (icon + words), or a dash read as "aucune alerte". */
export function AlertBadges({ alertes }: { alertes: readonly AlertBadge[] }) {
  if (alertes.length === 0) {
    return (
      <>
        <span aria-hidden="true" className="text-ink-2">
          —
        </span>
        <span className="sr-only">Aucune alerte</span>
      </>
    );
  }
  return (
    <ul className="flex flex-col items-start gap-1">
      {alertes.map((a) => (
        <li key={a.key}>
          <Badge tone={a.tone}>{a.text}</Badge>
        </li>
      ))}
    </ul>
  );
}
