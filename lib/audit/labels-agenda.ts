/** French wording of the audited acts of this feature (merged into AUDIT_ACTION_LABELS). */
export const AGENDA_AUDIT_LABELS: Record<string, string> = {
  "agenda.seance_create": "Séance planifiée",
  "agenda.seance_update": "Séance modifiée",
  "agenda.seance_cancel": "Séance annulée",
  "agenda.seance_close": "Séance clôturée",
  "agenda.participant_add": "Inscription à une séance",
  "agenda.participant_remove": "Désinscription d'une séance",
  "agenda.presence": "Présence à une séance notée",
  "agenda.emargement": "Feuille d'émargement téléchargée",
};
