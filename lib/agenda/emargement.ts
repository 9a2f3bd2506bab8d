import "server-only";
import { z } from "zod";
import type { DownloadDefinition } from "@/lib/actions/download";
import { renderEmargementPdf } from "./emargement-pdf";
import { getSeanceDetail } from "./queries";

const paramsSchema = z.object({ id: z.uuid() });

/**
 * The sign-in sheet of a séance of the caller's structure (agenda.read), audited as a download (which
 * séance, how many names: no names in the trail). Not found when the séance is missing or elsewhere.
 */
export const emargementDownload: DownloadDefinition<typeof paramsSchema> = {
  name: "agenda.emargement",
  capability: "agenda.read",
  params: paramsSchema,
  dossier: {
    none: "A séance of the caller's structure: the names and presences its page already shows to that staff; no participant's file is opened.",
  },
  notFound: "Séance introuvable.",
  async render({ tx, user, params }) {
    // The agenda is a structure's: a caller without one has no séance to print.
    if (!user.structureId) return null;
    const detail = await getSeanceDetail(user, params.id, tx);
    if (!detail) return null;
    const { seance } = detail;
    return {
      body: await renderEmargementPdf({
        structureName: detail.structureName ?? "Mission locale",
        seance,
        animateurName: detail.animateurName,
        participants: detail.participants.map((p) => ({ name: p.name, presence: p.presence })),
        generatedAt: new Date(),
      }),
      type: "pdf",
      filename: "feuille-emargement.pdf",
      audit: {
        action: "agenda.emargement",
        targetType: "seance",
        targetId: seance.id,
        structureId: seance.structureId,
        fields: ["participants.nom", ...(seance.clotureeLe ? ["participants.presence"] : [])],
        meta: { type: seance.type, participants: detail.participants.length, cloturee: seance.clotureeLe !== null },
      },
    };
  },
};
