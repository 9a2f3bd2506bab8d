"use client";

import { useActionState, useEffect, useRef } from "react";
import { IDLE, errorOf, type FormState } from "@/lib/actions/form-state";
import { inviteToEspaceAction } from "@/lib/espace/invitation-actions";
import type { EspaceInvitationResult } from "@/lib/espace/invitation-writes";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** « Inviter dans Mon espace »: the address is the dossier's, shown, never typed here. */
export function EspaceInvitationForm({ jeuneId, email, again }: { jeuneId: string; email: string; again: boolean }) {
  const [state, action, pending] = useActionState<FormState<EspaceInvitationResult>, FormData>(inviteToEspaceAction, IDLE);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);
  const emailError = errorOf(state, "email");
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <div ref={ref} tabIndex={-1} className="outline-none">
        {state.status === "success" ? (
          <Alert tone="success" live="polite">
            {state.message}
          </Alert>
        ) : state.status === "error" ? (
          <Alert tone="error" live="assertive">
            {emailError ?? state.message}
          </Alert>
        ) : null}
      </div>
      <input type="hidden" name="jeuneId" value={jeuneId} />
      <p className="text-sm text-ink-2">
        L&apos;invitation part vers l&apos;adresse du dossier : <strong className="break-all">{email}</strong>
      </p>
      <div>
        <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
          {pending ? "Envoi en cours…" : again ? "Renvoyer l'invitation dans Mon espace" : "Inviter dans Mon espace"}
        </Button>
      </div>
    </ActionForm>
  );
}
