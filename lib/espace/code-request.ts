/**
 * "Recevoir un code" for Mon espace: the request half of the sign-in by code (lib/auth/code-sign-in.ts checks
 * the code). It lives above the mail outbox, which the sign-in mechanism must not import.
 *
 * No enumeration: a request for an unknown address is counted and hashed like a known one and gets the same
 * answer; it only writes nothing and sends nothing.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import { signInCodes } from "@/db/schema";
import { type AfterCommit, takeAfterCommit } from "@/lib/actions/after-commit";
import { detach } from "@/lib/actions/detached";
import { emailField, jeuneAccount, revokeOpenCodes } from "@/lib/auth/code-sign-in";
import { hitRateLimit, openWindowEnd } from "@/lib/auth/rate-limit";
import { CODE_TTL_MS, hashCode, newCode, newLinkToken, signInLink } from "@/lib/auth/sign-in-code";
import { clientIp } from "@/lib/http/client-ip";
import { logger } from "@/lib/log/logger";
import { enqueueMail } from "@/lib/mail/outbox";
import { codeSignInMail } from "./code-mail";

export const codeRequestSchema = z.object({ email: emailField });

/** What the forms say next: "sent" is the same for every address; "locked"/"limited" carry the time it ends. */
export type CodeRequestResult =
  | { ok: true }
  | { ok: false; reason: "invalid_input"; fieldErrors: Record<string, string[]> }
  | { ok: false; reason: "locked" | "limited"; until: Date };

/** Runs what a transaction queued for after its commit (the e-mail), without making the caller wait for it. */
function runDetached(db: Db, hooks: AfterCommit[]): void {
  for (const hook of hooks) {
    detach(
      () => hook(db),
      (error) => logger.warn({ err: { type: error instanceof Error ? error.name : "unknown" } }, "sign-in code mail not sent yet"),
    );
  }
}

/**
 * "Recevoir un code": counted per client address and per address typed, refused while the address is locked,
 * then — only for an active young person's account — a new code replaces the open ones and leaves by e-mail
 * (mail outbox, sent once committed; the worker retries). The same hashing is done for an unknown address.
 */
export async function requestCode(
  db: Db,
  raw: unknown,
  context: {
    headers: Pick<Headers, "get">;
    origin: string;
    now?: Date;
    /** false leaves the message to the worker (tests read it from the outbox table). */
    sendNow?: boolean;
  },
): Promise<CodeRequestResult> {
  const parsed = codeRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "email")] ??= []).push(issue.message);
    return { ok: false, reason: "invalid_input", fieldErrors };
  }
  const { email } = parsed.data;
  const now = context.now ?? new Date();
  const perIp = await hitRateLimit(db, "code:ip", clientIp(context.headers), now);
  if (!perIp.ok) return { ok: false, reason: "limited", until: perIp.retryAt };
  const perAddress = await hitRateLimit(db, "code:account", email, now);
  if (!perAddress.ok) return { ok: false, reason: "limited", until: perAddress.retryAt };
  const lockedUntil = await openWindowEnd(db, "code:lock", email, now);
  if (lockedUntil) return { ok: false, reason: "locked", until: lockedUntil };

  // Drawn and hashed for every address, so an unknown one costs the same work.
  const code = newCode();
  const codeHash = hashCode(email, code);
  const { token, linkHash } = newLinkToken();
  const account = await jeuneAccount(db, email);
  if (!account) return { ok: true };

  let hooks: AfterCommit[] = [];
  await db.transaction(async (tx) => {
    try {
      await revokeOpenCodes(tx, account.user.id, "connexion", now);
      await tx.insert(signInCodes).values({
        userId: account.user.id,
        purpose: "connexion",
        codeHash,
        linkHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      });
      const mail = codeSignInMail({ to: account.user.email, code, link: signInLink(context.origin, token) });
      await enqueueMail(tx, { ...mail, structureId: account.structureId, kind: "espace.code", jeuneId: account.user.jeuneId });
    } finally {
      hooks = takeAfterCommit(tx);
    }
  });
  if (context.sendNow !== false) runDetached(db, hooks);
  return { ok: true };
}
