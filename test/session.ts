import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { structures, users } from "@/db/schema";
import { toSessionUser, type SessionUser } from "@/lib/auth/session-user";

/** The SessionUser the app would build for this account (as lib/auth/session.ts does from the cookie). */
export async function sessionUserFor(db: Db, email: string): Promise<SessionUser> {
  const [row] = await db
    .select({ user: users, structureName: structures.name })
    .from(users)
    .leftJoin(structures, eq(structures.id, users.structureId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`no account ${email}`);
  return toSessionUser(row.user, row.structureName);
}
