import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { structures } from "@/db/schema";
import type { DownloadDefinition } from "@/lib/actions/download";
import { ageOn } from "@/lib/jeunes/rules";
import { getContrat } from "./queries";
import { renderRecapitulatifPdf, type Recapitulatif } from "./recapitulatif-pdf";

const paramsSchema = z.object({ id: z.uuid(), contratId: z.uuid() });

/**
 * The summary PDF of one contract of a young person the caller may open (the gate: structure,
 * portfolio or a reason already given; a consultation of the Parcours tab). Each download is audited
 * (no field values).
 */
export const recapitulatifDownload: DownloadDefinition<typeof paramsSchema> = {
  name: "contrat.recapitulatif",
  capability: ["jeunes.read", "parcours.write"],
  params: paramsSchema,
  dossier: { jeuneId: (p) => p.id, onglet: "parcours" },
  async render({ tx, user, params, dossier }) {
    const { jeune, structureId, today } = dossier!;
    const [contrat, [structure]] = await Promise.all([
      getContrat(tx, user, jeune.id, params.contratId),
      tx.select().from(structures).where(eq(structures.id, structureId)),
    ]);
    if (!contrat || !structure) return null;
    const precedent = contrat.precedentContratId ? await getContrat(tx, user, jeune.id, contrat.precedentContratId) : null;

    const model: Recapitulatif = {
      structure: { name: structure.name, commune: structure.commune, siret: structure.siret },
      jeune: {
        nom: (jeune.nomUsage ?? jeune.nomNaissance).toUpperCase(),
        prenoms: jeune.prenoms,
        dateNaissance: jeune.dateNaissance,
        mineurALaSignature: ageOn(jeune.dateNaissance, contrat.signeLe) < 18,
      },
      conseiller: contrat.conseillerNom,
      contrat: {
        type: contrat.type,
        signeLe: contrat.signeLe,
        debut: contrat.debut,
        finPrevue: contrat.finPrevue,
        finReelle: contrat.finReelle,
        motifSortie: contrat.motifSortie,
        prolongationMotif: contrat.prolongationMotif,
        basculeMotif: contrat.basculeMotif,
        precedent: precedent ? { type: precedent.type, debut: precedent.debut } : null,
      },
      phases: contrat.phases.map((p) => ({
        type: p.type,
        debut: p.debut,
        fin: p.fin,
        objectifs: p.objectifs,
        bilan: p.bilan,
        bilanLe: p.bilanLe,
      })),
      editeLe: today,
    };
    return {
      body: await renderRecapitulatifPdf(model),
      type: "pdf",
      // No name in the file name: downloads folders and mail attachments are seen by others.
      filename: `recapitulatif-${contrat.type.toLowerCase()}-${contrat.debut}.pdf`,
      audit: {
        action: "contrat.recapitulatif",
        targetType: "contrat",
        targetId: contrat.id,
        jeuneId: jeune.id,
        structureId,
        fields: ["nom", "prenoms", "dateNaissance", "contrat", "phases"],
        meta: { type: contrat.type, document: "recapitulatif" },
      },
    };
  },
};
