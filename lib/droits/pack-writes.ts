/**
 * « Télécharger mes données »: the young person asks for their access pack from Mon espace. One transaction records
 * the rights request (access, from Mon espace: in the register and the DPO's queue, with its clock and its receipt)
 * and the `access_pack_jobs` row; once committed, the preparation starts in this process (best effort) and the
 * worker prepares whatever is left (pack-jobs.ts). One pack in preparation at a time.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { accessPackJobs } from "@/db/schema";
import { afterCommit } from "@/lib/actions/after-commit";
import { detach } from "@/lib/actions/detached";
import { type ActionDefinition, theDossier } from "@/lib/actions/run";
import { todayInParis } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { logger } from "@/lib/log/logger";
import { insertDemande } from "./intake-writes";
import { IDENTITE_METHODES } from "./labels";
import { claimPackJob, packClaimer, preparePackJob } from "./pack-jobs";

export const PACK_ALREADY_PENDING =
  "Votre dossier est déjà en préparation. Attendez qu'il soit prêt : cette page se met à jour toute seule.";
export const PACK_OBJET = "Je demande une copie de mes données : le dossier à télécharger depuis Mon espace (PDF et fichier de données).";

export interface RequestedPack {
  jobId: string;
  demandeId: string;
  numero: string;
}

const OWN_FILE = {
  jeuneIds: (_input: unknown, _tx: unknown, user: { jeuneId: string | null }) => (user.jeuneId ? [user.jeuneId] : []),
  onglet: "demande-de-droits",
};

/**
 * After the commit: claims the job at once (so the page shows « en préparation ») and builds it without holding
 * the response; if this process stops first, the worker takes the stale claim over.
 */
function prepareSoon(tx: Parameters<typeof afterCommit>[0], jobId: string): void {
  afterCommit(tx, async (db) => {
    const claimer = packClaimer();
    const job = await claimPackJob(db, claimer, new Date(), jobId);
    if (!job) return;
    detach(
      () => preparePackJob(db, job, claimer),
      (error) =>
        logger.warn({ job: jobId, err: { type: error instanceof Error ? error.name : typeof error } }, "access pack preparation failed"),
    );
  });
}

export const requestAccessPack: ActionDefinition<z.ZodObject<Record<string, never>>, RequestedPack> = {
  name: "droits.pack_demande",
  schema: z.object({}),
  capability: "self.read",
  dossier: OWN_FILE,
  async handler({ tx, user, dossiers }) {
    if (user.role !== "jeune" || !user.jeuneId) throw new DomainError("forbidden");
    // The gate locked the file's row for this write: two clicks at once wait for each other here.
    const { jeune } = theDossier(dossiers);
    const [pending] = await tx
      .select({ id: accessPackJobs.id })
      .from(accessPackJobs)
      .where(and(eq(accessPackJobs.jeuneId, jeune.id), inArray(accessPackJobs.status, ["en_attente", "en_preparation"])))
      .limit(1);
    if (pending) throw new DomainError("conflict", { message: PACK_ALREADY_PENDING });
    const today = todayInParis(new Date());
    const created = await insertDemande(tx, user, {
      jeune,
      type: "acces",
      finalite: null,
      objet: PACK_OBJET,
      canal: "espace_jeune",
      recueLe: today,
      identite: { le: today, methode: IDENTITE_METHODES.espace },
      envoyerAccuse: true,
    });
    const [job] = await tx
      .insert(accessPackJobs)
      .values({ jeuneId: jeune.id, structureId: jeune.structureId, demandeId: created.data.id, requestedBy: user.id })
      .returning({ id: accessPackJobs.id });
    prepareSoon(tx, job!.id);
    return {
      data: { jobId: job!.id, demandeId: created.data.id, numero: created.data.numero },
      audit: [
        created.audit,
        {
          action: "droits.pack_demande",
          targetType: "demande_droits",
          targetId: created.data.id,
          jeuneId: jeune.id,
          structureId: jeune.structureId,
          meta: { numero: created.data.numero, jobId: job!.id },
        },
      ],
    };
  },
  revalidate: () => ["/mon-espace/mes-donnees", "/mon-espace"],
};

/** « Réessayer » after a failed preparation: the same job starts again (same request, same clock). */
export const retryAccessPack: ActionDefinition<z.ZodObject<Record<string, never>>, { jobId: string }> = {
  name: "droits.pack_relance",
  schema: z.object({}),
  capability: "self.read",
  dossier: OWN_FILE,
  async handler({ tx, user, dossiers }) {
    if (user.role !== "jeune" || !user.jeuneId) throw new DomainError("forbidden");
    const { jeune } = theDossier(dossiers);
    const [last] = await tx
      .select()
      .from(accessPackJobs)
      .where(eq(accessPackJobs.jeuneId, jeune.id))
      .orderBy(desc(accessPackJobs.createdAt), desc(accessPackJobs.id))
      .limit(1)
      .for("update");
    if (last?.status !== "echec")
      throw new DomainError("conflict", { message: "Il n'y a pas de préparation à recommencer. Rechargez la page." });
    await tx
      .update(accessPackJobs)
      .set({ status: "en_attente", attempts: 0, progress: 0, lastError: null, claimedBy: null, claimedAt: null })
      .where(eq(accessPackJobs.id, last.id));
    prepareSoon(tx, last.id);
    return {
      data: { jobId: last.id },
      audit: {
        action: "droits.pack_relance",
        targetType: "demande_droits",
        targetId: last.demandeId,
        jeuneId: jeune.id,
        structureId: jeune.structureId,
        meta: { jobId: last.id },
      },
    };
  },
  revalidate: () => ["/mon-espace/mes-donnees"],
};
