"use server";

import { formAction } from "@/lib/actions/form";
import { addParticipant, recordAttendance, removeParticipant } from "./participation-writes";
import { cancelSeance, closeSeance, createSeance, updateSeance } from "./seance-writes";

// Each step changes what the séance page shows: the confirmation lives on the page (?fait=…), not in a form that disappears.
export const createSeanceAction = formAction(createSeance, { successMessage: "", redirectTo: (d) => `/agenda/${d.id}?fait=creee` });
export const updateSeanceAction = formAction(updateSeance, { successMessage: "", redirectTo: (d) => `/agenda/${d.id}?fait=modifiee` });
export const cancelSeanceAction = formAction(cancelSeance, { successMessage: "", redirectTo: (d) => `/agenda/${d.id}?fait=annulee` });
export const closeSeanceAction = formAction(closeSeance, { successMessage: "", redirectTo: (d) => `/agenda/${d.id}?fait=cloturee` });
export const addParticipantAction = formAction(addParticipant, { successMessage: "Le jeune est inscrit à la séance." });
export const removeParticipantAction = formAction(removeParticipant, {
  successMessage: "",
  redirectTo: (d) => `/agenda/${d.seanceId}?fait=retire`,
});
export const recordAttendanceAction = formAction(recordAttendance, {
  successMessage: (d) =>
    d.changed === 0
      ? "Aucun changement : les présences étaient déjà à jour."
      : `Les présences sont enregistrées (${d.changed} ligne${d.changed! > 1 ? "s" : ""} modifiée${d.changed! > 1 ? "s" : ""}).${
          d.sanctionsProposees && d.sanctionsProposees.length > 0
            ? " Une proposition de sanction a été créée après des absences non excusées répétées."
            : ""
        }`,
});
