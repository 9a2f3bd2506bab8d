import type { NextAuthConfig } from "next-auth";
import { authSecret } from "@/lib/crypto/keys";
import { sessionClaims } from "./session-token";

/**
 * The part of the Auth.js configuration that needs no database: proxy.ts builds its own NextAuth
 * from it, so route guarding never opens the database. Providers live in auth.ts.
 */
export const authConfig = {
  secret: authSecret(),
  pages: { signIn: "/connexion", error: "/connexion" },
  // JWT sessions: the Credentials provider only supports them. Revocation still works because every
  // server render reloads the account and its user_sessions row (`sid`), see lib/auth/session-account.ts.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      const claims = sessionClaims(token);
      if (claims) Object.assign(session.user, claims);
      return session;
    },
  },
} satisfies NextAuthConfig;
