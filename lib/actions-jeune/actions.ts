"use server";

import { formAction } from "@/lib/actions/form";
import { bulkQualifyActions, changeActionStatut, closeAction, createAction, editAction, qualifyAction, type ActionWriteResult } from "./write";

export const createActionAction = formAction(createAction, {
  successMessage: "",
  redirectTo: (d) => `/jeunes/${d.jeuneId}?onglet=actions&enregistre=action`,
});

// On the action's page a step changes which forms show: the confirmation lives on the page (?fait=…).
const step = (fait: string) => ({ successMessage: "", redirectTo: (d: ActionWriteResult) => `/jeunes/${d.jeuneId}/actions/${d.id}?fait=${fait}` });

export const editActionAction = formAction(editAction, step("modification"));

export const changeActionStatutAction = formAction(changeActionStatut, step("statut"));

export const closeActionAction = formAction(closeAction, step("cloture"));

export const qualifyActionAction = formAction(qualifyAction, step("qualification"));

export const bulkQualifyActionsAction = formAction(bulkQualifyActions, {
  successMessage: (d) => (d.ids.length > 1 ? `${d.ids.length} actions sont qualifiées : leurs heures comptent comme validées.` : "L'action est qualifiée : ses heures comptent comme validées."),
});
