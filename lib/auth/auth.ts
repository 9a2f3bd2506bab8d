import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { logger } from "@/lib/log/logger";
import { authConfig } from "./auth.config";
import { authorizeCode } from "./code-sign-in";
import { OIDC_PROVIDER_ID, oidcProvider, oidcSettings, oidcSignIn } from "./oidc";
import { authorizePassword } from "./password-sign-in";
import { revokeSession } from "./sessions";

/** Carries the failure kind to the sign-in form ("invalid", "locked:<iso date>", "limited:<iso date>"), nothing more. */
class SignInFailure extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

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
        const result = await authorizePassword(await getDb(), raw, request.headers);
        if (!result.ok) throw new SignInFailure(result.code);
        return result.user;
      },
    }),
    // Mon espace: the code (or link) e-mailed to a young person (lib/auth/code-sign-in.ts).
    Credentials({
      id: "code",
      credentials: { email: {}, code: {}, token: {} },
      async authorize(raw, request) {
        const result = await authorizeCode(await getDb(), raw, request.headers);
        if (!result.ok) throw new SignInFailure(result.code);
        return result.user;
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
});
