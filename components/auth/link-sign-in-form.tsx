"use client";

import { useActionState, useEffect, useRef } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { signInWithLinkAction } from "@/lib/espace/code-actions";
import { CODE_PATH } from "@/lib/auth/code-paths";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";

export function LinkSignInForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState<null>, FormData>(signInWithLinkAction, IDLE);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") alertRef.current?.focus();
  }, [state]);
  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      {state.status === "error" ? (
        <div ref={alertRef} tabIndex={-1} className="flex flex-col gap-2 outline-none">
          <Alert tone="error" live="assertive">
            {state.message}
          </Alert>
          <TextLink href={CODE_PATH}>Recevoir un nouveau code</TextLink>
        </div>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" variant="primary" disabled={pending} aria-disabled={pending}>
        {pending ? "Connexion en cours…" : "Entrer dans Mon espace"}
      </Button>
    </ActionForm>
  );
}
