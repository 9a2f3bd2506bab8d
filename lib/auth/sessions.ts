import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userSessions } from "@/db/schema";
import type { Role } from "./roles";

/**
 * Session lifetimes. Staff work all day in one browser; young people often on a shared or borrowed phone,
 * hence a short idle time. The absolute limit matches the cookie's (lib/auth/auth.config.ts).
 */
export const SESSION_LIMITS = {
  staff: { idleMs: 2 * 60 * 60_000, absoluteMs: 12 * 60 * 60_000 },
  jeune: { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 },
} as const;

/** last_seen_at is written at most once per this interval per session (a read stays a read). */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export function sessionLimits(role: Role) {
  return role === "jeune" ? SESSION_LIMITS.jeune : SESSION_LIMITS.staff;
}

export type SignInMethod = "password" | "oidc" | "code";

export type RevokeReason = "sign_out" | "revoked" | "sign_out_everywhere" | "deactivated" | "idle" | "password_changed";

/** "Firefox sur Android", "Chrome sur Windows"… from the User-Agent: a label a person recognises, nothing more. */
export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\//.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrome\/|Chromium\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : "Navigateur inconnu";
  const system = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad|iPod/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  return system ? `${browser} sur ${system}` : browser;
}

export async function openSession(
  db: DbOrTx,
  input: {
    userId: string;
    role: Role;
    method: SignInMethod;
    userAgent?: string | null;
    acr?: string | null;
    amr?: string[] | null;
    /** The second factor already checked (a provider that asserted it; tests). */
    mfaAt?: Date | null;
    now?: Date;
  },
): Promise<string> {
  const now = input.now ?? new Date();
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: input.userId,
      method: input.method,
      acr: input.acr ?? null,
      amr: input.amr ?? null,
      mfaAt: input.mfaAt ?? null,
      device: deviceLabel(input.userAgent),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionLimits(input.role).absoluteMs),
    })
    .returning({ id: userSessions.id });
  if (!row) throw new Error("session not created");
  return row.id;
}

export async function revokeSession(db: DbOrTx, sessionId: string, reason: RevokeReason, now = new Date()): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every open session of an account, but the one given (sign-out everywhere else), and says how many. */
export async function revokeAllSessions(
  db: DbOrTx,
  userId: string,
  reason: RevokeReason,
  options: { exceptSessionId?: string; now?: Date } = {},
): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: options.now ?? new Date(), revokedReason: reason })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        options.exceptSessionId ? ne(userSessions.id, options.exceptSessionId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

/** Why a session row no longer carries a request: null when it still does. */
export function sessionEnded(
  row: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date },
  role: Role,
  now: Date,
): "revoked" | "expired" | "idle" | null {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  if (row.lastSeenAt.getTime() + sessionLimits(role).idleMs <= now.getTime()) return "idle";
  return null;
}

/** Whether `touchSession` would write: the last activity recorded is older than the resolution. */
export function touchDue(lastSeenAt: Date, now: Date): boolean {
  return lastSeenAt.getTime() < now.getTime() - LAST_SEEN_RESOLUTION_MS;
}

/** Records activity, at most once a minute per session. */
export async function touchSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  const threshold = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString();
  await db
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(userSessions.id, sessionId), sql`${userSessions.lastSeenAt} < ${threshold}::timestamptz`));
}
