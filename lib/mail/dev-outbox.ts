import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parseMailConfig } from "./config";

/**
 * The development outbox (MAIL_TRANSPORT=outbox writes each message as .eml + .json into MAIL_OUTBOX_DIR),
 * read back for the page /dev/courriels. Never in production unless SILLAGE_DEV_OUTBOX=1 (an end-to-end run
 * of the production build): the messages hold single-use links.
 */
export function devOutboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== "production" || env.SILLAGE_DEV_OUTBOX === "1";
}

const summary = z.object({
  messageId: z.string().optional(),
  date: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
});

export type OutboxMessage = z.infer<typeof summary> & { file: string };

/** The latest messages, newest first (file names start with the time they were written). */
export async function listDevOutbox(limit = 30): Promise<{ transport: string; messages: OutboxMessage[] }> {
  const config = parseMailConfig(process.env);
  if (config.MAIL_TRANSPORT !== "outbox") return { transport: config.MAIL_TRANSPORT, messages: [] };
  const dir = path.resolve(config.MAIL_OUTBOX_DIR);
  const files = await readdir(dir).catch(() => [] as string[]);
  const latest = files
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  const messages: OutboxMessage[] = [];
  for (const file of latest) {
    const parsed = summary.safeParse(JSON.parse(await readFile(path.join(dir, file), "utf8").catch(() => "null")));
    if (parsed.success) messages.push({ ...parsed.data, file });
  }
  return { transport: config.MAIL_TRANSPORT, messages };
}
