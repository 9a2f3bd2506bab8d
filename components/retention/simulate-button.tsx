"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { simulatePurgeAction } from "@/lib/retention/actions";

/** « Simuler une purge »: starts a dry run, then opens its page, which follows its progress. */
export function SimulateButton({ disabled }: { disabled: boolean }) {
  const [state, action, pending] = useActionState<FormState<{ runId: string }>, FormData>(simulatePurgeAction, IDLE);
  return (
    <ActionForm action={action} className="flex flex-col items-start gap-2">
      {state.status === "error" ? <FormFeedback state={state} fields={[]} /> : null}
      <Button type="submit" variant="primary" disabled={pending || disabled} aria-describedby="simulation-aide">
        {pending ? "Lancement…" : "Simuler une purge"}
      </Button>
      <p id="simulation-aide" className="max-w-xs text-sm text-ink-2">
        {disabled
          ? "Un passage est en cours : attendez qu'il se termine."
          : "Liste ce qui serait anonymisé ou supprimé, sans rien modifier."}
      </p>
    </ActionForm>
  );
}
