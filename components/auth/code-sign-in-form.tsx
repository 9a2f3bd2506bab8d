"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { requestCodeAction, verifyCodeAction } from "@/lib/espace/code-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";

/** A message that takes the focus when it appears (give it the message as `key`), so a screen reader reads it at once. */
function FocusedAlert({ tone, message }: { tone: "error" | "success"; message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      <Alert tone={tone} live={tone === "error" ? "assertive" : "polite"}>
        {message}
      </Alert>
    </div>
  );
}

/**
 * Mon espace sign-in in two steps on one page: the address, then the code. The address travels from the first
 * step to the second inside the page (a hidden field), never in the URL.
 */
export function CodeSignInForm() {
  const [request, requestAction, requesting] = useActionState<FormState<{ email: string }>, FormData>(requestCodeAction, IDLE);
  const [entry, entryAction, entering] = useActionState<FormState<null>, FormData>(verifyCodeAction, IDLE);
  // "Changer d'adresse" sets the answer aside; the next answer (a new object) shows the code step again.
  const [dismissed, setDismissed] = useState<FormState<{ email: string }> | null>(null);
  const email = request.status === "success" && request !== dismissed ? request.data.email : null;

  if (email === null) {
    return (
      <ActionForm action={requestAction} className="flex flex-col gap-6" aria-label="Recevoir un code">
        {request.status === "error" ? <FocusedAlert key={request.message} tone="error" message={request.message} /> : null}
        <TextInput
          name="email"
          label="Votre adresse e-mail"
          type="email"
          autoComplete="email"
          inputMode="email"
          hint="Exemple : prenom.nom@exemple.fr"
          required
          defaultValue={typedValue(request, "email", request.status === "success" ? request.data.email : "")}
          error={errorOf(request, "email")}
        />
        <Button type="submit" variant="primary" disabled={requesting} aria-disabled={requesting}>
          {requesting ? "Envoi en cours…" : "Recevoir un code"}
        </Button>
      </ActionForm>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <FocusedAlert
        key={entry.status === "error" ? entry.message : "sent"}
        tone={entry.status === "error" ? "error" : "success"}
        message={entry.status === "error" ? entry.message : request.status === "success" ? request.message : ""}
      />
      <ActionForm action={entryAction} className="flex flex-col gap-6" aria-label="Entrer le code">
        <input type="hidden" name="email" value={email} />
        <p>
          Adresse : <strong className="break-all">{email}</strong>
        </p>
        <TextInput
          name="code"
          label="Code reçu par e-mail"
          hint="6 chiffres, par exemple 123456"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={12}
          required
          className="max-w-48 text-lg tracking-widest"
          error={errorOf(entry, "code")}
        />
        <Button type="submit" variant="primary" disabled={entering} aria-disabled={entering}>
          {entering ? "Connexion en cours…" : "Me connecter"}
        </Button>
      </ActionForm>
      <div className="flex flex-col gap-2 border-t border-border pt-4">
        <p>Pas de message ? Regardez dans les courriers indésirables (spam).</p>
        <Button type="button" variant="secondary" onClick={() => setDismissed(request)}>
          Changer d&apos;adresse ou recevoir un nouveau code
        </Button>
      </div>
    </div>
  );
}
