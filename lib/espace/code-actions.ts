"use server";

import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { getDb } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { formatTime } from "@/lib/format/fr";
import { appOrigin } from "@/lib/http/origin";
import { signIn } from "@/lib/auth/auth";
import { codeEntrySchema, peekSignInLink } from "@/lib/auth/code-sign-in";
import { requestCode } from "./code-request";

const ESPACE_HOME = "/mon-espace";

/** The same words for every address: whether it has an account is never told. */
const CODE_SENT = "Si cette adresse est connue, un code à 6 chiffres vient de vous être envoyé par e-mail. Il marche 10 minutes.";

function lockedMessage(until: Date): string {
  return `Trop d'essais avec un code faux. Pour vous protéger, cette adresse est bloquée pendant 15 minutes. Vous pourrez réessayer à ${formatTime(until)}.`;
}

function limitedMessage(until: Date): string {
  return `Trop de demandes de code. Pour vous protéger, attendez un peu. Vous pourrez réessayer à ${formatTime(until)}.`;
}

const WRONG_CODE =
  "Ce code ne marche pas. Il est peut-être faux, déjà utilisé ou trop vieux (plus de 10 minutes). Vérifiez les chiffres ou demandez un nouveau code.";

const UNAVAILABLE = "La connexion n'a pas marché. Réessayez dans un instant.";

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Step 1: "Recevoir un code". Success carries the address to the code step (in the page, never in the URL). */
export async function requestCodeAction(_prev: FormState<{ email: string }>, formData: FormData): Promise<FormState<{ email: string }>> {
  const email = text(formData, "email");
  const result = await requestCode(await getDb(), { email }, { headers: await headers(), origin: await appOrigin() });
  if (result.ok) return { status: "success", message: CODE_SENT, data: { email: email.trim().toLowerCase() } };
  if (result.reason === "invalid_input") {
    return { status: "error", message: "L'adresse e-mail n'est pas bonne.", fieldErrors: result.fieldErrors, values: { email } };
  }
  const message = result.reason === "locked" ? lockedMessage(result.until) : limitedMessage(result.until);
  return { status: "error", message, fieldErrors: {}, values: { email } };
}

function failureMessage(error: unknown): string | null {
  if (error instanceof CredentialsSignin) {
    const code = error.code ?? "invalid";
    if (code.startsWith("locked:")) return lockedMessage(new Date(code.slice(7)));
    if (code.startsWith("limited:")) return limitedMessage(new Date(code.slice(8)));
    return WRONG_CODE;
  }
  if (error instanceof AuthError) return UNAVAILABLE;
  return null;
}

/** Step 2: "Me connecter" with the code typed. */
export async function verifyCodeAction(_prev: FormState<null>, formData: FormData): Promise<FormState<null>> {
  const email = text(formData, "email");
  const parsed = codeEntrySchema.safeParse({ email, code: text(formData, "code") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "code")] ??= []).push(issue.message);
    return { status: "error", message: "Le code n'est pas bon.", fieldErrors, values: { email } };
  }
  try {
    await signIn("code", { ...parsed.data, redirectTo: ESPACE_HOME });
    return { status: "success", message: "Vous êtes connecté.", data: null };
  } catch (error) {
    const message = failureMessage(error);
    if (message === null) throw error; // Next's redirect after a successful sign-in
    return { status: "error", message, fieldErrors: {}, values: { email } };
  }
}

/** The link of the e-mail: signs in once the person presses the button (a mail scanner's visit uses nothing). */
export async function signInWithLinkAction(_prev: FormState<null>, formData: FormData): Promise<FormState<null>> {
  const token = text(formData, "token");
  const link = await peekSignInLink(await getDb(), token);
  const redirectTo = link?.purpose === "invitation" ? `${ESPACE_HOME}?bienvenue=1` : ESPACE_HOME;
  try {
    await signIn("code", { token, redirectTo });
    return { status: "success", message: "Vous êtes connecté.", data: null };
  } catch (error) {
    const message = failureMessage(error);
    if (message === null) throw error;
    return { status: "error", message: error instanceof CredentialsSignin ? LINK_INVALID : message, fieldErrors: {}, values: {} };
  }
}

const LINK_INVALID = "Ce lien ne marche plus. Il a peut-être déjà servi, ou il est trop vieux. Demandez un code avec votre adresse e-mail.";
