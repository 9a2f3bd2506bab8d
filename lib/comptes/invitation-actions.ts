"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { runAction } from "@/lib/actions/run";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { toSessionUser } from "@/lib/auth/session-user";
import { formatTime } from "@/lib/format/fr";
import { clientIp } from "@/lib/http/client-ip";
import { acceptInvitation, inviteCompte, resendInvitation, revokeInvitation } from "./invitation-writes";
import { INVALID_LINK, findInvitation } from "./invitations";
import { COMPTES_PATH } from "./params";

export const inviteCompteAction = formAction(inviteCompte, {
  successMessage: "Le compte est créé et l'invitation part par e-mail.",
  redirectTo: (data) => `${COMPTES_PATH}/${data.id}`,
});

export const resendInvitationAction = formAction(resendInvitation, {
  successMessage: "Une nouvelle invitation part par e-mail. Le lien précédent ne fonctionne plus.",
});

export const revokeInvitationAction = formAction(revokeInvitation, {
  successMessage: "L'invitation est révoquée : son lien ne fonctionne plus.",
});

/** Where the person lands once the password is chosen (the sign-in page shows the confirmation). */
const PASSWORD_SET_PATH = "/connexion?mot-de-passe=enregistre";

/**
 * The public form of the invitation link. No session: the token identifies the account, and the act then
 * runs through runAction as that account. Nothing typed is echoed back (passwords), the token never logged.
 */
export async function acceptInvitationAction(_prev: FormState<null>, formData: FormData): Promise<FormState<null>> {
  const h = await headers();
  const db = await getDb();
  const fail = (message: string, fieldErrors: Record<string, string[]> = {}): FormState<null> => ({
    status: "error",
    message,
    fieldErrors,
    values: {},
  });
  const limit = await hitRateLimit(db, "password:ip", clientIp(h));
  if (!limit.ok) return fail(`Trop de tentatives depuis votre connexion. Réessayez à partir de ${formatTime(limit.retryAt)}.`);

  const token = formData.get("token");
  const found = typeof token === "string" ? await findInvitation(db, token) : null;
  if (!found) return fail(INVALID_LINK);
  const raw = { token, password: formData.get("password") ?? "", confirmation: formData.get("confirmation") ?? "" };
  const result = await runAction(acceptInvitation, raw, toSessionUser(found.user, found.structureName), {
    requestId: h.get("x-request-id") ?? undefined,
  });
  if (!result.ok) return fail(result.message, result.fieldErrors);
  redirect(PASSWORD_SET_PATH);
}
