import type { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionDefinition, type ActionResult, runAction } from "@/lib/actions/run";
import { clearRateLimit, hitRateLimit } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session-user";
import { formatTime } from "@/lib/format/fr";

export function rateLimitedMessage(retryAt: Date): string {
  return `Trop de codes essayés. Par sécurité, la saisie est bloquée jusqu'à ${formatTime(retryAt)}. Réessayez ensuite ou contactez votre administrateur.`;
}

/**
 * A code entered by hand (TOTP or recovery code): counted per account and per IP address before it is checked
 * (a burst cannot outrun the count); a success clears the account's count, never the IP's. The counts live
 * outside the act's transaction, so a refused code still counts.
 */
export async function runCodeAttempt<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  raw: unknown,
  user: SessionUser | null,
  options: { ip: string; requestId?: string; now?: Date },
): Promise<ActionResult<T>> {
  if (!user) return runAction(def, raw, null, options);
  const db = await getDb();
  for (const [bucket, key] of [
    ["code:account", user.id],
    ["code:ip", options.ip],
  ] as const) {
    const hit = await hitRateLimit(db, bucket, key, options.now);
    if (!hit.ok) return { ok: false, code: "rate_limited", message: rateLimitedMessage(hit.retryAt), fieldErrors: {} };
  }
  const result = await runAction(def, raw, user, options);
  if (result.ok) await clearRateLimit(db, "code:account", user.id);
  return result;
}
