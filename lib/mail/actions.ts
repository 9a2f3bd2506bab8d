"use server";

import { formAction } from "@/lib/actions/form";
import { relaunchMail } from "./writes";

export const relaunchMailAction = formAction(relaunchMail, {
  successMessage: "Le courriel est remis dans la file d'envoi.",
  redirectTo: () => "/transmissions?courriel=relance",
});
