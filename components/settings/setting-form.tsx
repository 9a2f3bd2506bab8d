"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { TextInput, Textarea } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { createSettingAction } from "@/lib/settings/actions";

const FIELD_ORDER = ["key", "effectiveFrom", "value", "source", "toConfirm"];

export function SettingForm({ options }: { options: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(createSettingAction, IDLE);
  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <FormFeedback state={state} fields={FIELD_ORDER} />
      <SelectField
        name="key"
        label="Paramètre"
        required
        options={options}
        placeholder="Choisir un paramètre"
        defaultValue={typedValue(state, "key")}
        error={errorOf(state, "key")}
      />
      <TextInput
        name="effectiveFrom"
        label="Date d'effet"
        hint="Format AAAA-MM-JJ, par exemple 2027-04-01"
        required
        defaultValue={typedValue(state, "effectiveFrom")}
        error={errorOf(state, "effectiveFrom")}
      />
      <Textarea
        name="value"
        label="Valeur (JSON)"
        hint='Même forme que la valeur en vigueur, par exemple {"cents": 65169}. Montants en centimes.'
        required
        rows={5}
        className="font-mono"
        defaultValue={typedValue(state, "value")}
        error={errorOf(state, "value")}
      />
      <TextInput
        name="source"
        label="Texte de référence"
        hint="Décret, arrêté ou instruction qui fixe cette valeur"
        required
        defaultValue={typedValue(state, "source")}
        error={errorOf(state, "source")}
      />
      <TextInput
        name="toConfirm"
        label="Point à confirmer"
        hint="Facultatif : ce qui reste à vérifier"
        defaultValue={typedValue(state, "toConfirm")}
        error={errorOf(state, "toConfirm")}
      />
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer la nouvelle valeur"}
        </Button>
      </div>
    </ActionForm>
  );
}
