import type { User } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import type { Role } from "./roles";

/** The signed-in person as the server sees them, reloaded from the database on every request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** null only for the platform admin, who sees every structure. */
  structureId: string | null;
  structureName: string | null;
  antenneId: string | null;
  jeuneId: string | null;
  /** The user_sessions row of the request (null outside a browser session: seeds, scripts, tests). */
  sessionId: string | null;
}

/** The SessionUser of an account row (and its structure's name). */
export function toSessionUser(user: User, structureName: string | null, sessionId: string | null = null): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    structureId: user.structureId,
    structureName,
    antenneId: user.antenneId,
    jeuneId: user.jeuneId,
    sessionId,
  };
}

/**
 * Record-level check: the record must belong to the caller's structure (admin: any).
 * A miss is reported as "not found" so nothing reveals that the record exists elsewhere.
 */
export function assertSameStructure(user: SessionUser, structureId: string | null | undefined): void {
  if (user.role === "admin") return;
  if (!structureId || structureId !== user.structureId) throw new DomainError("not_found");
}

/** The structure every query of this caller is limited to; null = all structures (admin). */
export function structureScope(user: SessionUser): string | null {
  if (user.role === "admin") return null;
  if (!user.structureId) throw new DomainError("forbidden");
  return user.structureId;
}
