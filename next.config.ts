import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder: bundling it breaks the paths.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
