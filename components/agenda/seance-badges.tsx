import { Badge } from "@/components/ui/badge";
import { PRESENCE_LABELS, PRESENCE_TONES, SEANCE_TYPE_LABELS, SEANCE_TYPE_TONES, type Presence, type SeanceType } from "@/lib/agenda/rules";

export function TypeBadge({ type }: { type: SeanceType }) {
  return <Badge tone={SEANCE_TYPE_TONES[type]}>{SEANCE_TYPE_LABELS[type]}</Badge>;
}

export function PresenceBadge({ presence }: { presence: Presence }) {
  return <Badge tone={PRESENCE_TONES[presence]}>{PRESENCE_LABELS[presence]}</Badge>;
}

/** Cancelled or closed: said in words, the colour only repeats it. */
export function StateBadge({ annulee, cloturee }: { annulee: boolean; cloturee: boolean }) {
  if (annulee) return <Badge tone="error">Annulée</Badge>;
  if (cloturee) return <Badge tone="success">Clôturée</Badge>;
  return null;
}
