import "server-only";
import { headers } from "next/headers";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { antennes, structures, users } from "@/db/schema";
import { ACCOUNT_MANAGEMENT } from "@/lib/auth/permissions";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { type SessionUser, structureScope } from "@/lib/auth/session-user";
import { clientIp } from "@/lib/http/client-ip";
import { type InvitationView, findInvitation, latestInvitation } from "./invitations";

export type InvitationLinkView =
  | { kind: "ok"; name: string; email: string; role: SessionUser["role"]; structureName: string | null; expiresAt: Date }
  | { kind: "invalid" }
  | { kind: "limited"; retryAt: Date };

/** What the public page of a link shows; every lookup counts against the visitor's address (guessing links). */
export async function openInvitationLink(token: string, now = new Date()): Promise<InvitationLinkView> {
  const db = await getDb();
  const limit = await hitRateLimit(db, "invitation:ip", clientIp(await headers()), now);
  if (!limit.ok) return { kind: "limited", retryAt: limit.retryAt };
  const found = await findInvitation(db, token, now);
  if (!found) return { kind: "invalid" };
  const { user } = found;
  return {
    kind: "ok",
    name: user.name,
    email: user.email,
    role: user.role,
    structureName: found.structureName,
    expiresAt: found.expiresAt,
  };
}

export interface CompteInvitation {
  hasPassword: boolean;
  latest: InvitationView | null;
}

/** The invitation state of an account the caller may see (their structure's; the admin any); null otherwise. */
export async function getCompteInvitation(user: SessionUser, compteId: string, now = new Date()): Promise<CompteInvitation | null> {
  if (!z.uuid().safeParse(compteId).success) return null;
  const db = await getDb();
  const scope = structureScope(user);
  const [row] = await db
    .select({ id: users.id, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(and(eq(users.id, compteId), ne(users.role, "jeune"), ...(scope ? [eq(users.structureId, scope)] : [])));
  if (!row) return null;
  return { hasPassword: row.hasPassword, latest: await latestInvitation(db, row.id, now) };
}

/** What the invitation form offers the caller: the roles they may grant, the active structures and antennes. */
export async function invitationFormOptions(user: SessionUser) {
  const db = await getDb();
  const scope = structureScope(user);
  const [structureRows, antenneRows] = await Promise.all([
    db
      .select({ id: structures.id, name: structures.name })
      .from(structures)
      .where(and(eq(structures.active, true), ...(scope ? [eq(structures.id, scope)] : [])))
      .orderBy(asc(structures.name)),
    db
      .select({ id: antennes.id, name: antennes.name, structureId: antennes.structureId })
      .from(antennes)
      .innerJoin(structures, eq(structures.id, antennes.structureId))
      .where(and(eq(antennes.active, true), eq(structures.active, true), ...(scope ? [eq(antennes.structureId, scope)] : [])))
      .orderBy(asc(antennes.name)),
  ]);
  return { roles: ACCOUNT_MANAGEMENT[user.role], structures: structureRows, antennes: antenneRows };
}
