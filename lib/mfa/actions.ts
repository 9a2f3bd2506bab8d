"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { formAction, formDataToObject } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import type { ActionDefinition } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { getPendingSession, getSessionUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { runCodeAttempt } from "./attempt";
import { confirmMfaEnrolment, type RecoveryCodesResult, regenerateRecoveryCodes, resetMfa, useRecoveryCode, verifyMfaCode } from "./writes";

/** The client address as every rate limit reads it (lib/http/client-ip.ts: TRUST_PROXY_HOPS, IPv6 per /64). */
async function requestContext(): Promise<{ ip: string; requestId?: string }> {
  const h = await headers();
  return { ip: clientIp(h), requestId: h.get("x-request-id") ?? undefined };
}

/** Codes are never echoed back: the form comes back empty, with the message next to the field. */
async function attempt<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  formData: FormData,
  user: SessionUser | null,
): Promise<FormState<T> & { status: "success" | "error" }> {
  const result = await runCodeAttempt(def, formDataToObject(formData), user, await requestContext());
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values: {} };
  return { status: "success", message: "", data: result.data };
}

/** The session of the cookie, second factor checked or not: these acts are how it gets checked. */
async function signedInUser(): Promise<SessionUser | null> {
  return (await getPendingSession())?.user ?? null;
}

export async function confirmEnrolmentAction(
  _prev: FormState<RecoveryCodesResult>,
  formData: FormData,
): Promise<FormState<RecoveryCodesResult>> {
  const state = await attempt(confirmMfaEnrolment, formData, await signedInUser());
  if (state.status === "error") return state;
  return {
    ...state,
    message: "La double authentification est activée. Notez vos codes de secours maintenant : ils ne seront plus affichés.",
  };
}

export async function verifyCodeAction(_prev: FormState<{ verified: true }>, formData: FormData): Promise<FormState<{ verified: true }>> {
  const state = await attempt(verifyMfaCode, formData, await signedInUser());
  if (state.status === "error") return state;
  redirect("/");
}

export async function recoveryCodeAction(
  _prev: FormState<{ remaining: number }>,
  formData: FormData,
): Promise<FormState<{ remaining: number }>> {
  const state = await attempt(useRecoveryCode, formData, await signedInUser());
  if (state.status === "error") return state;
  // With few codes left, the account page says so and offers new ones.
  redirect(state.data.remaining <= 3 ? "/compte/double-authentification?codes=bas" : "/");
}

export async function regenerateCodesAction(
  _prev: FormState<RecoveryCodesResult>,
  formData: FormData,
): Promise<FormState<RecoveryCodesResult>> {
  const state = await attempt(regenerateRecoveryCodes, formData, await getSessionUser());
  if (state.status === "error") return state;
  revalidatePath("/compte/double-authentification");
  return { ...state, message: "Vos nouveaux codes de secours sont prêts : les anciens ne marchent plus. Notez-les maintenant." };
}

export const resetMfaAction = formAction(resetMfa, {
  successMessage:
    "La double authentification de ce compte a été réinitialisée et ses sessions fermées. La personne en configurera une nouvelle à sa prochaine connexion.",
});
