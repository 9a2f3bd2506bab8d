/**
 * Mon espace sign-in without a password (young people only): the code asked for by e-mail
 * (lib/espace/code-request.ts) is typed here, or the link of the same e-mail (or of an invitation sent from the
 * dossier) is opened. Like the password sign-in this is a write
 * outside runAction (nobody is signed in yet): Auth.js's "code" Credentials provider (lib/auth/auth.ts) calls
 * `authorizeCode`, which opens the user_sessions row (method "code") the cookie carries.
 *
 * No enumeration: a request for an unknown address is counted and hashed like a known one and gets the same
 * answer; it only writes nothing and sends nothing. Wrong codes are counted per address in rate_limits, so the
 * lockout holds for unknown addresses too.
 */
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { jeunes, signInCodes, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { clientIp } from "@/lib/http/client-ip";
import { findUnsafeChar } from "@/lib/validation/fields";
import { normalizeEmail } from "./credentials";
import { clearRateLimit, hitRateLimit, openWindowEnd } from "./rate-limit";
import type { Role } from "./roles";
import { openSession } from "./sessions";
import {
  CODE_LOCKOUT,
  type SignInCodePurpose,
  codeMatches,
  hashCode,
  hashLinkToken,
  isCodeShaped,
  isLinkTokenShaped,
  normalizeCode,
} from "./sign-in-code";

export const CODE_MESSAGES = {
  emailRequired: "Écrivez votre adresse e-mail.",
  emailInvalid: "Cette adresse e-mail n'est pas complète. Exemple : prenom.nom@exemple.fr",
  codeRequired: "Écrivez le code à 6 chiffres reçu par e-mail.",
  codeShape: "Le code a 6 chiffres. Exemple : 123456",
} as const;

export const emailField = z
  .string({ error: CODE_MESSAGES.emailRequired })
  .trim()
  .min(1, CODE_MESSAGES.emailRequired)
  .max(254, CODE_MESSAGES.emailInvalid)
  .refine((v) => findUnsafeChar(v) === null, CODE_MESSAGES.emailInvalid)
  .pipe(z.email({ error: CODE_MESSAGES.emailInvalid }))
  .transform(normalizeEmail);

export const codeEntrySchema = z.object({
  email: emailField,
  code: z
    .string({ error: CODE_MESSAGES.codeRequired })
    .max(40, CODE_MESSAGES.codeShape)
    .transform(normalizeCode)
    .pipe(
      z
        .string()
        .min(1, CODE_MESSAGES.codeRequired)
        .regex(/^\d{6}$/, CODE_MESSAGES.codeShape),
    ),
});

const linkSchema = z.object({ token: z.string().refine(isLinkTokenShaped) });

export interface CodeSignInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
  sessionId: string;
}

/** Auth.js's failure code: "invalid", "locked:<iso date>", "limited:<iso date>". */
export type CodeSignInResult = { ok: true; user: CodeSignInUser; purpose: SignInCodePurpose } | { ok: false; code: string };

/** The active young person's account of an address, with the structure of their file (where the mail is filed). */
export async function jeuneAccount(db: Db | Tx, email: string) {
  const [row] = await db
    .select({ user: users, structureId: jeunes.structureId })
    .from(users)
    .innerJoin(jeunes, eq(jeunes.id, users.jeuneId))
    .where(and(eq(users.email, email), eq(users.role, "jeune"), eq(users.active, true)));
  return row ?? null;
}

/** Revokes the account's open codes of one purpose (a new one replaces them, or the lockout closes them). */
export async function revokeOpenCodes(db: Db | Tx, userId: string, purpose: SignInCodePurpose | "all", now: Date): Promise<number> {
  const rows = await db
    .update(signInCodes)
    .set({ revokedAt: now })
    .where(
      and(
        eq(signInCodes.userId, userId),
        purpose === "all" ? undefined : eq(signInCodes.purpose, purpose),
        isNull(signInCodes.usedAt),
        isNull(signInCodes.revokedAt),
      ),
    )
    .returning({ id: signInCodes.id });
  return rows.length;
}

let dummyHash: string | undefined;
/** Compared against when the address has no open code, so every wrong attempt costs one HMAC and one comparison. */
function getDummyHash(): string {
  dummyHash ??= hashCode("sillage-dummy@invalid", "000000");
  return dummyHash;
}

async function openCodeSession(
  db: Db,
  user: typeof users.$inferSelect,
  purpose: SignInCodePurpose,
  headers: Pick<Headers, "get">,
  now: Date,
): Promise<CodeSignInResult> {
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  await writeAudit(
    db,
    { id: user.id, role: user.role, structureId: user.structureId },
    { action: "auth.sign_in", targetType: "user", targetId: user.id, meta: { method: "code", purpose } },
  );
  const sessionId = await openSession(db, { userId: user.id, role: user.role, method: "code", userAgent: headers.get("user-agent"), now });
  return {
    ok: true,
    purpose,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, sessionId },
  };
}

/** A wrong code: counted for the address; the fifth locks it for 15 minutes and closes its open codes. */
async function wrongCode(db: Db, email: string, accountId: string | null, codeId: string | null, now: Date): Promise<CodeSignInResult> {
  if (codeId)
    await db
      .update(signInCodes)
      .set({ attempts: sql`${signInCodes.attempts} + 1` })
      .where(eq(signInCodes.id, codeId));
  const failures = await hitRateLimit(db, "code:failures", email, now);
  if (failures.ok && failures.remaining > 0) return { ok: false, code: "invalid" };
  await clearRateLimit(db, "code:failures", email);
  await clearRateLimit(db, "code:lock", email);
  await hitRateLimit(db, "code:lock", email, now);
  if (accountId) await revokeOpenCodes(db, accountId, "all", now);
  return { ok: false, code: `locked:${new Date(now.getTime() + CODE_LOCKOUT.lockMs).toISOString()}` };
}

/**
 * The "code" provider's `authorize`: either `{ email, code }` (the typed code) or `{ token }` (the link of the
 * e-mail, or of an invitation). A code is claimed by one conditional update, so it serves once.
 */
export async function authorizeCode(
  db: Db,
  raw: unknown,
  headers: Pick<Headers, "get">,
  now: Date = new Date(),
): Promise<CodeSignInResult> {
  const ip = clientIp(headers);
  if (raw && typeof raw === "object" && "token" in raw && (raw as { token?: unknown }).token) {
    const link = linkSchema.safeParse(raw);
    if (!link.success) return { ok: false, code: "invalid" };
    const perIp = await hitRateLimit(db, "sign_in:ip", ip, now);
    if (!perIp.ok) return { ok: false, code: `limited:${perIp.retryAt.toISOString()}` };
    const [claimed] = await db
      .update(signInCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(signInCodes.linkHash, hashLinkToken(link.data.token)),
          isNull(signInCodes.usedAt),
          isNull(signInCodes.revokedAt),
          gt(signInCodes.expiresAt, now),
        ),
      )
      .returning({ userId: signInCodes.userId, purpose: signInCodes.purpose });
    if (!claimed) return { ok: false, code: "invalid" };
    const [user] = await db
      .select()
      .from(users)
      .where(and(eq(users.id, claimed.userId), eq(users.role, "jeune"), eq(users.active, true)));
    if (!user) return { ok: false, code: "invalid" };
    return openCodeSession(db, user, claimed.purpose === "invitation" ? "invitation" : "connexion", headers, now);
  }

  const parsed = codeEntrySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const { email, code } = parsed.data;
  const perIp = await hitRateLimit(db, "sign_in:ip", ip, now);
  if (!perIp.ok) return { ok: false, code: `limited:${perIp.retryAt.toISOString()}` };
  const lockedUntil = await openWindowEnd(db, "code:lock", email, now);
  if (lockedUntil) return { ok: false, code: `locked:${lockedUntil.toISOString()}` };

  const account = await jeuneAccount(db, email);
  const [open] = account
    ? await db
        .select({ id: signInCodes.id, codeHash: signInCodes.codeHash })
        .from(signInCodes)
        .where(
          and(
            eq(signInCodes.userId, account.user.id),
            eq(signInCodes.purpose, "connexion"),
            isNull(signInCodes.usedAt),
            isNull(signInCodes.revokedAt),
            gt(signInCodes.expiresAt, now),
          ),
        )
        .orderBy(desc(signInCodes.createdAt))
        .limit(1)
    : [];
  const matches = codeMatches(open?.codeHash ?? getDummyHash(), email, code) && Boolean(open) && isCodeShaped(code);
  if (!matches || !account || !open) return wrongCode(db, email, account?.user.id ?? null, open?.id ?? null, now);

  const [claimed] = await db
    .update(signInCodes)
    .set({ usedAt: now })
    .where(and(eq(signInCodes.id, open.id), isNull(signInCodes.usedAt), isNull(signInCodes.revokedAt), gt(signInCodes.expiresAt, now)))
    .returning({ id: signInCodes.id });
  if (!claimed) return { ok: false, code: "invalid" };
  await clearRateLimit(db, "code:failures", email);
  return openCodeSession(db, account.user, "connexion", headers, now);
}

/** What the link page may say before the person presses the button (a read: the link is not used). */
export async function peekSignInLink(db: Db, token: string, now: Date = new Date()): Promise<{ purpose: SignInCodePurpose } | null> {
  if (!isLinkTokenShaped(token)) return null;
  const [row] = await db
    .select({ purpose: signInCodes.purpose })
    .from(signInCodes)
    .where(
      and(
        eq(signInCodes.linkHash, hashLinkToken(token)),
        isNull(signInCodes.usedAt),
        isNull(signInCodes.revokedAt),
        gt(signInCodes.expiresAt, now),
      ),
    );
  if (!row) return null;
  return { purpose: row.purpose === "invitation" ? "invitation" : "connexion" };
}
