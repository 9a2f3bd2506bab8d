/**
 * French names of the fields an audited act lists, chosen by the act: "statut" is the dossier's status
 * for `jeune.update`, an action's status for `action_jeune.statut`. Acts on the dossier itself (and any
 * unknown act) use the dossier's names (lib/jeunes/field-labels.ts); unknown names are shown as stored.
 */
import { JEUNE_FIELD_LABELS } from "@/lib/jeunes/field-labels";

const CONTRAT: Record<string, string> = {
  type: "Dispositif",
  signeLe: "Date de signature",
  debut: "Date de début",
  finPrevue: "Fin prévue",
  prolongationMotif: "Motif de prolongation",
  finReelle: "Date de sortie",
  motifSortie: "Motif de sortie",
  etudiant: "Déclaration étudiant",
  precedentContratId: "Contrat précédent",
  basculeMotif: "Motif du changement de dispositif",
  conseillerId: "Conseiller",
  nom: "Nom",
  prenoms: "Prénoms",
  dateNaissance: "Date de naissance",
  contrat: "Contrat",
  phases: "Phases",
};

const PHASE: Record<string, string> = {
  type: "Type de phase",
  debut: "Début de la phase",
  fin: "Fin de la phase",
  objectifs: "Objectifs",
  bilan: "Bilan",
  bilanLe: "Date du bilan",
};

const ACTION: Record<string, string> = {
  categorie: "Catégorie",
  libelle: "Intitulé",
  commentaire: "Commentaire",
  debut: "Date de début",
  fin: "Date de fin",
  dureeMinutes: "Durée",
  statut: "Statut de l'action",
  qualifieeLe: "Qualification",
  qualifieePar: "Qualifiée par",
  contratId: "Contrat",
};

const AGENDA: Record<string, string> = {
  type: "Type de séance",
  titre: "Titre",
  debut: "Début",
  fin: "Fin",
  lieu: "Lieu",
  animateurId: "Animateur",
  capacite: "Nombre de places",
  annuleeLe: "Annulation",
  clotureeLe: "Clôture",
  presence: "Présence",
  motifAbsence: "Motif de l'absence",
  jeuneId: "Participant",
  "participants.nom": "Noms des participants",
  "participants.presence": "Présences des participants",
};

const ALLOCATION: Record<string, string> = {
  mois: "Mois",
  montantCents: "Montant",
  entrees: "Éléments du calcul",
  regleVersion: "Règles appliquées",
  explication: "Explication",
  remplace: "Décision remplacée",
  remplaceeParId: "Remplacée par",
};

const SANCTION: Record<string, string> = {
  dateFait: "Date du manquement",
  motif: "Motif",
  participationIds: "Absences concernées",
  regime: "Règle applicable",
  palier: "Palier",
  palierIndex: "Palier",
  statut: "Statut de la sanction",
  reponseJeune: "Réponse du jeune",
  reponseLe: "Date de la réponse",
  decision: "Décision",
  effet: "Effet sur l'allocation",
  decideeLe: "Date de la décision",
};

const BY_PREFIX: [prefix: string, labels: Record<string, string>][] = [
  ["contrat.", CONTRAT],
  ["phase.", PHASE],
  ["action_jeune.", ACTION],
  ["agenda.", AGENDA],
  ["allocation.", ALLOCATION],
  ["sanction.", SANCTION],
];

/** Labels of the fields of one audited act, each once, in the order given. */
export function auditFieldLabels(action: string, names: readonly string[]): string[] {
  const own = BY_PREFIX.find(([prefix]) => action.startsWith(prefix))?.[1];
  return [...new Set(names.map((n) => own?.[n] ?? JEUNE_FIELD_LABELS[n] ?? n))];
}
