import type { Metadata } from "next";
import type { ReactNode } from "react";
import { EspaceIcon, type EspaceIconName } from "@/components/espace/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { SEANCE_TYPE_LABELS } from "@/lib/agenda/rules";
import { requireRole } from "@/lib/auth/session";
import { formatHeures } from "@/lib/cej/heures";
import { getMyPathway, type MySanction } from "@/lib/espace/parcours-queries";
import { formatDate, formatLongCivilDate, formatMoneyCents, formatMonth, formatTime } from "@/lib/format/fr";
import { motifSortieLabel } from "@/lib/parcours/motifs-sortie";
import { RUNGS } from "@/lib/sanctions/bareme";
import type { BadgeTone } from "@/lib/ui/tones";

export const metadata: Metadata = { title: "Mon parcours" };

const CONTRACT_FALC = {
  CEJ: { title: "Contrat d'engagement jeune (CEJ)", what: "Un accompagnement intensif vers l'emploi, avec des activités chaque semaine." },
  PACEA: {
    title: "Parcours d'accompagnement vers l'emploi et l'autonomie (PACEA)",
    what: "Un parcours avec des étapes et des objectifs, choisis avec votre conseiller.",
  },
} as const;

const SANCTION_FALC: Record<MySanction["statut"], { label: string; tone: BadgeTone }> = {
  proposee: { label: "Vous pouvez répondre", tone: "warning" },
  contradictoire: { label: "Votre réponse est notée", tone: "info" },
  decidee: { label: "Décidée", tone: "error" },
  abandonnee: { label: "Abandonnée", tone: "neutral" },
};

function Card({ id, icon, title, children }: { id: string; icon: EspaceIconName; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-lg border border-border p-4">
      <h2 id={id} className="flex items-center gap-2 text-xl">
        <EspaceIcon name={icon} className="text-primary" />
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Hours as a bar drawn with SVG attributes (no inline style under the CSP); the numbers are in the text. */
function HoursBar({ done, planned, target }: { done: number; planned: number; target: number }) {
  const scale = Math.max(target, planned, done, 1);
  const width = (minutes: number) => `${Math.min(100, (minutes / scale) * 100)}%`;
  return (
    <svg aria-hidden="true" focusable="false" className="h-4 w-full">
      <rect x="0" y="0" width="100%" height="16" rx="8" className="fill-alt" />
      <rect x="0" y="0" width={width(planned)} height="16" rx="8" className="fill-info-light" />
      <rect x="0" y="0" width={width(done)} height="16" rx="8" className="fill-success" />
      <line x1={width(target)} x2={width(target)} y1="0" y2="16" className="stroke-ink" strokeWidth="2" />
    </svg>
  );
}

export default async function MonParcoursPage() {
  const user = await requireRole("jeune");
  const pathway = await getMyPathway(user);
  if (!pathway) {
    return (
      <>
        <h1 className="mb-4">Mon parcours</h1>
        <Alert tone="info">Votre compte n&apos;est pas encore relié à un dossier. Parlez-en à votre conseiller.</Alert>
      </>
    );
  }
  const { contracts, next, week, decisions, sanctions } = pathway;

  return (
    <div className="flex flex-col gap-6">
      <p>
        <TextLink href="/mon-espace">Retour à mon espace</TextLink>
      </p>
      <div className="flex flex-col gap-2">
        <h1>Mon parcours</h1>
        <p>Ici, vous retrouvez votre contrat, vos rendez-vous, vos heures et votre allocation.</p>
      </div>

      <Card id="titre-contrat" icon="parcours" title={contracts.length > 1 ? "Mes contrats" : "Mon contrat"}>
        {contracts.length === 0 ? (
          <p>Vous n&apos;avez pas encore de contrat. Votre conseiller vous en parlera si c&apos;est utile pour vous.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {contracts.map((c) => (
              <li key={c.id} className="rounded-sm bg-alt p-3">
                <p className="flex flex-wrap items-center gap-2 font-bold">
                  {CONTRACT_FALC[c.type].title}
                  <Badge tone={c.finReelle ? "neutral" : "success"}>{c.finReelle ? "Fini" : "En cours"}</Badge>
                </p>
                <p>{CONTRACT_FALC[c.type].what}</p>
                <p>Signé le {formatLongCivilDate(c.signeLe)}.</p>
                <p>Commencé le {formatLongCivilDate(c.debut)}.</p>
                {c.finReelle ? (
                  <p>
                    Fini le {formatLongCivilDate(c.finReelle)}
                    {c.motifSortie ? ` : ${motifSortieLabel(c.motifSortie).toLowerCase()}` : ""}.
                  </p>
                ) : (
                  <p>
                    Fin prévue le {formatLongCivilDate(c.finPrevue)}
                    {c.prolonge ? " (il a été prolongé)" : ""}.
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="titre-rendez-vous" icon="a_venir" title="Mon prochain rendez-vous">
        {next ? (
          <>
            <p className="font-bold">
              {SEANCE_TYPE_LABELS[next.type]} : {next.titre}
            </p>
            <p>
              Le {formatDate(next.debut)}, de {formatTime(next.debut)} à {formatTime(next.fin)}.
            </p>
            {next.lieu ? <p>Lieu : {next.lieu}.</p> : null}
            <p className="text-ink-2">Vous ne pouvez pas venir ? Prévenez votre conseiller avant.</p>
          </>
        ) : (
          <p>Vous n&apos;avez pas de rendez-vous prévu. Votre conseiller vous proposera une date.</p>
        )}
      </Card>

      {pathway.cejRunning ? (
        <Card id="titre-heures" icon="horloge" title="Mes heures cette semaine">
          {week ? (
            <>
              <p>Le contrat d&apos;engagement jeune demande {formatHeures(week.gauge.targetMinutes)} d&apos;activités par semaine.</p>
              <p className="text-lg font-bold">
                Fait et validé : {formatHeures(week.gauge.valideesMinutes)} sur {formatHeures(week.gauge.targetMinutes)}.
              </p>
              <HoursBar done={week.gauge.valideesMinutes} planned={week.gauge.declareesMinutes} target={week.gauge.targetMinutes} />
              <p>Prévu cette semaine : {formatHeures(week.gauge.declareesMinutes)}.</p>
              {week.gauge.reached ? (
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone="success">Objectif atteint</Badge> Bravo, c&apos;est bon pour cette semaine.
                </p>
              ) : (
                <p>
                  Il manque {formatHeures(week.gauge.manque)} validées. Une activité compte quand votre conseiller l&apos;a validée.
                  Parlez-en avec lui si vous avez du mal.
                </p>
              )}
            </>
          ) : (
            <p>Les heures de cette semaine ne peuvent pas encore être comptées. Votre conseiller peut vous les dire.</p>
          )}
        </Card>
      ) : null}

      <Card id="titre-allocation" icon="argent" title="Mon allocation">
        {decisions.length === 0 ? (
          <p>Aucune allocation n&apos;a été décidée pour vous. Demandez à votre conseiller si vous pouvez en avoir une.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {decisions.map((d) => (
              <li key={d.id} className="rounded-sm bg-alt p-3">
                <p className="font-bold">
                  {formatMonth(d.mois).replace(/^./, (c) => c.toUpperCase())} : {formatMoneyCents(d.montantCents)}
                </p>
                <details className="mt-1">
                  <summary className="cursor-pointer font-medium text-primary underline underline-offset-4">
                    Comment c&apos;est calculé
                  </summary>
                  <p className="mt-1 break-words">{d.explication}</p>
                </details>
              </li>
            ))}
          </ul>
        )}
        <p className="text-ink-2">L&apos;ASP, l&apos;organisme public qui verse l&apos;allocation, la paie chaque mois sur votre compte.</p>
      </Card>

      {sanctions.length > 0 ? (
        <Card id="titre-sanctions" icon="attention" title="Mes sanctions">
          <ul className="flex flex-col gap-3">
            {sanctions.map((s) => (
              <li key={s.id} className="rounded-sm border-l-4 border-warning bg-warning-light p-3">
                <p className="flex flex-wrap items-center gap-2 font-bold">
                  Le {formatLongCivilDate(s.dateFait)}
                  <Badge tone={SANCTION_FALC[s.statut].tone}>{SANCTION_FALC[s.statut].label}</Badge>
                </p>
                <p>La raison : {s.motif}</p>
                <p>Ce que cela change : {RUNGS[s.palier]?.description ?? "votre conseiller vous l'explique."}</p>
                {s.reponseJeune ? (
                  <p>
                    Votre réponse{s.reponseLe ? ` du ${formatLongCivilDate(s.reponseLe)}` : ""} : {s.reponseJeune}
                  </p>
                ) : null}
                {s.statut === "proposee" ? (
                  <p className="font-medium">
                    Comment répondre : expliquez ce qui s&apos;est passé à votre conseiller, à l&apos;oral ou par écrit. Faites-le avant la
                    décision. Votre réponse sera notée.
                  </p>
                ) : null}
                {s.statut === "decidee" ? (
                  <p>
                    {s.decideeLe ? `Décidée le ${formatLongCivilDate(s.decideeLe)}. ` : ""}Vous n&apos;êtes pas d&apos;accord ? Parlez-en à
                    votre conseiller, ou écrivez à la direction de votre mission locale.
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
