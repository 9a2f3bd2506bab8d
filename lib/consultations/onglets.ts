import { withParams } from "@/lib/http/search-params";

/**
 * The tabs of a dossier, in display order. The slug is both the `?onglet=` value and what a
 * consultation records as the category of data seen (consultations.onglet).
 */
export const DOSSIER_ONGLETS = ["identite", "parcours", "actions", "rendez-vous", "donnees-partagees", "droits", "historique"] as const;

export type DossierOnglet = (typeof DOSSIER_ONGLETS)[number];

export const DEFAULT_ONGLET: DossierOnglet = "identite";

export const ONGLET_LABELS: Record<DossierOnglet, string> = {
  identite: "Identité",
  parcours: "Parcours",
  actions: "Actions",
  "rendez-vous": "Rendez-vous",
  "donnees-partagees": "Données partagées",
  droits: "Demandes de droits",
  historique: "Historique",
};

/** Values a consultation may record besides the tabs (deliberate reveals of one piece of data). */
const OTHER_CONSULTED: Record<string, string> = {
  nir: "Numéro de sécurité sociale (affiché en clair)",
  modification: "Formulaire de modification",
  archivage: "Archivage et conservation",
  acces: "Copie complète du dossier (droit d'accès)",
  agenda: "Inscription ou présence à une séance de l'agenda",
  "demande-de-droits": "Traitement d'une demande d'exercice de droits",
  transmission: "Envoi de données à un destinataire",
  telechargement: "Document téléchargé",
};

export function isDossierOnglet(value: unknown): value is DossierOnglet {
  return typeof value === "string" && (DOSSIER_ONGLETS as readonly string[]).includes(value);
}

/** ?onglet=… read defensively: anything unknown opens the default tab, never an error. */
export function parseOnglet(value: string | string[] | undefined): DossierOnglet {
  const v = Array.isArray(value) ? value[0] : value;
  return isDossierOnglet(v) ? v : DEFAULT_ONGLET;
}

/** French name of what a consultation opened ("Identité", "Historique"…); unknown values as stored. */
export function consultedLabel(onglet: string): string {
  return isDossierOnglet(onglet) ? ONGLET_LABELS[onglet] : (OTHER_CONSULTED[onglet] ?? onglet);
}

/** Link to one tab of a dossier; the default tab keeps the short URL. */
export function dossierHref(
  jeuneId: string,
  onglet: DossierOnglet = DEFAULT_ONGLET,
  params: Record<string, string | number | undefined> = {},
): string {
  return withParams(`/jeunes/${jeuneId}`, { onglet: onglet === DEFAULT_ONGLET ? undefined : onglet, ...params });
}
