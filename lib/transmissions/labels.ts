import type { BadgeTone } from "@/lib/ui/tones";
import type { TransmissionKind, TransmissionStatut } from "@/db/schema";
import { fieldInfo, type FieldId } from "@/lib/data-map/categories";

export const STATUS_LABELS: Record<TransmissionStatut, { text: string; tone: BadgeTone }> = {
  a_envoyer: { text: "À envoyer", tone: "info" },
  envoyee: { text: "Envoyée, en attente d'accusé", tone: "info" },
  accusee: { text: "Accusé de réception", tone: "success" },
  echec_temporaire: { text: "Nouvelle tentative prévue", tone: "warning" },
  rejetee: { text: "Refusée par le destinataire", tone: "error" },
  retenue: { text: "Retenue (limitation)", tone: "warning" },
  abandonnee: { text: "Abandonnée après plusieurs échecs", tone: "error" },
  annulee: { text: "Annulée (données effacées)", tone: "neutral" },
};

export const KIND_LABELS: Record<TransmissionKind, string> = {
  inscription: "Inscription",
  mise_a_jour: "Mise à jour",
  sortie: "Sortie",
  c2s: "Complémentaire santé solidaire",
  paiement: "Paiement de l'allocation",
  rectification: "Rectification (données corrigées)",
  demande_transmise: "Demande de droits transmise",
  effacement: "Effacement (données effacées)",
  limitation: "Limitation (utilisation gelée)",
  levee_limitation: "Fin de la limitation",
};

/** What a transfer was, in plain words for the young person's space (FALC). */
export const KIND_FALC: Record<TransmissionKind, string> = {
  inscription: "Inscription",
  mise_a_jour: "Mise à jour",
  sortie: "Fin de votre contrat",
  c2s: "Complémentaire santé solidaire",
  paiement: "Paiement de votre allocation",
  rectification: "Correction de vos données",
  demande_transmise: "Votre demande sur vos données",
  effacement: "Vos données ont été effacées",
  limitation: "Vos données ne doivent plus être utilisées",
  levee_limitation: "Vos données peuvent de nouveau être utilisées",
};

/** French names of the fields sent (never their values). Unknown names are shown as they are. */
export function fieldLabels(names: readonly string[]): string[] {
  return names.map((n) => {
    try {
      return fieldInfo(n as FieldId).label;
    } catch {
      return n;
    }
  });
}
