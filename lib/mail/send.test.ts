import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseMailConfig } from "./config";
import { sendMail } from "./send";

describe("sendMail (outbox)", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("writes the message as .eml with its attachment, and a .json summary", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sillage-outbox-"));
    dirs.push(dir);
    const config = parseMailConfig({ MAIL_OUTBOX_DIR: dir, MAIL_FROM: "ML <ne-pas-repondre@ml.test>" });
    const sent = await sendMail(
      {
        to: "lea@exemple.fr",
        subject: "Réponse à votre demande n° 2026-0001",
        text: "Bonjour Léa,\nVoici notre réponse.",
        attachments: [{ filename: "reponse.pdf", content: new TextEncoder().encode("%PDF-1.7 test"), contentType: "application/pdf" }],
      },
      config,
    );
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    expect(sent.file && path.basename(sent.file)).toBe(files.find((f) => f.endsWith(".eml")));
    const eml = await readFile(sent.file!, "utf8");
    expect(eml).toMatch(/^To: lea@exemple\.fr$/m);
    expect(eml).toContain("filename=reponse.pdf");
    const summary = JSON.parse(await readFile(path.join(dir, files.find((f) => f.endsWith(".json"))!), "utf8"));
    expect(summary).toMatchObject({
      to: "lea@exemple.fr",
      subject: "Réponse à votre demande n° 2026-0001",
      attachments: [{ filename: "reponse.pdf", contentType: "application/pdf" }],
    });
  });
});
