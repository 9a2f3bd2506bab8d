import { hash, verify } from "@node-rs/argon2";
import { createHmac } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottle, users, type User } from "@/db/schema";
import { purposeKey } from "@/lib/crypto/keys";
import { clearRateLimit, hitRateLimit } from "./rate-limit";

/** Lockout policy: 5 failures within 15 minutes lock the address for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export type CredentialsResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  /** The address: five failures (LOCKOUT), or too many attempts on it (sign_in:account). */
  | { ok: false; reason: "locked"; lockedUntil: Date }
  /** The client's network: too many attempts from it, whatever the addresses (sign_in:ip). */
  | { ok: false; reason: "limited"; retryAt: Date };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id.
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash when the account does not exist keeps timing identical. */
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("sillage-dummy-password-for-constant-time");
  return dummyHash;
}

function throttleKey(email: string): string {
  return createHmac("sha256", purposeKey("throttle")).update(normalizeEmail(email)).digest("hex");
}

/**
 * Checks an e-mail/password pair. Every attempt is first counted per client address (`ip`, see
 * lib/http/client-ip.ts) and per address typed, before any lookup or hash: one password tried across
 * many addresses is slowed like many passwords on one, and a flood costs no hashing. Failures are also
 * counted per address whether or not an account exists, so neither the message nor the lockout reveals
 * which addresses are registered.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string },
  now: Date = new Date(),
): Promise<CredentialsResult> {
  const email = normalizeEmail(input.email);
  const keyHash = throttleKey(email);

  // A network already over its limit does not count against the addresses it tries.
  const perIp = await hitRateLimit(db, "sign_in:ip", input.ip, now);
  if (!perIp.ok) return { ok: false, reason: "limited", retryAt: perIp.retryAt };
  const perAccount = await hitRateLimit(db, "sign_in:account", email, now);
  if (!perAccount.ok) return { ok: false, reason: "locked", lockedUntil: perAccount.retryAt };

  const [throttle] = await db.select().from(signInThrottle).where(eq(signInThrottle.keyHash, keyHash));
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    return { ok: false, reason: "locked", lockedUntil: throttle.lockedUntil };
  }

  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email), eq(users.active, true)));
  // Young people sign in by code only (lib/auth/code-sign-in.ts): a password of theirs never opens a session.
  const usable = user && user.role !== "jeune" ? user.passwordHash : null;
  const stored = usable ?? (await getDummyHash());
  const valid = (await verify(stored, input.password).catch(() => false)) && Boolean(usable);

  if (valid && user) {
    // The address's counters start again; the network's never do before their window ends.
    await db.delete(signInThrottle).where(eq(signInThrottle.keyHash, keyHash));
    await clearRateLimit(db, "sign_in:account", email);
    await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    return { ok: true, user };
  }

  // ISO strings with explicit casts: postgres.js cannot bind a raw Date inside a sql`` fragment.
  const windowStart = sql`${new Date(now.getTime() - LOCKOUT.windowMs).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  // One atomic upsert: concurrent failures cannot undercount.
  const [row] = await db
    .insert(signInThrottle)
    .values({ keyHash, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.keyHash,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${nowSql} else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: null,
      },
    })
    .returning();

  if (row && row.failures >= LOCKOUT.maxFailures) {
    const lockedUntil = new Date(now.getTime() + LOCKOUT.lockMs);
    await db.update(signInThrottle).set({ lockedUntil, failures: 0, windowStartedAt: now }).where(eq(signInThrottle.keyHash, keyHash));
    return { ok: false, reason: "locked", lockedUntil };
  }
  return { ok: false, reason: "invalid" };
}
