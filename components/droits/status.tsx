import { Badge } from "@/components/ui/badge";
import type { BadgeTone } from "@/lib/ui/tones";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { ISSUE_LABELS, STATUT_LABELS, type DemandeIssue, type DemandeStatut } from "@/lib/droits/labels";
import { urgencyLabel, urgencyOf } from "@/lib/droits/rules";

const STATUT_TONES: Record<DemandeStatut, BadgeTone> = {
  recue: "new",
  identite_a_verifier: "warning",
  en_cours: "info",
  prolongee: "info",
  repondue: "success",
  close: "neutral",
};

/** Status word with its icon; an answered request also says how. */
export function StatutBadge({ statut, issue }: { statut: DemandeStatut; issue?: DemandeIssue | null }) {
  return (
    <Badge tone={STATUT_TONES[statut]} className="whitespace-nowrap">
      {STATUT_LABELS[statut]}
      {issue && (statut === "repondue" || statut === "close") ? ` · ${ISSUE_LABELS[issue].toLowerCase()}` : ""}
    </Badge>
  );
}

/** "En retard de 2 jours" (error), "J-5" (warning, 7 days or less), "J-23", "Délai suspendu". */
export function UrgencyBadge({ statut, echeance, today }: { statut: DemandeStatut; echeance: CivilDate | null; today: CivilDate }) {
  const urgency = urgencyOf(statut, echeance, today);
  if (urgency.kind === "terminee") return null;
  const tone: BadgeTone = urgency.kind === "retard" ? "error" : urgency.kind === "proche" ? "warning" : "neutral";
  return (
    <Badge tone={tone} className="whitespace-nowrap">
      {urgencyLabel(urgency)}
    </Badge>
  );
}

/** Identity state in words, for lists. */
export function identiteLabel(d: { identiteVerifieeLe: CivilDate | null; pauseOuverte: boolean }): string {
  if (d.pauseOuverte) return "Complément demandé";
  return d.identiteVerifieeLe ? "Identité vérifiée" : "Identité à vérifier";
}
