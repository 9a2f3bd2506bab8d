"use server";

import { formAction } from "@/lib/actions/form";
import { formatDate } from "@/lib/format/fr";
import { createDemandeFromEspace, recordDeskDemande, recordDpoDemande } from "./intake-writes";
import { applyRectification, decideErasure, forwardToFranceTravail, recordFranceTravailAnswer } from "./traitement-writes";
import type { Etape } from "./etapes";
import {
  applyLimitation,
  askIdentityComplement,
  closeDemande,
  extendDeadline,
  liftLimitation,
  recordIdentityComplement,
  respondToDemande,
  verifyIdentity,
  type TransitionResult,
} from "./transition-writes";

export const recordDeskDemandeAction = formAction(recordDeskDemande, {
  successMessage: (d) => `La demande n° ${d.numero} est enregistrée. Réponse au plus tard le ${formatDate(d.echeance)}.`,
});

export const recordDpoDemandeAction = formAction(recordDpoDemande, {
  successMessage: "La demande est enregistrée.",
  redirectTo: (d) => `/droits/${d.id}?etape=enregistree${d.mailed ? "&envoye=1" : ""}`,
});

export const createDemandeFromEspaceAction = formAction(createDemandeFromEspace, {
  successMessage: (d) => `Votre demande n° ${d.numero} est envoyée. Nous vous répondrons au plus tard le ${formatDate(d.echeance)}.`,
});

// A step changes which forms the page shows: the confirmation lives on the page (?etape=…), not in a form that disappears.
const step = (etape: Etape) => ({
  successMessage: "",
  redirectTo: (d: TransitionResult & { transmissions?: number }) =>
    `/droits/${d.id}?etape=${etape}${d.mailed ? "&envoye=1" : ""}${d.transmissions !== undefined ? `&transmissions=${d.transmissions}` : ""}`,
});

export const askIdentityComplementAction = formAction(askIdentityComplement, step("complement_demande"));
export const recordIdentityComplementAction = formAction(recordIdentityComplement, step("complement_recu"));
export const verifyIdentityAction = formAction(verifyIdentity, step("identite_verifiee"));
export const extendDeadlineAction = formAction(extendDeadline, step("prolongee"));
export const respondToDemandeAction = formAction(respondToDemande, step("repondue"));
export const closeDemandeAction = formAction(closeDemande, step("close"));
export const applyLimitationAction = formAction(applyLimitation, step("limitation_appliquee"));
export const liftLimitationAction = formAction(liftLimitation, step("limitation_levee"));
export const applyRectificationAction = formAction(applyRectification, step("rectification_appliquee"));
export const decideErasureAction = formAction(decideErasure, step("repondue"));
export const forwardToFranceTravailAction = formAction(forwardToFranceTravail, step("transmise_ft"));
export const recordFranceTravailAnswerAction = formAction(recordFranceTravailAnswer, step("reponse_ft"));
