/**
 * Staff accounts: role, structure and antenne, deactivation and reactivation. The capability table says who
 * may open these acts (comptes.manage, comptes.role); lib/comptes/rules.ts says which accounts and roles.
 * Deactivating bumps session_version: lib/auth/session-account.ts then refuses every session already open.
 * Nothing is reassigned silently: a counsellor still titular of active files is refused, with the count.
 * Memberships follow in the same transaction (lib/comptes/membership-store.ts).
 */
import { revokeAllSessions } from "@/lib/auth/sessions";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { antennes, structures, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import type { AuditInput } from "@/lib/audit/write";
import { can } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-error";
import type { PortfolioDetails } from "./details";
import { moveHomeMembership, syncMembershipRoles } from "./membership-store";
import { COMPTES_PATH } from "./params";
import { assertMayGrant, assertMayManage, needsStructure, type PortfolioAct, portfolioRefusal } from "./rules";
import { changeRoleSchema, deactivateSchema, moveSchema, reactivateSchema } from "./schema";
import { assertFresh, assertNotLastAdmin, lockAccount, titularActiveCount } from "./store";

export const REAFFECTATION_PATH = "/portefeuille/reaffectation";
const NO_DOSSIER = "acts on a staff account, never on a young person's file: the target is checked by lib/comptes/rules.ts";

export interface CompteResult {
  id: string;
}

const comptePaths = (id: string) => [COMPTES_PATH, `${COMPTES_PATH}/${id}`, "/admin"];

function audit(
  action: string,
  target: { id: string; structureId: string | null },
  fields: string[],
  meta?: AuditInput["meta"],
): AuditInput {
  return { action, targetType: "user", targetId: target.id, structureId: target.structureId, fields, ...(meta && { meta }) };
}

async function assertEmptyPortfolio(tx: Tx, userId: string, act: PortfolioAct): Promise<void> {
  const n = await titularActiveCount(tx, userId);
  if (n === 0) return;
  const details: PortfolioDetails = { kind: "portefeuille", jeunes: n, href: REAFFECTATION_PATH };
  throw new DomainError("conflict", { message: portfolioRefusal(n, act), details });
}

async function assertStructureExists(tx: Tx, structureId: string): Promise<void> {
  const [s] = await tx.select({ id: structures.id }).from(structures).where(eq(structures.id, structureId));
  if (!s) throw new DomainError("invalid_input", { fieldErrors: { structureId: ["Choisissez une mission locale de la liste."] } });
}

export const changeCompteRole: ActionDefinition<typeof changeRoleSchema, CompteResult> = {
  name: "compte.role",
  schema: changeRoleSchema,
  capability: "comptes.role",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    const row = await lockAccount(tx, input.compteId, input.version);
    assertMayManage(user, row);
    assertMayGrant(user, input.role);
    assertFresh(row);
    if (row.role === input.role) throw new DomainError("invalid_input", { fieldErrors: { role: ["Ce compte a déjà ce rôle."] } });
    if (row.role === "admin") await assertNotLastAdmin(tx, row);
    // Another role would leave their young people with a titular who no longer follows them.
    await assertEmptyPortfolio(tx, row.id, "changer son rôle");

    let structureId: string | null = null;
    let antenneId: string | null = null;
    if (needsStructure(input.role)) {
      structureId = row.structureId ?? input.structureId ?? null;
      antenneId = row.antenneId;
      if (!structureId) {
        throw new DomainError("invalid_input", { fieldErrors: { structureId: ["Choisissez la mission locale de ce compte."] } });
      }
      if (!row.structureId) await assertStructureExists(tx, structureId);
    }
    await tx
      .update(users)
      .set({ role: input.role, structureId, antenneId, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, row.id));
    await syncMembershipRoles(tx, { id: row.id, structureId }, input.role, user.id);
    const fields = [
      "role",
      ...(structureId !== row.structureId ? ["structureId"] : []),
      ...(antenneId !== row.antenneId ? ["antenneId"] : []),
    ];
    return {
      data: { id: row.id },
      audit: audit("compte.role", { id: row.id, structureId: structureId ?? row.structureId }, [...fields, "sessionVersion"], {
        role: input.role,
        rolePrecedent: row.role,
      }),
    };
  },
  revalidate: (input) => comptePaths(input.compteId),
};

export const moveCompte: ActionDefinition<typeof moveSchema, CompteResult> = {
  name: "compte.rattachement",
  schema: moveSchema,
  capability: "comptes.manage",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    const row = await lockAccount(tx, input.compteId, input.version);
    assertMayManage(user, row);
    if (!needsStructure(row.role)) {
      throw new DomainError("invalid_input", {
        fieldErrors: { structureId: ["Un compte administrateur n'est rattaché à aucune mission locale."] },
      });
    }
    const movesStructure = input.structureId !== row.structureId;
    if (movesStructure && !can(user.role, "comptes.role")) {
      throw new DomainError("forbidden", {
        fieldErrors: { structureId: ["Vous ne pouvez rattacher ce compte qu'à votre mission locale."] },
      });
    }
    assertFresh(row);
    if (movesStructure) await assertStructureExists(tx, input.structureId);
    const antenneId = input.antenneId ?? null;
    if (antenneId) {
      const [a] = await tx
        .select({ id: antennes.id })
        .from(antennes)
        .where(and(eq(antennes.id, antenneId), eq(antennes.structureId, input.structureId)));
      if (!a) throw new DomainError("invalid_input", { fieldErrors: { antenneId: ["Choisissez une antenne de cette mission locale."] } });
    }
    if (!movesStructure && antenneId === row.antenneId) {
      throw new DomainError("invalid_input", { fieldErrors: { antenneId: ["Ce compte est déjà rattaché ici."] } });
    }
    if (movesStructure) await assertEmptyPortfolio(tx, row.id, "changer sa mission locale");

    await tx.update(users).set({ structureId: input.structureId, antenneId, updatedAt: new Date() }).where(eq(users.id, row.id));
    if (movesStructure) await moveHomeMembership(tx, { id: row.id, role: row.role, from: row.structureId, to: input.structureId }, user.id);
    const fields = [...(movesStructure ? ["structureId"] : []), ...(antenneId !== row.antenneId ? ["antenneId"] : [])];
    const entries = [audit("compte.rattachement", { id: row.id, structureId: input.structureId }, fields)];
    // The structure the account leaves keeps the trace in its own journal too.
    if (movesStructure) entries.push(audit("compte.rattachement", { id: row.id, structureId: row.structureId }, fields));
    return { data: { id: row.id }, audit: entries };
  },
  revalidate: (input) => comptePaths(input.compteId),
};

export const deactivateCompte: ActionDefinition<typeof deactivateSchema, CompteResult> = {
  name: "compte.desactivation",
  schema: deactivateSchema,
  capability: "comptes.manage",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    const row = await lockAccount(tx, input.compteId, input.version);
    assertMayManage(user, row);
    assertFresh(row);
    if (!row.active) throw new DomainError("conflict", { message: "Ce compte est déjà désactivé : rechargez la page." });
    await assertNotLastAdmin(tx, row);
    await assertEmptyPortfolio(tx, row.id, "désactiver son compte");
    const now = new Date();
    await tx
      .update(users)
      .set({ active: false, deactivatedAt: now, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, row.id));
    await revokeAllSessions(tx, row.id, "deactivated", { now });
    return {
      data: { id: row.id },
      audit: audit("compte.desactivation", row, ["active", "deactivatedAt", "sessionVersion"]),
    };
  },
  revalidate: (input) => comptePaths(input.compteId),
};

export const reactivateCompte: ActionDefinition<typeof reactivateSchema, CompteResult> = {
  name: "compte.reactivation",
  schema: reactivateSchema,
  capability: "comptes.manage",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    const row = await lockAccount(tx, input.compteId, input.version);
    assertMayManage(user, row);
    assertFresh(row);
    if (row.active) throw new DomainError("conflict", { message: "Ce compte est déjà actif : rechargez la page." });
    if (row.anonymisedAt) {
      throw new DomainError("conflict", {
        message: "Ce compte a été anonymisé à la fin de sa durée de conservation : il ne peut plus être réactivé. Rien n'a été enregistré.",
      });
    }
    // The session version stays bumped: sessions opened before the deactivation remain closed.
    await tx.update(users).set({ active: true, deactivatedAt: null, updatedAt: new Date() }).where(eq(users.id, row.id));
    return { data: { id: row.id }, audit: audit("compte.reactivation", row, ["active", "deactivatedAt"]) };
  },
  revalidate: (input) => comptePaths(input.compteId),
};
