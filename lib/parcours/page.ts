import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { type OpenedDossierPage, openDossierPage } from "@/lib/dossier/page";
import { displayName } from "@/lib/jeunes/labels";
import { type ContratView, getContrat } from "./queries";

export interface OpenedParcoursPage extends OpenedDossierPage {
  nom: string;
  /** Back to the Parcours tab of the dossier. */
  backHref: string;
}

/** A pathway sub-page: the dossier opening (structure, reason, consultation "parcours") and the young person. */
export async function openParcoursPage(user: SessionUser, rawId: string): Promise<OpenedParcoursPage> {
  const opened = await openDossierPage(user, rawId, "parcours");
  return { ...opened, nom: displayName(opened.jeune), backHref: `/jeunes/${opened.jeuneId}?onglet=parcours#contrats` };
}

/** The same, plus one contract of this young person (another person's contract id is a 404). */
export async function openContratPage(
  user: SessionUser,
  rawId: string,
  rawContratId: string,
): Promise<OpenedParcoursPage & { contrat: ContratView }> {
  if (!z.uuid().safeParse(rawContratId).success) notFound();
  const page = await openParcoursPage(user, rawId);
  const contrat = await getContrat(page.db, user, page.jeuneId, rawContratId);
  if (!contrat) notFound();
  return { ...page, contrat };
}
