import { consultationReasonEnum } from "@/db/schema/consultations";
import type { Role } from "@/lib/auth/roles";

/** Why someone opens a dossier outside their portfolio (enum consultation_motif). */
export const CONSULTATION_MOTIFS = consultationReasonEnum.enumValues;

export type ConsultationMotif = (typeof CONSULTATION_MOTIFS)[number];

/** Shown to staff and, later, to the young person: plain words. */
export const MOTIF_LABELS: Record<ConsultationMotif, string> = {
  remplacement: "Remplacement d'un collègue absent",
  rendez_vous: "Rendez-vous avec le jeune",
  demande_du_jeune: "Demande du jeune",
  controle_dpo: "Contrôle par le délégué à la protection des données",
  demande_de_droits: "Traitement d'une demande d'exercice de droits",
  autre: "Autre motif (à préciser)",
};

/** Roles that may give "controle_dpo": a counsellor choosing it would blur the log the DPO relies on. */
const CONTROLE_ROLES: readonly Role[] = ["dpo", "admin"];

export function motifAllowedFor(role: Role, motif: ConsultationMotif): boolean {
  return motif !== "controle_dpo" || CONTROLE_ROLES.includes(role);
}

/** The motifs offered to a role, in a natural order for it (the DPO's control comes first). */
export function motifOptionsFor(role: Role): { value: ConsultationMotif; label: string }[] {
  const allowed = CONSULTATION_MOTIFS.filter((m) => motifAllowedFor(role, m));
  const ordered = CONTROLE_ROLES.includes(role) ? ["controle_dpo" as const, ...allowed.filter((m) => m !== "controle_dpo")] : allowed;
  return ordered.map((value) => ({ value, label: MOTIF_LABELS[value] }));
}
