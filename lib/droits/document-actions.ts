"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { runAction } from "@/lib/actions/run";
import { getSessionUser } from "@/lib/auth/session";
import { MAX_DOCUMENT_BYTES } from "./document-rules";
import { type SentDocument, sendDemandeDocument } from "./document-writes";

/**
 * The upload form's server action. `formAction` keeps only text fields, so this binding reads the file itself:
 * the bytes are read only when the size is within the limit (a larger file is refused by the schema without
 * being copied), then the definition runs through `runAction` like every write.
 */
export async function sendDemandeDocumentAction(_prev: FormState<SentDocument>, formData: FormData): Promise<FormState<SentDocument>> {
  const demandeId = formData.get("demandeId");
  const entry = formData.get("document");
  const document =
    entry instanceof File && entry.size > 0
      ? {
          name: entry.name,
          size: entry.size,
          bytes: entry.size > MAX_DOCUMENT_BYTES ? new Uint8Array(0) : new Uint8Array(await entry.arrayBuffer()),
        }
      : undefined;
  const user = await getSessionUser();
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  const result = await runAction(sendDemandeDocument, { demandeId, document }, user, { requestId });
  const values = { demandeId: typeof demandeId === "string" ? demandeId : "" };
  if (!result.ok) {
    const { message, fieldErrors, details } = result;
    return { status: "error", message, fieldErrors, ...(details && { details }), values };
  }
  revalidatePath("/mon-espace");
  return { status: "success", message: `Votre document est envoyé : ${result.data.filename}.`, data: result.data };
}
