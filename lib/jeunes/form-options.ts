import "server-only";
import { and, asc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { antennes, users } from "@/db/schema";

export interface FormOption {
  value: string;
  label: string;
}

/**
 * The antennes and counsellors a dossier of this structure may be given (two queries). A counsellor
 * who left, or a deactivated antenne, stays listed on the dossier that still names them, so opening the
 * form does not change it; neither is offered to any other dossier.
 */
export async function assignmentOptions(
  db: DbOrTx,
  structureId: string,
  currentConseillerId: string | null = null,
  currentAntenneId: string | null = null,
): Promise<{ antennes: FormOption[]; conseillers: FormOption[] }> {
  const [sites, people] = await Promise.all([
    db
      .select({ value: antennes.id, label: antennes.name, active: antennes.active })
      .from(antennes)
      .where(
        and(
          eq(antennes.structureId, structureId),
          currentAntenneId ? or(eq(antennes.active, true), eq(antennes.id, currentAntenneId)) : eq(antennes.active, true),
        ),
      )
      .orderBy(asc(antennes.name)),
    db
      .select({ value: users.id, label: users.name, active: users.active })
      .from(users)
      .where(
        and(
          eq(users.structureId, structureId),
          eq(users.role, "conseiller"),
          currentConseillerId ? or(eq(users.active, true), eq(users.id, currentConseillerId)) : eq(users.active, true),
        ),
      )
      .orderBy(asc(users.name)),
  ]);
  return {
    antennes: sites.map((s) => ({ value: s.value, label: s.active ? s.label : `${s.label} (antenne désactivée)` })),
    conseillers: people.map((p) => ({ value: p.value, label: p.active ? p.label : `${p.label} (compte désactivé)` })),
  };
}
