"use client";

import { useActionState } from "react";
import { FormFeedback } from "@/components/ui/form-feedback";
import { FeedbackForm } from "@/components/ui/form-section";
import { ErrorLines } from "@/components/ui/error-lines";
import { errorOf, IDLE, type FormState } from "@/lib/actions/form-state";
import { resetMfaAction } from "@/lib/mfa/actions";

/**
 * The admin's reset of a lost second factor, behind a confirmation box. The state lives here, above the
 * form: once the reset is done the page shows no factor (and no form), the message stays.
 */
export function MfaResetForm({ compteId, name, enabled }: { compteId: string; name: string; enabled: boolean }) {
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(resetMfaAction, IDLE);
  if (state.status === "success") return <FormFeedback state={state} fields={[]} />;
  if (!enabled) return null;
  const error = errorOf(state, "confirmation");
  const id = (field: string) => `double-authentification-${field}`;
  return (
    <section aria-labelledby={id("titre")} className="rounded-sm border border-border p-4 sm:p-6">
      <h3 id={id("titre")} className="mb-2">
        Réinitialiser la double authentification
      </h3>
      <p className="mb-4 text-ink-2">
        À faire quand {name} a perdu son téléphone et ses codes de secours. Ses sessions ouvertes seront fermées ; à sa prochaine connexion,
        un nouveau QR code lui sera proposé.
      </p>
      <FeedbackForm
        action={action}
        state={state}
        pending={pending}
        fields={["confirmation"]}
        hidden={{ compteId }}
        submit="Réinitialiser"
        variant="danger"
        idFor={id}
        summaryId={id("erreurs")}
        className="flex flex-col gap-4"
      >
        <div className={error ? "border-l-2 border-error pl-3" : undefined}>
          <div className="flex items-start gap-3">
            <input
              id={id("confirmation")}
              name="confirmation"
              type="checkbox"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? id("confirmation-error") : undefined}
              className="mt-0.5 size-6 shrink-0 accent-primary"
            />
            <label htmlFor={id("confirmation")} className="font-medium">
              J&apos;ai vérifié l&apos;identité de la personne et je confirme la réinitialisation
            </label>
          </div>
          {error ? (
            <div className="mt-2">
              <ErrorLines id={id("confirmation-error")} messages={[error]} />
            </div>
          ) : null}
        </div>
      </FeedbackForm>
    </section>
  );
}
