import type { Tx } from "@/db/client";
import { ownerOfTransmission } from "@/lib/dossier/targets";

/**
 * Relaunching or sending a transfer now acts on the file whose data leaves. A director's portfolio is
 * the structure; the DPO's ground is the supervision of transfers (no prior reason), recorded as a
 * consultation "transmission". Notices still leave after an erasure, so every state is accepted.
 */
export const OF_TRANSMISSION = {
  jeuneIds: (input: { transmissionId: string }, tx: Tx) => ownerOfTransmission(tx, input.transmissionId),
  onglet: "transmission",
  exempt: { roles: ["dpo"] as const, motif: "controle_dpo" as const },
  states: ["archive", "anonymise"] as const,
};
