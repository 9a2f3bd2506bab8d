import { createHmac } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { purposeKey } from "@/lib/crypto/keys";
import { env } from "@/lib/env";

/**
 * Fixed-window limits, counted in PostgreSQL so that every app instance shares them. Per IP and per account
 * (or address): trying one password across many addresses is slowed as much as many passwords on one.
 */
export const RATE_LIMITS = {
  "sign_in:ip": { limit: 30, windowMs: 15 * 60_000 },
  "sign_in:account": { limit: 10, windowMs: 15 * 60_000 },
  "invitation:ip": { limit: 20, windowMs: 60 * 60_000 },
  "invitation:account": { limit: 5, windowMs: 60 * 60_000 },
  "password:ip": { limit: 20, windowMs: 15 * 60_000 },
  "code:ip": { limit: 30, windowMs: 15 * 60_000 },
  "code:account": { limit: 10, windowMs: 15 * 60_000 },
  /** Wrong codes typed for one address (known or not); the fifth locks it (lib/auth/code-sign-in.ts). */
  "code:failures": { limit: 5, windowMs: 15 * 60_000 },
  /** The lock itself: one row whose window is the 15 minutes the address stays locked. */
  "code:lock": { limit: 0, windowMs: 15 * 60_000 },
} as const satisfies Record<string, { limit: number; windowMs: number }>;

export type RateLimitBucket = keyof typeof RATE_LIMITS;

/** The bucket's limit; the sign-in one per address may be raised for a large office behind one address (SIGN_IN_LIMIT_PER_IP). */
export function rateLimitOf(bucket: RateLimitBucket): number {
  return (bucket === "sign_in:ip" ? env().SIGN_IN_LIMIT_PER_IP : undefined) ?? RATE_LIMITS[bucket].limit;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAt: Date };

function keyHash(bucket: RateLimitBucket, key: string): string {
  return createHmac("sha256", purposeKey("throttle")).update(`${bucket}\n${key.trim().toLowerCase()}`).digest("hex");
}

/** Counts one attempt in the bucket and says whether it is still within the limit (one atomic upsert). */
export async function hitRateLimit(db: DbOrTx, bucket: RateLimitBucket, key: string, now: Date = new Date()): Promise<RateLimitResult> {
  const { windowMs } = RATE_LIMITS[bucket];
  const limit = rateLimitOf(bucket);
  // ISO strings with explicit casts: postgres.js cannot bind a raw Date inside a sql`` fragment.
  const windowStart = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, keyHash: keyHash(bucket, key), hits: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.keyHash],
      set: {
        hits: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart} then 1 else ${rateLimits.hits} + 1 end`,
        windowStartedAt: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart} then ${nowSql} else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ hits: rateLimits.hits, windowStartedAt: rateLimits.windowStartedAt });
  if (!row) throw new Error("rate limit not counted");
  if (row.hits > limit) return { ok: false, retryAt: new Date(row.windowStartedAt.getTime() + windowMs) };
  return { ok: true, remaining: limit - row.hits };
}

/** When the key's current window ends, if it has one still open at `now` (a read: nothing is counted). */
export async function openWindowEnd(db: DbOrTx, bucket: RateLimitBucket, key: string, now: Date = new Date()): Promise<Date | null> {
  const { windowMs } = RATE_LIMITS[bucket];
  const [row] = await db
    .select({ windowStartedAt: rateLimits.windowStartedAt })
    .from(rateLimits)
    .where(sql`${rateLimits.bucket} = ${bucket} and ${rateLimits.keyHash} = ${keyHash(bucket, key)}`);
  if (!row) return null;
  const end = new Date(row.windowStartedAt.getTime() + windowMs);
  return end > now ? end : null;
}

/** Forgets a key's count (a successful sign-in clears the account's bucket, never the IP's). */
export async function clearRateLimit(db: DbOrTx, bucket: RateLimitBucket, key: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.bucket} = ${bucket} and ${rateLimits.keyHash} = ${keyHash(bucket, key)}`);
}

/** Drops the windows that ended (run by the worker's retention job). */
export async function purgeRateLimits(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const longest = Math.max(...Object.values(RATE_LIMITS).map((r) => r.windowMs));
  const rows = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStartedAt, new Date(now.getTime() - longest)))
    .returning({ bucket: rateLimits.bucket });
  return rows.length;
}
