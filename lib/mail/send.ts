import { randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { logger } from "@/lib/log/logger";
import { parseMailConfig, type MailConfig } from "./config";

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  attachments?: MailAttachment[];
}

export interface SentMail {
  messageId: string;
  /** Outbox transport: the .eml file written (the .json summary sits beside it). */
  file?: string;
}

/**
 * Sends one message. `outbox` (development, tests) writes it as `<time>-<id>.eml` plus a `.json`
 * summary instead of sending it. Logs carry the message id only: addresses and content are personal data.
 */
export async function sendMail(message: MailMessage, config: MailConfig = parseMailConfig(process.env)): Promise<SentMail> {
  const mail = {
    from: config.MAIL_FROM,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    attachments: (message.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.content),
      contentType: a.contentType,
    })),
  };

  if (config.MAIL_TRANSPORT === "smtp") {
    const transport = nodemailer.createTransport(withTimeouts(config.SMTP_URL!));
    const info = await transport.sendMail(mail);
    logger.info({ transport: "smtp", messageId: info.messageId }, "mail sent");
    return { messageId: info.messageId };
  }

  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail(mail);
  const dir = path.resolve(config.MAIL_OUTBOX_DIR);
  await mkdir(dir, { recursive: true });
  const base = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}`;
  const file = path.join(dir, `${base}.eml`);
  await writeFile(file, info.message as Buffer);
  // Written aside then renamed: whoever lists the folder (the development page, the tests) never reads half a file.
  const summary = path.join(dir, `${base}.json`);
  await writeFile(
    `${summary}.part`,
    JSON.stringify(
      {
        messageId: info.messageId,
        date: new Date().toISOString(),
        from: mail.from,
        to: mail.to,
        replyTo: mail.replyTo ?? null,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length })),
        eml: `${base}.eml`,
      },
      null,
      2,
    ),
  );
  await rename(`${summary}.part`, summary);
  logger.info({ transport: "outbox", messageId: info.messageId }, "mail written to the outbox");
  return { messageId: info.messageId, file };
}

/**
 * Nodemailer waits two minutes for a connection and ten for a silent socket by default; a message sent right
 * after an action keeps the person waiting, so shorter bounds apply unless the URL sets its own.
 */
export function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const defaults = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };
  for (const [name, value] of Object.entries(defaults)) if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  return url.toString();
}
