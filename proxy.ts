import { NextResponse, type NextRequest } from "next/server";
import { isAllowedPath, isPublicPath } from "@/lib/auth/permissions";
import { ROLE_HOME } from "@/lib/auth/roles";
import { readSessionClaims } from "@/lib/auth/session-token";
import { contentSecurityPolicy } from "@/lib/security/headers";

/**
 * First line of defence, before any page renders: anonymous visitors go to the sign-in page, a role
 * outside its area gets the French 403 page. Pages and actions check again on the server.
 * The session cookie is only *read* here (never re-issued): a prefetch answered after a sign-out
 * must not be able to put the session back.
 */
export default async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const user = await readSessionClaims(req.headers.get("cookie"));
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isLocalhost = ["localhost", "127.0.0.1", "[::1]"].includes(req.nextUrl.hostname);
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development", isLocalhost);
  const requestId = crypto.randomUUID();

  const secure = (res: NextResponse) => {
    res.headers.set("Content-Security-Policy", csp);
    res.headers.set("X-Request-Id", requestId);
    return res;
  };

  if (!user && !isPublicPath(pathname)) {
    const url = new URL("/connexion", req.nextUrl);
    if (pathname !== "/") url.searchParams.set("retour", pathname);
    return secure(NextResponse.redirect(url));
  }
  if (user && pathname === "/connexion") {
    return secure(NextResponse.redirect(new URL(ROLE_HOME[user.role], req.nextUrl)));
  }

  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  headers.set("Content-Security-Policy", csp);

  if (user && !isAllowedPath(user.role, pathname)) {
    return secure(NextResponse.rewrite(new URL("/acces-refuse", req.nextUrl), { status: 403, request: { headers } }));
  }
  return secure(NextResponse.next({ request: { headers } }));
}

export const config = {
  matcher: [
    // Prefetches go through the guard too: no page payload leaves without the check. The files of public/
    // and the app icon are served to anyone, signed in or not.
    "/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png|robots.txt).*)",
  ],
};
