"use client";

import { useActionState, useEffect, useState, type ComponentProps } from "react";
import { TextInput, Textarea } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { addDays, isValidCivilDate } from "@/lib/calendar/civil-date";
import { endContratAction, modifyContratAction, signContratAction, switchContratAction } from "@/lib/parcours/actions";
import type { ContratResult } from "@/lib/parcours/contrat-writes";
import { maxEndDate, type ContractKind } from "@/lib/parcours/contrats";
import { formatLongCivilDate } from "@/lib/format/fr";
import { MOTIFS_SORTIE } from "@/lib/parcours/motifs-sortie";
import { Checkbox, ParcoursForm, RadioGroup, errorsOf } from "./form-parts";

type State = FormState<ContratResult>;

/** The latest end the rules allow, recomputed as the counsellor types (the server checks it again). */
export function maxEndHint(type: string, debut: string, motif: string): string {
  if (type !== "PACEA" && type !== "CEJ") return "Choisissez le dispositif pour connaître la date de fin au plus tard.";
  if (!isValidCivilDate(debut)) return "Indiquez la date de début pour connaître la date de fin au plus tard.";
  if (type === "PACEA") return `Fin au plus tard : ${formatLongCivilDate(maxEndDate("PACEA", debut))} (24 mois).`;
  const normal = `Fin au plus tard : ${formatLongCivilDate(maxEndDate("CEJ", debut))} (12 mois)`;
  const extended = formatLongCivilDate(maxEndDate("CEJ", debut, { extended: true }));
  return motif.trim()
    ? `Avec le motif exceptionnel indiqué, fin au plus tard : ${extended} (18 mois). Sans motif : 12 mois.`
    : `${normal}, ou ${extended} (18 mois) avec un motif exceptionnel de prolongation.`;
}

/** Until JavaScript runs every field shows; then fields that do not apply are hidden. */
function useEnhanced(): boolean {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return enhanced;
}

const TYPE_OPTIONS = [
  { value: "PACEA", label: "PACEA", hint: "Parcours en phases, 24 mois au plus, de 16 à 25 ans." },
  {
    value: "CEJ",
    label: "CEJ (contrat d'engagement jeune)",
    hint: "15 à 20 heures d'activités par semaine, 12 mois (18 au plus), de 16 à 25 ans (29 avec une RQTH), pas étudiant.",
  },
];

function ExtensionField({ state, onChange, defaultValue }: { state: State; onChange: (v: string) => void; defaultValue?: string }) {
  return (
    <Textarea
      name="prolongationMotif"
      label="Motif exceptionnel de prolongation (CEJ au-delà de 12 mois)"
      hint="Seulement si le contrat dure plus de 12 mois (18 au plus) : par exemple une formation qui se termine après la fin normale."
      rows={2}
      defaultValue={typedValue(state, "prolongationMotif", defaultValue ?? "")}
      error={errorOf(state, "prolongationMotif")}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

const SIGN_FIELDS = ["type", "signeLe", "debut", "finPrevue", "prolongationMotif", "etudiant"] as const;

export function SignContratForm({ jeuneId, today, cancelHref }: { jeuneId: string; today: string; cancelHref: string }) {
  const [state, action, pending] = useActionState<State, FormData>(signContratAction, IDLE);
  const enhanced = useEnhanced();
  const [type, setType] = useState(typedValue(state, "type"));
  const [debut, setDebut] = useState(typedValue(state, "debut", today));
  const [motif, setMotif] = useState(typedValue(state, "prolongationMotif"));
  return (
    <ParcoursForm
      action={action}
      state={state}
      pending={pending}
      fields={SIGN_FIELDS}
      submit="Enregistrer le contrat"
      cancelHref={cancelHref}
      hidden={{ jeuneId }}
    >
      <RadioGroup
        name="type"
        legend="Dispositif"
        options={TYPE_OPTIONS}
        defaultValue={typedValue(state, "type")}
        errors={errorsOf(state, "type")}
        onChange={setType}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextInput
          name="signeLe"
          type="date"
          label="Signé le"
          required
          max={today}
          defaultValue={typedValue(state, "signeLe", today)}
          error={errorOf(state, "signeLe")}
        />
        <TextInput
          name="debut"
          type="date"
          label="Début du contrat"
          hint="Le jour de la signature ou après."
          required
          defaultValue={typedValue(state, "debut", today)}
          error={errorOf(state, "debut")}
          onChange={(e) => setDebut(e.target.value)}
        />
      </div>
      <div className="max-w-sm">
        <TextInput
          name="finPrevue"
          type="date"
          label="Fin prévue"
          hint={maxEndHint(type, debut, motif)}
          required
          defaultValue={typedValue(state, "finPrevue")}
          error={errorOf(state, "finPrevue")}
        />
      </div>
      {!enhanced || type === "CEJ" ? <ExtensionField state={state} onChange={setMotif} /> : null}
      <Checkbox
        name="etudiant"
        label="Le jeune est étudiant"
        hint="Déclaration du jeune à la signature. Le CEJ n'est pas ouvert aux étudiants."
        defaultChecked={typedValue(state, "etudiant") === "on"}
        errors={errorsOf(state, "etudiant")}
      />
    </ParcoursForm>
  );
}

export interface ContratRef {
  contratId: string;
  version: number;
  type: ContractKind;
  debut: string;
  finPrevue: string;
  prolongationMotif: string | null;
}

/**
 * A change to a signed contract: its id and the version the counsellor saw go back with the form,
 * then a required date comes first and the rest of the fields follow.
 */
function ContratDateForm({
  contrat,
  date,
  children,
  ...form
}: Omit<ComponentProps<typeof ParcoursForm>, "hidden"> & {
  contrat: ContratRef;
  date: { name: string; label: string; hint: string; min?: string; max?: string; defaultValue: string };
}) {
  const { state } = form;
  return (
    <ParcoursForm {...form} hidden={{ contratId: contrat.contratId, version: contrat.version }}>
      <div className="max-w-sm">
        <TextInput
          name={date.name}
          type="date"
          label={date.label}
          hint={date.hint}
          required
          min={date.min}
          max={date.max}
          defaultValue={typedValue(state, date.name, date.defaultValue)}
          error={errorOf(state, date.name)}
        />
      </div>
      {children}
    </ParcoursForm>
  );
}

const MODIFY_FIELDS = ["finPrevue", "prolongationMotif"] as const;

export function ModifyContratForm({ contrat, cancelHref }: { contrat: ContratRef; cancelHref: string }) {
  const [state, action, pending] = useActionState<State, FormData>(modifyContratAction, IDLE);
  const [motif, setMotif] = useState(typedValue(state, "prolongationMotif", contrat.prolongationMotif ?? ""));
  return (
    <ContratDateForm
      contrat={contrat}
      action={action}
      state={state}
      pending={pending}
      fields={MODIFY_FIELDS}
      submit="Enregistrer la modification"
      cancelHref={cancelHref}
      date={{
        name: "finPrevue",
        label: "Nouvelle fin prévue",
        hint: maxEndHint(contrat.type, contrat.debut, motif),
        defaultValue: contrat.finPrevue,
      }}
    >
      {contrat.type === "CEJ" ? <ExtensionField state={state} onChange={setMotif} defaultValue={contrat.prolongationMotif ?? ""} /> : null}
    </ContratDateForm>
  );
}

const END_FIELDS = ["finReelle", "motifSortie", "precision"] as const;

export function EndContratForm({ contrat, today, cancelHref }: { contrat: ContratRef; today: string; cancelHref: string }) {
  const [state, action, pending] = useActionState<State, FormData>(endContratAction, IDLE);
  const maxDate = contrat.finPrevue < today ? contrat.finPrevue : today;
  return (
    <ContratDateForm
      contrat={contrat}
      action={action}
      state={state}
      pending={pending}
      fields={END_FIELDS}
      submit="Enregistrer la sortie"
      variant="danger"
      cancelHref={cancelHref}
      date={{
        name: "finReelle",
        label: "Date de sortie (dernier jour du contrat)",
        hint: `Entre le ${formatLongCivilDate(contrat.debut)} et le ${formatLongCivilDate(maxDate)}.`,
        min: contrat.debut,
        max: maxDate,
        defaultValue: maxDate,
      }}
    >
      <SelectField
        name="motifSortie"
        label="Motif de sortie"
        required
        placeholder="Choisir un motif"
        options={Object.entries(MOTIFS_SORTIE).map(([value, label]) => ({ value, label }))}
        defaultValue={typedValue(state, "motifSortie")}
        error={errorOf(state, "motifSortie")}
        className="max-w-md"
      />
      <Textarea
        name="precision"
        label="Précision"
        hint="Obligatoire pour « Autre motif ». Par exemple : le métier, la formation, la ville. Pas d'information de santé ni de justice."
        rows={2}
        defaultValue={typedValue(state, "precision")}
        error={errorOf(state, "precision")}
      />
    </ContratDateForm>
  );
}

const SWITCH_FIELDS = ["motif", "dateBascule", "signeLe", "finPrevue", "prolongationMotif", "type", "etudiant"] as const;

export function SwitchContratForm({ contrat, today, cancelHref }: { contrat: ContratRef; today: string; cancelHref: string }) {
  const [state, action, pending] = useActionState<State, FormData>(switchContratAction, IDLE);
  const target: ContractKind = contrat.type === "CEJ" ? "PACEA" : "CEJ";
  const [date, setDate] = useState(typedValue(state, "dateBascule", today));
  const [motif, setMotif] = useState(typedValue(state, "prolongationMotif"));
  const typeErrors = errorsOf(state, "type");
  return (
    <ParcoursForm
      action={action}
      state={state}
      pending={pending}
      fields={SWITCH_FIELDS}
      submit={`Passer en ${target}`}
      cancelHref={cancelHref}
      hidden={{ contratId: contrat.contratId, version: contrat.version, type: target }}
    >
      {typeErrors.length > 0 ? (
        <div id="type" tabIndex={-1} className="border-l-2 border-error pl-3 text-sm font-medium text-error">
          {typeErrors.map((m, i) => (
            <p key={i}>
              <span className="sr-only">Erreur : </span>
              {m}
            </p>
          ))}
        </div>
      ) : null}
      <Textarea
        name="motif"
        label={`Motif du passage du ${contrat.type} au ${target}`}
        hint="Conservé dans l'historique du parcours."
        required
        rows={3}
        defaultValue={typedValue(state, "motif")}
        error={errorOf(state, "motif")}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextInput
          name="dateBascule"
          type="date"
          label={`Début du ${target}`}
          hint={
            isValidCivilDate(date)
              ? `Le ${contrat.type} actuel se terminera la veille, le ${formatLongCivilDate(addDays(date, -1))}.`
              : `Le ${contrat.type} actuel se termine la veille.`
          }
          required
          max={today}
          defaultValue={typedValue(state, "dateBascule", today)}
          error={errorOf(state, "dateBascule")}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextInput
          name="signeLe"
          type="date"
          label={`${target} signé le`}
          required
          max={today}
          defaultValue={typedValue(state, "signeLe", today)}
          error={errorOf(state, "signeLe")}
        />
      </div>
      <div className="max-w-sm">
        <TextInput
          name="finPrevue"
          type="date"
          label={`Fin prévue du ${target}`}
          hint={maxEndHint(target, date, motif)}
          required
          defaultValue={typedValue(state, "finPrevue")}
          error={errorOf(state, "finPrevue")}
        />
      </div>
      {target === "CEJ" ? (
        <>
          <ExtensionField state={state} onChange={setMotif} />
          <Checkbox
            name="etudiant"
            label="Le jeune est étudiant"
            hint="Déclaration du jeune à la signature. Le CEJ n'est pas ouvert aux étudiants."
            defaultChecked={typedValue(state, "etudiant") === "on"}
            errors={errorsOf(state, "etudiant")}
          />
        </>
      ) : null}
    </ParcoursForm>
  );
}
