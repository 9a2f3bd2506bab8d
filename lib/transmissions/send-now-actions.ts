"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formDataToObject } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { getSessionUser } from "@/lib/auth/session";
import { adapterForEnv, webInstanceDelivers } from "./channels";
import { sendNow, type SendNowOutcome } from "./send-now-writes";

/** "Envoyer maintenant" on /transmissions: back to the same list with the outcome in the URL (a status code, no data). */
export async function sendNowAction(_prev: FormState<SendNowOutcome>, formData: FormData): Promise<FormState<SendNowOutcome>> {
  const raw = formDataToObject(formData);
  const user = await getSessionUser();
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  const result = await sendNow(user, raw, adapterForEnv(), { requestId, deliver: webInstanceDelivers() });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values: {} };
  revalidatePath("/transmissions");
  revalidatePath(`/jeunes/${result.data.jeuneId}`);
  const retour = result.data.retour;
  redirect(`/transmissions?${retour ? `${retour}&` : ""}envoi=${result.data.status}`);
}
