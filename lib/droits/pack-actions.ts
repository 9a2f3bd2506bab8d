"use server";

import { formAction } from "@/lib/actions/form";
import { requestAccessPack, retryAccessPack } from "./pack-writes";

export const requestAccessPackAction = formAction(requestAccessPack, {
  successMessage: (d) => `C'est demandé (demande n° ${d.numero}). Votre dossier se prépare.`,
});

export const retryAccessPackAction = formAction(retryAccessPack, { successMessage: "La préparation recommence." });
