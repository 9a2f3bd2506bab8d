import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on a young person's file (its fields are named by JEUNE_FIELD_LABELS). */
export const JEUNES_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "jeune.reaffectation": "Réaffectation",
    "jeune.archive": "Archivage du dossier",
    "jeune.restore": "Restauration du dossier",
    "jeune.anonymise": "Anonymisation (fin de la durée de conservation)",
    "jeune.consultation": "Consultation d'un dossier",
    "jeune.create": "Création d'un dossier",
    "jeune.update": "Modification d'un dossier",
    "jeune.nir_reveal": "Affichage du numéro de sécurité sociale",
    "jeune.break_glass": "Motif donné pour ouvrir le dossier hors portefeuille",
  },
};
