"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { relaunchMailAction } from "@/lib/mail/actions";

/** "Relancer": the message goes back to the queue and is tried at once; a refusal shows next to the button. */
export function RelaunchMailButton({ mailId, label }: { mailId: string; label: string }) {
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(relaunchMailAction, IDLE);
  return (
    <ActionForm action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="mailId" value={mailId} />
      {state.status === "error" ? <FormFeedback state={state} fields={[]} /> : null}
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={label}>
        {pending ? "Relance…" : "Relancer"}
      </Button>
    </ActionForm>
  );
}
