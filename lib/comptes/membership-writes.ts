/**
 * The missions locales a staff account works for, beyond its home one (memberships): a DPO shared by two
 * associations, a director of two. Granting is platform-wide (comptes.role: the admin). Removing one ends the
 * sessions working there at once; the home membership is changed only by moving the account (writes.ts).
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, structures, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import type { AuditInput } from "@/lib/audit/write";
import { DomainError } from "@/lib/errors/domain-error";
import { revokeSessionsIn } from "./membership-store";
import { COMPTES_PATH } from "./params";
import { assertMayManage, mayHaveSeveralStructures } from "./rules";
import { membershipSchema } from "./schema";
import { assertFresh, lockAccount } from "./store";

const NO_DOSSIER = "grants or removes a mission locale of a staff account, never a young person's file";

export const MEMBERSHIP_ROLE_REFUSED =
  "Seuls les comptes de délégué à la protection des données et de directeur peuvent travailler pour plusieurs missions locales.";
export const HOME_MEMBERSHIP_REFUSED =
  "C'est la mission locale de rattachement de ce compte : pour la changer, utilisez « Changer de mission locale ou d'antenne ».";

export interface MembershipResult {
  id: string;
  structureId: string;
  /** Sessions that were working in the removed structure and were closed. */
  sessionsClosed: number;
}

const field = (message: string) => ({ fieldErrors: { structureId: [message] } });

/** One entry in the journal of each structure concerned: the account's home and the one granted or removed. */
function audits(action: string, account: { id: string; structureId: string | null }, structureId: string, meta: AuditInput["meta"]) {
  const entry = (s: string | null): AuditInput => ({
    action,
    targetType: "user",
    targetId: account.id,
    structureId: s,
    fields: ["memberships"],
    meta,
  });
  return account.structureId && account.structureId !== structureId
    ? [entry(account.structureId), entry(structureId)]
    : [entry(structureId)];
}

async function bumpVersion(tx: Tx, id: string): Promise<void> {
  await tx.update(users).set({ updatedAt: new Date() }).where(eq(users.id, id));
}

export const addMembership: ActionDefinition<typeof membershipSchema, MembershipResult> = {
  name: "compte.membre_ajout",
  schema: membershipSchema,
  capability: "comptes.role",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    const row = await lockAccount(tx, input.compteId, input.version);
    assertMayManage(user, row);
    if (!mayHaveSeveralStructures(row.role)) throw new DomainError("invalid_input", field(MEMBERSHIP_ROLE_REFUSED));
    assertFresh(row);
    if (!row.active)
      throw new DomainError("conflict", { message: "Ce compte est désactivé : réactivez-le d'abord. Rien n'a été enregistré." });
    const [structure] = await tx
      .select({ id: structures.id, active: structures.active })
      .from(structures)
      .where(eq(structures.id, input.structureId));
    if (!structure) throw new DomainError("invalid_input", field("Choisissez une mission locale de la liste."));
    if (!structure.active) throw new DomainError("invalid_input", field("Cette mission locale est désactivée : choisissez-en une autre."));
    const added = await tx
      .insert(memberships)
      .values({ userId: row.id, structureId: structure.id, role: row.role, createdBy: user.id })
      .onConflictDoNothing()
      .returning({ structureId: memberships.structureId });
    if (added.length === 0) throw new DomainError("invalid_input", field("Ce compte travaille déjà pour cette mission locale."));
    await bumpVersion(tx, row.id);
    return {
      data: { id: row.id, structureId: structure.id, sessionsClosed: 0 },
      audit: audits("compte.membre_ajout", row, structure.id, { structureId: structure.id, role: row.role }),
    };
  },
  revalidate: (input) => [`${COMPTES_PATH}/${input.compteId}`],
};

export const removeMembership: ActionDefinition<typeof membershipSchema, MembershipResult> = {
  name: "compte.membre_retrait",
  schema: membershipSchema,
  capability: "comptes.role",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    const row = await lockAccount(tx, input.compteId, input.version);
    assertMayManage(user, row);
    assertFresh(row);
    if (input.structureId === row.structureId) throw new DomainError("invalid_input", field(HOME_MEMBERSHIP_REFUSED));
    const removed = await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, row.id), eq(memberships.structureId, input.structureId)))
      .returning({ structureId: memberships.structureId });
    if (removed.length === 0) throw new DomainError("invalid_input", field("Ce compte ne travaille pas pour cette mission locale."));
    // A session still working there would keep its rows until it ends: it ends now.
    const sessionsClosed = await revokeSessionsIn(tx, row.id, input.structureId);
    await bumpVersion(tx, row.id);
    return {
      data: { id: row.id, structureId: input.structureId, sessionsClosed },
      audit: audits("compte.membre_retrait", row, input.structureId, { structureId: input.structureId, sessionsFermees: sessionsClosed }),
    };
  },
  revalidate: (input) => [`${COMPTES_PATH}/${input.compteId}`],
};
