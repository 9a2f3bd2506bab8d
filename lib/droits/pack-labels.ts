import type { PackStatut } from "@/db/schema";

/** The state of a young person's access pack, in plain words (Mon espace, the pack itself). */
export const PACK_STATUS: Record<PackStatut, string> = {
  en_attente: "En attente",
  en_preparation: "En préparation",
  pret: "Prêt à télécharger",
  echec: "La préparation n'a pas marché",
  expire: "Plus disponible (7 jours passés)",
};
