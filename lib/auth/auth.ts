import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { writeAudit } from "@/lib/audit/write";
import { logger } from "@/lib/log/logger";
import { findUnsafeChar } from "@/lib/validation/fields";
import { authConfig } from "./auth.config";
import { verifyCredentials } from "./credentials";
import { OIDC_PROVIDER_ID, oidcProvider, oidcSettings, oidcSignIn } from "./oidc";
import { openSession, revokeSession } from "./sessions";

/** Carries the failure kind to the sign-in form ("invalid" or "locked:<iso date>"), nothing more. */
class SignInFailure extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

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

// Single sign-on (OpenID Connect, ProConnect style): offered only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
const oidc = oidcSettings();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    async signIn(params) {
      if (!oidc || params.account?.provider !== OIDC_PROVIDER_ID) return true;
      return oidcSignIn(await getDb(), params, oidc.issuer, (await headers()).get("user-agent"));
    },
  },
  // A refused password is an expected outcome, not an error worth a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: { type: error.name } }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(await getDb(), sid, "sign_out");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInFailure("invalid");
        const db = await getDb();
        const result = await verifyCredentials(db, parsed.data);
        if (!result.ok) {
          throw new SignInFailure(result.reason === "locked" ? `locked:${result.lockedUntil.toISOString()}` : "invalid");
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
        const sessionId = await openSession(db, {
          userId: user.id,
          role: user.role,
          method: "password",
          userAgent: request.headers.get("user-agent"),
        });
        return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, sessionId };
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
});
