"use client";

import { ErrorLines } from "@/components/ui/error-lines";
import { StepForm } from "@/components/ui/step-form";
import { errorOf } from "@/lib/actions/form-state";
import { resetMfaAction } from "@/lib/mfa/actions";

/** The admin's reset of a lost second factor, behind a confirmation box. */
export function MfaResetForm({ compteId, name }: { compteId: string; name: string }) {
  return (
    <StepForm<{ id: string }>
      action={resetMfaAction}
      hidden={{ compteId }}
      prefix="double-authentification"
      title="Réinitialiser la double authentification"
      description={
        <p>
          À faire quand {name} a perdu son téléphone et ses codes de secours. Ses sessions ouvertes seront fermées ; à sa prochaine
          connexion, un nouveau QR code lui sera proposé.
        </p>
      }
      fields={["confirmation"]}
      submit="Réinitialiser"
      variant="danger"
    >
      {(state, id) => {
        const error = errorOf(state, "confirmation");
        const errorId = id("confirmation-error");
        return (
          <div className={error ? "border-l-2 border-error pl-3" : undefined}>
            <div className="flex items-start gap-3">
              <input
                id={id("confirmation")}
                name="confirmation"
                type="checkbox"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                className="mt-0.5 size-6 shrink-0 accent-primary"
              />
              <label htmlFor={id("confirmation")} className="font-medium">
                J&apos;ai vérifié l&apos;identité de la personne et je confirme la réinitialisation
              </label>
            </div>
            {error ? (
              <div className="mt-2">
                <ErrorLines id={errorId} messages={[error]} />
              </div>
            ) : null}
          </div>
        );
      }}
    </StepForm>
  );
}
