"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { addMembership, removeMembership } from "./membership-writes";
import { type SwitchResult, switchStructure } from "./structure-switch-writes";
import { changeCompteRole, deactivateCompte, moveCompte, reactivateCompte } from "./writes";

export const changeCompteRoleAction = formAction(changeCompteRole, {
  successMessage: "Le rôle a été changé. Les sessions ouvertes de ce compte ont été fermées.",
});
export const moveCompteAction = formAction(moveCompte, { successMessage: "Le rattachement du compte a été enregistré." });
export const deactivateCompteAction = formAction(deactivateCompte, {
  successMessage: "Le compte a été désactivé. Ses sessions ouvertes ont été fermées.",
});
export const reactivateCompteAction = formAction(reactivateCompte, {
  successMessage: "Le compte a été réactivé. La personne doit se reconnecter.",
});
export const addMembershipAction = formAction(addMembership, { successMessage: "La mission locale a été ajoutée à ce compte." });
export const removeMembershipAction = formAction(removeMembership, {
  successMessage: (r) =>
    r.sessionsClosed > 0
      ? "La mission locale a été retirée de ce compte. Les sessions qui y travaillaient ont été fermées."
      : "La mission locale a été retirée de ce compte.",
});
const switchStructureForm = formAction(switchStructure, { successMessage: "Vous travaillez maintenant pour cette mission locale." });

/** Every page and layout shows the structure (the header first): all of them are rendered again, then the role's home. */
export async function switchStructureAction(prev: FormState<SwitchResult>, formData: FormData): Promise<FormState<SwitchResult>> {
  const state = await switchStructureForm(prev, formData);
  if (state.status !== "success") return state;
  revalidatePath("/", "layout");
  redirect(state.data.home);
}
