"use client";

import { useActionState, useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextInput, Textarea } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { recordDeskDemandeAction, recordDpoDemandeAction } from "@/lib/droits/actions";
import type { CreatedDemande } from "@/lib/droits/intake-writes";
import { Alert } from "@/components/ui/alert";
import { FormFeedback } from "@/components/ui/form-feedback";
import { CheckboxField, useFocusOnSuccess } from "./form-parts";

const FIELDS = ["jeuneId", "type", "finalite", "objet", "canal", "recueLe", "identiteMethode"] as const;
const NEEDS_FINALITE = new Set(["opposition", "question_transmission"]);

export interface IntakeOptions {
  types: (SelectOption & { hint: string })[];
  finalites: SelectOption[];
  /** Today in Paris (YYYY-MM-DD): default and latest date of receipt. */
  today: string;
  /** Earliest date of receipt accepted (one year back). */
  earliest: string;
  /** Pre-filled from a transfer line ("Question sur cette transmission"). */
  initial?: { type: string; finalite: string; objet: string; transmissionId: string; reference: string };
}

function RequestFields({ state, options }: { state: FormState<unknown>; options: IntakeOptions }) {
  const initial = options.initial;
  const [type, setType] = useState(typedValue(state, "type", initial?.type ?? ""));
  const typeError = errorOf(state, "type");
  // Until JavaScript runs, every field shows; then the finality only for the rights that need it.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return (
    <>
      {initial ? (
        <>
          <input type="hidden" name="transmissionId" value={initial.transmissionId} />
          <p className="rounded-sm bg-alt p-3">La question porte sur {initial.reference}.</p>
        </>
      ) : null}
      <RadioGroup
        id="type"
        name="type"
        legend="Droit que la personne veut exercer"
        required
        hint="Pour obtenir une copie de ses données, choisissez « Accès ». La portabilité ne s'applique pas : les missions locales traitent les données pour une mission d'intérêt public."
        options={options.types}
        layout="cards"
        defaultValue={typedValue(state, "type", initial?.type ?? "")}
        onChange={setType}
        error={typeError}
      />
      {!enhanced || NEEDS_FINALITE.has(type) ? (
        <SelectField
          name="finalite"
          label="Utilisation des données concernée (finalité)"
          hint="Obligatoire pour une opposition ou une question sur une transmission."
          placeholder="Choisir une finalité"
          options={options.finalites}
          defaultValue={typedValue(state, "finalite", initial?.finalite ?? "")}
          error={errorOf(state, "finalite")}
        />
      ) : null}
      <Textarea
        name="objet"
        label="Ce que la personne demande"
        hint="Reprenez ses mots. Ne notez pas d'information de santé ou de justice."
        required
        rows={4}
        defaultValue={typedValue(state, "objet", initial?.objet ?? "")}
        error={errorOf(state, "objet")}
      />
    </>
  );
}

function DateReceived({ state, options, hint }: { state: FormState<unknown>; options: IntakeOptions; hint: string }) {
  return (
    <div className="max-w-xs">
      <TextInput
        name="recueLe"
        type="date"
        label="Date de réception"
        hint={hint}
        required
        min={options.earliest}
        max={options.today}
        defaultValue={typedValue(state, "recueLe", options.today)}
        error={errorOf(state, "recueLe")}
      />
    </div>
  );
}

/** Counsellor at the desk, acting for the young person (mandataire): produces a dated receipt. */
export function DeskIntakeForm({ jeuneId, email, options }: { jeuneId: string; email: string | null; options: IntakeOptions }) {
  const [state, action, pending] = useActionState<FormState<CreatedDemande>, FormData>(recordDeskDemandeAction, IDLE);
  const successRef = useFocusOnSuccess(state);

  if (state.status === "success") {
    const d = state.data;
    return (
      <div ref={successRef} tabIndex={-1} className="outline-none">
        <Alert tone="success" live="polite">
          <p>{state.message}</p>
          <p className="mt-2">
            {d.mailed ? "L'accusé de réception part aussi par e-mail." : "Remettez l'accusé de réception à la personne."}
          </p>
          <ul className="mt-3 flex flex-col gap-2">
            <li>
              <a
                href={`/jeunes/${jeuneId}/droits/${d.id}/accuse-reception.pdf`}
                className="font-medium text-primary underline underline-offset-4 hover:decoration-2"
              >
                Télécharger l&apos;accusé de réception n° {d.numero} (PDF)
              </a>
            </li>
            <li>
              <a href={`/jeunes/${jeuneId}?onglet=droits`} className="text-primary underline underline-offset-4 hover:decoration-2">
                Retour aux demandes du dossier
              </a>
            </li>
            <li>
              <a href={`/jeunes/${jeuneId}/droits/nouvelle`} className="text-primary underline underline-offset-4 hover:decoration-2">
                Enregistrer une autre demande
              </a>
            </li>
          </ul>
        </Alert>
      </div>
    );
  }

  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <input type="hidden" name="jeuneId" value={jeuneId} />
      <FormFeedback state={state} fields={FIELDS} />
      <RequestFields state={state} options={options} />
      <DateReceived
        state={state}
        options={options}
        hint="Aujourd'hui si la personne est devant vous. Le délai de réponse d'un mois part de cette date."
      />
      <fieldset className="flex flex-col gap-4 rounded-sm border border-border p-4">
        <legend className="px-1 font-bold">Identité et accusé de réception</legend>
        <CheckboxField
          name="identiteVerifiee"
          label="Je connais la personne et je l'ai rencontrée au guichet : son identité est vérifiée"
          hint="Pas de copie de pièce d'identité pour une personne connue rencontrée en personne. Sinon, laissez décoché : le délégué à la protection des données vérifiera."
          defaultChecked={typedValue(state, "identiteVerifiee") === "on"}
        />
        {email ? (
          <CheckboxField
            name="envoyerAccuse"
            label={`Envoyer aussi l'accusé de réception par e-mail à ${email}`}
            hint="Vous pourrez de toute façon l'imprimer."
            defaultChecked={state.status === "error" ? typedValue(state, "envoyerAccuse") === "on" : true}
          />
        ) : (
          <p className="text-sm text-ink-2">
            Aucune adresse e-mail n&apos;est connue : imprimez l&apos;accusé de réception pour la personne.
          </p>
        )}
      </fieldset>
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer la demande"}
        </Button>
      </div>
    </ActionForm>
  );
}

/** DPO: a letter or an e-mail received for a young person of the structure. */
export function DpoIntakeForm({
  jeuneId,
  email,
  options,
  methodes,
}: {
  jeuneId: string;
  email: string | null;
  options: IntakeOptions;
  methodes: SelectOption[];
}) {
  const [state, action, pending] = useActionState<FormState<CreatedDemande>, FormData>(recordDpoDemandeAction, IDLE);
  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <input type="hidden" name="jeuneId" value={jeuneId} />
      <FormFeedback state={state} fields={FIELDS} />
      <SelectField
        name="canal"
        label="Arrivée par"
        required
        placeholder="Choisir"
        options={[
          { value: "courrier", label: "Courrier" },
          { value: "courriel", label: "Courriel" },
        ]}
        defaultValue={typedValue(state, "canal")}
        error={errorOf(state, "canal")}
        className="max-w-xs"
      />
      <RequestFields state={state} options={options} />
      <DateReceived
        state={state}
        options={options}
        hint="Date d'arrivée du courrier ou du courriel, pas celle de son ouverture. Le délai d'un mois part de cette date."
      />
      <fieldset className="flex flex-col gap-4 rounded-sm border border-border p-4">
        <legend className="px-1 font-bold">Identité et accusé de réception</legend>
        <SelectField
          name="identiteMethode"
          label="Vérification de l'identité"
          hint="Laissez « Pas encore vérifiée » si vous devez demander un complément : vous le ferez depuis la demande."
          placeholder="Pas encore vérifiée"
          options={methodes}
          defaultValue={typedValue(state, "identiteMethode")}
          error={errorOf(state, "identiteMethode")}
        />
        {email ? (
          <CheckboxField
            name="envoyerAccuse"
            label={`Envoyer l'accusé de réception par e-mail à ${email}`}
            defaultChecked={state.status === "error" ? typedValue(state, "envoyerAccuse") === "on" : true}
          />
        ) : (
          <p className="text-sm text-ink-2">Aucune adresse e-mail n&apos;est connue : envoyez l&apos;accusé de réception par courrier.</p>
        )}
      </fieldset>
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer la demande"}
        </Button>
      </div>
    </ActionForm>
  );
}
