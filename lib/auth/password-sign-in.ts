import { z } from "zod";
import type { Db } from "@/db/client";
import { writeAudit } from "@/lib/audit/write";
import { clientIp } from "@/lib/http/client-ip";
import { findUnsafeChar } from "@/lib/validation/fields";
import { verifyCredentials } from "./credentials";
import type { Role } from "./roles";
import { openSession } from "./sessions";

const credentialsSchema = z.object({
  // Also reached without the sign-in form (the credentials callback): a NUL must not reach the lock-out table.
  email: z
    .string()
    .trim()
    .min(3)
    .max(254)
    .refine((v) => findUnsafeChar(v) === null),
  password: z.string().min(1).max(256),
});

export interface PasswordSignInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
  sessionId: string;
}

/**
 * What the sign-in form's code says: "invalid", "locked:<iso date>" (the address), "limited:<iso date>"
 * (the client's network). Nothing tells whether the address exists.
 */
export type PasswordSignInResult = { ok: true; user: PasswordSignInUser } | { ok: false; code: string };

/**
 * The password sign-in of Auth.js's Credentials provider (lib/auth/auth.ts), for the form's server action and
 * for a POST straight to /api/auth/callback/credentials alike: parse, count the attempt per client address
 * and per address typed, check the password, open the session row the cookie will carry.
 */
export async function authorizePassword(db: Db, raw: unknown, headers: Pick<Headers, "get">): Promise<PasswordSignInResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const result = await verifyCredentials(db, { ...parsed.data, ip: clientIp(headers) });
  if (!result.ok) {
    if (result.reason === "locked") return { ok: false, code: `locked:${result.lockedUntil.toISOString()}` };
    if (result.reason === "limited") return { ok: false, code: `limited:${result.retryAt.toISOString()}` };
    return { ok: false, code: "invalid" };
  }
  const { user } = result;
  await writeAudit(
    db,
    { id: user.id, role: user.role, structureId: user.structureId },
    {
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
    },
  );
  const sessionId = await openSession(db, { userId: user.id, role: user.role, method: "password", userAgent: headers.get("user-agent") });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, sessionId },
  };
}
