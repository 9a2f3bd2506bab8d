import type { ActionDefinition } from "@/lib/actions/run";
import { recordConsultation } from "@/lib/consultations/access";
import { motifAllowedFor } from "@/lib/consultations/motifs";
import type { DossierOnglet } from "@/lib/consultations/onglets";
import { breakGlassSchema } from "@/lib/consultations/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { decideDossierAccess } from "./gate";

/**
 * "Break-glass": a member of staff states why they open a dossier outside their portfolio. The reason
 * is recorded as a consultation (shown to the young person) and audited; it opens the dossier for
 * BREAK_GLASS_TTL_MS. The structure is re-checked here: a dossier of another structure is "not found",
 * whatever the form posted.
 */
export const giveConsultationReason: ActionDefinition<typeof breakGlassSchema, { jeuneId: string; onglet: DossierOnglet }> = {
  name: "jeune.break_glass",
  schema: breakGlassSchema,
  capability: "jeunes.read",
  dossier: { none: "the gate's own door: it records the reason that opens the file, and checks the structure itself" },
  async handler({ tx, user, input }) {
    const access = await decideDossierAccess(tx, user, input.jeuneId, "page", { onglet: input.onglet, states: ["archive", "anonymise"] });
    if (!access.ok && access.refusal !== "reason_required") throw new DomainError("not_found");
    if (!motifAllowedFor(user.role, input.motif)) {
      throw new DomainError("invalid_input", {
        fieldErrors: { motif: ["Ce motif est réservé au délégué à la protection des données : choisissez un autre motif."] },
      });
    }
    const data = { jeuneId: input.jeuneId, onglet: input.onglet };
    // In one's own portfolio no reason is needed: nothing to record, just open the dossier.
    if (access.ok && access.dossier.ground === "portfolio") return { data, audit: [] };
    const structureId = access.ok ? access.dossier.structureId : access.structureId;

    await recordConsultation(tx, user, {
      jeuneId: input.jeuneId,
      structureId,
      onglet: input.onglet,
      horsPortefeuille: true,
      motif: input.motif,
      motifDetail: input.motifDetail,
    });
    return {
      data,
      audit: {
        action: "jeune.break_glass",
        targetType: "jeune",
        targetId: input.jeuneId,
        jeuneId: input.jeuneId,
        structureId,
        // The free-text detail may name people: only its hash goes to the audit log.
        after: { motif: input.motif, motifDetail: input.motifDetail },
        meta: { motif: input.motif, onglet: input.onglet },
      },
    };
  },
};
