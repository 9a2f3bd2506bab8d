import { z } from "zod";

/**
 * Mail settings, validated on their own (lib/env.ts belongs to the whole app; these only matter to
 * the code that sends letters). A wrong value fails the first send with a message naming it.
 */
const schema = z
  .object({
    MAIL_TRANSPORT: z.enum(["outbox", "smtp"], { error: "doit valoir outbox ou smtp / must be outbox or smtp" }).default("outbox"),
    MAIL_OUTBOX_DIR: z.string().trim().min(1).default(".data/outbox"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "doit commencer par smtp:// ou smtps:// / must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().trim().min(3).default("Sillage <ne-pas-repondre@sillage.local>"),
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "obligatoire quand MAIL_TRANSPORT=smtp / required when MAIL_TRANSPORT=smtp",
      });
    }
  });

export type MailConfig = z.infer<typeof schema>;

/** Empty strings count as unset, as in a copied .env.example. */
export function parseMailConfig(source: Record<string, string | undefined>): MailConfig {
  const pick = (name: string) => (source[name] === "" ? undefined : source[name]);
  const result = schema.safeParse({
    MAIL_TRANSPORT: pick("MAIL_TRANSPORT"),
    MAIL_OUTBOX_DIR: pick("MAIL_OUTBOX_DIR"),
    SMTP_URL: pick("SMTP_URL"),
    MAIL_FROM: pick("MAIL_FROM"),
  });
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(mail)"} : ${i.message}`);
  throw new Error(`Configuration de l'envoi d'e-mails invalide / invalid mail configuration:\n${lines.join("\n")}`);
}
