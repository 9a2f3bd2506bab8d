"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { formatTime } from "@/lib/format/fr";
import { logger } from "@/lib/log/logger";
import { signIn, signOut } from "./auth";
import { OIDC_PROVIDER_ID, oidcSettings } from "./oidc";

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Saisissez votre adresse e-mail.")
    .max(254, "Cette adresse est trop longue.")
    .email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(256, "Ce mot de passe est trop long."),
});

/** Only a path of this site: never an absolute URL (open redirect). */
function safeReturnPath(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

export async function signInAction(_prev: FormState<null>, formData: FormData): Promise<FormState<null>> {
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")) : "";
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { status: "error", message: "Le formulaire contient des erreurs.", fieldErrors, values: { email } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(formData.get("retour")) });
    return { status: "success", message: "Connexion réussie.", data: null };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = error.code ?? "invalid";
      const message = code.startsWith("locked:")
        ? `Trop de tentatives de connexion. Par sécurité, la connexion avec cette adresse est bloquée jusqu'à ${formatTime(new Date(code.slice(7)))}. Réessayez ensuite ou contactez votre administrateur.`
        : code.startsWith("limited:")
          ? `Trop de tentatives de connexion depuis votre réseau. Par sécurité, la connexion est suspendue jusqu'à ${formatTime(new Date(code.slice(8)))}. Réessayez ensuite ou contactez votre administrateur.`
          : "Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie et réessayez.";
      return { status: "error", message, fieldErrors: {}, values: { email } };
    }
    if (error instanceof AuthError) {
      return {
        status: "error",
        message: "La connexion n'a pas pu aboutir. Réessayez dans un instant.",
        fieldErrors: {},
        values: { email },
      };
    }
    throw error; // Next's redirect after a successful sign-in
  }
}

/** Sends the browser to the identity provider (single sign-on); an unreachable provider comes back as a French message. */
export async function signInWithOidcAction(formData: FormData): Promise<void> {
  if (!oidcSettings()) redirect("/connexion");
  try {
    await signIn(OIDC_PROVIDER_ID, { redirectTo: safeReturnPath(formData.get("retour")) });
  } catch (error) {
    unstable_rethrow(error); // Next's redirect to the provider
    logger.warn({ err: { type: error instanceof Error ? error.name : "unknown" } }, "single sign-on unavailable");
    redirect("/connexion?erreur=sso_indisponible");
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/connexion" });
}
