import type { DossierSectionProps } from "@/components/dossier/tab-props";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatHeures } from "@/lib/cej/heures";
import { formatIsoWeek, type IsoWeek, isoWeekOf, parseIsoWeek, shiftWeek } from "@/lib/calendar/iso-week";
import { activityMinutes, isDeclared } from "@/lib/cej/jauge";
import type { JeuneWeekGauge } from "@/lib/cej/jauge-query";
import { cejWeekForDossier } from "@/lib/cej/queries";
import { DETAIL_LABELS, KIND_LABELS } from "@/lib/cej/labels";
import { dossierHref } from "@/lib/consultations/onglets";
import { formatDate, formatShortDate } from "@/lib/format/fr";
import { firstString } from "@/lib/http/search-params";
import { JaugeBar } from "./jauge-bar";

function weekHref(jeuneId: string, week: IsoWeek): string {
  return `${dossierHref(jeuneId, "parcours", { semaine: formatIsoWeek(week) })}#jauge-cej`;
}

function weekTitle(week: IsoWeek): string {
  return `Semaine ${week.week} : du ${formatDate(week.start)} au ${formatDate(week.end)}`;
}

/**
 * The CEJ weekly gauge (domain §4: 15 to 20 hours a week): hours declared (planned, done or missed) and
 * validated (done: attended séances, actions qualified by a counsellor), for the week in ?semaine=.
 */
export async function JaugeSection({ user, jeuneId, today, params }: DossierSectionProps) {
  const current = isoWeekOf(today);
  const week = parseIsoWeek(firstString(params.semaine, 10)) ?? current;
  const result = await cejWeekForDossier(user, jeuneId, week);
  if (result.kind === "no_contract") {
    return (
      <p className="text-ink-2">
        Jauge hebdomadaire du CEJ : sans objet, le jeune n&apos;a pas de contrat d&apos;engagement jeune en cours.
      </p>
    );
  }

  return (
    <section id="jauge-cej" aria-labelledby="jauge-titre" className="flex flex-col gap-4 rounded-sm border border-border p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <h3 id="jauge-titre">Jauge hebdomadaire du CEJ</h3>
        <p className="text-ink-2">
          {weekTitle(week)}
          {week.start === current.start ? " (semaine en cours)" : null}
        </p>
      </div>
      <nav aria-label="Changer de semaine" className="flex flex-wrap gap-x-6 gap-y-2">
        <TextLink href={weekHref(jeuneId, shiftWeek(week, -1))} scroll={false}>
          Semaine précédente
        </TextLink>
        {week.start !== current.start ? (
          <TextLink href={weekHref(jeuneId, current)} scroll={false}>
            Semaine en cours
          </TextLink>
        ) : null}
        <TextLink href={weekHref(jeuneId, shiftWeek(week, 1))} scroll={false}>
          Semaine suivante
        </TextLink>
      </nav>
      {result.kind === "no_rules" ? (
        <Alert tone="warning">
          Les heures comptées par activité ou l&apos;objectif hebdomadaire ne sont pas paramétrés pour cette semaine : contactez
          l&apos;administrateur.
        </Alert>
      ) : (
        <GaugeBody result={result.gauge} />
      )}
    </section>
  );
}

function GaugeBody({ result }: { result: JeuneWeekGauge }) {
  const { gauge, rules, activities } = result;
  const target = formatHeures(gauge.targetMinutes);
  const scale = Math.max(gauge.targetMinutes, gauge.declareesMinutes);
  const counted = activities.filter((a) => isDeclared(a.statut));
  const cancelled = activities.length - counted.length;
  const w = rules.weights;
  return (
    <>
      <div className="flex flex-col gap-4">
        <JaugeBar
          id="jauge-declarees"
          fill="declarees"
          text={`${formatHeures(gauge.declareesMinutes)} déclarées sur ${target}`}
          valueMinutes={gauge.declareesMinutes}
          scaleMinutes={scale}
          targetMinutes={gauge.targetMinutes}
        />
        <JaugeBar
          id="jauge-validees"
          fill="validees"
          text={`${formatHeures(gauge.valideesMinutes)} validées sur ${target}`}
          valueMinutes={gauge.valideesMinutes}
          scaleMinutes={scale}
          targetMinutes={gauge.targetMinutes}
        />
        <p className="text-sm text-ink-2">Le trait vertical marque l&apos;objectif de {target}.</p>
      </div>
      <div className="flex flex-col gap-2">
        {gauge.reached ? (
          <p>
            <Badge tone="success">Objectif atteint</Badge> {formatHeures(gauge.valideesMinutes)} validées cette semaine.
          </p>
        ) : (
          <>
            <p>
              <Badge tone="warning">Sous l&apos;objectif</Badge> Il manque <strong>{formatHeures(gauge.manque)} validées</strong> pour
              atteindre {target}.
            </p>
            <p>
              {gauge.manqueDeclarees > 0
                ? `Même si tout ce qui est prévu a lieu, il manquera ${formatHeures(gauge.manqueDeclarees)} : prévoyez d'autres activités avec le jeune.`
                : "Les activités prévues suffisent à atteindre l'objectif si elles ont lieu (présence notée, actions qualifiées)."}
            </p>
          </>
        )}
      </div>
      {counted.length === 0 ? (
        <p className="text-ink-2">Aucune activité comptée cette semaine. Ajoutez une action ou inscrivez le jeune à un atelier.</p>
      ) : (
        <Table caption="Activités comptées cette semaine">
          <THead>
            <Tr>
              <Th>Date</Th>
              <Th>Activité</Th>
              <Th>Type</Th>
              <Th>État</Th>
              <Th className="text-right">Déclarées</Th>
              <Th className="text-right">Validées</Th>
            </Tr>
          </THead>
          <TBody>
            {counted.map((a) => {
              const minutes = activityMinutes(a, w);
              return (
                <Tr key={`${a.source}-${a.id}`}>
                  <Td className="whitespace-nowrap">{formatShortDate(a.date)}</Td>
                  <Th scope="row" className="font-medium">
                    {a.libelle}
                  </Th>
                  <Td>{KIND_LABELS[a.kind]}</Td>
                  <Td>
                    {DETAIL_LABELS[a.detail]}
                    {a.source === "action" && a.detail === "terminee" ? (a.qualifiee ? ", qualifiée" : ", à qualifier") : null}
                  </Td>
                  <Td className="text-right whitespace-nowrap">{formatHeures(minutes)}</Td>
                  <Td className="text-right whitespace-nowrap">{a.statut === "realisee" ? formatHeures(minutes) : "0 h"}</Td>
                </Tr>
              );
            })}
          </TBody>
          <tfoot>
            <Tr className="font-bold">
              <Th scope="row" colSpan={4}>
                Total
              </Th>
              <Td className="text-right whitespace-nowrap font-bold">{formatHeures(gauge.declareesMinutes)}</Td>
              <Td className="text-right whitespace-nowrap font-bold">{formatHeures(gauge.valideesMinutes)}</Td>
            </Tr>
          </tfoot>
        </Table>
      )}
      {cancelled > 0 ? (
        <p className="text-sm text-ink-2">
          {cancelled > 1 ? `${cancelled} activités annulées ne comptent pas.` : "1 activité annulée ne compte pas."}
        </p>
      ) : null}
      <p className="text-sm text-ink-2">
        Chaque activité compte un forfait, quelle que soit sa durée : action emploi ou formation {formatHeures(w.actionEmploiFormation)},
        autre action {formatHeures(w.autreAction)}, atelier {formatHeures(w.atelier)}, information collective{" "}
        {formatHeures(w.informationCollective)}, rendez-vous individuel {formatHeures(w.rendezVousIndividuel)} (paramètres en vigueur depuis
        le {formatDate(rules.ponderationDepuis)}). Une action terminée est validée quand un conseiller l&apos;a qualifiée ; une absence
        compte comme déclarée, pas comme validée.
      </p>
    </>
  );
}
