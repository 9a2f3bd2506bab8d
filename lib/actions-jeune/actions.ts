"use server";

import { formAction } from "@/lib/actions/form";
import { bulkQualifyActions, changeActionStatut, closeAction, createAction, editAction, qualifyAction } from "./write";

export const createActionAction = formAction(createAction, {
  successMessage: "",
  redirectTo: (d) => `/jeunes/${d.jeuneId}?onglet=actions&enregistre=action`,
});

export const editActionAction = formAction(editAction, { successMessage: "Les modifications de l'action sont enregistrées." });

export const changeActionStatutAction = formAction(changeActionStatut, { successMessage: "Le statut de l'action est enregistré." });

export const closeActionAction = formAction(closeAction, { successMessage: "L'action est terminée. Vous pouvez maintenant la qualifier." });

export const qualifyActionAction = formAction(qualifyAction, { successMessage: "L'action est qualifiée : ses heures comptent comme validées." });

export const bulkQualifyActionsAction = formAction(bulkQualifyActions, {
  successMessage: (d) => (d.ids.length > 1 ? `${d.ids.length} actions sont qualifiées : leurs heures comptent comme validées.` : "L'action est qualifiée : ses heures comptent comme validées."),
});
