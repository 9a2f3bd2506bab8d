import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { antennes, structures, users, type Antenne, type Structure } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { STRUCTURE_MESSAGES } from "./schema";

const STRUCTURE_NOT_FOUND = "Cette mission locale est introuvable : elle a peut-être été supprimée. Rechargez la page.";
const ANTENNE_NOT_FOUND = "Cette antenne est introuvable. Rechargez la page.";

/** The structure, locked for the rest of the transaction; not found otherwise. */
export async function lockStructure(tx: Tx, id: string): Promise<Structure> {
  const [row] = await tx.select().from(structures).where(eq(structures.id, id)).for("update");
  if (!row) throw new DomainError("not_found", { message: STRUCTURE_NOT_FOUND });
  return row;
}

export async function lockAntenne(tx: Tx, id: string): Promise<Antenne> {
  const [row] = await tx.select().from(antennes).where(eq(antennes.id, id)).for("update");
  if (!row) throw new DomainError("not_found", { message: ANTENNE_NOT_FOUND });
  return row;
}

/** An edit made on an older version is refused: the other person's change is never overwritten. */
export function assertVersion(row: { version: number }, expected: number, what: "structure" | "antenne"): void {
  if (row.version === expected) return;
  throw new DomainError("conflict", {
    message:
      what === "structure"
        ? "Cette mission locale a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Rien n'a été écrasé : rechargez la page pour voir sa version actuelle."
        : "Cette antenne a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Rien n'a été écrasé : rechargez la page pour voir sa version actuelle.",
  });
}

/** A second structure with this SIRET is refused on the SIRET field (the unique index is the last guard). */
export async function assertSiretFree(tx: Tx, siret: string, exceptId: string | null): Promise<void> {
  const [taken] = await tx
    .select({ id: structures.id })
    .from(structures)
    .where(exceptId ? and(eq(structures.siret, siret), ne(structures.id, exceptId)) : eq(structures.siret, siret));
  if (taken) {
    throw new DomainError("duplicate", {
      message: "Ce SIRET est déjà enregistré. Rien n'a été enregistré.",
      fieldErrors: { siret: [STRUCTURE_MESSAGES.siretTaken] },
    });
  }
}

/** Active staff accounts of a structure (young people's accounts aside). */
export async function activeStaffCount(tx: Tx, structureId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.structureId, structureId), eq(users.active, true), ne(users.role, "jeune")));
  return row?.n ?? 0;
}

/** The next version and the update time, for every edit. */
export function bump(row: { version: number }) {
  return { version: row.version + 1, updatedAt: sql`now()` };
}
