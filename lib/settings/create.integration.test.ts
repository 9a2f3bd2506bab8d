import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { createSetting } from "./writes";

const valid = {
  key: "rsa.montant_personne_seule",
  effectiveFrom: "2027-04-01",
  value: '{"cents": 65690}',
  source: "Décret à paraître",
};

describe("createSetting", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
  });

  it("adds a dated value for the admin", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const result = await runAction(createSetting, valid, admin);
    expect(result.ok).toBe(true);
    const rows = await t.db
      .select()
      .from(settings)
      .where(and(eq(settings.key, valid.key), eq(settings.effectiveFrom, "2027-04-01")));
    expect(rows.map((r) => r.value)).toEqual([{ cents: 65690 }]);
  });

  it("refuses a second value on the same date, on the date field", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const result = await runAction(createSetting, { ...valid, value: '{"cents": 1}' }, admin);
    expect(result).toMatchObject({ ok: false, code: "duplicate" });
    if (!result.ok) expect(result.fieldErrors.effectiveFrom?.[0]).toMatch(/existe déjà/);
  });

  it("checks the value's shape against the key", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const bad = await runAction(createSetting, { ...valid, effectiveFrom: "2028-04-01", value: '{"cents": -3}' }, admin);
    expect(bad).toMatchObject({ ok: false, code: "invalid_input" });
    if (!bad.ok) expect(bad.fieldErrors.value?.[0]).toMatch(/positif/);
    const notJson = await runAction(createSetting, { ...valid, effectiveFrom: "2028-04-01", value: "{cents: 1}" }, admin);
    if (!notJson.ok) expect(notJson.fieldErrors.value?.[0]).toMatch(/JSON valide/);
    const badDate = await runAction(createSetting, { ...valid, effectiveFrom: "2027-02-30" }, admin);
    if (!badDate.ok) expect(badDate.fieldErrors.effectiveFrom?.[0]).toMatch(/date d'effet valide/);
  });

  it("is refused to every other role", async () => {
    for (const email of [
      "directrice.lyon@sillage.demo",
      "conseillere.lyon@sillage.demo",
      "dpo.lyon@sillage.demo",
      "lea.dupont@exemple.fr",
    ]) {
      const user = await sessionUserFor(t.db, email);
      expect(await runAction(createSetting, { ...valid, effectiveFrom: "2029-04-01" }, user), email).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
  });
});
