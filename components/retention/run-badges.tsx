import { Badge } from "@/components/ui/badge";
import type { RetentionRunRow } from "@/lib/retention/queries";
import { STATUS_LABELS } from "@/lib/retention/labels";
import type { BadgeTone } from "@/lib/ui/tones";

const STATUS_TONES: Record<RetentionRunRow["status"], BadgeTone> = {
  en_cours: "info",
  termine: "success",
  echec: "error",
  interrompu: "warning",
};

export function RunStatusBadge({ run }: { run: Pick<RetentionRunRow, "status" | "progress"> }) {
  const label = run.status === "interrompu" ? "Interrompu" : STATUS_LABELS[run.status];
  return (
    <Badge tone={STATUS_TONES[run.status]}>
      {label}
      {run.status === "en_cours" && run.progress.total > 0 ? ` (${run.progress.done} sur ${run.progress.total})` : ""}
    </Badge>
  );
}

export function RunKindBadge({ dryRun }: { dryRun: boolean }) {
  return dryRun ? <Badge tone="neutral">Simulation</Badge> : <Badge tone="new">Purge réelle</Badge>;
}
