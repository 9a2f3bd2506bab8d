"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { retryTransmissionAction } from "@/lib/transmissions/retry-actions";
import { sendNowAction } from "@/lib/transmissions/send-now-actions";
import type { SendNowOutcome } from "@/lib/transmissions/send-now-writes";

type TransferOutcome = { id: string; jeuneId: string; retour: string };

/** One small form on a transfer line: on success the action redirects to the list; a refusal shows next to the button. */
function TransferButton<T extends TransferOutcome>({
  action: serverAction,
  transmissionId,
  retour,
  label,
  text,
  pendingText,
}: {
  action: (prev: FormState<T>, formData: FormData) => Promise<FormState<T>>;
  transmissionId: string;
  retour: string;
  label: string;
  text: string;
  pendingText: string;
}) {
  const [state, action, pending] = useActionState<FormState<T>, FormData>(serverAction, IDLE);
  return (
    <ActionForm action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="transmissionId" value={transmissionId} />
      <input type="hidden" name="retour" value={retour} />
      {state.status === "error" ? <FormFeedback state={state} fields={[]} /> : null}
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={label}>
        {pending ? pendingText : text}
      </Button>
    </ActionForm>
  );
}

/** "Relancer": puts an abandoned or refused transfer back in the queue (a refusal: limitation, already relaunched…). */
export function RetryButton(props: { transmissionId: string; retour: string; label: string }) {
  return <TransferButton action={retryTransmissionAction} text="Relancer" pendingText="Relance…" {...props} />;
}

/** "Envoyer maintenant": a waiting transfer leaves now instead of at the worker's next pass; the list comes back with the outcome. */
export function SendNowButton(props: { transmissionId: string; retour: string; label: string }) {
  return <TransferButton<SendNowOutcome> action={sendNowAction} text="Envoyer maintenant" pendingText="Envoi…" {...props} />;
}
