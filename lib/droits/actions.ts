"use server";

import { formAction } from "@/lib/actions/form";
import { formatDate } from "@/lib/format/fr";
import { recordDeskDemande, recordDpoDemande } from "./intake";
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
} from "./transitions";

export const recordDeskDemandeAction = formAction(recordDeskDemande, {
  successMessage: (d) => `La demande n° ${d.numero} est enregistrée. Réponse au plus tard le ${formatDate(d.echeance)}.`,
});

export const recordDpoDemandeAction = formAction(recordDpoDemande, {
  successMessage: "La demande est enregistrée.",
  redirectTo: (d) => `/droits/${d.id}?etape=enregistree${d.mailed ? "&envoye=1" : ""}`,
});

// A step changes which forms the page shows: the confirmation lives on the page (?etape=…), not in a form that disappears.
const step = (etape: Etape) => ({
  successMessage: "",
  redirectTo: (d: TransitionResult) => `/droits/${d.id}?etape=${etape}${d.mailed ? "&envoye=1" : ""}`,
});

export const askIdentityComplementAction = formAction(askIdentityComplement, step("complement_demande"));
export const recordIdentityComplementAction = formAction(recordIdentityComplement, step("complement_recu"));
export const verifyIdentityAction = formAction(verifyIdentity, step("identite_verifiee"));
export const extendDeadlineAction = formAction(extendDeadline, step("prolongee"));
export const respondToDemandeAction = formAction(respondToDemande, step("repondue"));
export const closeDemandeAction = formAction(closeDemande, step("close"));
export const applyLimitationAction = formAction(applyLimitation, step("limitation_appliquee"));
export const liftLimitationAction = formAction(liftLimitation, step("limitation_levee"));
