"use client";

import { useActionState } from "react";
import { TextInput } from "@/components/ui/field";
import { FeedbackForm } from "@/components/ui/form-section";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { createStructureAction, updateStructureAction } from "@/lib/structures/actions";

const FIELDS = ["name", "siret", "departement", "commune", "dpoEmail", "mfaRequired"] as const;

export type StructureFormValues = Record<(typeof FIELDS)[number], string>;

const EMPTY: StructureFormValues = { name: "", siret: "", departement: "", commune: "", dpoEmail: "", mfaRequired: "" };

/** A new mission locale; success opens its page, where its antennes are added. */
export function CreateStructureForm() {
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(createStructureAction, IDLE);
  return (
    <FeedbackForm
      action={action}
      state={state}
      pending={pending}
      fields={FIELDS}
      hidden={{}}
      submit="Créer la mission locale"
      className="flex max-w-2xl flex-col gap-6"
    >
      <StructureFields state={state} initial={EMPTY} />
    </FeedbackForm>
  );
}

/** Edits a mission locale against the version it was read at: a concurrent edit is refused, never overwritten. */
export function EditStructureForm({ id, version, initial }: { id: string; version: number; initial: StructureFormValues }) {
  const [state, action, pending] = useActionState<FormState<{ id: string; version: number }>, FormData>(updateStructureAction, IDLE);
  return (
    <FeedbackForm
      action={action}
      state={state}
      pending={pending}
      fields={FIELDS}
      hidden={{ id, version }}
      submit="Enregistrer les modifications"
      className="flex max-w-2xl flex-col gap-6"
    >
      <StructureFields state={state} initial={initial} />
    </FeedbackForm>
  );
}

function StructureFields({ state, initial }: { state: FormState<unknown>; initial: StructureFormValues }) {
  const value = (name: keyof StructureFormValues) => typedValue(state, name, initial[name]);
  return (
    <>
      <TextInput
        name="name"
        label="Nom de la mission locale"
        required
        autoComplete="organization"
        defaultValue={value("name")}
        error={errorOf(state, "name")}
      />
      <TextInput
        name="siret"
        label="SIRET"
        hint="14 chiffres, espaces acceptés, par exemple 732 829 320 00074"
        required
        inputMode="numeric"
        defaultValue={value("siret")}
        error={errorOf(state, "siret")}
        className="max-w-xs tabular-nums"
      />
      <TextInput
        name="departement"
        label="Département"
        hint="Code du département : 01 à 95, 2A ou 2B, 971 à 976"
        required
        defaultValue={value("departement")}
        error={errorOf(state, "departement")}
        className="max-w-32"
      />
      <TextInput name="commune" label="Commune du siège" required defaultValue={value("commune")} error={errorOf(state, "commune")} />
      <TextInput
        name="dpoEmail"
        type="email"
        label="Adresse e-mail du délégué à la protection des données (DPO)"
        hint="Affichée dans la notice d'information et les courriers aux jeunes"
        required
        autoComplete="email"
        defaultValue={value("dpoEmail")}
        error={errorOf(state, "dpoEmail")}
      />
      <div className="flex flex-col gap-1">
        <div className="flex items-start gap-3">
          <input
            id="mfaRequired"
            name="mfaRequired"
            type="checkbox"
            // After a refused submit the box shows what was sent (an unticked box sends nothing).
            defaultChecked={state.status === "error" ? state.values.mfaRequired === "on" : initial.mfaRequired === "on"}
            aria-describedby="mfaRequired-hint"
            className="mt-0.5 size-6 shrink-0 accent-primary"
          />
          <label htmlFor="mfaRequired" className="cursor-pointer font-medium">
            Double authentification obligatoire pour tout le personnel
          </label>
        </div>
        <p id="mfaRequired-hint" className="pl-9 text-sm text-ink-2">
          Directeurs et conseillers devront saisir, à chaque connexion, un code de leur application d'authentification. Elle est toujours
          obligatoire pour les administrateurs et les DPO.
        </p>
      </div>
    </>
  );
}
