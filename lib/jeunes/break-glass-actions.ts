"use server";

import { formAction } from "@/lib/actions/form";
import { giveConsultationReason } from "@/lib/dossier/break-glass-writes";
import { dossierHref } from "@/lib/consultations/onglets";

export const giveConsultationReasonAction = formAction(giveConsultationReason, {
  successMessage: "Votre motif est enregistré.",
  redirectTo: (data) => dossierHref(data.jeuneId, data.onglet),
});
