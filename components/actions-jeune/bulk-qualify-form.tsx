"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, errorOf, type FormState } from "@/lib/actions/form-state";
import { bulkQualifyActionsAction } from "@/lib/actions-jeune/actions";
import type { BulkQualifyResult } from "@/lib/actions-jeune/writes";

export interface ToQualify {
  id: string;
  version: number;
  libelle: string;
  /** "Emploi · terminée le lundi 23 novembre 2026" */
  detail: string;
}

/**
 * Several finished actions confirmed in one go, all or nothing. Each checkbox posts "id:version" so an
 * action changed since the page was read is refused instead of being qualified as it is now.
 */
export function BulkQualifyForm({ jeuneId, actions }: { jeuneId: string; actions: readonly ToQualify[] }) {
  const [state, formAction, pending] = useActionState<FormState<BulkQualifyResult>, FormData>(bulkQualifyActionsAction, IDLE);
  const error = errorOf(state, "actions");
  const ticked = state.status === "error" ? new Set((state.values.actions ?? "").split(",")) : new Set<string>();
  return (
    <section aria-labelledby="qualification-titre" className="rounded-sm border border-border p-4 sm:p-6">
      <h3 id="qualification-titre" className="mb-2">
        Actions terminées à qualifier
      </h3>
      <p className="mb-4 text-ink-2">
        Cochez les actions qui ont bien eu lieu, dans la bonne catégorie : leurs heures compteront comme validées. Pour corriger une
        catégorie, ouvrez l&apos;action.
      </p>
      <ActionForm action={formAction} className="flex flex-col gap-4">
        <input type="hidden" name="jeuneId" value={jeuneId} />
        <FormFeedback state={state} fields={["actions"]} idFor={() => "qualification-actions"} summaryId="qualification-erreurs" />
        <fieldset
          id="qualification-actions"
          tabIndex={-1}
          aria-describedby={error ? "qualification-actions-error" : undefined}
          className="flex flex-col gap-2 outline-none"
        >
          <legend className="mb-1 font-medium">Actions à qualifier ({actions.length})</legend>
          {actions.map((a) => {
            const value = `${a.id}:${a.version}`;
            return (
              <div key={a.id} className="flex items-start gap-3">
                <input
                  id={`qualifier-${a.id}`}
                  type="checkbox"
                  name="actions"
                  value={value}
                  defaultChecked={ticked.has(value)}
                  className="mt-0.5 size-6 shrink-0 accent-primary"
                />
                <label htmlFor={`qualifier-${a.id}`} className="flex flex-col">
                  <span className="font-medium">{a.libelle}</span>
                  <span className="text-sm text-ink-2">{a.detail}</span>
                </label>
              </div>
            );
          })}
          {error ? (
            <p id="qualification-actions-error" className="text-sm font-medium text-error">
              <span className="sr-only">Erreur : </span>
              {error}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Enregistrement…" : "Qualifier les actions cochées"}
          </Button>
        </div>
      </ActionForm>
    </section>
  );
}
