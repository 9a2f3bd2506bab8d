import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder: bundling it breaks the paths.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino"],
  poweredByHeader: false,
  // Lets several production builds coexist (parallel end-to-end runs on one machine).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403.
    authInterrupts: true,
    // A document sent for a rights request is up to 5 MB (lib/droits/document-rules.ts): the multipart body needs a
    // little more than Next's default 1 MB. Between 5 and 6 MB the action answers with its own message; the form
    // checks the size before sending, so a larger file never leaves the phone.
    serverActions: { bodySizeLimit: "6mb" },
    // A one-off CI build gains nothing from writing Turbopack's cache to disk; local rebuilds do.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
