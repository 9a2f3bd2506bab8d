"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { retryTransmissionAction } from "@/lib/transmissions/retry-actions";
import { sendNowAction } from "@/lib/transmissions/send-now-actions";
import type { SendNowOutcome } from "@/lib/transmissions/send-now";

/**
 * "Relancer": puts an abandoned or refused transfer back in the queue. On success the action redirects to
 * the same list with a confirmation; a refusal (limitation, already relaunched…) is shown next to the button.
 */
export function RetryButton({ transmissionId, retour, label }: { transmissionId: string; retour: string; label: string }) {
  const [state, action, pending] = useActionState<FormState<{ id: string; jeuneId: string; retour: string }>, FormData>(retryTransmissionAction, IDLE);
  return (
    <ActionForm action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="transmissionId" value={transmissionId} />
      <input type="hidden" name="retour" value={retour} />
      {state.status === "error" ? <FormFeedback state={state} fields={[]} /> : null}
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={label}>
        {pending ? "Relance…" : "Relancer"}
      </Button>
    </ActionForm>
  );
}

/** "Envoyer maintenant": a waiting transfer leaves now instead of at the worker's next pass; the list comes back with the outcome. */
export function SendNowButton({ transmissionId, retour, label }: { transmissionId: string; retour: string; label: string }) {
  const [state, action, pending] = useActionState<FormState<SendNowOutcome>, FormData>(sendNowAction, IDLE);
  return (
    <ActionForm action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="transmissionId" value={transmissionId} />
      <input type="hidden" name="retour" value={retour} />
      {state.status === "error" ? <FormFeedback state={state} fields={[]} /> : null}
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={label}>
        {pending ? "Envoi…" : "Envoyer maintenant"}
      </Button>
    </ActionForm>
  );
}
