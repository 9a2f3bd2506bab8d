import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";
import { authSecret } from "@/lib/crypto/keys";
import { isRole, type Role } from "./roles";

/** Auth.js's session cookie, on http and (prefixed) on https. */
export const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/** What a session cookie claims about its account (the `jwt` callback of auth.config.ts writes it). */
export interface SessionClaims {
  id: string;
  role: Role;
  sessionVersion: number;
  /** The user_sessions row of this browser. */
  sessionId: string;
}

/** The claims of a decoded token, or null when it is not one of Sillage's sessions. */
export function sessionClaims(token: JWT | Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token || typeof token.uid !== "string" || !isRole(token.role)) return null;
  return {
    id: token.uid,
    role: token.role,
    sessionVersion: typeof token.sv === "number" ? token.sv : 0,
    sessionId: typeof token.sid === "string" ? token.sid : "",
  };
}

interface DerivedKey {
  key: Uint8Array;
  thumbprint: string;
}

const derivedKeys = new Map<string, Promise<DerivedKey>>();

/**
 * Auth.js's encryption key for a cookie name (HKDF of the secret, salted by the name) and its
 * thumbprint (the token's `kid`), derived once per process instead of at every request.
 */
function derivedKey(enc: string, salt: string): Promise<DerivedKey> {
  const length = enc === "A256CBC-HS512" ? 64 : enc === "A256GCM" ? 32 : 0;
  if (!length) return Promise.reject(new Error("unsupported content encryption"));
  const id = `${enc}\u0000${salt}`;
  let derived = derivedKeys.get(id);
  if (!derived) {
    const key = new Uint8Array(hkdfSync("sha256", authSecret(), salt, `Auth.js Generated Encryption Key (${salt})`, length));
    derived = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, length === 64 ? "sha512" : "sha256").then((thumbprint) => ({
      key,
      thumbprint,
    }));
    derivedKeys.set(id, derived);
  }
  return derived;
}

/**
 * Decodes a session cookie exactly as Auth.js's `decode` does (JWE `dir`, A256CBC-HS512 or A256GCM,
 * 15 s of clock tolerance, the key found by its thumbprint), with the key derived once. Null for a
 * missing, tampered or expired token.
 */
export async function decodeSessionToken(token: string | undefined, salt: string): Promise<JWT | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(
      token,
      async ({ kid, enc }) => {
        const { key, thumbprint } = await derivedKey(String(enc), salt);
        if (kid !== undefined && kid !== thumbprint) throw new Error("no matching decryption secret");
        return key;
      },
      { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
    );
    return payload as JWT;
  } catch {
    return null;
  }
}

/** One cookie of a `Cookie` header (Auth.js splits no session of Sillage's size into chunks). */
function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The session claims of a request's `Cookie` header, read without Auth.js's session route: the page
 * and the proxy only read the session, and `auth()` would also build a request, run the callbacks and
 * encrypt a renewed cookie that a server render cannot send. The secure cookie wins over the plain one.
 */
export async function readSessionClaims(cookieHeader: string | null): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  const secure = cookieValue(cookieHeader, SECURE_SESSION_COOKIE);
  const token = secure ?? cookieValue(cookieHeader, SESSION_COOKIE);
  return sessionClaims(await decodeSessionToken(token, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE));
}
