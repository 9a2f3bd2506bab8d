import type { Metadata } from "next";
import { FlowsTable } from "@/components/data-map/flows-table";
import { RegisterHeader } from "@/components/data-map/register-header";
import { RegisterTable } from "@/components/data-map/register-table";
import { buttonClasses } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { loadRegisterPage } from "@/lib/data-map/export";
import { exportLabel } from "@/lib/format/export-label";

export const metadata: Metadata = { title: "Registre des activités de traitement" };

export default async function RegistrePage() {
  const user = await requireCapability("registre.read");
  const model = await loadRegisterPage(user, new Date());
  return (
    <>
      <PageHeader
        title={model.title}
        description={
          // Kept narrow so the two export buttons sit side by side next to it.
          <p className="max-w-[68ch]">
            RGPD, article 30{model.controller.structureName ? ` — ${model.controller.structureName}` : " — toutes les missions locales"}.
            Généré à partir de la cartographie des données : il suit les finalités, les destinataires et les durées de conservation en
            vigueur.
          </p>
        }
        actions={
          // Plain links: the exports are files served by route handlers, not pages.
          <>
            <a href="/registre/export.csv" download className={`${buttonClasses("secondary")} whitespace-nowrap`}>
              {exportLabel("CSV", model.rows.length)}
            </a>
            <a href="/registre/export.pdf" download className={`${buttonClasses("secondary")} whitespace-nowrap`}>
              Exporter en PDF
            </a>
          </>
        }
      />
      <div className="flex flex-col gap-10">
        <RegisterHeader model={model} />
        <div className="flex flex-col gap-2">
          <p className="text-sm text-ink-2">
            Le tableau est plus large que l&apos;écran : faites-le défiler sur le côté (au clavier, sélectionnez-le puis utilisez les
            flèches). La colonne « Finalité » reste visible.
          </p>
          <RegisterTable rows={model.rows} />
        </div>
        <section aria-labelledby="flux-titre" className="flex flex-col gap-3">
          <h2 id="flux-titre">Flux de données vers les destinataires</h2>
          <p className="text-ink-2">
            Chaque transmission ne peut contenir que les données listées ici pour son destinataire et sa finalité. La santé, le handicap, la
            situation judiciaire et les commentaires libres ne figurent dans aucun flux.
          </p>
          <FlowsTable flows={model.flows} />
        </section>
        <p>
          <TextLink href="/notice">Voir la notice d&apos;information publique destinée aux jeunes</TextLink>
        </p>
      </div>
    </>
  );
}
