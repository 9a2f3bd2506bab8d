"use server";

import { formAction } from "@/lib/actions/form";
import { revealNir } from "./nir-reveal-writes";
import { createJeune, updateJeune } from "./writes";

export const createJeuneAction = formAction(createJeune, {
  successMessage: "Le dossier est créé.",
  redirectTo: ({ id }) => `/jeunes/${id}`,
});

// The dossier page reads ?enregistre=1 to say "Modifications enregistrées" (no personal data in the URL).
export const updateJeuneAction = formAction(updateJeune, {
  successMessage: "Les modifications sont enregistrées.",
  redirectTo: ({ id }) => `/jeunes/${id}?enregistre=1`,
});

export const revealNirAction = formAction(revealNir, {
  successMessage: "Numéro de sécurité sociale affiché. Cet affichage est enregistré dans l'historique du dossier.",
});
