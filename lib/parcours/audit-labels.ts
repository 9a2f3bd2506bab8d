import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on contracts (PACEA, CEJ) and PACEA phases, and of the fields they list. */
export const PARCOURS_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "contrat.signature": "Signature d'un contrat (PACEA ou CEJ)",
    "contrat.modification": "Modification d'un contrat",
    "contrat.prolongation": "Prolongation d'un contrat",
    "contrat.sortie": "Sortie d'un contrat",
    "contrat.bascule_sortie": "Fin d'un contrat par changement de dispositif",
    "contrat.bascule": "Nouveau contrat après un changement de dispositif",
    "contrat.recapitulatif": "Téléchargement du récapitulatif d'un contrat",
    "jeune.dispositif": "Dispositif du jeune mis à jour",
    "phase.ajout": "Ajout d'une phase du PACEA",
    "phase.modification": "Modification d'une phase du PACEA",
    "phase.bilan": "Bilan d'une phase du PACEA",
  },
  fields: {
    "contrat.": {
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
    },
    "phase.": {
      type: "Type de phase",
      debut: "Début de la phase",
      fin: "Fin de la phase",
      objectifs: "Objectifs",
      bilan: "Bilan",
      bilanLe: "Date du bilan",
    },
  },
};
