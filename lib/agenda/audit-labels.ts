import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts of the agenda (séances, participants), and of the fields they list. */
export const AGENDA_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "agenda.seance_create": "Séance planifiée",
    "agenda.seance_update": "Séance modifiée",
    "agenda.seance_cancel": "Séance annulée",
    "agenda.seance_close": "Séance clôturée",
    "agenda.participant_add": "Inscription à une séance",
    "agenda.participant_remove": "Désinscription d'une séance",
    "agenda.presence": "Présence à une séance notée",
    "agenda.emargement": "Feuille d'émargement téléchargée",
  },
  fields: {
    "agenda.": {
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
    },
  },
};
