"use client";

import { useActionState } from "react";
import { FeedbackForm } from "@/components/ui/form-section";
import { errorOf, IDLE, type FormState } from "@/lib/actions/form-state";
import { regenerateCodesAction } from "@/lib/mfa/actions";
import type { RecoveryCodesResult } from "@/lib/mfa/writes";
import { TotpCodeField } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";

/** Ten new recovery codes, once a current code of the app proves the phone is at hand. */
export function RegenerateCodesForm() {
  const [state, action, pending] = useActionState<FormState<RecoveryCodesResult>, FormData>(regenerateCodesAction, IDLE);
  return (
    <section aria-labelledby="titre-nouveaux-codes" className="flex flex-col gap-4 rounded-sm border border-border p-4 sm:p-6">
      <h2 id="titre-nouveaux-codes" className="text-lg">
        Obtenir de nouveaux codes de secours
      </h2>
      <p className="text-ink-2">
        Les codes de secours que vous avez encore cesseront de marcher. Saisissez d&apos;abord un code de votre application.
      </p>
      <FeedbackForm
        action={action}
        state={state}
        pending={pending}
        fields={["code"]}
        hidden={{}}
        submit="Créer de nouveaux codes de secours"
        variant="secondary"
        idFor={(name) => `nouveaux-codes-${name}`}
        className="flex flex-col gap-4"
      >
        {state.status === "success" ? <RecoveryCodes codes={state.data.recoveryCodes} /> : null}
        <TotpCodeField id="nouveaux-codes-code" error={errorOf(state, "code")} />
      </FeedbackForm>
    </section>
  );
}
