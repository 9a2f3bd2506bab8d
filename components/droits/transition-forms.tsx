"use client";

import { TextInput, Textarea } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import {
  applyLimitationAction,
  applyRectificationAction,
  askIdentityComplementAction,
  decideErasureAction,
  forwardToFranceTravailAction,
  recordFranceTravailAnswerAction,
  closeDemandeAction,
  extendDeadlineAction,
  liftLimitationAction,
  recordIdentityComplementAction,
  respondToDemandeAction,
  verifyIdentityAction,
} from "@/lib/droits/actions";
import type { TransitionResult } from "@/lib/droits/transition-writes";
import { StepForm } from "@/components/ui/step-form";
import { CheckboxField } from "./form-parts";

export interface DemandeRef {
  demandeId: string;
  version: number;
  /** Today in Paris, YYYY-MM-DD: default and latest date. */
  today: string;
  /** Earliest date a step may carry (receipt, or the request for more information). */
  earliest: string;
}

type StepProps = Omit<Parameters<typeof StepForm<TransitionResult>>[0], "hidden"> & { refs: DemandeRef };

/** One step of the DPO (success redirects to the request's page, which shows the confirmation: lib/droits/etapes.ts). */
function Step({ refs, ...props }: StepProps) {
  return <StepForm<TransitionResult> {...props} hidden={{ demandeId: refs.demandeId, version: refs.version }} />;
}

function DateField({
  id,
  name,
  label,
  state,
  refs,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  state: FormState<unknown>;
  refs: DemandeRef;
  hint?: string;
}) {
  return (
    <div className="max-w-xs">
      <TextInput
        id={id}
        name={name}
        type="date"
        label={label}
        hint={hint}
        required
        min={refs.earliest}
        max={refs.today}
        defaultValue={typedValue(state, name, refs.today)}
        error={errorOf(state, name)}
      />
    </div>
  );
}

export function AskComplementForm({ refs }: { refs: DemandeRef }) {
  return (
    <Step
      action={askIdentityComplementAction}
      refs={refs}
      prefix="complement"
      title="Demander un complément d'identité"
      description="Seulement en cas de doute raisonnable, et de façon proportionnée (pas de copie de pièce d'identité par défaut). Le délai est suspendu jusqu'à la réception."
      fields={["objet", "demandeeLe"]}
      submit="Noter la demande de complément"
      variant="secondary"
    >
      {(state, id) => (
        <>
          <Textarea
            id={id("objet")}
            name="objet"
            label="Information demandée à la personne"
            hint="La personne lira ce texte : écrivez simplement."
            required
            rows={2}
            defaultValue={typedValue(state, "objet")}
            error={errorOf(state, "objet")}
          />
          <DateField id={id("demandeeLe")} name="demandeeLe" label="Demandé le" state={state} refs={refs} />
        </>
      )}
    </Step>
  );
}

export function ComplementReceivedForm({ refs }: { refs: DemandeRef }) {
  return (
    <Step
      action={recordIdentityComplementAction}
      refs={refs}
      prefix="complement-recu"
      title="Complément d'identité reçu"
      description="Le délai d'un mois repart de la date de réception du complément."
      fields={["recuLe"]}
      submit="Enregistrer la réception du complément"
    >
      {(state, id) => <DateField id={id("recuLe")} name="recuLe" label="Reçu le" state={state} refs={refs} />}
    </Step>
  );
}

export function VerifyIdentityForm({ refs, methodes }: { refs: DemandeRef; methodes: SelectOption[] }) {
  return (
    <Step
      action={verifyIdentityAction}
      refs={refs}
      prefix="identite"
      title="Identité vérifiée"
      fields={["methode", "verifieeLe"]}
      submit="Confirmer l'identité"
    >
      {(state, id) => (
        <>
          <SelectField
            id={id("methode")}
            name="methode"
            label="Comment l'identité a été vérifiée"
            required
            placeholder="Choisir"
            options={methodes}
            defaultValue={typedValue(state, "methode")}
            error={errorOf(state, "methode")}
          />
          <DateField id={id("verifieeLe")} name="verifieeLe" label="Vérifiée le" state={state} refs={refs} />
        </>
      )}
    </Step>
  );
}

export function ExtendForm({ refs, premiereEcheance }: { refs: DemandeRef; premiereEcheance: string | null }) {
  return (
    <Step
      action={extendDeadlineAction}
      refs={refs}
      prefix="prolongation"
      title="Prolonger le délai de deux mois"
      description={
        <>
          Possible une seule fois, pour une demande complexe ou nombreuse, et seulement avant la première échéance
          {premiereEcheance ? ` (le ${premiereEcheance})` : ""}. La personne est prévenue, avec le motif.
        </>
      }
      fields={["motif"]}
      submit="Prolonger et prévenir la personne"
      variant="secondary"
    >
      {(state, id) => (
        <Textarea
          id={id("motif")}
          name="motif"
          label="Motif de la prolongation"
          hint="La personne lira ce motif : écrivez simplement."
          required
          rows={3}
          defaultValue={typedValue(state, "motif")}
          error={errorOf(state, "motif")}
        />
      )}
    </Step>
  );
}

export function RespondForm({
  refs,
  email,
  rule,
}: {
  refs: DemandeRef;
  email: string | null;
  rule?: { label: string; reason: string; excluded: boolean } | null;
}) {
  return (
    <Step
      action={respondToDemandeAction}
      refs={refs}
      prefix="reponse"
      title="Répondre"
      description={
        <>
          <p>La lettre reprend votre décision et votre explication, et rappelle le droit de saisir la CNIL et la justice.</p>
          {rule ? (
            <p className="mt-2 border-l-4 border-warning pl-3 text-ink">
              <strong>Règle de la cartographie pour cette finalité : {rule.label.toLowerCase()}.</strong> {rule.reason}
              {rule.excluded ? " Seul un refus est possible ; la règle figure dans la lettre." : " La règle figure dans la lettre."}
            </p>
          ) : null}
        </>
      }
      fields={["issue", "motif"]}
      submit="Enregistrer la réponse et préparer la lettre"
    >
      {(state, id) => {
        const issueError = errorOf(state, "issue");
        const chosen = typedValue(state, "issue");
        return (
          <>
            <fieldset
              id={id("issue")}
              tabIndex={-1}
              aria-describedby={issueError ? id("issue-error") : undefined}
              className={issueError ? "border-l-2 border-error pl-3" : undefined}
            >
              <legend className="mb-2 font-medium">Décision (obligatoire)</legend>
              <div className="flex flex-col gap-2">
                {[
                  { value: "acceptee", label: "Acceptée" },
                  { value: "partielle", label: "Partiellement acceptée" },
                  { value: "refusee", label: "Refusée" },
                ].map((o) => (
                  <div key={o.value} className="flex items-center gap-3">
                    <input
                      id={id(`issue-${o.value}`)}
                      type="radio"
                      name="issue"
                      value={o.value}
                      defaultChecked={chosen === o.value}
                      className="size-6 accent-primary"
                    />
                    <label htmlFor={id(`issue-${o.value}`)}>{o.label}</label>
                  </div>
                ))}
              </div>
              {issueError ? (
                <p id={id("issue-error")} className="mt-2 text-sm font-medium text-error">
                  <span className="sr-only">Erreur : </span>
                  {issueError}
                </p>
              ) : null}
            </fieldset>
            <Textarea
              id={id("motif")}
              name="motif"
              label="Explication pour la personne"
              hint="En phrases simples. Pour un refus, donnez les raisons : elles figureront dans la lettre."
              required
              rows={5}
              defaultValue={typedValue(state, "motif")}
              error={errorOf(state, "motif")}
            />
            {email ? (
              <CheckboxField
                id={id("envoyer")}
                name="envoyer"
                label={`Envoyer la lettre par e-mail à ${email}`}
                defaultChecked={state.status === "error" ? typedValue(state, "envoyer") === "on" : true}
              />
            ) : (
              <p className="text-sm text-ink-2">
                Aucune adresse e-mail n&apos;est connue : téléchargez la lettre pour l&apos;envoyer par courrier.
              </p>
            )}
          </>
        );
      }}
    </Step>
  );
}

export function CloseForm({ refs }: { refs: DemandeRef }) {
  return (
    <Step
      action={closeDemandeAction}
      refs={refs}
      prefix="cloture"
      title="Clore la demande"
      description="Quand la réponse est remise et que rien ne reste à faire."
      fields={[]}
      submit="Clore la demande"
      variant="secondary"
    />
  );
}

export function ApplyLimitationForm({ refs }: { refs: DemandeRef }) {
  return (
    <Step
      action={applyLimitationAction}
      refs={refs}
      prefix="limitation"
      title="Appliquer la limitation"
      description="Les données du jeune sont gelées : aucune transmission ne part et elles ne sont pas purgées, jusqu'à la levée (RGPD, article 18)."
      fields={[]}
      submit="Appliquer la limitation"
      variant="danger"
    />
  );
}

export function LiftLimitationForm({ refs }: { refs: DemandeRef }) {
  return (
    <Step
      action={liftLimitationAction}
      refs={refs}
      prefix="levee"
      title="Lever la limitation"
      description="Les transmissions reprennent normalement. La personne voit cette étape."
      fields={[]}
      submit="Lever la limitation"
      variant="secondary"
    />
  );
}

/** Dossier field to correct, its new value (checked like the dossier form), the dossier's version. */
export function RectificationForm({ refs, jeuneVersion, champs }: { refs: DemandeRef; jeuneVersion: number; champs: SelectOption[] }) {
  return (
    <Step
      action={applyRectificationAction}
      refs={refs}
      prefix="rectification"
      title="Appliquer la rectification"
      description="Le dossier est corrigé tout de suite. Chaque destinataire qui a reçu l'ancienne valeur reçoit une transmission de rectification (RGPD, article 19). Une information à la fois."
      fields={["champ", "valeur"]}
      submit="Corriger le dossier et prévenir les destinataires"
    >
      {(state, id) => (
        <>
          <input type="hidden" name="jeuneVersion" value={jeuneVersion} />
          <SelectField
            id={id("champ")}
            name="champ"
            label="Information à corriger"
            required
            placeholder="Choisir"
            options={champs}
            defaultValue={typedValue(state, "champ")}
            error={errorOf(state, "champ")}
          />
          <TextInput
            id={id("valeur")}
            name="valeur"
            label="Nouvelle valeur"
            hint="Mêmes règles que dans le dossier. Date au format AAAA-MM-JJ ; sexe : F ou M. Vide pour effacer une information facultative."
            defaultValue={typedValue(state, "valeur")}
            error={errorOf(state, "valeur")}
            autoComplete="off"
          />
        </>
      )}
    </Step>
  );
}

/** The decision on an erasure: the holds found decide between a reasoned refusal and the anonymisation. */
export function ErasureForm({
  refs,
  jeuneVersion,
  holds,
  email,
}: {
  refs: DemandeRef;
  jeuneVersion: number;
  holds: { code: string; text: string; reference: string }[];
  email: string | null;
}) {
  const refused = holds.length > 0;
  return (
    <Step
      action={decideErasureAction}
      refs={refs}
      prefix="effacement"
      title={refused ? "Refuser l'effacement : motifs légaux" : "Effacer le dossier"}
      description={
        refused ? (
          <>
            <p className="mb-2">Les données doivent encore être conservées. La lettre de refus donne ces motifs, en mots simples :</p>
            <ul className="flex list-disc flex-col gap-2 pl-5 text-ink">
              {holds.map((h) => (
                <li key={h.code}>
                  {h.text} <span className="text-sm text-ink-2">({h.reference})</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            Aucun motif légal ne s&apos;y oppose : ni contrat en cours, ni allocation dans les 10 ans, ni audit du FSE, et la durée de
            conservation est écoulée. Le dossier sera anonymisé comme en fin de conservation : identité, coordonnées, NIR et notes effacés ;
            statistiques conservées. C&apos;est définitif.
          </p>
        )
      }
      fields={["note"]}
      submit={refused ? "Refuser avec ces motifs et préparer la lettre" : "Anonymiser le dossier et répondre « acceptée »"}
      variant={refused ? "primary" : "danger"}
    >
      {(state, id) => (
        <>
          <input type="hidden" name="jeuneVersion" value={jeuneVersion} />
          <input type="hidden" name="attendu" value={refused ? "refus" : "effacement"} />
          <Textarea
            id={id("note")}
            name="note"
            label="Explication ajoutée à la lettre (facultatif)"
            hint="La personne lira ce texte : écrivez simplement."
            rows={3}
            defaultValue={typedValue(state, "note")}
            error={errorOf(state, "note")}
          />
          {email ? (
            <CheckboxField
              id={id("envoyer")}
              name="envoyer"
              label={`Envoyer la lettre par e-mail à ${email}`}
              hint={refused ? undefined : "Envoyée avant l'effacement : ensuite, l'adresse n'est plus connue."}
              defaultChecked={state.status === "error" ? typedValue(state, "envoyer") === "on" : true}
            />
          ) : (
            <p className="text-sm text-ink-2">
              Aucune adresse e-mail n&apos;est connue : téléchargez la lettre pour l&apos;envoyer par courrier.
            </p>
          )}
        </>
      )}
    </Step>
  );
}

export function ForwardForm({ refs }: { refs: DemandeRef }) {
  return (
    <Step
      action={forwardToFranceTravailAction}
      refs={refs}
      prefix="transmission-ft"
      title="Transmettre à France Travail"
      description="Si la demande porte sur des données que France Travail détient (responsable conjoint). Seuls partent le nom, les prénoms, la date de naissance, l'e-mail, le type de demande et sa date de réception : jamais le texte de la demande. La demande reste ouverte jusqu'à la réponse de France Travail."
      fields={[]}
      submit="Transmettre à France Travail"
      variant="secondary"
    />
  );
}

export function FranceTravailAnswerForm({ refs }: { refs: DemandeRef }) {
  return (
    <Step
      action={recordFranceTravailAnswerAction}
      refs={refs}
      prefix="reponse-ft"
      title="Réponse de France Travail"
      description="Enregistrez la réponse reçue : vous pourrez ensuite répondre à la personne."
      fields={["reponduLe", "resume"]}
      submit="Enregistrer la réponse de France Travail"
    >
      {(state, id) => (
        <>
          <DateField id={id("reponduLe")} name="reponduLe" label="Réponse reçue le" state={state} refs={refs} />
          <Textarea
            id={id("resume")}
            name="resume"
            label="Résumé de la réponse"
            hint="La personne lira ce résumé : écrivez simplement."
            required
            rows={3}
            defaultValue={typedValue(state, "resume")}
            error={errorOf(state, "resume")}
          />
        </>
      )}
    </Step>
  );
}
