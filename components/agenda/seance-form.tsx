"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormFeedback } from "@/components/ui/form-feedback";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { createSeanceAction, updateSeanceAction } from "@/lib/agenda/actions";
import { MAX_CAPACITE, SEANCE_TYPES, SEANCE_TYPE_LABELS, type SeanceType } from "@/lib/agenda/rules";
import type { SeanceResult } from "@/lib/agenda/seance-writes";
import { JeunePicker } from "./jeune-picker";

export interface SeanceFormValues {
  type: SeanceType;
  titre: string;
  date: string;
  heureDebut: string;
  heureFin: string;
  lieu: string;
  animateurId: string;
  capacite: string;
  jeuneId: string;
}

const FIELDS = ["type", "titre", "date", "heureDebut", "heureFin", "lieu", "animateurId", "capacite", "jeuneId"] as const;

/** Create or edit a séance. The type decides the rest: one young person for a rendez-vous, a capacity for a collective séance. */
export function SeanceForm({
  mode,
  initial,
  animateurs,
  jeunes,
  seanceId,
  version,
  lockedKind,
}: {
  mode: "create" | "edit";
  initial: SeanceFormValues;
  animateurs: SelectOption[];
  jeunes: SelectOption[];
  seanceId?: string;
  version?: number;
  /** On edit: individual and collective séances cannot be swapped. */
  lockedKind?: "individuel" | "collectif";
}) {
  const [state, formAction, pending] = useActionState<FormState<SeanceResult>, FormData>(
    mode === "create" ? createSeanceAction : updateSeanceAction,
    IDLE,
  );
  const v = (name: keyof SeanceFormValues) => typedValue(state, name, initial[name]);
  const [type, setType] = useState<SeanceType>((v("type") as SeanceType) || initial.type);
  const individual = type === "rendez_vous_individuel";
  const allowedTypes = SEANCE_TYPES.filter(
    (t) => !lockedKind || (lockedKind === "individuel" ? t === "rendez_vous_individuel" : t !== "rendez_vous_individuel"),
  );
  const typeError = errorOf(state, "type");

  return (
    <ActionForm action={formAction} className="flex max-w-2xl flex-col gap-6">
      {seanceId ? <input type="hidden" name="seanceId" value={seanceId} /> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <FormFeedback state={state} fields={FIELDS} />

      <fieldset
        id="type"
        tabIndex={-1}
        aria-describedby={typeError ? "type-error" : undefined}
        className={typeError ? "border-l-2 border-error pl-3" : undefined}
      >
        <legend className="mb-2 font-medium">Type de séance (obligatoire)</legend>
        <div className="flex flex-col gap-2">
          {allowedTypes.map((t) => (
            <div key={t} className="flex items-center gap-3">
              <input
                id={`type-${t}`}
                type="radio"
                name="type"
                value={t}
                checked={type === t}
                onChange={() => setType(t)}
                className="size-6 accent-primary"
              />
              <label htmlFor={`type-${t}`}>{SEANCE_TYPE_LABELS[t]}</label>
            </div>
          ))}
        </div>
        {lockedKind ? (
          <p className="mt-2 text-sm text-ink-2">
            {lockedKind === "individuel" ? "Un rendez-vous individuel reste individuel." : "Une séance collective reste collective."} Pour
            changer, annulez la séance et planifiez-en une autre.
          </p>
        ) : null}
        {typeError ? (
          <p id="type-error" className="mt-2 text-sm font-medium text-error">
            <span className="sr-only">Erreur : </span>
            {typeError}
          </p>
        ) : null}
      </fieldset>

      <TextInput
        name="titre"
        label="Titre"
        hint={
          individual
            ? "Par exemple : Point mensuel, Préparation d'entretien."
            : "Par exemple : Atelier CV, Simulation d'entretien, Information collective CEJ."
        }
        required
        maxLength={120}
        defaultValue={v("titre")}
        error={errorOf(state, "titre")}
      />

      <div className="grid gap-4 sm:grid-cols-3">
        <TextInput name="date" type="date" label="Date" required defaultValue={v("date")} error={errorOf(state, "date")} />
        <TextInput
          name="heureDebut"
          type="time"
          label="Début"
          hint="Heure de Paris"
          required
          step={300}
          defaultValue={v("heureDebut")}
          error={errorOf(state, "heureDebut")}
        />
        <TextInput
          name="heureFin"
          type="time"
          label="Fin"
          hint="Heure de Paris"
          required
          step={300}
          defaultValue={v("heureFin")}
          error={errorOf(state, "heureFin")}
        />
      </div>

      <TextInput
        name="lieu"
        label="Lieu"
        hint="Salle, adresse ou « Visioconférence »."
        maxLength={200}
        defaultValue={v("lieu")}
        error={errorOf(state, "lieu")}
      />

      <SelectField
        name="animateurId"
        label={individual ? "Conseiller ou conseillère" : "Animateur ou animatrice"}
        required
        placeholder="Choisir une personne"
        options={animateurs}
        defaultValue={v("animateurId")}
        error={errorOf(state, "animateurId")}
      />

      {individual ? (
        <JeunePicker
          id="jeuneId"
          label="Jeune reçu en rendez-vous"
          initialOptions={jeunes}
          defaultValue={v("jeuneId")}
          error={errorOf(state, "jeuneId")}
        />
      ) : (
        <div className="max-w-xs">
          <TextInput
            name="capacite"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_CAPACITE}
            label="Nombre de places"
            required
            defaultValue={v("capacite")}
            error={errorOf(state, "capacite")}
          />
        </div>
      )}

      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Enregistrement…" : mode === "create" ? "Planifier la séance" : "Enregistrer les modifications"}
        </Button>
      </div>
    </ActionForm>
  );
}
