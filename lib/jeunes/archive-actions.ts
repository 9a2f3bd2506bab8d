"use server";

import { formAction } from "@/lib/actions/form";
import { archiveJeune, restoreJeune } from "./archive-writes";

export const archiveAction = formAction(archiveJeune, {
  successMessage: "Le dossier est archivé.",
  redirectTo: ({ id }) => `/jeunes/${id}/archivage`,
});

export const restoreAction = formAction(restoreJeune, {
  successMessage: "Le dossier est de nouveau actif.",
  redirectTo: ({ id }) => `/jeunes/${id}/archivage`,
});
