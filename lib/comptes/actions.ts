"use server";

import { formAction } from "@/lib/actions/form";
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
