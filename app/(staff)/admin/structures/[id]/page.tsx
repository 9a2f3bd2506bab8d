import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddAntenneForm, AntenneActiveToggle, RenameAntenneForm, StructureActiveToggle } from "@/components/structures/antenne-forms";
import { EditStructureForm } from "@/components/structures/structure-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format/fr";
import { structureForAdmin } from "@/lib/structures/queries";

export const metadata: Metadata = { title: "Mission locale" };

export default async function StructurePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ creee?: string }>;
}) {
  await requireCapability("structures.manage");
  const [{ id }, { creee }] = await Promise.all([params, searchParams]);
  const structure = await structureForAdmin(id);
  if (!structure) notFound();
  const staff = structure.activeStaff;

  return (
    <>
      <p className="mb-4">
        <TextLink href="/admin">Retour à l'administration</TextLink>
      </p>
      <PageHeader
        title={structure.name}
        description={
          <p className="flex flex-wrap items-center gap-2">
            {structure.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Désactivée</Badge>}
            <span>
              SIRET <span className="tabular-nums">{structure.siret}</span> · département {structure.departement}
            </span>
          </p>
        }
      />
      {creee ? (
        <Alert tone="success" className="mb-8">
          La mission locale est créée. Ajoutez maintenant ses antennes.
        </Alert>
      ) : null}
      <div className="flex flex-col gap-12">
        <section aria-labelledby="titre-identite" className="flex flex-col gap-4">
          <h2 id="titre-identite">Identité de la mission locale</h2>
          <EditStructureForm
            id={structure.id}
            version={structure.version}
            initial={{
              name: structure.name,
              siret: structure.siret,
              departement: structure.departement,
              commune: structure.commune,
              dpoEmail: structure.dpoEmail,
              mfaRequired: structure.mfaRequired ? "on" : "",
            }}
          />
        </section>

        <section aria-labelledby="titre-antennes" className="flex flex-col gap-6">
          <h2 id="titre-antennes">Antennes</h2>
          <p className="text-ink-2">
            Une antenne désactivée n'est plus proposée pour un nouveau jeune ; les jeunes qu'elle suit la gardent et restent consultables.
          </p>
          {structure.antennes.length === 0 ? (
            <EmptyState titleAs="h3" title="Aucune antenne pour l'instant">
              Ajoutez la première antenne avec le formulaire ci-dessous.
            </EmptyState>
          ) : (
            <ul
              aria-label={`Antennes de la mission locale (${formatNumber(structure.antennes.length)})`}
              className="grid gap-4 lg:grid-cols-2"
            >
              {structure.antennes.map((a) => (
                <li key={a.id} className="flex flex-col gap-4 rounded-sm border border-border p-4">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="text-lg">{a.name}</h3>
                    {a.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Désactivée</Badge>}
                  </div>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                    <dt className="text-ink-2">Commune</dt>
                    <dd>
                      {a.commune} <span className="tabular-nums">({a.codePostal})</span>
                    </dd>
                    <dt className="text-ink-2">Jeunes suivis</dt>
                    <dd className="tabular-nums">{formatNumber(a.jeunes)}</dd>
                  </dl>
                  <AntenneActiveToggle
                    id={a.id}
                    version={a.version}
                    active={a.active}
                    label={`${a.active ? "Désactiver" : "Réactiver"} l'antenne ${a.name}`}
                  />
                  <details>
                    <summary className="cursor-pointer font-medium text-primary underline">
                      Renommer<span className="sr-only"> l'antenne {a.name}</span>
                    </summary>
                    <RenameAntenneForm antenne={a} />
                  </details>
                </li>
              ))}
            </ul>
          )}
          <section aria-labelledby="titre-nouvelle-antenne" className="rounded-sm border border-border p-4 sm:p-6">
            <h3 id="titre-nouvelle-antenne" className="mb-4">
              Ajouter une antenne
            </h3>
            {structure.active ? (
              <AddAntenneForm structureId={structure.id} />
            ) : (
              <p>Cette mission locale est désactivée : réactivez-la pour lui ajouter une antenne.</p>
            )}
          </section>
        </section>

        <section aria-labelledby="titre-etat" className="flex flex-col gap-4">
          <h2 id="titre-etat">{structure.active ? "Désactiver la mission locale" : "Réactiver la mission locale"}</h2>
          {structure.active ? (
            <p className="text-ink-2">
              {staff === 0
                ? "Aucun compte actif n'y est rattaché : vous pouvez la désactiver. Ses jeunes et son historique restent consultables."
                : `${formatNumber(staff)} ${staff === 1 ? "compte actif y est rattaché" : "comptes actifs y sont rattachés"} : désactivez-${staff === 1 ? "le" : "les"} d'abord.`}
            </p>
          ) : (
            <p className="text-ink-2">La mission locale est désactivée. La réactiver permet de nouveau d'y ajouter des antennes.</p>
          )}
          <StructureActiveToggle
            id={structure.id}
            version={structure.version}
            active={structure.active}
            label={`${structure.active ? "Désactiver" : "Réactiver"} la mission locale ${structure.name}`}
          />
        </section>
      </div>
    </>
  );
}
