import { z } from "zod";

/**
 * Environment, validated once at start-up. A wrong or missing variable stops the process with a
 * message naming it, in French and English, instead of failing later on a request.
 */
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "doit contenir 32 octets encodés en base64 / must be 32 bytes, base64");

/** https:// only, except a loopback address (the local receiver of the tests and development). */
const transmissionUrl = z.string().refine((v) => {
  if (!URL.canParse(v)) return false;
  const url = new URL(v);
  return url.protocol === "https:" || (url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname));
}, "doit être une adresse https:// (http:// seulement vers 127.0.0.1) / must be https:// (http:// only to 127.0.0.1)");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "doit commencer par postgres:// / must start with postgres://")
      .optional(),
    // Connections of this process's PostgreSQL pool (app instance or worker): keep instances × pool under max_connections.
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    AUTH_SECRET: z.string().min(32, "au moins 32 caractères / at least 32 characters").optional(),
    NIR_ENCRYPTION_KEY: base64Key.optional(),
    NEXT_PHASE: z.string().optional(),
    // File-drop channel folder (lib/transmissions/adapters.ts); written by the worker only when DATABASE_URL is set (README « Déploiement »).
    TRANSMISSIONS_DROP_DIR: z.string().min(1).default(".data/depot"),
    // `npm run worker`: pause between two passes (transfers, e-mails).
    WORKER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    // `npm run worker`: how long SIGTERM waits for the item in hand before leaving (its claim is then released).
    WORKER_STOP_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
    // Channel of the transfers (lib/transmissions/channels.ts): file drop (default) or HTTPS POST per recipient.
    TRANSMISSIONS_ADAPTER: z.enum(["file-drop", "https"]).default("file-drop"),
    TRANSMISSIONS_HTTPS_URL_FRANCE_TRAVAIL: transmissionUrl.optional(),
    TRANSMISSIONS_HTTPS_URL_CNAM_CPAM: transmissionUrl.optional(),
    TRANSMISSIONS_HTTPS_URL_ASP: transmissionUrl.optional(),
    TRANSMISSIONS_HTTPS_TOKEN: z.string().min(16, "au moins 16 caractères / at least 16 characters").optional(),
    TRANSMISSIONS_HTTPS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    // Origin of the links sent by e-mail (lib/http/origin.ts reads it).
    APP_URL: z
      .string()
      .refine(
        (v) => v === "" || /^https?:\/\/[^/\s]+\/?$/.test(v),
        "doit être une origine http(s)://hôte / must be an http(s)://host origin",
      )
      .optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // Reverse proxies in front of Sillage that append to X-Forwarded-For (lib/http/client-ip.ts); 0 = none.
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Sign-in attempts per client address per 15 minutes (default in lib/auth/rate-limit.ts): raise it for a large office behind one address.
    SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).optional(),
    // Single sign-on (lib/auth/oidc.ts): the three first together, or none. Same URL rule as the transfers.
    OIDC_ISSUER: transmissionUrl.optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1).max(200).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
    OIDC_NAME: z.string().trim().min(1).max(40).optional(),
    OIDC_SCOPE: z
      .string()
      .regex(/(^| )openid( |$)/, "doit contenir openid / must include openid")
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.TRANSMISSIONS_ADAPTER === "https") {
      // Fail at start-up rather than leave transfers waiting for a channel nobody configured.
      for (const name of [
        "TRANSMISSIONS_HTTPS_TOKEN",
        "TRANSMISSIONS_HTTPS_URL_FRANCE_TRAVAIL",
        "TRANSMISSIONS_HTTPS_URL_CNAM_CPAM",
        "TRANSMISSIONS_HTTPS_URL_ASP",
      ] as const) {
        if (!env[name])
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: "obligatoire quand TRANSMISSIONS_ADAPTER=https / required when TRANSMISSIONS_ADAPTER=https",
          });
      }
    }
    const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
    if (oidc.some((name) => env[name]) && !oidc.every((name) => env[name])) {
      for (const name of oidc.filter((n) => !env[n])) {
        ctx.addIssue({ code: "custom", path: [name], message: "obligatoire avec les autres OIDC_* / required with the other OIDC_*" });
      }
    }
    // `next build` loads server modules to collect page data: secrets are only required to run.
    if (env.NODE_ENV !== "production" || env.NEXT_PHASE === "phase-production-build") return;
    for (const name of ["AUTH_SECRET", "NIR_ENCRYPTION_KEY"] as const) {
      if (!env[name]) {
        ctx.addIssue({ code: "custom", path: [name], message: "obligatoire en production / required in production" });
      }
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"} : ${i.message}`);
  throw new Error(
    `Configuration invalide / invalid configuration:\n${lines.join("\n")}\n` +
      "Voir .env.example pour la liste des variables / see .env.example for every variable.",
  );
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
