"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { requestAccessPackAction, retryAccessPackAction } from "@/lib/droits/pack-actions";

/** One button: ask for the pack, or start a failed preparation again. The page shows the new state once the act is done. */
export function PackButton({ retry = false, again = false }: { retry?: boolean; again?: boolean }) {
  const [state, action, pending] = useActionState<FormState<unknown>, FormData>(
    (retry ? retryAccessPackAction : requestAccessPackAction) as (s: FormState<unknown>, f: FormData) => Promise<FormState<unknown>>,
    IDLE,
  );
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {state.status === "error" ? <FormFeedback state={state} fields={[]} summaryId={retry ? "relance-erreur" : "pack-erreur"} /> : null}
      <div>
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? "Un instant…" : retry ? "Réessayer" : again ? "Demander un nouveau dossier" : "Demander mon dossier"}
        </Button>
      </div>
    </ActionForm>
  );
}
