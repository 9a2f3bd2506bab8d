"use client";

import { useActionState, useEffect, useRef } from "react";
import { signInAction } from "@/lib/auth/actions";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";

export function SignInForm({ retour }: { retour?: string }) {
  const [state, action, pending] = useActionState<FormState<null>, FormData>(signInAction, IDLE);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status === "error") alertRef.current?.focus();
  }, [state]);

  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      {state.status === "error" ? (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <Alert tone="error" live="assertive">
            {state.message}
          </Alert>
        </div>
      ) : null}
      <input type="hidden" name="retour" value={retour ?? "/"} />
      <TextInput
        name="email"
        label="Adresse e-mail"
        type="email"
        autoComplete="username"
        inputMode="email"
        hint="Format attendu : nom@exemple.fr"
        required
        defaultValue={typedValue(state, "email")}
        error={errorOf(state, "email")}
      />
      <TextInput
        name="password"
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        required
        error={errorOf(state, "password")}
      />
      <Button type="submit" variant="primary" disabled={pending} aria-disabled={pending}>
        {pending ? "Connexion en cours…" : "Se connecter"}
      </Button>
    </ActionForm>
  );
}
