import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { structures, users } from "@/db/schema";
import type { Role } from "./roles";
import { toSessionUser, type SessionUser } from "./session-user";

/** What a session cookie claims about its account (lib/auth/auth.config.ts puts it in the JWT). */
export interface SessionClaims {
  id: string;
  role: Role;
  sessionVersion: number;
}

/**
 * The account a session stands for, reloaded from the database: null when it was deactivated, its role
 * changed or its session version bumped since the cookie was issued (every open session is then refused).
 */
export async function loadSessionAccount(db: DbOrTx, claims: SessionClaims): Promise<SessionUser | null> {
  const [row] = await db
    .select({ user: users, structureName: structures.name })
    .from(users)
    .leftJoin(structures, eq(structures.id, users.structureId))
    .where(eq(users.id, claims.id));
  if (!row?.user.active) return null;
  if (row.user.sessionVersion !== claims.sessionVersion || row.user.role !== claims.role) return null;
  return toSessionUser(row.user, row.structureName);
}
