import type { BadgeTone } from "@/components/ui/tones";
import type { TransmissionStatut } from "@/db/schema";
import { fieldInfo, type FieldId } from "@/lib/data-map/categories";

export const STATUS_LABELS: Record<TransmissionStatut, { text: string; tone: BadgeTone }> = {
  a_envoyer: { text: "À envoyer", tone: "info" },
  envoyee: { text: "Envoyée, en attente d'accusé", tone: "info" },
  accusee: { text: "Accusé de réception", tone: "success" },
  echec_temporaire: { text: "Nouvelle tentative prévue", tone: "warning" },
  rejetee: { text: "Refusée par le destinataire", tone: "error" },
  retenue: { text: "Retenue (limitation)", tone: "warning" },
  abandonnee: { text: "Abandonnée après plusieurs échecs", tone: "error" },
};

export const KIND_LABELS = {
  inscription: "Inscription",
  mise_a_jour: "Mise à jour",
  sortie: "Sortie",
  c2s: "Complémentaire santé solidaire",
  paiement: "Paiement de l'allocation",
  rectification: "Rectification (données corrigées)",
  demande_transmise: "Demande de droits transmise",
} as const;

/** What a transfer was, in plain words for the young person's space (FALC). */
export const KIND_FALC = {
  inscription: "Inscription",
  mise_a_jour: "Mise à jour",
  sortie: "Fin de votre contrat",
  c2s: "Complémentaire santé solidaire",
  paiement: "Paiement de votre allocation",
  rectification: "Correction de vos données",
  demande_transmise: "Votre demande sur vos données",
} as const;

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
