import type { Metadata } from "next";
import { z } from "zod";
import { DpoIntakeForm } from "@/components/droits/intake-form";
import { METHODE_OPTIONS, intakeOptions } from "@/components/droits/intake-options";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextInput } from "@/components/ui/field";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { JEUNE_SEARCH_LIMIT, getJeuneForIntake, searchJeunesForIntake } from "@/lib/droits/queries";
import { formatShortDate } from "@/lib/format/fr";
import { firstString, type SearchParams } from "@/lib/http/search-params";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Nouvelle demande de droits" };

/** The DPO records a request received by mail or e-mail: first find the young person, then the form. */
export default async function NouvelleDemandeDpoPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("droits.handle");
  const params = await searchParams;
  const q = firstString(params.q, 100).trim();
  const jeuneParam = firstString(params.jeune, 40);
  const today = todayInParis(new Date());
  const jeune = z.uuid().safeParse(jeuneParam).success ? await getJeuneForIntake(user, jeuneParam) : null;
  const results = !jeune && q ? await searchJeunesForIntake(user, q) : [];

  return (
    <>
      <p className="mb-2">
        <TextLink href="/droits">Retour aux demandes</TextLink>
      </p>
      <PageHeader
        title="Nouvelle demande de droits"
        description="Pour une demande reçue par courrier ou par courriel. Les conseillers enregistrent celles faites au guichet depuis le dossier du jeune."
      />

      {jeune ? (
        <div className="flex max-w-2xl flex-col gap-6">
          <div className="flex flex-wrap items-baseline justify-between gap-2 rounded-sm border border-border bg-alt p-4">
            <p>
              <span className="block text-sm text-ink-2">1. Jeune concerné</span>
              <span className="font-bold">
                <PersonName>{displayName(jeune)}</PersonName>
              </span>
              , né(e) le {formatShortDate(jeune.dateNaissance)}
            </p>
            <TextLink href="/droits/nouvelle">Choisir un autre jeune</TextLink>
          </div>
          <h2>2. Enregistrer la demande</h2>
          <DpoIntakeForm jeuneId={jeune.id} email={jeune.email} options={intakeOptions(today)} methodes={METHODE_OPTIONS} />
        </div>
      ) : (
        <section aria-labelledby="titre-recherche" className="flex max-w-2xl flex-col gap-6">
          <h2 id="titre-recherche">1. Trouver le jeune</h2>
          <form
            method="get"
            action="/droits/nouvelle"
            role="search"
            aria-label="Rechercher le jeune concerné"
            className="flex flex-col gap-4 sm:flex-row sm:items-end"
          >
            <div className="flex-1">
              <TextInput
                name="q"
                type="search"
                label="Nom ou prénom"
                hint="Avec ou sans accents, par exemple « dupont lea »"
                defaultValue={q}
                autoComplete="off"
              />
            </div>
            <div>
              <Button type="submit" variant="primary">
                Rechercher
              </Button>
            </div>
          </form>
          {q ? (
            results.length === 0 ? (
              <EmptyState titleAs="h3" title="Aucun jeune de votre structure ne porte ce nom">
                Vérifiez l&apos;orthographe ou cherchez avec le nom seul. Si la personne n&apos;a pas de dossier, répondez-lui directement :
                aucune donnée n&apos;est traitée à son sujet.
              </EmptyState>
            ) : (
              <div>
                <h3 className="mb-2">
                  {results.length >= JEUNE_SEARCH_LIMIT
                    ? `Les ${JEUNE_SEARCH_LIMIT} premiers résultats : précisez la recherche si besoin`
                    : `${results.length} résultat${results.length > 1 ? "s" : ""}`}
                </h3>
                <ul className="flex flex-col divide-y divide-border rounded-sm border border-border">
                  {results.map((j) => (
                    <li key={j.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                      <span>
                        <span className="font-bold">
                          <PersonName>{displayName(j)}</PersonName>
                        </span>
                        <span className="block text-sm text-ink-2">
                          né(e) le {formatShortDate(j.dateNaissance)}
                          {j.commune ? ` · ${j.commune}` : ""}
                          {j.statut === "archive" ? " · dossier archivé" : ""}
                        </span>
                      </span>
                      <TextLink href={`/droits/nouvelle?jeune=${j.id}`}>
                        Choisir
                        <span className="sr-only">
                          {" "}
                          <PersonName>{displayName(j)}</PersonName>
                        </span>
                      </TextLink>
                    </li>
                  ))}
                </ul>
              </div>
            )
          ) : null}
        </section>
      )}
    </>
  );
}
