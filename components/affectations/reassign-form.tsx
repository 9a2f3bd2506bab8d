"use client";

import { useActionState, useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { TextInput } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { reassignAction } from "@/lib/affectations/actions";
import { PersonName } from "@/components/ui/person-name";

export interface ReassignCandidate {
  id: string;
  label: string;
  detail: string;
}

const FIELDS = ["jeuneIds", "versConseillerId", "type", "debut", "fin", "motif"];

export function ReassignForm({
  candidates,
  targets,
  today,
}: {
  candidates: ReassignCandidate[];
  targets: { value: string; label: string }[];
  today: string;
}) {
  const [state, action, pending] = useActionState<FormState<{ count: number }>, FormData>(reassignAction, IDLE);
  const [type, setType] = useState(typedValue(state, "type", "permanente"));
  // Nothing is pre-selected: moving someone is always a deliberate tick (or "Tout cocher").
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const candidateKey = candidates.map((c) => c.id).join(",");

  // A fresh list from the server keeps only the ticks that still make sense; a success clears them.
  useEffect(() => {
    const ids = new Set(candidateKey.split(","));
    setChecked((prev) => new Set([...prev].filter((id) => ids.has(id))));
  }, [candidateKey]);
  useEffect(() => {
    if (state.status === "success") setChecked(new Set());
  }, [state]);

  const allChecked = checked.size === candidates.length;
  const toggle = (id: string) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <FormFeedback state={state} fields={FIELDS} idFor={(f) => (f === "jeuneIds" ? "jeunes" : f)} />

      <fieldset
        id="jeunes"
        tabIndex={-1}
        className="rounded-lg border border-border p-4"
        aria-describedby={errorOf(state, "jeuneIds") ? "jeunes-error" : undefined}
      >
        <legend className="px-1 font-bold">
          Jeunes à réaffecter ({checked.size} sur {candidates.length})
        </legend>
        {errorOf(state, "jeuneIds") ? (
          <p id="jeunes-error" className="mb-2 font-bold text-error">
            <span className="sr-only">Erreur : </span>
            {errorOf(state, "jeuneIds")}
          </p>
        ) : null}
        <div className="mb-3">
          <Button variant="tertiary" size="sm" onClick={() => setChecked(allChecked ? new Set() : new Set(candidates.map((c) => c.id)))}>
            {allChecked ? "Tout décocher" : "Tout cocher (départ du conseiller)"}
          </Button>
        </div>
        <ul className="grid gap-2 sm:grid-cols-2">
          {candidates.map((c) => (
            <li key={c.id}>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-sm p-2 hover:bg-alt">
                <input
                  type="checkbox"
                  name="jeuneIds"
                  value={c.id}
                  checked={checked.has(c.id)}
                  onChange={() => toggle(c.id)}
                  className="mt-1 h-5 w-5 accent-[#000091]"
                />
                <span>
                  <span className="block font-bold">
                    <PersonName>{c.label}</PersonName>
                  </span>
                  <span className="block text-sm text-ink-2">{c.detail}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <SelectField
        name="versConseillerId"
        label="Conseiller qui reprend le suivi"
        required
        options={targets}
        placeholder="Choisir un conseiller"
        defaultValue={typedValue(state, "versConseillerId")}
        error={errorOf(state, "versConseillerId")}
      />

      <fieldset id="type" className="flex flex-col gap-2">
        <legend className="mb-1 font-bold">Durée (obligatoire)</legend>
        {(
          [
            ["permanente", "Définitive", "Le nouveau conseiller devient le référent du jeune."],
            ["temporaire", "Temporaire", "Pendant une absence : le suivi revient au conseiller habituel le lendemain de la date de fin."],
          ] as const
        ).map(([value, label, hint]) => (
          <label key={value} className="flex min-h-11 cursor-pointer items-start gap-3">
            <input
              type="radio"
              name="type"
              value={value}
              checked={type === value}
              onChange={() => setType(value)}
              className="mt-1 h-5 w-5 accent-[#000091]"
            />
            <span>
              <span className="block font-bold">{label}</span>
              <span className="block text-sm text-ink-2">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="grid gap-6 sm:grid-cols-2">
        <TextInput
          name="debut"
          type="date"
          label="À partir du"
          required
          defaultValue={typedValue(state, "debut", today)}
          error={errorOf(state, "debut")}
        />
        {type === "temporaire" ? (
          <TextInput
            name="fin"
            type="date"
            label="Jusqu'au (inclus)"
            required
            defaultValue={typedValue(state, "fin")}
            error={errorOf(state, "fin")}
          />
        ) : null}
      </div>
      <TextInput
        name="motif"
        label="Motif"
        hint="Par exemple : congé maternité, départ, équilibrage des portefeuilles"
        required
        defaultValue={typedValue(state, "motif")}
        error={errorOf(state, "motif")}
      />
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Réaffectation…" : "Réaffecter les jeunes cochés"}
        </Button>
      </div>
    </ActionForm>
  );
}
