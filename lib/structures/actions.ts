"use server";

import { formAction } from "@/lib/actions/form";
import { createAntenne, createStructure, setAntenneActive, setStructureActive, updateAntenne, updateStructure } from "./writes";

export const createStructureAction = formAction(createStructure, {
  successMessage: "La mission locale est créée.",
  redirectTo: (data) => `/admin/structures/${data.id}?creee=1`,
});

export const updateStructureAction = formAction(updateStructure, {
  successMessage: "Les modifications de la mission locale sont enregistrées.",
});

export const setStructureActiveAction = formAction(setStructureActive, {
  successMessage: (data) =>
    data.active
      ? "La mission locale est réactivée."
      : "La mission locale est désactivée. Ses jeunes et son historique restent consultables.",
});

export const createAntenneAction = formAction(createAntenne, {
  successMessage: "L'antenne est ajoutée. Elle est proposée dès maintenant dans les dossiers des jeunes.",
});

export const updateAntenneAction = formAction(updateAntenne, {
  successMessage: "L'antenne est renommée.",
});

export const setAntenneActiveAction = formAction(setAntenneActive, {
  successMessage: (data) =>
    data.active
      ? "L'antenne est réactivée : elle est de nouveau proposée dans les dossiers des jeunes."
      : "L'antenne est désactivée : elle n'est plus proposée pour un nouveau jeune. Les jeunes qu'elle suit la gardent.",
});
