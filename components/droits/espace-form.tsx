"use client";

import { clsx } from "clsx";
import { useActionState, useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { FormFeedback } from "@/components/ui/form-feedback";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { createDemandeFromEspaceAction } from "@/lib/droits/actions";
import type { CreatedDemande } from "@/lib/droits/intake-writes";
import { useFocusOnSuccess } from "./form-parts";

const FIELDS = ["type", "finalite", "objet", "transmissionId", "ligne"] as const;

export interface EspaceFormOptions {
  types: { value: string; label: string; hint: string }[];
  finalites: SelectOption[];
  /** Pre-filled from "J'ai une question sur cet envoi" (a transfer) or "… sur cette ligne" (any journey line). */
  initial?: { type: string; objet: string; reference: string } & ({ transmissionId: string } | { ligne: string });
}

/** The young person's own request (FALC): what they want, in their words; the dossier is theirs, from the session. */
export function EspaceDemandeForm({ options }: { options: EspaceFormOptions }) {
  const [state, action, pending] = useActionState<FormState<CreatedDemande>, FormData>(createDemandeFromEspaceAction, IDLE);
  const successRef = useFocusOnSuccess(state);
  const initial = options.initial;
  const [type, setType] = useState(typedValue(state, "type", initial?.type ?? ""));
  // Until JavaScript runs, the finality list shows; then only for "Dire non".
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const typeError = errorOf(state, "type");

  if (state.status === "success") {
    return (
      <div ref={successRef} tabIndex={-1} className="outline-none">
        <Alert tone="success" live="polite" title="Votre demande est envoyée">
          <p>{state.message}</p>
          <p className="mt-2">Vous allez aussi recevoir un accusé de réception par e-mail, si nous connaissons votre adresse.</p>
          <p className="mt-3">
            <a href="/mon-espace#titre-demandes" className="font-medium text-primary underline underline-offset-4 hover:decoration-2">
              Voir où en est votre demande
            </a>
          </p>
        </Alert>
      </div>
    );
  }

  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <FormFeedback state={state} fields={FIELDS} />
      {initial ? (
        <>
          {"ligne" in initial ? (
            <input type="hidden" name="ligne" value={initial.ligne} />
          ) : (
            <input type="hidden" name="transmissionId" value={initial.transmissionId} />
          )}
          <p className="rounded-lg bg-alt p-3">Votre question porte sur {initial.reference}.</p>
        </>
      ) : null}
      <fieldset
        id="type"
        tabIndex={-1}
        aria-describedby={typeError ? "type-error" : undefined}
        className={clsx("flex flex-col gap-3 outline-none", typeError && "border-l-2 border-error pl-3")}
      >
        <legend className="mb-1 text-lg font-bold">Que voulez-vous faire ?</legend>
        {options.types.map((t) => (
          <div
            key={t.value}
            className="flex items-start gap-3 rounded-lg border border-border p-3 has-[:checked]:border-primary has-[:checked]:bg-info-light"
          >
            <input
              id={`type-${t.value}`}
              type="radio"
              name="type"
              value={t.value}
              defaultChecked={typedValue(state, "type", initial?.type ?? "") === t.value}
              onChange={(e) => setType(e.target.value)}
              aria-describedby={`type-${t.value}-aide`}
              className="mt-0.5 size-6 shrink-0 accent-primary"
            />
            <div className="flex flex-col">
              <label htmlFor={`type-${t.value}`} className="font-bold">
                {t.label}
              </label>
              <span id={`type-${t.value}-aide`} className="text-ink-2">
                {t.hint}
              </span>
            </div>
          </div>
        ))}
        {typeError ? (
          <p id="type-error" className="font-medium text-error">
            <span className="sr-only">Erreur : </span>
            {typeError}
          </p>
        ) : null}
      </fieldset>
      {(!enhanced || type === "opposition") && !initial ? (
        <SelectField
          name="finalite"
          label="À quelle utilisation dites-vous non ? (facultatif)"
          hint="Si vous ne savez pas, laissez vide : nous vous demanderons."
          placeholder="Je ne sais pas"
          options={options.finalites}
          defaultValue={typedValue(state, "finalite")}
          error={errorOf(state, "finalite")}
        />
      ) : null}
      <Textarea
        name="objet"
        label="Votre demande, avec vos mots"
        hint="Par exemple : « Mon nom est mal écrit. Le bon nom est Martin. » N'écrivez pas d'information sur votre santé."
        required
        rows={5}
        defaultValue={typedValue(state, "objet", initial?.objet ?? "")}
        error={errorOf(state, "objet")}
      />
      <p className="text-ink-2">Vous êtes connecté à votre espace : nous savons que la demande vient de vous. C&apos;est gratuit.</p>
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Envoi…" : "Envoyer ma demande"}
        </Button>
      </div>
    </ActionForm>
  );
}
