"use client";

import { RadioGroup } from "@/components/allocation/radio-group";
import { TextInput, Textarea } from "@/components/ui/field";
import { FormSection } from "@/components/ui/form-section";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { errorOf, typedValue } from "@/lib/actions/form-state";
import { decideSanctionAction, liftSuspensionAction, recordFailureAction, recordResponseAction } from "@/lib/sanctions/actions";

export function FailureForm({ jeuneId, today }: { jeuneId: string; today: string }) {
  return (
    <FormSection
      action={recordFailureAction}
      prefix="manquement"
      title="Manquement constaté"
      description="Sillage propose le palier du barème en vigueur à la date du manquement. La direction décide, après la réponse du jeune."
      fields={["dateFait", "motif"]}
      submit="Enregistrer le manquement"
      hidden={{ jeuneId }}
    >
      {(state, id) => (
        <>
          <div className="max-w-xs">
            <TextInput
              id={id("dateFait")}
              name="dateFait"
              type="date"
              label="Date du manquement"
              required
              max={today}
              defaultValue={typedValue(state, "dateFait")}
              error={errorOf(state, "dateFait")}
            />
          </div>
          <Textarea
            id={id("motif")}
            name="motif"
            label="Ce qui s'est passé"
            hint="Des faits, sans jugement ni information de santé. Par exemple : « Absent à l'entretien d'embauche du 12 mars chez Transports Rhône, sans prévenir. »"
            required
            rows={4}
            maxLength={2000}
            defaultValue={typedValue(state, "motif")}
            error={errorOf(state, "motif")}
          />
        </>
      )}
    </FormSection>
  );
}

export function ResponseForm({
  sanctionId,
  version,
  today,
  earliest,
  current,
}: {
  sanctionId: string;
  version: number;
  today: string;
  earliest: string;
  current: { reponseJeune: string | null; reponseLe: string | null };
}) {
  return (
    <FormSection
      action={recordResponseAction}
      prefix="reponse"
      title={current.reponseJeune ? "Modifier la réponse du jeune" : "Réponse du jeune"}
      description="Le jeune doit pouvoir expliquer le manquement avant toute décision. Notez sa réponse, ou qu'il n'a pas répondu malgré la relance."
      fields={["reponseLe", "reponseJeune"]}
      submit="Enregistrer la réponse du jeune"
      variant="secondary"
      hidden={{ sanctionId, version }}
    >
      {(state, id) => (
        <>
          <div className="max-w-xs">
            <TextInput
              id={id("reponseLe")}
              name="reponseLe"
              type="date"
              label="Date de la réponse"
              required
              min={earliest}
              max={today}
              defaultValue={typedValue(state, "reponseLe", current.reponseLe ?? today)}
              error={errorOf(state, "reponseLe")}
            />
          </div>
          <Textarea
            id={id("reponseJeune")}
            name="reponseJeune"
            label="Ce que le jeune a répondu"
            required
            rows={4}
            maxLength={4000}
            defaultValue={typedValue(state, "reponseJeune", current.reponseJeune ?? "")}
            error={errorOf(state, "reponseJeune")}
          />
        </>
      )}
    </FormSection>
  );
}

export interface DecideBounds {
  pourcentage: { min: number; max: number };
  mois: { min: number; max: number } | null;
}

export function DecideForm({
  sanctionId,
  version,
  canApply,
  bounds,
  months,
  defaultMonth,
  proposedText,
}: {
  sanctionId: string;
  version: number;
  /** The young person's answer is recorded. */
  canApply: boolean;
  bounds: DecideBounds;
  months: SelectOption[];
  defaultMonth: string;
  proposedText: string;
}) {
  const choosePercent = bounds.pourcentage.min !== bounds.pourcentage.max;
  const chooseMonths = bounds.mois !== null && bounds.mois.min !== bounds.mois.max;
  const issues = canApply
    ? [
        { value: "appliquer", label: "Appliquer la sanction proposée" },
        { value: "abandonner", label: "Abandonner la sanction" },
      ]
    : [{ value: "abandonner", label: "Abandonner la sanction" }];
  return (
    <FormSection
      action={decideSanctionAction}
      prefix="decision"
      title="Décision de la direction"
      description={
        <>
          <p>Palier proposé : {proposedText}</p>
          {canApply ? null : (
            <p className="mt-2">
              Pour appliquer la sanction, enregistrez d&apos;abord la réponse du jeune. Vous pouvez l&apos;abandonner dès maintenant.
            </p>
          )}
        </>
      }
      fields={["issue", "pourcentage", "mois", "premierMois", "motif"]}
      submit="Enregistrer la décision"
      hidden={{ sanctionId, version }}
    >
      {(state, id) => (
        <>
          <RadioGroup
            id={id("issue")}
            name="issue"
            legend="Décision"
            options={issues}
            defaultValue={typedValue(state, "issue", canApply ? "" : "abandonner")}
            error={errorOf(state, "issue")}
          />
          {canApply ? (
            <fieldset className="flex flex-col gap-4 rounded-sm border border-border p-4">
              <legend className="px-1 font-medium">Si vous appliquez la sanction</legend>
              {choosePercent ? (
                <div className="max-w-xs">
                  <TextInput
                    id={id("pourcentage")}
                    name="pourcentage"
                    type="number"
                    inputMode="numeric"
                    min={bounds.pourcentage.min}
                    max={bounds.pourcentage.max}
                    label={`Part de l'allocation retenue, en % (de ${bounds.pourcentage.min} à ${bounds.pourcentage.max})`}
                    defaultValue={typedValue(state, "pourcentage")}
                    error={errorOf(state, "pourcentage")}
                  />
                </div>
              ) : null}
              {chooseMonths && bounds.mois ? (
                <div className="max-w-xs">
                  <TextInput
                    id={id("mois")}
                    name="mois"
                    type="number"
                    inputMode="numeric"
                    min={bounds.mois.min}
                    max={bounds.mois.max}
                    label={`Durée, en mois (de ${bounds.mois.min} à ${bounds.mois.max})`}
                    defaultValue={typedValue(state, "mois")}
                    error={errorOf(state, "mois")}
                  />
                </div>
              ) : null}
              <div className="max-w-xs">
                <SelectField
                  id={id("premierMois")}
                  name="premierMois"
                  label="Premier mois d'allocation concerné"
                  options={months}
                  defaultValue={typedValue(state, "premierMois", defaultMonth)}
                  error={errorOf(state, "premierMois")}
                />
              </div>
            </fieldset>
          ) : null}
          <Textarea
            id={id("motif")}
            name="motif"
            label="Motif de la décision"
            hint="Obligatoire pour abandonner la sanction. Le jeune peut demander à le connaître."
            rows={3}
            maxLength={2000}
            defaultValue={typedValue(state, "motif")}
            error={errorOf(state, "motif")}
          />
        </>
      )}
    </FormSection>
  );
}

export function LiftForm({
  sanctionId,
  version,
  today,
  earliest,
}: {
  sanctionId: string;
  version: number;
  today: string;
  earliest: string;
}) {
  return (
    <FormSection
      action={liftSuspensionAction}
      prefix="levee"
      title="Lever la suspension"
      description="La suspension est levée dès que le jeune respecte à nouveau ses engagements. Les mois suivant cette date ne sont plus touchés."
      fields={["leveeLe"]}
      submit="Lever la suspension"
      variant="secondary"
      hidden={{ sanctionId, version }}
    >
      {(state, id) => (
        <div className="max-w-xs">
          <TextInput
            id={id("leveeLe")}
            name="leveeLe"
            type="date"
            label="Engagements respectés à nouveau depuis le"
            required
            min={earliest}
            max={today}
            defaultValue={typedValue(state, "leveeLe", today)}
            error={errorOf(state, "leveeLe")}
          />
        </div>
      )}
    </FormSection>
  );
}
