import { describe, expect, it } from "vitest";
import { SETTINGS_SEED } from "@/db/seed/settings";
import { describeSettingValue } from "@/lib/settings/display";
import { createSettingSchema } from "@/lib/settings/schema";

const form = (value: string) => ({ key: "conservation.traces", effectiveFrom: "2027-01-01", value, source: "Décret 2015-59" });

describe("the trace durations are a dated setting the admin form accepts", () => {
  it("accepts a complete value and words it", () => {
    const parsed = createSettingSchema.safeParse(form('{"consultationsMois":6,"sessionsJours":30,"codesConnexionJours":7}'));
    expect(parsed.success).toBe(true);
    expect(describeSettingValue("conservation.traces", { consultationsMois: 6, sessionsJours: 30, codesConnexionJours: 7 })).toEqual([
      { label: "Journal des consultations des dossiers (mois)", text: "6" },
      { label: "Sessions de connexion : jours après leur fin", text: "30" },
      { label: "Codes de connexion à usage unique : jours après leur expiration", text: "7" },
    ]);
  });

  it("refuses a missing, fractional, zero or unknown field with a French message on the value", () => {
    for (const value of [
      '{"consultationsMois":6,"sessionsJours":30}',
      '{"consultationsMois":6.5,"sessionsJours":30,"codesConnexionJours":7}',
      '{"consultationsMois":0,"sessionsJours":30,"codesConnexionJours":7}',
      '{"consultationsMois":6,"sessionsJours":30,"codesConnexionJours":7,"autre":1}',
    ]) {
      const parsed = createSettingSchema.safeParse(form(value));
      expect(parsed.success, value).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["value"] });
      expect(parsed.error?.issues[0]?.message).toMatch(/^Valeur refusée/);
    }
  });

  it("is seeded with the décret's seven months for the consultation log", () => {
    expect(SETTINGS_SEED.find((s) => s.key === "conservation.traces")?.value).toEqual({
      consultationsMois: 7,
      sessionsJours: 30,
      codesConnexionJours: 30,
    });
  });
});
