"use server";

import { formAction } from "@/lib/actions/form";
import {
  bulkQualifyActions,
  changeActionStatut,
  closeAction,
  createAction,
  editAction,
  qualifyAction,
  type ActionWriteResult,
} from "./writes";

export const createActionAction = formAction(createAction, {
  successMessage: "",
  redirectTo: (d) => `/jeunes/${d.jeuneId}?onglet=actions&enregistre=action`,
});

// On the action's page a step changes which forms show: the confirmation lives on the page (?fait=…).
const step = (fait: string) => ({
  successMessage: "",
  redirectTo: (d: ActionWriteResult) => `/jeunes/${d.jeuneId}/actions/${d.id}?fait=${fait}`,
});

export const editActionAction = formAction(editAction, step("modification"));

export const changeActionStatutAction = formAction(changeActionStatut, step("statut"));

export const closeActionAction = formAction(closeAction, step("cloture"));

export const qualifyActionAction = formAction(qualifyAction, step("qualification"));

// The bulk form leaves the page once nothing is left to qualify: the confirmation lives on the tab (?qualifiees=n).
export const bulkQualifyActionsAction = formAction(bulkQualifyActions, {
  successMessage: "",
  redirectTo: (d) => `/jeunes/${d.jeuneId}?onglet=actions&qualifiees=${d.ids.length}`,
});
