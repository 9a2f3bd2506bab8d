import pino from "pino";

/**
 * Structured logs. Personal data never goes in: the redact list is a safety net, not a licence.
 * Log ids and codes, not names, e-mails or NIRs.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "sillage" },
  redact: {
    paths: ["*.nir", "*.email", "*.password", "*.telephone", "*.nomNaissance", "*.prenoms", "*.token", "*.sante", "*.situationJustice"],
    censor: "[masqué]",
  },
});
