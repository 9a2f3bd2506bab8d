import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";

/** A section whose feature is not built yet: says plainly what will appear, shows nothing invented. */
export function UpcomingTab({ title, children }: { title: string; children: ReactNode }) {
  return (
    <EmptyState titleAs="h3" title={title}>
      <p>{children}</p>
      <p className="mt-2">Cette partie du dossier n&apos;est pas encore disponible dans Sillage.</p>
    </EmptyState>
  );
}
