import type { Role } from "./roles";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
    /** The user_sessions row opened at sign-in. */
    sessionId: string;
  }
  interface Session {
    user: {
      id: string;
      role: Role;
      sessionVersion: number;
      sessionId: string;
      name?: string | null;
      email?: string | null;
    };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
    sid?: string;
  }
}
