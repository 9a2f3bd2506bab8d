"use server";

import { formAction } from "@/lib/actions/form";
import { endContrat, modifyContrat, signContrat, switchContrat, type ContratResult } from "./contrat-writes";
import { addPhase, editPhase, recordBilan, type PhaseResult } from "./phase-writes";
import type { ParcoursConfirmation } from "./confirmations";

// Success goes back to the dossier's Parcours tab, which shows the confirmation (?parcours=…, no personal data).
const back = (confirmation: ParcoursConfirmation) => ({
  successMessage: "",
  redirectTo: (d: ContratResult | PhaseResult) => `/jeunes/${d.jeuneId}?onglet=parcours&parcours=${confirmation}#contrats`,
});

export const signContratAction = formAction(signContrat, back("contrat-signe"));
export const modifyContratAction = formAction(modifyContrat, back("contrat-modifie"));
export const endContratAction = formAction(endContrat, back("contrat-termine"));
export const switchContratAction = formAction(switchContrat, back("dispositif-change"));
export const addPhaseAction = formAction(addPhase, back("phase-ajoutee"));
export const editPhaseAction = formAction(editPhase, back("phase-modifiee"));
export const recordBilanAction = formAction(recordBilan, back("bilan-enregistre"));
