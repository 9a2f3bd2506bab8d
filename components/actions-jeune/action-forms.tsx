"use client";

import type { ReactNode } from "react";
import { TextInput, Textarea } from "@/components/ui/field";
import { FormSection } from "@/components/ui/form-section";
import { SelectField } from "@/components/ui/select";
import { errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import {
  changeActionStatutAction,
  closeActionAction,
  createActionAction,
  editActionAction,
  qualifyActionAction,
} from "@/lib/actions-jeune/actions";
import {
  ACTION_CATEGORIES,
  ACTION_STATUTS,
  CATEGORIE_LABELS,
  STATUT_LABELS,
  type ActionCategorie,
  type ActionStatut,
} from "@/lib/actions-jeune/labels";
import { RadioGroup } from "./form-parts";

const CATEGORIE_OPTIONS = ACTION_CATEGORIES.map((c) => ({ value: c, label: CATEGORIE_LABELS[c] }));

const DUREE_HINT = "Facultatif. En heures et minutes, par exemple « 2 h », « 1 h 30 » ou « 45 min ».";

export interface ActionValues {
  libelle: string;
  categorie: ActionCategorie | "";
  debut: string;
  fin: string;
  duree: string;
  commentaire: string;
}

function ActionFields({
  state,
  id,
  values,
  statutField,
}: {
  state: FormState<unknown>;
  id: (n: string) => string;
  values: ActionValues;
  statutField?: ReactNode;
}) {
  return (
    <>
      <TextInput
        id={id("libelle")}
        name="libelle"
        label="Intitulé de l'action"
        hint="Par exemple : « Candidature chez un transporteur », « Rendez-vous à la CPAM »."
        required
        maxLength={200}
        defaultValue={typedValue(state, "libelle", values.libelle)}
        error={errorOf(state, "libelle")}
      />
      <div className="max-w-md">
        <SelectField
          id={id("categorie")}
          name="categorie"
          label="Catégorie"
          required
          placeholder="Choisir une catégorie"
          options={CATEGORIE_OPTIONS}
          defaultValue={typedValue(state, "categorie", values.categorie)}
          error={errorOf(state, "categorie")}
        />
      </div>
      {statutField}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput
          id={id("debut")}
          name="debut"
          type="date"
          label="Date de début"
          required
          defaultValue={typedValue(state, "debut", values.debut)}
          error={errorOf(state, "debut")}
        />
        <TextInput
          id={id("fin")}
          name="fin"
          type="date"
          label="Date de fin"
          hint="Obligatoire pour une action terminée."
          defaultValue={typedValue(state, "fin", values.fin)}
          error={errorOf(state, "fin")}
        />
      </div>
      <div className="max-w-md">
        <TextInput
          id={id("duree")}
          name="duree"
          label="Durée"
          hint={DUREE_HINT}
          autoComplete="off"
          defaultValue={typedValue(state, "duree", values.duree)}
          error={errorOf(state, "duree")}
        />
      </div>
      <Textarea
        id={id("commentaire")}
        name="commentaire"
        label="Commentaire"
        hint="Facultatif. Pas d'information de santé ni de situation judiciaire ici."
        rows={3}
        maxLength={2000}
        defaultValue={typedValue(state, "commentaire", values.commentaire)}
        error={errorOf(state, "commentaire")}
      />
    </>
  );
}

const CREATE_STATUTS = (["a_faire", "en_cours", "terminee"] as const).map((s) => ({ value: s, label: STATUT_LABELS[s] }));

export function CreateActionForm({ jeuneId, today }: { jeuneId: string; today: string }) {
  return (
    <FormSection
      action={createActionAction}
      prefix="nouvelle"
      title="Nouvelle action"
      description="L'action est rattachée au contrat en cours du jeune, s'il en a un."
      fields={["libelle", "categorie", "statut", "debut", "fin", "duree", "commentaire"]}
      hidden={{ jeuneId }}
      submit="Ajouter l'action"
    >
      {(state, id) => (
        <ActionFields
          state={state}
          id={id}
          values={{ libelle: "", categorie: "", debut: today, fin: "", duree: "", commentaire: "" }}
          statutField={
            <RadioGroup
              id={id("statut")}
              name="statut"
              legend="Où en est l'action ?"
              required
              options={CREATE_STATUTS}
              defaultValue={typedValue(state, "statut", "a_faire")}
              error={errorOf(state, "statut")}
            />
          }
        />
      )}
    </FormSection>
  );
}

export function EditActionForm({
  actionId,
  version,
  values,
  qualifiee,
}: {
  actionId: string;
  version: number;
  values: ActionValues;
  qualifiee: boolean;
}) {
  return (
    <FormSection
      action={editActionAction}
      prefix="modifier"
      title="Modifier l'action"
      description={qualifiee ? "L'action est qualifiée : sa catégorie ne peut plus changer." : undefined}
      fields={["libelle", "categorie", "debut", "fin", "duree", "commentaire"]}
      hidden={{ actionId, version }}
      submit="Enregistrer les modifications"
    >
      {(state, id) => <ActionFields state={state} id={id} values={values} />}
    </FormSection>
  );
}

export function StatutForm({
  actionId,
  version,
  current,
  today,
}: {
  actionId: string;
  version: number;
  current: ActionStatut;
  today: string;
}) {
  const options = ACTION_STATUTS.filter((s) => s !== current).map((s) => ({ value: s, label: STATUT_LABELS[s] }));
  return (
    <FormSection
      action={changeActionStatutAction}
      prefix="statut"
      title="Changer le statut"
      description={`Statut actuel : ${STATUT_LABELS[current]}.`}
      fields={["statut", "fin"]}
      hidden={{ actionId, version }}
      submit="Enregistrer le statut"
      variant="secondary"
    >
      {(state, id) => (
        <>
          <RadioGroup
            id={id("statut")}
            name="statut"
            legend="Nouveau statut"
            required
            options={options}
            defaultValue={typedValue(state, "statut")}
            error={errorOf(state, "statut")}
          />
          <div className="max-w-xs">
            <TextInput
              id={id("fin")}
              name="fin"
              type="date"
              label="Date de fin"
              hint="Obligatoire si l'action est terminée."
              max={today}
              defaultValue={typedValue(state, "fin")}
              error={errorOf(state, "fin")}
            />
          </div>
        </>
      )}
    </FormSection>
  );
}

export function CloseActionForm({
  actionId,
  version,
  today,
  earliest,
}: {
  actionId: string;
  version: number;
  today: string;
  earliest: string;
}) {
  return (
    <FormSection
      action={closeActionAction}
      prefix="cloture"
      title="Terminer l'action"
      description="L'action a eu lieu : indiquez quand elle s'est terminée. Vous pourrez ensuite la qualifier pour que ses heures comptent comme validées."
      fields={["fin", "duree"]}
      hidden={{ actionId, version }}
      submit="Terminer l'action"
    >
      {(state, id) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput
            id={id("fin")}
            name="fin"
            type="date"
            label="Terminée le"
            required
            min={earliest}
            max={today}
            defaultValue={typedValue(state, "fin", today)}
            error={errorOf(state, "fin")}
          />
          <TextInput
            id={id("duree")}
            name="duree"
            label="Durée réelle"
            hint={DUREE_HINT}
            autoComplete="off"
            defaultValue={typedValue(state, "duree")}
            error={errorOf(state, "duree")}
          />
        </div>
      )}
    </FormSection>
  );
}

export function QualifyActionForm({ actionId, version, categorie }: { actionId: string; version: number; categorie: ActionCategorie }) {
  return (
    <FormSection
      action={qualifyActionAction}
      prefix="qualifier"
      title="Qualifier l'action"
      description="Vous confirmez que l'action a bien eu lieu et que sa catégorie est juste. Ses heures comptent alors comme validées dans la jauge du CEJ."
      fields={["categorie"]}
      hidden={{ actionId, version }}
      submit="Qualifier l'action"
    >
      {(state, id) => (
        <div className="max-w-md">
          <SelectField
            id={id("categorie")}
            name="categorie"
            label="Catégorie confirmée"
            required
            options={CATEGORIE_OPTIONS}
            defaultValue={typedValue(state, "categorie", categorie)}
            error={errorOf(state, "categorie")}
          />
        </div>
      )}
    </FormSection>
  );
}
