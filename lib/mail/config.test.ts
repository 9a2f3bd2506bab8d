import { describe, expect, it } from "vitest";
import { parseMailConfig } from "./config";

describe("parseMailConfig", () => {
  it("defaults to the local outbox", () => {
    expect(parseMailConfig({})).toEqual({
      MAIL_TRANSPORT: "outbox",
      MAIL_OUTBOX_DIR: ".data/outbox",
      MAIL_FROM: "Sillage <ne-pas-repondre@sillage.local>",
    });
    expect(parseMailConfig({ MAIL_TRANSPORT: "", SMTP_URL: "" }).MAIL_TRANSPORT).toBe("outbox");
  });

  it("requires SMTP_URL for smtp and names the variable", () => {
    expect(() => parseMailConfig({ MAIL_TRANSPORT: "smtp" })).toThrow(/SMTP_URL/);
    expect(() => parseMailConfig({ MAIL_TRANSPORT: "smtp", SMTP_URL: "http://x" })).toThrow(/smtp:\/\//);
    expect(parseMailConfig({ MAIL_TRANSPORT: "smtp", SMTP_URL: "smtps://u:p@smtp.example.org:465" }).SMTP_URL).toBe(
      "smtps://u:p@smtp.example.org:465",
    );
  });

  it("refuses an unknown transport", () => {
    expect(() => parseMailConfig({ MAIL_TRANSPORT: "sendmail" })).toThrow(/MAIL_TRANSPORT/);
  });
});
