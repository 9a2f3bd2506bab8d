"use server";

import { formAction } from "@/lib/actions/form";
import { inviteToEspace } from "./invitation-writes";

export const inviteToEspaceAction = formAction(inviteToEspace, {
  successMessage: ({ email }) => `L'invitation part vers ${email}. Elle contient un lien valable 72 heures.`,
});
