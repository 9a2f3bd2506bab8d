"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { runAction } from "@/lib/actions/run";
import { signOut } from "@/lib/auth/auth";
import { getSessionUser } from "@/lib/auth/session";
import { sessionsCount } from "./labels";
import { type ClosedSessions, closeOtherSessions, revokeAccountSessions, revokeOwnSession, signOutEverywhere } from "./writes";

export const revokeOwnSessionAction = formAction(revokeOwnSession, {
  successMessage: "La session a été fermée. Cet appareil devra se reconnecter.",
});

export const closeOtherSessionsAction = formAction(closeOtherSessions, {
  successMessage: ({ closed }) =>
    closed === 0 ? "Aucun autre appareil n'était connecté." : `Les autres appareils ont été déconnectés (${sessionsCount(closed)}).`,
});

export const revokeAccountSessionsAction = formAction(revokeAccountSessions, {
  successMessage: ({ closed }) =>
    closed === 0
      ? "Ce compte n'avait aucune session ouverte."
      : `${sessionsCount(closed)} fermée${closed > 1 ? "s" : ""} : la personne devra se reconnecter.`,
});

/** Closes every session of the caller, this one included, then clears this browser's cookie. */
export async function signOutEverywhereAction(_prev: FormState<ClosedSessions>, _formData: FormData): Promise<FormState<ClosedSessions>> {
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  const result = await runAction(signOutEverywhere, {}, await getSessionUser(), { requestId });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values: {} };
  await signOut({ redirectTo: "/connexion?session=partout" });
  return { status: "success", message: "Vous êtes déconnecté de tous vos appareils.", data: result.data };
}
