"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, errorOf, type FormState } from "@/lib/actions/form-state";
import { acceptInvitationAction } from "@/lib/comptes/invitation-actions";

const FIELDS = ["password", "confirmation"] as const;

/**
 * « Choisir mon mot de passe »: the password twice, shown or hidden on demand. The form is never reset
 * (ActionForm), so a refused password stays in its box to be corrected; nothing typed comes back from the server.
 */
export function PasswordChoiceForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState<null>, FormData>(acceptInvitationAction, IDLE);
  const [visible, setVisible] = useState(false);
  const type = visible ? "text" : "password";
  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <input type="hidden" name="token" value={token} />
      <FormFeedback state={state} fields={FIELDS} />
      <p>
        Votre identifiant de connexion : <strong className="break-all">{email}</strong>
      </p>
      {/* Lets password managers store the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextInput
        name="password"
        type={type}
        label="Nouveau mot de passe"
        required
        autoComplete="new-password"
        spellCheck={false}
        autoCapitalize="off"
        error={errorOf(state, "password")}
      />
      <TextInput
        name="confirmation"
        type={type}
        label="Confirmez le mot de passe"
        required
        autoComplete="new-password"
        spellCheck={false}
        autoCapitalize="off"
        error={errorOf(state, "confirmation")}
      />
      <div className="flex items-center gap-3">
        <input
          id="afficher-mot-de-passe"
          type="checkbox"
          checked={visible}
          onChange={(e) => setVisible(e.target.checked)}
          className="size-6 shrink-0 accent-primary"
        />
        <label htmlFor="afficher-mot-de-passe">Afficher le mot de passe</label>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer mon mot de passe"}
        </Button>
      </div>
    </ActionForm>
  );
}
