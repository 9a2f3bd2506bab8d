import type { ReactNode } from "react";
import { linkTone } from "@/components/ui/tones";
import { formatDate } from "@/lib/format/fr";
import type { DossierView } from "@/lib/jeunes/dossier";
import { LOGEMENT_OPTIONS, NIVEAU_QUALIFICATION_OPTIONS, optionLabel } from "@/lib/jeunes/schema";
import { NATIONALITE_LABELS, PROTECTION_LABELS, SEXE_LABELS, valueLabel } from "@/lib/jeunes/field-labels";
import { DispositifBadge } from "./dossier-header";
import { InfoList, Missing } from "./info-list";
import { PersonName } from "@/components/ui/person-name";

function yesNo(value: boolean): string {
  return value ? "Oui" : "Non";
}

/** Health and justice: whether something is recorded, never what. Showing it needs a deliberate action. */
function sensitive(filled: boolean): ReactNode {
  return filled ? "Renseigné — non affiché" : <Missing />;
}

function Section({ id, title, hint, children }: { id: string; title: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-sm border border-border p-4 sm:p-6">
      <h3 id={id} className="mb-1">
        {title}
      </h3>
      {hint ? <p className="mb-4 text-sm text-ink-2">{hint}</p> : <div className="mb-3" />}
      {children}
    </section>
  );
}

export function IdentiteTab({ dossier, nir, espace }: { dossier: DossierView; nir: ReactNode; espace?: ReactNode }) {
  const { jeune } = dossier;
  const adresse = [jeune.adresse, [jeune.codePostal, jeune.commune].filter(Boolean).join(" ")].filter(Boolean);
  const showTitreSejour = jeune.nationalite === "hors_ue" || jeune.titreSejourFin !== null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section id="identite-etat-civil" title="État civil">
        <InfoList
          items={[
            { label: "Nom de naissance", value: <PersonName>{jeune.nomNaissance}</PersonName> },
            { label: "Nom d'usage", value: jeune.nomUsage ? <PersonName>{jeune.nomUsage}</PersonName> : null },
            { label: "Prénoms", value: <PersonName>{jeune.prenoms}</PersonName> },
            { label: "Sexe", value: SEXE_LABELS[jeune.sexe] },
            { label: "Date de naissance", value: formatDate(jeune.dateNaissance) },
            { label: "Commune de naissance", value: jeune.communeNaissance },
            { label: "Nationalité", value: NATIONALITE_LABELS[jeune.nationalite] },
          ]}
        />
      </Section>
      <Section id="identite-coordonnees" title="Coordonnées">
        <InfoList
          items={[
            {
              label: "Téléphone",
              value: jeune.telephone ? (
                <a href={`tel:${jeune.telephone.replace(/[\s.]/g, "")}`} className={`${linkTone} underline underline-offset-4`}>
                  {jeune.telephone}
                </a>
              ) : null,
            },
            {
              label: "Adresse e-mail",
              value: jeune.email ? (
                <a href={`mailto:${jeune.email}`} className={`${linkTone} underline underline-offset-4`}>
                  {jeune.email}
                </a>
              ) : null,
            },
            {
              label: "Adresse postale",
              wide: true,
              value: adresse.length
                ? adresse.map((line) => (
                    <span key={line} className="block">
                      {line}
                    </span>
                  ))
                : null,
            },
          ]}
        />
      </Section>
      {espace ? (
        <Section id="identite-mon-espace" title="Mon espace" hint="La page du jeune : ses données, leurs envois, ses demandes.">
          {espace}
        </Section>
      ) : null}
      <Section id="identite-identifiants" title="Identifiants">
        <InfoList
          items={[
            { label: "Numéro de sécurité sociale", value: nir },
            { label: "Identifiant France Travail", value: jeune.ftIdentifiant },
          ]}
        />
      </Section>
      <Section id="identite-suivi" title="Accompagnement">
        <InfoList
          items={[
            { label: "Dispositif", value: <DispositifBadge dispositif={jeune.dispositif} /> },
            { label: "Mission locale", value: jeune.structure },
            { label: "Antenne", value: jeune.antenne },
            { label: "Conseiller", value: jeune.conseiller ?? "Non attribué" },
          ]}
        />
      </Section>
      <Section id="identite-situation" title="Situation">
        <InfoList
          items={[
            { label: "Niveau de qualification", value: optionLabel(NIVEAU_QUALIFICATION_OPTIONS, jeune.niveauQualification) },
            { label: "Logement", value: optionLabel(LOGEMENT_OPTIONS, jeune.logement) },
            { label: "Permis B", value: yesNo(jeune.permisB) },
            { label: "Véhicule", value: yesNo(jeune.vehicule) },
            { label: "RQTH (travailleur handicapé)", value: yesNo(jeune.rqth) },
            { label: "Protection juridique", value: valueLabel(PROTECTION_LABELS, jeune.protectionJuridique) },
            ...(showTitreSejour
              ? [{ label: "Fin du titre de séjour", value: jeune.titreSejourFin ? formatDate(jeune.titreSejourFin) : null }]
              : []),
          ]}
        />
      </Section>
      <Section
        id="identite-sensible"
        title="Informations sensibles"
        hint="Jamais affichées par défaut, jamais dans les listes, jamais transmises à un destinataire."
      >
        <InfoList
          items={[
            { label: "Situation judiciaire", value: sensitive(jeune.hasSituationJustice) },
            { label: "Santé", value: sensitive(jeune.hasSante) },
          ]}
        />
      </Section>
      <div className="lg:col-span-2">
        <Section
          id="identite-commentaire"
          title="Commentaire du conseiller"
          hint="Note interne : elle n'est jamais transmise à un destinataire."
        >
          {jeune.commentaire ? <p className="whitespace-pre-line">{jeune.commentaire}</p> : <Missing>Aucun commentaire</Missing>}
        </Section>
      </div>
    </div>
  );
}
