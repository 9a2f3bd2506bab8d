"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, controlClasses } from "@/components/ui/field";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, errorOf, type FormState } from "@/lib/actions/form-state";
import { sendDemandeDocumentAction } from "@/lib/droits/document-actions";
import { DOCUMENT_MESSAGES, MAX_DOCUMENT_BYTES } from "@/lib/droits/document-rules";
import type { SentDocument } from "@/lib/droits/document-writes";

/**
 * The young person sends the document the DPO asked for (FALC). The server checks everything again (type from
 * the bytes, size); the size is also checked here so a file too heavy is never sent over a phone connection.
 */
export function DocumentUploadForm({ demandeId, numero }: { demandeId: string; numero: string }) {
  const [state, action, pending] = useActionState<FormState<SentDocument>, FormData>(sendDemandeDocumentAction, IDLE);
  const [localError, setLocalError] = useState<string | null>(null);
  const id = `document-${numero}`;
  const error = localError ?? errorOf(state, "document");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const file = formData.get("document");
    if (!(file instanceof File) || file.size === 0) return setLocalError(DOCUMENT_MESSAGES.missing);
    if (file.size > MAX_DOCUMENT_BYTES) return setLocalError(DOCUMENT_MESSAGES.tooBig);
    setLocalError(null);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={onSubmit} noValidate encType="multipart/form-data" className="mt-3 flex flex-col gap-3">
      {localError ? null : <FormFeedback state={state} fields={["document"]} idFor={() => id} summaryId={`${id}-resume`} />}
      <input type="hidden" name="demandeId" value={demandeId} />
      <Field id={id} label="Votre document" hint="Un fichier PDF, ou une photo JPEG ou PNG. 5 Mo au plus." error={error}>
        {(control) => (
          <input
            {...control}
            type="file"
            name="document"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            className={controlClasses(Boolean(error), "file:mr-3 file:rounded-sm file:border-0 file:bg-alt file:px-3 file:py-1")}
            onChange={() => setLocalError(null)}
          />
        )}
      </Field>
      <div>
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? "Envoi en cours…" : "Envoyer le document"}
        </Button>
      </div>
    </form>
  );
}
