import { z } from "zod";

/**
 * Environment, validated once at start-up. A wrong or missing variable stops the process with a
 * message naming it, in French and English, instead of failing later on a request.
 */
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "doit contenir 32 octets encodés en base64 / must be 32 bytes, base64");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "doit commencer par postgres:// / must start with postgres://")
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    AUTH_SECRET: z.string().min(32, "au moins 32 caractères / at least 32 characters").optional(),
    NIR_ENCRYPTION_KEY: base64Key.optional(),
    NEXT_PHASE: z.string().optional(),
    TRANSMISSIONS_DROP_DIR: z.string().min(1).default(".data/depot"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
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
