import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { dossierAlerts } from "@/components/dossier/alerts";
import { Alert } from "@/components/ui/alert";
import { ActionsTab } from "@/components/dossier/actions-tab";
import { DonneesPartageesTab } from "@/components/dossier/donnees-partagees-tab";
import { DossierAlerts } from "@/components/dossier/dossier-alerts";
import { DossierHeader } from "@/components/dossier/dossier-header";
import { DossierTabs } from "@/components/dossier/dossier-tabs";
import { EspaceInvitationSection } from "@/components/espace/espace-invitation-section";
import { DossierDroitsTab } from "@/components/droits/dossier-droits-tab";
import { HistoriqueTab } from "@/components/dossier/historique-tab";
import { IdentiteTab } from "@/components/dossier/identite-tab";
import { MaskedNir } from "@/components/dossier/masked-nir";
import { ParcoursTab } from "@/components/dossier/parcours-tab";
import { ReasonRequired } from "@/components/dossier/reason-required";
import { RendezVousTab } from "@/components/dossier/rendez-vous-tab";
import { NirReveal } from "@/components/jeunes/nir-reveal";
import { can } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { gateDossierPage } from "@/lib/dossier/page";
import { ONGLET_LABELS, parseOnglet, type DossierOnglet } from "@/lib/consultations/onglets";
import { parsePage, type SearchParams } from "@/lib/http/search-params";
import { getEspaceAccess } from "@/lib/espace/invitation-queries";
import { getDossier, type DossierView } from "@/lib/jeunes/dossier";
import { listHistorique, parseHistoriqueFiltre } from "@/lib/jeunes/historique";

// No name in the title: it lands in browser history and tab lists.
export const metadata: Metadata = { title: "Dossier jeune" };

async function TabContent(props: {
  onglet: DossierOnglet;
  user: SessionUser;
  dossier: DossierView;
  nir: ReactNode;
  params: Awaited<SearchParams>;
  today: CivilDate;
}): Promise<ReactNode> {
  const { onglet, user, dossier, nir, params, today } = props;
  const section = { user, jeuneId: dossier.jeune.id, today, params };
  switch (onglet) {
    case "identite": {
      const espace = (
        <EspaceInvitationSection
          jeuneId={dossier.jeune.id}
          email={dossier.jeune.email}
          access={await getEspaceAccess(dossier)}
          canInvite={can(user.role, "jeunes.write") && dossier.jeune.statut === "actif"}
          now={new Date()}
        />
      );
      return <IdentiteTab dossier={dossier} nir={nir} espace={espace} />;
    }
    case "parcours":
      return <ParcoursTab {...section} />;
    case "actions":
      return <ActionsTab {...section} />;
    case "rendez-vous":
      return <RendezVousTab {...section} />;
    case "donnees-partagees":
      return <DonneesPartageesTab user={user} dossier={dossier} />;
    case "droits":
      return <DossierDroitsTab user={user} jeuneId={dossier.jeune.id} limitationDepuis={dossier.jeune.limitationDepuis} />;
    case "historique": {
      const page = parsePage(params.page);
      const filtre = parseHistoriqueFiltre(params.quoi);
      const historique = await listHistorique(user, dossier.jeune.id, { page, filtre });
      return <HistoriqueTab jeuneId={dossier.jeune.id} historique={historique} page={page} filtre={filtre} />;
    }
  }
}

export default async function DossierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requireCapability("jeunes.read");
  const { id } = await params;
  const query = await searchParams;
  const onglet = parseOnglet(query.onglet);

  // The gate records every opening (who, when, which tab), never the data seen. The audit log is for changes.
  const access = await gateDossierPage(user, id, onglet);
  if (!access.ok) {
    // Same 404 for a malformed id, a missing dossier and one of another structure: nothing tells them apart.
    if (access.refusal === "reason_required") return <ReasonRequired jeuneId={id} onglet={onglet} role={user.role} />;
    notFound();
  }
  const { today, reasonGivenAt } = access.dossier;
  const dossier = await getDossier(access.dossier);

  // The header shows the masked NIR on every tab; revealing it is a deliberate act, on the Identité tab.
  const nir = <MaskedNir masked={dossier.jeune.nirMasked} />;
  const nirReveal = dossier.jeune.nirMasked ? <NirReveal jeuneId={id} masked={dossier.jeune.nirMasked} /> : nir;
  const alerts = dossierAlerts({
    today,
    viewerId: user.id,
    jeune: dossier.jeune,
    affectationTemporaire: dossier.affectationTemporaire,
    reasonGivenAt,
  });

  return (
    <>
      {query.enregistre === "1" ? (
        <div className="mb-4">
          <Alert tone="success" live="polite">
            Les modifications du dossier sont enregistrées.
          </Alert>
        </div>
      ) : null}
      <DossierHeader dossier={dossier} today={today} nir={nir} canEdit={can(user.role, "jeunes.write")} />
      <DossierAlerts alerts={alerts} />
      <DossierTabs jeuneId={id} current={onglet} />
      <section aria-labelledby="titre-onglet">
        <h2 id="titre-onglet" className="mb-4">
          {ONGLET_LABELS[onglet]}
        </h2>
        <TabContent onglet={onglet} user={user} dossier={dossier} nir={nirReveal} params={query} today={today} />
      </section>
    </>
  );
}
