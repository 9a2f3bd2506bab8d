"use client";

import { useActionState } from "react";
import { TextInput, Textarea } from "@/components/ui/field";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { addPhaseAction, editPhaseAction, recordBilanAction } from "@/lib/parcours/actions";
import { formatLongCivilDate } from "@/lib/format/fr";
import type { PhaseResult } from "@/lib/parcours/phase-writes";
import { ParcoursForm, RadioGroup, errorsOf } from "./form-parts";

type State = FormState<PhaseResult>;

const PHASE_FIELDS = ["type", "debut", "fin", "objectifs"] as const;

const PHASE_TYPES = [
  { value: "diagnostic", label: "Diagnostic", hint: "La première phase : situation, besoins, projet." },
  { value: "accompagnement", label: "Accompagnement", hint: "Les phases suivantes, chacune avec ses objectifs." },
];

export interface PhaseDefaults {
  type: string;
  debut: string;
  fin: string;
  objectifs: string;
}

export interface ContratPeriod {
  debut: string;
  fin: string;
}

function PhaseFields({ state, defaults, period }: { state: State; defaults: PhaseDefaults; period: ContratPeriod }) {
  return (
    <>
      <RadioGroup
        name="type"
        legend="Type de phase"
        options={PHASE_TYPES}
        defaultValue={typedValue(state, "type", defaults.type)}
        errors={errorsOf(state, "type")}
      />
      <p className="text-ink-2">
        Le contrat court du {formatLongCivilDate(period.debut)} au {formatLongCivilDate(period.fin)}. Les phases se suivent sans se
        chevaucher.
      </p>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextInput
          name="debut"
          type="date"
          label="Début de la phase"
          required
          min={period.debut}
          max={period.fin}
          defaultValue={typedValue(state, "debut", defaults.debut)}
          error={errorOf(state, "debut")}
        />
        <TextInput
          name="fin"
          type="date"
          label="Fin de la phase (dernier jour)"
          required
          min={period.debut}
          max={period.fin}
          defaultValue={typedValue(state, "fin", defaults.fin)}
          error={errorOf(state, "fin")}
        />
      </div>
      <Textarea
        name="objectifs"
        label="Objectifs"
        hint="Ce que le jeune et vous visez pendant cette phase, en phrases courtes."
        required
        rows={4}
        defaultValue={typedValue(state, "objectifs", defaults.objectifs)}
        error={errorOf(state, "objectifs")}
      />
    </>
  );
}

export function AddPhaseForm({
  contratId,
  defaults,
  period,
  cancelHref,
}: {
  contratId: string;
  defaults: PhaseDefaults;
  period: ContratPeriod;
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState<State, FormData>(addPhaseAction, IDLE);
  return (
    <ParcoursForm
      action={action}
      state={state}
      pending={pending}
      fields={PHASE_FIELDS}
      submit="Ajouter la phase"
      cancelHref={cancelHref}
      hidden={{ contratId }}
    >
      <PhaseFields state={state} defaults={defaults} period={period} />
    </ParcoursForm>
  );
}

export function EditPhaseForm({
  phaseId,
  version,
  defaults,
  period,
  cancelHref,
}: {
  phaseId: string;
  version: number;
  defaults: PhaseDefaults;
  period: ContratPeriod;
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState<State, FormData>(editPhaseAction, IDLE);
  return (
    <ParcoursForm
      action={action}
      state={state}
      pending={pending}
      fields={PHASE_FIELDS}
      submit="Enregistrer la phase"
      cancelHref={cancelHref}
      hidden={{ phaseId, version }}
    >
      <PhaseFields state={state} defaults={defaults} period={period} />
    </ParcoursForm>
  );
}

const BILAN_FIELDS = ["bilan", "bilanLe"] as const;

export function BilanForm({
  phaseId,
  version,
  bilan,
  bilanLe,
  today,
  debut,
  cancelHref,
}: {
  phaseId: string;
  version: number;
  bilan: string | null;
  bilanLe: string | null;
  today: string;
  debut: string;
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState<State, FormData>(recordBilanAction, IDLE);
  return (
    <ParcoursForm
      action={action}
      state={state}
      pending={pending}
      fields={BILAN_FIELDS}
      submit="Enregistrer le bilan"
      cancelHref={cancelHref}
      hidden={{ phaseId, version }}
      summaryId="erreurs-bilan"
    >
      <Textarea
        id="bilan"
        name="bilan"
        label="Bilan de la phase"
        hint="Ce qui a été fait, ce qui reste à faire, la suite proposée. Pas d'information de santé ni de justice."
        required
        rows={5}
        defaultValue={typedValue(state, "bilan", bilan ?? "")}
        error={errorOf(state, "bilan")}
      />
      <div className="max-w-sm">
        <TextInput
          name="bilanLe"
          type="date"
          label="Date du bilan"
          required
          min={debut}
          max={today}
          defaultValue={typedValue(state, "bilanLe", bilanLe ?? today)}
          error={errorOf(state, "bilanLe")}
        />
      </div>
    </ParcoursForm>
  );
}
