"use server";

import { formAction } from "@/lib/actions/form";
import { retryTransmission } from "./retry-writes";

export const retryTransmissionAction = formAction(retryTransmission, {
  successMessage: "La transmission est remise dans la file d'envoi.",
  redirectTo: ({ retour }) => `/transmissions?${retour ? `${retour}&` : ""}relance=ok`,
});
