import type { Ref } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StatusIcon } from "@/components/ui/icons";
import { TextLink } from "@/components/ui/link";
import { formatDate } from "@/lib/format/fr";
import {
  BOOLEAN_FIELDS,
  DISPOSITIF_OPTIONS,
  FIELD_LABELS,
  LOGEMENT_OPTIONS,
  NATIONALITE_OPTIONS,
  NIVEAU_QUALIFICATION_OPTIONS,
  PROTECTION_JURIDIQUE_OPTIONS,
  SEXE_OPTIONS,
  optionLabel,
  type EditableField,
} from "@/lib/jeunes/schema";
import type { ConflictDetails, ConflictField, DuplicateDetails } from "@/lib/jeunes/details";
import { isValidCivilDate } from "@/lib/calendar/civil-date";
import { PersonName } from "@/components/ui/person-name";

export type Option = { value: string; label: string };

/** A saved value as the user reads it (labels for lists, French dates, "Oui"/"Non"). */
export function readableValue(
  field: EditableField,
  value: string,
  lists: { antennes: readonly Option[]; conseillers: readonly Option[] },
): string {
  if (BOOLEAN_FIELDS.has(field)) return value === "on" ? "Oui" : "Non";
  if (value === "") return "vide";
  const options: Partial<Record<EditableField, readonly Option[]>> = {
    sexe: SEXE_OPTIONS,
    nationalite: NATIONALITE_OPTIONS,
    niveauQualification: NIVEAU_QUALIFICATION_OPTIONS,
    logement: LOGEMENT_OPTIONS,
    protectionJuridique: PROTECTION_JURIDIQUE_OPTIONS,
    dispositif: DISPOSITIF_OPTIONS,
    antenneId: lists.antennes,
    conseillerId: lists.conseillers,
  };
  const list = options[field];
  if (list) return optionLabel(list, value) ?? "autre valeur";
  if ((field === "dateNaissance" || field === "titreSejourFin") && isValidCivilDate(value)) return formatDate(value);
  return value;
}

/** Line added under a field's hint when someone else changed it meanwhile. */
export function ConflictMark({ text }: { text: string }) {
  return (
    <span className="mt-1 flex items-start gap-2 font-medium text-warning">
      <StatusIcon tone="warning" className="mt-0.5" />
      <span>
        <span className="sr-only">Attention : </span>
        {text}
      </span>
    </span>
  );
}

export function conflictMarkText(entry: ConflictField, readable: string | null): string {
  if (readable === null) {
    // NIR, health, justice: the new content is not sent to the browser in a conflict.
    return entry.youChanged
      ? "Modifié par quelqu'un d'autre pendant votre saisie (contenu non affiché ici). Vous l'avez aussi modifié : votre saisie remplacera cette version si vous confirmez."
      : "Modifié par quelqu'un d'autre pendant votre saisie (contenu non affiché ici). Si vous ne touchez pas à ce champ, la version de votre collègue sera conservée.";
  }
  const what = `Modifié par quelqu'un d'autre pendant votre saisie : maintenant « ${readable} ».`;
  return entry.youChanged
    ? `${what} Vous l'avez aussi modifié : votre saisie remplacera cette valeur si vous confirmez.`
    : `${what} La nouvelle valeur est reprise ci-dessous.`;
}

export function ConflictNotice({
  conflict,
  readable,
  ref,
}: {
  conflict: ConflictDetails;
  readable: (entry: ConflictField) => string | null;
  ref: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={ref} tabIndex={-1} className="outline-none" role="alert">
      <Alert tone="warning" title="Ce dossier a été modifié par quelqu'un d'autre pendant votre saisie" titleAs="h2">
        <div className="flex flex-col gap-3">
          <p>Rien n'a été enregistré et rien n'a été écrasé. Vos saisies sont conservées dans le formulaire.</p>
          {conflict.fields.length > 0 ? (
            <>
              <p>Champs modifiés entre-temps :</p>
              <ul className="flex list-disc flex-col gap-1 pl-6">
                {conflict.fields.map((entry) => {
                  const value = readable(entry);
                  return (
                    <li key={entry.name}>
                      <a href={`#${entry.name}`} className="font-medium underline underline-offset-4">
                        {FIELD_LABELS[entry.name]}
                      </a>{" "}
                      : {value === null ? "modifié" : `maintenant « ${value} »`}
                      {entry.youChanged ? " (vous l'avez aussi modifié)" : ""}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : (
            <p>Le dossier a changé sans que les champs de ce formulaire soient touchés (par exemple une réaffectation).</p>
          )}
          <p>
            Relisez les champs signalés, puis choisissez « Enregistrer quand même mes modifications » en bas du formulaire. Les champs que
            vous n'avez pas modifiés gardent la version de votre collègue.
          </p>
        </div>
      </Alert>
    </div>
  );
}

export function DuplicateNotice({
  duplicate,
  mode,
  ref,
}: {
  duplicate: DuplicateDetails;
  mode: "create" | "update";
  ref: Ref<HTMLDivElement>;
}) {
  const nothing = mode === "create" ? "Rien n'a été créé." : "Rien n'a été enregistré.";
  const confirmLabel =
    duplicate.scope === "ailleurs"
      ? mode === "create"
        ? "Créer le dossier quand même"
        : "Enregistrer quand même"
      : mode === "create"
        ? "Il s'agit d'une autre personne : créer quand même"
        : "Il s'agit d'une autre personne : enregistrer quand même";

  const title =
    duplicate.scope === "ailleurs"
      ? "Un dossier existe déjà dans une autre mission locale"
      : duplicate.by === "nir"
        ? "Ce numéro de sécurité sociale est déjà enregistré dans votre mission locale"
        : "Ce jeune a peut-être déjà un dossier dans votre mission locale";

  return (
    <div ref={ref} tabIndex={-1} className="outline-none" role="alert">
      <Alert tone={duplicate.by === "nir" && duplicate.scope === "structure" ? "error" : "warning"} title={title} titleAs="h2">
        <div className="flex flex-col gap-3">
          {duplicate.scope === "ailleurs" ? (
            <p>
              {nothing} Ce dossier appartient à une autre mission locale : nous ne pouvons rien en afficher. Vérifiez l'identité saisie. Si
              le jeune a déménagé et s'inscrit chez vous, vous pouvez créer son dossier ici.
            </p>
          ) : (
            <>
              <p>
                {nothing}{" "}
                {duplicate.by === "nir"
                  ? "Un même numéro ne peut pas avoir deux dossiers : vérifiez le numéro saisi ou ouvrez le dossier existant."
                  : "Ce dossier porte le même nom de naissance, les mêmes prénoms et la même date de naissance :"}
              </p>
              {duplicate.candidate && (
                <div className="flex flex-col gap-2 rounded-sm border border-border bg-white p-4">
                  <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
                    <dt className="text-ink-2">Nom</dt>
                    <dd className="font-bold">
                      <PersonName>{duplicate.candidate.nom}</PersonName>
                      {duplicate.candidate.archive ? " (dossier archivé)" : ""}
                    </dd>
                    <dt className="text-ink-2">Date de naissance</dt>
                    <dd>{isValidCivilDate(duplicate.candidate.dateNaissance) ? formatDate(duplicate.candidate.dateNaissance) : "—"}</dd>
                    <dt className="text-ink-2">Conseiller</dt>
                    <dd>{duplicate.candidate.conseiller ? <PersonName>{duplicate.candidate.conseiller}</PersonName> : "Non attribué"}</dd>
                  </dl>
                  <p>
                    <TextLink href={`/jeunes/${duplicate.candidate.id}`} className="font-medium">
                      Ouvrir ce dossier
                    </TextLink>
                  </p>
                </div>
              )}
            </>
          )}
          {duplicate.token && (
            <div>
              <Button type="submit" variant="secondary" name="confirmerDoublon" value={duplicate.token}>
                {confirmLabel}
              </Button>
            </div>
          )}
        </div>
      </Alert>
    </div>
  );
}
