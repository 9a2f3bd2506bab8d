import type { NextAuthConfig } from "next-auth";
import { authSecret } from "@/lib/crypto/keys";
import { isRole } from "./roles";

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
      if (typeof token.uid === "string" && isRole(token.role)) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
        session.user.sessionId = typeof token.sid === "string" ? token.sid : "";
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
