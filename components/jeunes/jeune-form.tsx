"use client";

import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextInput, Textarea } from "@/components/ui/field";
import { ButtonLink } from "@/components/ui/link";
import { SelectField } from "@/components/ui/select";
import { IDLE, errorOf, type FormState } from "@/lib/actions/form-state";
import { createJeuneAction, updateJeuneAction } from "@/lib/jeunes/actions";
import {
  DISPOSITIF_OPTIONS,
  EDITABLE_FIELDS,
  LOGEMENT_OPTIONS,
  NATIONALITE_OPTIONS,
  NIVEAU_QUALIFICATION_OPTIONS,
  PROTECTION_JURIDIQUE_OPTIONS,
  SENSITIVE_FIELDS,
  SEXE_OPTIONS,
  type EditableField,
} from "@/lib/jeunes/schema";
import { Checkbox, RadioGroup } from "./form-controls";
import { NirReveal } from "./nir-reveal";
import { ConflictMark, ConflictNotice, DuplicateNotice, conflictMarkText, readableValue, type Option } from "./jeune-form-feedback";

type Result = FormState<{ id: string }>;

export type JeuneFormProps = {
  mode: "create" | "update";
  /** Field values to start from, as the form writes them ("on" for ticked boxes); never the NIR. */
  initial: Record<string, string>;
  antennes: Option[];
  conseillers: Option[];
  /** Where "Annuler" goes: the portfolio (create) or the dossier (update). */
  cancelHref: string;
  /** Update only. */
  jeuneId?: string;
  version?: number;
  /** Keyed hash per field as loaded (see lib/jeunes/save.ts fieldHashes). */
  etatInitial?: string;
  /** Update only: the stored NIR masked ("2 05 03 •• ••• ••• ••"), or null when none is stored. */
  nirMasked?: string | null;
  /** Today (Europe/Paris), for the date pickers' bounds. */
  today: string;
};

// Error-summary order = form order; "version" and "id" come from hidden inputs.
const SUMMARY_ORDER = [...EDITABLE_FIELDS, "supprimerNir"] as const;

export function JeuneForm(props: JeuneFormProps) {
  const { mode, initial, antennes, conseillers, cancelHref, nirMasked, today } = props;
  const [state, action, pending] = useActionState<Result, FormData>(mode === "create" ? createJeuneAction : updateJeuneAction, IDLE);

  // Every answer remounts the fields from the values sent back (React's recommended "adjust state on
  // change" pattern): the NIR input comes back empty on purpose, and after a conflict the fields the
  // user left alone show what a colleague saved meanwhile.
  const [seen, setSeen] = useState<Result>(state);
  const [generation, setGeneration] = useState(0);
  const [nirFilled, setNirFilled] = useState(false);
  const [nirLost, setNirLost] = useState(false);
  const [nationalite, setNationalite] = useState(initial.nationalite ?? "francaise");

  const error = state.status === "error" ? state : null;
  const duplicate = error?.details?.kind === "duplicate" ? error.details : null;
  const conflict = error?.details?.kind === "conflict" ? error.details : null;
  const conflictOf = (name: EditableField) => conflict?.fields.find((f) => f.name === name);

  /** Value of a field after an answer: what the user sent, or what a colleague saved in a field the user left alone. */
  function value(name: EditableField): string {
    const changed = conflictOf(name);
    if (changed && !changed.youChanged && changed.current !== null) return changed.current;
    if (error) return error.values[name] ?? "";
    return initial[name] ?? "";
  }
  const checked = (name: EditableField) => value(name) === "on";

  if (state !== seen) {
    setSeen(state);
    setGeneration((g) => g + 1);
    setNirLost(state.status === "error" && nirFilled);
    setNirFilled(false);
    if (error) setNationalite(value("nationalite") || "francaise");
  }

  const feedbackRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") feedbackRef.current?.focus();
  }, [state]);

  const fieldError = (name: string) => (conflict ? undefined : errorOf(state, name));
  const summary =
    error && !conflict
      ? SUMMARY_ORDER.flatMap((f) => (error.fieldErrors[f]?.[0] ? [{ fieldId: f, message: error.fieldErrors[f][0] }] : []))
      : [];
  const lists = { antennes, conseillers };
  const readable = (entry: NonNullable<ReturnType<typeof conflictOf>>) =>
    entry.current === null || SENSITIVE_FIELDS.has(entry.name) ? null : readableValue(entry.name, entry.current, lists);

  /** The field's hint, plus the "changed meanwhile" line during a conflict. */
  function hint(name: EditableField, text?: ReactNode): ReactNode {
    const changed = conflictOf(name);
    if (!changed) return text;
    return (
      <>
        {text}
        <ConflictMark text={conflictMarkText(changed, readable(changed))} />
      </>
    );
  }

  const topMessage = error && !duplicate && !conflict && summary.length === 0 ? error.message : null;
  const submitLabel = conflict
    ? "Enregistrer quand même mes modifications"
    : pending
      ? "Enregistrement…"
      : mode === "create"
        ? "Créer le dossier"
        : "Enregistrer les modifications";

  const nirHint = (
    <>
      Facultatif. 15 caractères : 13 chiffres puis la clé de 2 chiffres, par exemple 2 05 03 69 123 456 78. Les espaces sont acceptés.
      {mode === "update" && nirMasked && " Laissez vide pour conserver le numéro enregistré."}
      {nirLost && (
        <span className="mt-1 block font-medium text-warning">
          Par sécurité, ressaisissez le NIR : il n'est jamais réaffiché après une erreur.
        </span>
      )}
    </>
  );

  return (
    <ActionForm action={action} className="flex max-w-4xl flex-col gap-8" aria-describedby="jeune-form-required">
      {mode === "update" && (
        <>
          <input type="hidden" name="id" value={props.jeuneId} />
          <input type="hidden" name="version" value={props.version} />
          <input type="hidden" name="etatInitial" value={props.etatInitial} />
        </>
      )}

      <p id="jeune-form-required" className="text-ink-2">
        Les champs marqués « obligatoire » doivent être remplis. Les autres peuvent l'être plus tard.
      </p>

      {conflict ? (
        <ConflictNotice conflict={conflict} readable={readable} ref={feedbackRef} />
      ) : duplicate ? (
        <DuplicateNotice duplicate={duplicate} mode={mode} ref={feedbackRef} />
      ) : summary.length > 0 ? (
        <ErrorSummary errors={summary} ref={feedbackRef} />
      ) : topMessage ? (
        <div ref={feedbackRef} tabIndex={-1} className="outline-none">
          <Alert tone="error" live="assertive">
            {topMessage}
          </Alert>
        </div>
      ) : null}

      <div key={generation} className="flex flex-col gap-8">
        <Section title="Identité">
          <TextInput
            name="nomNaissance"
            label="Nom de naissance"
            required
            autoComplete="off"
            spellCheck={false}
            hint={hint("nomNaissance", "Tel qu'il figure sur la pièce d'identité.")}
            defaultValue={value("nomNaissance")}
            error={fieldError("nomNaissance")}
          />
          <TextInput
            name="nomUsage"
            label="Nom d'usage"
            autoComplete="off"
            spellCheck={false}
            hint={hint("nomUsage", "Facultatif. Seulement s'il diffère du nom de naissance.")}
            defaultValue={value("nomUsage")}
            error={fieldError("nomUsage")}
          />
          <TextInput
            name="prenoms"
            label="Prénoms"
            required
            autoComplete="off"
            spellCheck={false}
            hint={hint("prenoms", "Dans l'ordre de l'état civil, séparés par un espace.")}
            defaultValue={value("prenoms")}
            error={fieldError("prenoms")}
          />
          <TextInput
            name="dateNaissance"
            type="date"
            label="Date de naissance"
            required
            autoComplete="off"
            min="1900-01-01"
            max={today}
            hint={hint("dateNaissance", "Par exemple 14/03/2006. De 16 à 25 ans révolus à l'inscription.")}
            defaultValue={value("dateNaissance")}
            error={fieldError("dateNaissance")}
          />
          <TextInput
            name="communeNaissance"
            label="Commune de naissance"
            autoComplete="off"
            hint={hint("communeNaissance", "Facultatif. Pour une naissance à l'étranger, indiquez le pays.")}
            defaultValue={value("communeNaissance")}
            error={fieldError("communeNaissance")}
          />
          <RadioGroup
            name="sexe"
            legend="Sexe"
            required
            inline
            hint={hint("sexe", "Tel qu'il figure à l'état civil : il sert à vérifier le NIR.")}
            options={SEXE_OPTIONS}
            defaultValue={value("sexe")}
            error={fieldError("sexe")}
          />
          <SelectField
            name="nationalite"
            label="Nationalité"
            required
            options={NATIONALITE_OPTIONS}
            hint={hint("nationalite")}
            defaultValue={value("nationalite") || "francaise"}
            onChange={(e) => setNationalite(e.currentTarget.value)}
            error={fieldError("nationalite")}
          />
          {nationalite !== "francaise" && (
            <TextInput
              name="titreSejourFin"
              type="date"
              label="Fin de validité du titre de séjour"
              autoComplete="off"
              min="1900-01-01"
              hint={hint("titreSejourFin", "Facultatif. Date de fin du titre de séjour ou du récépissé, par exemple 30/06/2027.")}
              defaultValue={value("titreSejourFin")}
              error={fieldError("titreSejourFin")}
            />
          )}
        </Section>

        <Section title="Numéros d'identification">
          <div className="flex flex-col gap-3">
            <TextInput
              name="nir"
              label="Numéro de sécurité sociale (NIR)"
              autoComplete="off"
              inputMode="text"
              spellCheck={false}
              maxLength={30}
              hint={hint("nir", nirHint)}
              defaultValue=""
              onChange={(e) => {
                setNirFilled(e.currentTarget.value.trim() !== "");
                if (nirLost) setNirLost(false);
              }}
              error={fieldError("nir")}
            />
            {mode === "update" && nirMasked && props.jeuneId && (
              <div className="flex flex-col gap-3 rounded-sm border border-border bg-alt p-3">
                <div className="flex flex-col gap-1">
                  <p className="font-medium">Numéro enregistré</p>
                  <NirReveal jeuneId={props.jeuneId} masked={nirMasked} />
                </div>
                <Checkbox
                  name="supprimerNir"
                  label="Supprimer le NIR enregistré"
                  defaultChecked={error?.values.supprimerNir === "on"}
                  error={fieldError("supprimerNir")}
                />
              </div>
            )}
          </div>
          <TextInput
            name="ftIdentifiant"
            label="Identifiant France Travail"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            hint={hint("ftIdentifiant", "Facultatif. 7 à 11 lettres ou chiffres, par exemple 1234567A.")}
            defaultValue={value("ftIdentifiant")}
            error={fieldError("ftIdentifiant")}
          />
        </Section>

        {/* autoComplete="off" on purpose: the browser would offer the counsellor's own name and address. */}
        <Section title="Coordonnées">
          <TextInput
            name="telephone"
            type="tel"
            inputMode="tel"
            label="Téléphone"
            autoComplete="off"
            hint={hint("telephone", "Facultatif. 10 chiffres, par exemple 06 12 34 56 78.")}
            defaultValue={value("telephone")}
            error={fieldError("telephone")}
          />
          <TextInput
            name="email"
            type="email"
            inputMode="email"
            label="Adresse e-mail"
            autoComplete="off"
            spellCheck={false}
            hint={hint("email", "Facultatif. Par exemple prenom.nom@exemple.fr.")}
            defaultValue={value("email")}
            error={fieldError("email")}
          />
          <Wide>
            <TextInput
              name="adresse"
              label="Adresse"
              autoComplete="off"
              hint={hint("adresse", "Facultatif. Numéro et rue, complément éventuel (bâtiment, chez…).")}
              defaultValue={value("adresse")}
              error={fieldError("adresse")}
            />
          </Wide>
          <TextInput
            name="codePostal"
            label="Code postal"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            className="sm:max-w-40"
            hint={hint("codePostal", "Facultatif. 5 chiffres, par exemple 69008.")}
            defaultValue={value("codePostal")}
            error={fieldError("codePostal")}
          />
          <TextInput
            name="commune"
            label="Commune"
            autoComplete="off"
            hint={hint("commune", "Facultatif.")}
            defaultValue={value("commune")}
            error={fieldError("commune")}
          />
        </Section>

        <Section title="Situation">
          <SelectField
            name="niveauQualification"
            label="Niveau de qualification"
            placeholder="Non renseigné"
            options={NIVEAU_QUALIFICATION_OPTIONS}
            hint={hint("niveauQualification", "Facultatif. Plus haut diplôme obtenu.")}
            defaultValue={value("niveauQualification")}
            error={fieldError("niveauQualification")}
          />
          <SelectField
            name="logement"
            label="Logement"
            placeholder="Non renseigné"
            options={LOGEMENT_OPTIONS}
            hint={hint("logement", "Facultatif. Situation actuelle.")}
            defaultValue={value("logement")}
            error={fieldError("logement")}
          />
          <fieldset className="flex min-w-0 flex-col gap-3">
            <legend className="mb-2 font-medium">Mobilité</legend>
            <Checkbox
              name="permisB"
              label="Permis B"
              hint={hint("permisB")}
              defaultChecked={checked("permisB")}
              error={fieldError("permisB")}
            />
            <Checkbox
              name="vehicule"
              label="Véhicule personnel"
              hint={hint("vehicule", "Voiture, scooter ou moto.")}
              defaultChecked={checked("vehicule")}
              error={fieldError("vehicule")}
            />
          </fieldset>
          <fieldset className="flex min-w-0 flex-col gap-3">
            <legend className="mb-2 font-medium">Handicap</legend>
            <Checkbox
              name="rqth"
              label="RQTH (reconnaissance de la qualité de travailleur handicapé)"
              hint={hint("rqth", "Ouvre le CEJ jusqu'à 29 ans révolus.")}
              defaultChecked={checked("rqth")}
              error={fieldError("rqth")}
            />
          </fieldset>
          <SelectField
            name="protectionJuridique"
            label="Protection juridique"
            required
            options={PROTECTION_JURIDIQUE_OPTIONS}
            hint={hint("protectionJuridique", "Mesure de protection d'un majeur décidée par un juge.")}
            defaultValue={value("protectionJuridique") || "aucune"}
            error={fieldError("protectionJuridique")}
          />
        </Section>

        <Section title="Accompagnement">
          <Wide>
            <RadioGroup
              name="dispositif"
              legend="Dispositif envisagé"
              required
              hint={hint("dispositif", "L'âge limite en dépend : 25 ans révolus, ou 29 ans pour un CEJ avec une RQTH.")}
              options={DISPOSITIF_OPTIONS}
              defaultValue={value("dispositif") || "aucun"}
              error={fieldError("dispositif")}
            />
          </Wide>
          <SelectField
            name="antenneId"
            label="Antenne"
            required
            placeholder="Choisir une antenne"
            options={antennes}
            hint={hint("antenneId")}
            defaultValue={value("antenneId")}
            error={fieldError("antenneId")}
          />
          <SelectField
            name="conseillerId"
            label="Conseiller ou conseillère référent(e)"
            required
            placeholder="Choisir une personne"
            options={conseillers}
            hint={hint("conseillerId")}
            defaultValue={value("conseillerId")}
            error={fieldError("conseillerId")}
          />
          <Wide>
            <Textarea
              name="commentaire"
              label="Commentaire"
              rows={5}
              hint={hint(
                "commentaire",
                "Facultatif. Notes de suivi pour l'équipe de la mission locale. Ce commentaire n'est jamais transmis à un partenaire (France Travail, CPAM, ASP…).",
              )}
              defaultValue={value("commentaire")}
              error={fieldError("commentaire")}
            />
          </Wide>
        </Section>

        <Section
          title="Informations sensibles"
          tone="sensitive"
          badge={<Badge tone="warning">Données sensibles</Badge>}
          description="Santé et justice : ne remplissez ces champs que si c'est nécessaire à l'accompagnement, avec des mots factuels. Ils ne sont jamais transmis à aucun partenaire, n'apparaissent dans aucune liste et le jeune peut en demander la lecture."
        >
          <Wide>
            <Textarea
              name="sante"
              label="Santé"
              rows={3}
              hint={hint("sante", "Facultatif. Seulement ce qui a une incidence sur l'accompagnement (par exemple : horaires aménagés).")}
              defaultValue={value("sante")}
              error={fieldError("sante")}
            />
          </Wide>
          <Wide>
            <Textarea
              name="situationJustice"
              label="Situation judiciaire"
              rows={3}
              hint={hint("situationJustice", "Facultatif. Par exemple : suivi par le SPIP, obligation de pointage.")}
              defaultValue={value("situationJustice")}
              error={fieldError("situationJustice")}
            />
          </Wide>
        </Section>
      </div>

      <div className="flex flex-col gap-3 border-t border-border pt-6 sm:flex-row sm:items-center">
        <Button
          type="submit"
          variant="primary"
          disabled={pending}
          {...(conflict ? { name: "versionVue", value: String(conflict.version) } : {})}
        >
          {submitLabel}
        </Button>
        <ButtonLink href={cancelHref} variant="tertiary">
          {conflict ? "Abandonner mes modifications" : "Annuler"}
        </ButtonLink>
      </div>
    </ActionForm>
  );
}

function Section({
  title,
  description,
  badge,
  tone,
  children,
}: {
  title: string;
  description?: string;
  badge?: ReactNode;
  tone?: "sensitive";
  children: ReactNode;
}) {
  return (
    <fieldset
      className={
        tone === "sensitive"
          ? "min-w-0 rounded-lg border-2 border-l-8 border-warning bg-alt p-4 sm:p-6"
          : "min-w-0 rounded-lg border border-border p-4 sm:p-6"
      }
    >
      <legend className="float-left mb-4 flex w-full flex-wrap items-center gap-3">
        <h2 className="text-[1.375rem]">{title}</h2>
        {badge}
      </legend>
      {description && <p className="clear-both mb-5 text-ink-2">{description}</p>}
      <div className="clear-both grid gap-x-6 gap-y-6 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

function Wide({ children }: { children: ReactNode }) {
  return <div className="sm:col-span-2">{children}</div>;
}
