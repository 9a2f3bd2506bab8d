import { clsx } from "clsx";
import type { Metadata } from "next";
import NextLink from "next/link";
import { EspaceIcon } from "@/components/espace/icons";
import { JourneyTimeline } from "@/components/espace/journey-timeline";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/link";
import { requireRole } from "@/lib/auth/session";
import { flowsOfFinality } from "@/lib/data-map/flows";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { JOURNEY_FILTERS, JOURNEY_FILTER_LABELS, type JourneyFilter, parseJourneyParams } from "@/lib/espace/journey";
import { finalitiesOf } from "@/lib/espace/informations";
import { listMyJourney } from "@/lib/espace/journey-queries";
import { getMyInformationSources } from "@/lib/espace/parcours-queries";
import { formatDateTime } from "@/lib/format/fr";
import { type SearchParams, withParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Le parcours de mes données" };

const PATH = "/mon-espace/parcours-des-donnees";

const EMPTY: Record<JourneyFilter, string> = {
  tout: "Il n'y a encore rien à montrer. Dès que votre mission locale utilise vos données, c'est noté ici.",
  envois: "Aucune donnée n'a été envoyée pour l'instant. Si elle en envoie, ce sera noté ici.",
  consultations: "Personne n'a encore ouvert votre dossier.",
  modifications: "Votre dossier n'a pas encore été modifié.",
  "a-venir": "Aucun envoi n'est en attente.",
};

function FilterLinks({ current }: { current: JourneyFilter }) {
  return (
    <nav aria-label="Choisir ce que vous voulez voir">
      <ul className="flex flex-wrap gap-2">
        {JOURNEY_FILTERS.map((f) => (
          <li key={f}>
            <NextLink
              href={withParams(PATH, { type: f === "tout" ? undefined : f })}
              aria-current={f === current ? "page" : undefined}
              className={clsx(
                "inline-flex min-h-11 items-center rounded-full border-2 px-4 font-medium",
                f === current ? "border-primary bg-primary text-white" : "border-border bg-white text-primary hover:bg-alt",
              )}
            >
              {JOURNEY_FILTER_LABELS[f]}
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default async function ParcoursDesDonneesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole("jeune");
  const params = parseJourneyParams(await searchParams);
  const [journey, sources] = await Promise.all([listMyJourney(user, params), getMyInformationSources(user)]);
  const upcoming = params.type === "a-venir" && sources ? finalitiesOf(sources.facts).flatMap(flowsOfFinality) : [];
  const hrefFor = (page: number) => withParams(PATH, { type: params.type === "tout" ? undefined : params.type, page });

  return (
    <div className="flex flex-col gap-6">
      <p>
        <TextLink href="/mon-espace">Retour à mon espace</TextLink>
      </p>
      <div className="flex flex-col gap-2">
        <h1>Le parcours de mes données</h1>
        <p>Ici, vous voyez ce qui arrive à vos données.</p>
        <p>Qui les a reçues. Qui a ouvert votre dossier. Ce qui a changé.</p>
        <p>Les plus récentes sont en haut.</p>
      </div>

      {journey.limitationDepuis ? (
        <Alert tone="warning" title="Vos données sont bloquées pour un temps">
          <p>Depuis le {formatDateTime(journey.limitationDepuis)}, vos données ne partent chez personne.</p>
          <p>Les envois attendent. Ils partiront quand le blocage sera levé.</p>
        </Alert>
      ) : null}

      <FilterLinks current={params.type} />

      {upcoming.length > 0 ? (
        <section aria-labelledby="titre-plus-tard" className="rounded-lg bg-alt p-4">
          <h2 id="titre-plus-tard" className="mb-2 flex items-center gap-2 text-xl">
            <EspaceIcon name="a_venir" className="text-new" />
            Ce qui peut partir plus tard
          </h2>
          <ul className="flex list-disc flex-col gap-2 pl-5">
            {upcoming.map((flow) => (
              <li key={flow.id}>
                <strong>{RECIPIENTS[flow.recipient].falc}.</strong> {flow.trigger.falc}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="titre-lignes" className="flex flex-col gap-4">
        <h2 id="titre-lignes" className="sr-only">
          {JOURNEY_FILTER_LABELS[params.type] === "Tout" ? "Toutes les lignes" : JOURNEY_FILTER_LABELS[params.type]}
          {params.page > 1 ? `, page ${params.page}` : ""}
        </h2>
        {journey.lines.length === 0 ? (
          <p className="rounded-lg border border-border p-4">
            {params.page > 1 ? "Il n'y a plus de lignes plus anciennes." : EMPTY[params.type]}
          </p>
        ) : (
          <JourneyTimeline lines={journey.lines} />
        )}
      </section>

      {params.page > 1 || journey.hasNext ? (
        <nav aria-label="Pages" className="flex flex-wrap justify-between gap-3">
          {params.page > 1 ? (
            <TextLink href={hrefFor(params.page - 1)} rel="prev" className="inline-flex min-h-11 items-center">
              <span aria-hidden="true">←&nbsp;</span>Lignes plus récentes
            </TextLink>
          ) : (
            <span />
          )}
          {journey.hasNext ? (
            <TextLink href={hrefFor(params.page + 1)} rel="next" className="inline-flex min-h-11 items-center">
              Lignes plus anciennes<span aria-hidden="true">&nbsp;→</span>
            </TextLink>
          ) : null}
        </nav>
      ) : null}

      <p className="text-sm text-ink-2">
        Pour aller plus loin : chaque envoi est noté dans un registre qui ne peut pas être modifié. Vous avez le droit de savoir qui reçoit
        vos données : c&apos;est l&apos;article 15 du règlement général sur la protection des données (RGPD).{" "}
        <TextLink href="/mon-espace/mes-informations">Mes informations, expliquées</TextLink>.
      </p>
    </div>
  );
}
