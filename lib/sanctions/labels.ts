import type { BadgeTone } from "@/lib/ui/tones";

export type SanctionStatut = "proposee" | "contradictoire" | "decidee" | "abandonnee";

export const SANCTION_STATUTS: Record<SanctionStatut, { label: string; tone: BadgeTone }> = {
  proposee: { label: "Proposée, réponse du jeune attendue", tone: "warning" },
  contradictoire: { label: "Réponse du jeune reçue, décision attendue", tone: "info" },
  decidee: { label: "Décidée", tone: "error" },
  abandonnee: { label: "Abandonnée", tone: "neutral" },
};

export const REGIME_SHORT: Record<string, string> = {
  cej_2022: "Barème CEJ de 2022",
  suspension_remobilisation: "Suspension-remobilisation (depuis le 1er juin 2025)",
};
