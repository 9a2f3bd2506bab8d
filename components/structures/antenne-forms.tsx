"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FeedbackForm } from "@/components/ui/form-section";
import { FormFeedback } from "@/components/ui/form-feedback";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { createAntenneAction, setAntenneActiveAction, setStructureActiveAction, updateAntenneAction } from "@/lib/structures/actions";

const FIELDS = ["name", "commune", "codePostal"] as const;

type AntenneValues = Record<(typeof FIELDS)[number], string>;

function AntenneFields({
  state,
  initial,
  id,
  stacked = false,
}: {
  state: FormState<unknown>;
  initial: AntenneValues;
  id: (name: string) => string;
  /** One field under the other (inside an antenne's card), instead of a row on wide screens. */
  stacked?: boolean;
}) {
  const value = (name: keyof AntenneValues) => typedValue(state, name, initial[name]);
  return (
    <div className={stacked ? "flex flex-col gap-4" : "grid gap-4 sm:grid-cols-[2fr_2fr_1fr]"}>
      <TextInput
        id={id("name")}
        name="name"
        label="Nom de l'antenne"
        required
        defaultValue={value("name")}
        error={errorOf(state, "name")}
      />
      <TextInput
        id={id("commune")}
        name="commune"
        label="Commune"
        required
        defaultValue={value("commune")}
        error={errorOf(state, "commune")}
      />
      <TextInput
        id={id("codePostal")}
        name="codePostal"
        label="Code postal"
        required
        inputMode="numeric"
        autoComplete="postal-code"
        defaultValue={value("codePostal")}
        error={errorOf(state, "codePostal")}
      />
    </div>
  );
}

/** Adds an antenne; the fields empty themselves after each success, ready for the next one. */
export function AddAntenneForm({ structureId }: { structureId: string }) {
  const [state, action, pending] = useActionState(createAntenneAction, IDLE);
  const id = (name: string) => `nouvelle-antenne-${name}`;
  return (
    <FeedbackForm
      action={action}
      state={state}
      pending={pending}
      fields={FIELDS}
      hidden={{ structureId }}
      submit="Ajouter l'antenne"
      idFor={id}
      summaryId={id("erreurs")}
      className="flex flex-col gap-4"
    >
      <AntenneFields
        key={state.status === "success" ? state.data.id : "saisie"}
        state={state}
        initial={{ name: "", commune: "", codePostal: "" }}
        id={id}
      />
    </FeedbackForm>
  );
}

/** Renames an antenne (name, commune, postal code), against the version it was read at. */
export function RenameAntenneForm({ antenne }: { antenne: { id: string; version: number } & AntenneValues }) {
  const [state, action, pending] = useActionState(updateAntenneAction, IDLE);
  const id = (name: string) => `antenne-${antenne.id}-${name}`;
  return (
    <FeedbackForm
      action={action}
      state={state}
      pending={pending}
      fields={FIELDS}
      hidden={{ id: antenne.id, version: antenne.version }}
      submit="Enregistrer le nouveau nom"
      idFor={id}
      summaryId={id("erreurs")}
      className="flex flex-col gap-4 pt-3"
    >
      <AntenneFields state={state} initial={antenne} id={id} stacked />
    </FeedbackForm>
  );
}

interface ToggleProps {
  id: string;
  version: number;
  active: boolean;
  /** Accessible name: the visible word plus what it acts on ("Désactiver l'antenne Lyon 8e"). */
  label: string;
}

/** "Désactiver" / "Réactiver" an antenne. */
export function AntenneActiveToggle(props: ToggleProps) {
  const [state, action, pending] = useActionState(setAntenneActiveAction, IDLE);
  return <ToggleForm {...props} state={state} action={action} pending={pending} />;
}

/** "Désactiver" / "Réactiver" the mission locale; refused while staff accounts are active (the count is said). */
export function StructureActiveToggle(props: ToggleProps) {
  const [state, action, pending] = useActionState(setStructureActiveAction, IDLE);
  return <ToggleForm {...props} state={state} action={action} pending={pending} />;
}

/** A refusal, or the success message, shows right above the button. */
function ToggleForm({
  id,
  version,
  active,
  label,
  state,
  action,
  pending,
}: ToggleProps & { state: FormState<unknown>; action: (formData: FormData) => void; pending: boolean }) {
  return (
    <ActionForm action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <FormFeedback state={state} fields={[]} summaryId={`etat-${id}-erreurs`} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={label}>
        {pending ? "Enregistrement…" : active ? "Désactiver" : "Réactiver"}
      </Button>
    </ActionForm>
  );
}
