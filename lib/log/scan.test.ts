import { describe, expect, it } from "vitest";
import { describeLeaks, scanLog } from "./scan";

describe("scanLog", () => {
  it("finds NIRs, e-mails, phone numbers, one-time codes and given secrets, by line", () => {
    const text = [
      '{"level":30,"time":1764645123456,"pid":4242,"msg":"request","route":"/jeunes/[id]","status":200}',
      "nir 2 06 03 75 123 456 78 in a message",
      '{"nir":"1850975123456"}',
      "contact lea.dupont@exemple.fr",
      "appel 06 12 34 56 78 / +33 7 98 76 54 32",
      '{"msg":"sign-in code sent","code":"493021"}',
      "password=Sillage-demo-2026",
    ].join("\n");
    const leaks = scanLog(text, { secrets: ["Sillage-demo-2026"] });
    expect(leaks.map((l) => [l.line, l.kind])).toEqual([
      [2, "nir"],
      [3, "nir"],
      [4, "email"],
      [5, "telephone"],
      [5, "telephone"],
      [6, "code"],
      [7, "secret"],
    ]);
  });

  it("leaves clean structured lines alone: ids, epoch times, durations, error codes, senders", () => {
    const clean = [
      '{"level":30,"time":1764645123456,"pid":123456,"app":"sillage","requestId":"0193a2b4-7c1d-7e2f-8a3b-4c5d6e7f8091","route":"/jeunes/[id]","status":200,"durationMs":1234567}',
      '{"err":{"type":"PostgresError","code":"57P01"},"msg":"action interrupted"}',
      "from Sillage <ne-pas-repondre@sillage.local>",
      "▲ Next.js 16.4.6 - Local: http://127.0.0.1:3360",
    ].join("\n");
    expect(scanLog(clean)).toEqual([]);
  });

  it("never prints a match in full", () => {
    const leaks = scanLog("lea.dupont@exemple.fr and 1850975123456", { secrets: [] });
    const report = describeLeaks("reports/e2e-server.log", leaks);
    expect(report).toContain("reports/e2e-server.log:1");
    expect(report).not.toContain("lea.dupont@exemple.fr");
    expect(report).not.toContain("1850975123456");
  });
});
