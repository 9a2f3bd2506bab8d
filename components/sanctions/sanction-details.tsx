import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { formatMonth, formatDate } from "@/lib/format/fr";
import { describeDecidedEffect, readDecidedEffect } from "@/lib/sanctions/effet";
import { REGIME_SHORT } from "@/lib/sanctions/labels";
import { rungDescription, type SanctionView } from "@/lib/sanctions/queries";
import { PersonName } from "@/components/ui/person-name";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 sm:flex-row sm:gap-4">
      <dt className="font-medium sm:w-52 sm:shrink-0">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** What happened, the rule at the date of the fact, the young person's answer, the decision and its effect. */
export function SanctionDetails({ sanction }: { sanction: SanctionView }) {
  const effet = readDecidedEffect(sanction.effet);
  return (
    <div className="flex flex-col gap-4">
      <dl className="flex flex-col gap-3">
        <Row term="Manquement">{sanction.motif}</Row>
        <Row term="Règle applicable">
          {sanction.rule ? (
            <>
              <p>{sanction.rule.ruleExplanation}</p>
              <p className="mt-1">
                <strong>Palier proposé :</strong> {sanction.rule.description}
              </p>
            </>
          ) : (
            <>
              <p>
                {REGIME_SHORT[sanction.regime] ?? sanction.regime}, barème en vigueur depuis le {formatDate(sanction.baremeEnVigueurDepuis)}
                , palier {sanction.palierIndex + 1}.
              </p>
              <p className="mt-1">
                <strong>Palier proposé :</strong> {rungDescription(sanction.palier)}
              </p>
            </>
          )}
        </Row>
        <Row term="Réponse du jeune">
          {sanction.reponseJeune ? (
            <>
              <span className="block text-sm text-ink-2">Le {formatDate(sanction.reponseLe!)} :</span>
              <span className="whitespace-pre-line">{sanction.reponseJeune}</span>
            </>
          ) : (
            "Pas encore enregistrée. Le jeune doit pouvoir s'expliquer avant toute décision."
          )}
        </Row>
        {sanction.decision ? (
          <Row term="Décision">
            <span className="block text-sm text-ink-2">
              Le {formatDate(sanction.decideeLe!)}
              {sanction.decideeParNom ? (
                <>
                  {" "}
                  par <PersonName>{sanction.decideeParNom}</PersonName>
                </>
              ) : null}{" "}
              :
            </span>
            {sanction.decision}
          </Row>
        ) : null}
        {effet ? <Row term="Effet sur l'allocation">{describeDecidedEffect(effet, formatMonth)}</Row> : null}
      </dl>
      {sanction.rule?.caveat && sanction.statut !== "abandonnee" ? <Alert tone="warning">{sanction.rule.caveat}</Alert> : null}
      {effet?.finContrat ? (
        <Alert tone="info">
          Ce palier met fin au contrat d&apos;engagement jeune : terminez le contrat depuis la section « Contrat et phases » (motif de
          sortie).
        </Alert>
      ) : null}
    </div>
  );
}
