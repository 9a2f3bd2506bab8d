/**
 * French names of the dossier's fields (the audit log stores field NAMES, never values) and of their
 * coded values. Unknown names are shown as stored, so a new field is never hidden from the history.
 */
export const JEUNE_FIELD_LABELS: Record<string, string> = {
  nomNaissance: "Nom de naissance",
  nomUsage: "Nom d'usage",
  prenoms: "Prénoms",
  dateNaissance: "Date de naissance",
  communeNaissance: "Commune de naissance",
  sexe: "Sexe",
  nationalite: "Nationalité",
  telephone: "Téléphone",
  email: "Adresse e-mail",
  adresse: "Adresse",
  codePostal: "Code postal",
  commune: "Commune",
  // The NIR is stored as a ciphertext and a keyed hash: all three names mean "the NIR changed".
  nir: "Numéro de sécurité sociale",
  nirEncrypted: "Numéro de sécurité sociale",
  nirHmac: "Numéro de sécurité sociale",
  ftIdentifiant: "Identifiant France Travail",
  niveauQualification: "Niveau de qualification",
  logement: "Logement",
  permisB: "Permis B",
  vehicule: "Véhicule",
  rqth: "RQTH (travailleur handicapé)",
  protectionJuridique: "Protection juridique",
  titreSejourFin: "Fin du titre de séjour",
  situationJustice: "Situation judiciaire",
  sante: "Santé",
  commentaire: "Commentaire du conseiller",
  dispositif: "Dispositif",
  statut: "Statut du dossier",
  archiveMotif: "Motif d'archivage",
  archiveDetail: "Précision sur l'archivage",
  archivedAt: "Date d'archivage",
  anonymisedAt: "Date d'anonymisation",
  limitationDepuis: "Limitation du traitement",
  limitationDemandeId: "Demande de limitation",
  conseillerId: "Conseiller",
  antenneId: "Antenne",
  structureId: "Mission locale",
  motif: "Motif",
  motifDetail: "Précision du motif",
};

export function fieldLabel(name: string): string {
  return JEUNE_FIELD_LABELS[name] ?? name;
}

/** Labels of changed fields, each once, in the order given (nirEncrypted + nirHmac → one NIR line). */
export function fieldLabels(names: readonly string[]): string[] {
  return [...new Set(names.map(fieldLabel))];
}

export const SEXE_LABELS = { F: "Féminin", M: "Masculin" } as const;

export const NATIONALITE_LABELS = { francaise: "Française", ue: "Union européenne", hors_ue: "Hors Union européenne" } as const;

export const PROTECTION_LABELS: Record<string, string> = {
  aucune: "Aucune",
  tutelle: "Tutelle",
  curatelle: "Curatelle",
  sauvegarde: "Sauvegarde de justice",
};

/** A coded value in French, or the stored value when the code is unknown. */
export function valueLabel(labels: Record<string, string>, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  return labels[value] ?? value;
}
