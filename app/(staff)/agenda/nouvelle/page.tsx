import type { Metadata } from "next";
import { z } from "zod";
import { SeanceForm } from "@/components/agenda/seance-form";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { animateurOptions, defaultJeuneOptions, preselectedJeuneId } from "@/lib/agenda/queries";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { firstString, type SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Planifier une séance" };

/** ?jeune=<id> (from a dossier) opens a rendez-vous with that young person chosen, if they are of the caller's structure. */
export default async function NouvelleSeancePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("agenda.write");
  const params = await searchParams;
  const requested = z.uuid().safeParse(firstString(params.jeune, 40));
  const preselected = requested.success ? await preselectedJeuneId(user, requested.data) : null;
  const [animateurs, jeuneOptions] = await Promise.all([
    animateurOptions(user),
    defaultJeuneOptions(user, preselected ? [preselected] : []),
  ]);

  return (
    <>
      <p className="mb-2">
        <TextLink href={preselected ? `/jeunes/${preselected}?onglet=rendez-vous` : "/agenda"}>
          {preselected ? "Retour au dossier" : "Retour à l'agenda"}
        </TextLink>
      </p>
      <PageHeader
        title="Planifier une séance"
        description="Un rendez-vous individuel avec un jeune, ou une séance collective (atelier, information collective) de votre structure."
      />
      <SeanceForm
        mode="create"
        animateurs={animateurs}
        jeunes={jeuneOptions}
        initial={{
          type: preselected ? "rendez_vous_individuel" : "atelier",
          titre: "",
          date: todayInParis(new Date()),
          heureDebut: "09:30",
          heureFin: "10:30",
          lieu: "",
          animateurId: animateurs.some((a) => a.value === user.id) ? user.id : "",
          capacite: "",
          jeuneId: preselected ?? "",
        }}
      />
    </>
  );
}
