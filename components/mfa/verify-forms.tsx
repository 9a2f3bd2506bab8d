"use client";

import { useActionState } from "react";
import { FeedbackForm } from "@/components/ui/form-section";
import { TextInput } from "@/components/ui/field";
import { errorOf, IDLE, type FormState } from "@/lib/actions/form-state";
import { recoveryCodeAction, verifyCodeAction } from "@/lib/mfa/actions";
import { TotpCodeField } from "./code-field";

/** The code of the app; below, a recovery code for a lost or flat phone. Success opens the account's home. */
export function VerifyForms() {
  const [state, action, pending] = useActionState<FormState<{ verified: true }>, FormData>(verifyCodeAction, IDLE);
  const [recovery, recoveryAction, recoveryPending] = useActionState<FormState<{ remaining: number }>, FormData>(recoveryCodeAction, IDLE);
  return (
    <div className="flex flex-col gap-8">
      <FeedbackForm
        action={action}
        state={state}
        pending={pending}
        fields={["code"]}
        hidden={{}}
        submit="Valider le code"
        idFor={(name) => `verification-${name}`}
        summaryId="verification-erreurs"
        className="flex flex-col gap-4"
      >
        <TotpCodeField id="verification-code" error={errorOf(state, "code")} />
      </FeedbackForm>

      <details className="rounded-sm border border-border p-4 sm:p-6" open={recovery.status === "error"}>
        <summary className="cursor-pointer font-bold text-primary">
          Vous n&apos;avez pas votre téléphone ? Utilisez un code de secours
        </summary>
        <div className="mt-4 flex flex-col gap-4">
          <p className="text-ink-2">
            Saisissez un des dix codes de secours reçus à l&apos;activation. Chaque code ne marche qu&apos;une fois. Plus de codes ? Votre
            administrateur peut réinitialiser votre double authentification.
          </p>
          <FeedbackForm
            action={recoveryAction}
            state={recovery}
            pending={recoveryPending}
            fields={["recoveryCode"]}
            hidden={{}}
            submit="Utiliser ce code de secours"
            variant="secondary"
            idFor={(name) => `secours-${name}`}
            summaryId="secours-erreurs"
            className="flex flex-col gap-4"
          >
            <TextInput
              id="secours-recoveryCode"
              name="recoveryCode"
              label="Code de secours"
              hint="10 caractères, par exemple ABCDE-23456"
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              error={errorOf(recovery, "recoveryCode")}
              className="max-w-64 font-mono text-lg tracking-wider"
            />
          </FeedbackForm>
        </div>
      </details>
    </div>
  );
}
