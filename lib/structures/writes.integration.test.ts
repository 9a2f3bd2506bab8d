import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { antennes, auditLog, jeunes, structures, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { assignmentOptions } from "@/lib/jeunes/form-options";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { isValidSiret } from "./siret";
import { createAntenne, createStructure, setAntenneActive, setStructureActive, updateAntenne, updateStructure } from "./writes";

/** 13 digits + the Luhn key that makes them a valid SIRET. */
function withLuhnKey(payload: string): string {
  for (let d = 0; d <= 9; d++) if (isValidSiret(`${payload}${d}`)) return `${payload}${d}`;
  throw new Error("unreachable");
}

const SIRET_A = withLuhnKey("8123456780001");
const SIRET_B = withLuhnKey("8123456780002");
const badKey = (siret: string) => siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);

const valid = {
  name: "Mission locale du Vercors",
  siret: SIRET_A,
  departement: "38",
  commune: "Villard-de-Lans",
  dpoEmail: "DPO@ml-vercors.fr",
};
const OTHER_ROLES = ["directrice.lyon@sillage.demo", "conseillere.lyon@sillage.demo", "dpo.lyon@sillage.demo"];

describe("structures admin writes", () => {
  const t = useTestDatabase();
  const admin = () => sessionUserFor(t.db, "admin@sillage.demo");
  let structureId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
  });

  const audits = (targetId: string) => t.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));

  it("lets the admin create a mission locale, audited with its field names", async () => {
    const result = await runAction(createStructure, { ...valid, siret: `${SIRET_A.slice(0, 3)} ${SIRET_A.slice(3)}` }, await admin());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    structureId = result.data.id;
    const [row] = await t.db.select().from(structures).where(eq(structures.id, structureId));
    expect(row).toMatchObject({ siret: SIRET_A, dpoEmail: "dpo@ml-vercors.fr", active: true, version: 1 });
    const [entry] = await audits(structureId);
    expect(entry).toMatchObject({
      action: "structure.create",
      fields: ["name", "siret", "departement", "commune", "dpoEmail", "mfaRequired"],
    });
  });

  it("refuses every write to the director, the counsellor and the DPO, and writes nothing", async () => {
    const [antenne] = await t.db.select().from(antennes).where(eq(antennes.structureId, structureId));
    expect(antenne).toBeUndefined();
    for (const email of OTHER_ROLES) {
      const user = await sessionUserFor(t.db, email);
      const attempts = [
        runAction(createStructure, { ...valid, siret: SIRET_B }, user),
        runAction(updateStructure, { ...valid, id: structureId, version: 1, name: "Autre nom" }, user),
        runAction(setStructureActive, { id: structureId, version: 1, active: "false" }, user),
        runAction(createAntenne, { structureId, name: "Antenne", commune: "Lans", codePostal: "38250" }, user),
      ];
      for (const result of await Promise.all(attempts)) expect(result, email).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await t.db.select().from(structures).where(eq(structures.siret, SIRET_B))).toEqual([]);
    expect(await t.db.select().from(antennes).where(eq(antennes.structureId, structureId))).toEqual([]);
    const [row] = await t.db.select().from(structures).where(eq(structures.id, structureId));
    expect(row).toMatchObject({ name: valid.name, version: 1, active: true });
  });

  it("reports a bad SIRET key, a duplicate SIRET and a bad department on their fields", async () => {
    const bad = await runAction(createStructure, { ...valid, siret: badKey(SIRET_B) }, await admin());
    expect(bad).toMatchObject({ ok: false, code: "invalid_input" });
    if (!bad.ok) expect(bad.fieldErrors.siret?.[0]).toMatch(/clé de contrôle/);

    const duplicate = await runAction(createStructure, { ...valid, name: "Autre mission locale" }, await admin());
    expect(duplicate).toMatchObject({ ok: false, code: "duplicate" });
    if (!duplicate.ok) expect(duplicate.fieldErrors.siret?.[0]).toMatch(/déjà enregistrée/);

    const departement = await runAction(createStructure, { ...valid, siret: SIRET_B, departement: "20" }, await admin());
    if (!departement.ok) expect(departement.fieldErrors.departement?.[0]).toMatch(/2A ou 2B/);
    expect(departement.ok).toBe(false);
    // Valid codes pass the schema and reach the duplicate check on SIRET_A.
    for (const code of ["2a", "971", "01", "95"]) {
      const ok = await runAction(createStructure, { ...valid, departement: code }, await admin());
      expect(ok, code).toMatchObject({ ok: false, code: "duplicate" });
    }
  });

  it("edits a mission locale, refuses another's SIRET and an edit made on an older version", async () => {
    const edited = await runAction(updateStructure, { ...valid, id: structureId, version: 1, commune: "Lans-en-Vercors" }, await admin());
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    const [entry] = (await audits(structureId)).filter((a) => a.action === "structure.update");
    expect(entry?.fields).toEqual(["commune"]);

    const [lyon] = await t.db.select().from(structures).where(eq(structures.departement, "69"));
    const taken = await runAction(updateStructure, { ...valid, id: structureId, version: 2, siret: lyon!.siret }, await admin());
    expect(taken).toMatchObject({ ok: false, code: "duplicate" });
    if (!taken.ok) expect(taken.fieldErrors.siret).toHaveLength(1);

    const stale = await runAction(updateStructure, { ...valid, id: structureId, version: 1, name: "Écrasement" }, await admin());
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const [row] = await t.db.select().from(structures).where(eq(structures.id, structureId));
    expect(row).toMatchObject({ name: valid.name, commune: "Lans-en-Vercors", version: 2 });
  });

  it("turns on the second factor for the whole staff of a mission locale, audited; an unticked box turns it off", async () => {
    const [before] = await t.db.select().from(structures).where(eq(structures.departement, "13"));
    const { id, name, siret, departement, commune, dpoEmail } = before!;
    const current = { id, name, siret, departement, commune, dpoEmail };
    const on = await runAction(updateStructure, { ...current, version: before!.version, mfaRequired: "on" }, await admin());
    expect(on).toMatchObject({ ok: true });
    const [entry] = (await audits(id)).filter((a) => a.action === "structure.update");
    expect(entry?.fields).toEqual(["mfaRequired"]);
    const [row] = await t.db.select().from(structures).where(eq(structures.id, id));
    expect(row?.mfaRequired).toBe(true);
    const off = await runAction(updateStructure, { ...current, version: row!.version }, await admin());
    expect(off).toMatchObject({ ok: true });
    expect((await t.db.select().from(structures).where(eq(structures.id, id)))[0]?.mfaRequired).toBe(false);
  });

  it("adds and renames an antenne, refusing a stale rename", async () => {
    const created = await runAction(
      createAntenne,
      { structureId, name: "Antenne de Lans", commune: "Lans", codePostal: "38 250" },
      await admin(),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.data.id;
    const renamed = await runAction(
      updateAntenne,
      { id, version: 1, name: "Antenne du plateau", commune: "Lans", codePostal: "38250" },
      await admin(),
    );
    expect(renamed).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await runAction(updateAntenne, { id, version: 1, name: "Autre", commune: "Lans", codePostal: "38250" }, await admin());
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const forbidden = await runAction(
      updateAntenne,
      { id, version: 2, name: "Autre", commune: "Lans", codePostal: "38250" },
      await sessionUserFor(t.db, "directrice.lyon@sillage.demo"),
    );
    expect(forbidden).toMatchObject({ ok: false, code: "forbidden" });
    const [row] = await t.db.select().from(antennes).where(eq(antennes.id, id));
    expect(row).toMatchObject({ name: "Antenne du plateau", codePostal: "38250", version: 2 });
    expect((await audits(id)).map((a) => [a.action, a.fields])).toEqual([
      ["antenne.create", ["name", "commune", "codePostal"]],
      ["antenne.update", ["name"]],
    ]);
  });

  it("a deactivated antenne is offered to no new dossier, while its young people keep it; it can be reactivated", async () => {
    const [lyon] = await t.db.select().from(structures).where(eq(structures.departement, "69"));
    const [jeune] = await t.db.select({ id: jeunes.id, antenneId: jeunes.antenneId }).from(jeunes).where(eq(jeunes.structureId, lyon!.id));
    const antenneId = jeune!.antenneId!;
    const [antenne] = await t.db.select().from(antennes).where(eq(antennes.id, antenneId));

    const refused = await runAction(
      setAntenneActive,
      { id: antenneId, version: antenne!.version, active: false },
      await sessionUserFor(t.db, "directrice.lyon@sillage.demo"),
    );
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    const off = await runAction(setAntenneActive, { id: antenneId, version: antenne!.version, active: "false" }, await admin());
    expect(off).toMatchObject({ ok: true, data: { active: false } });

    const forNew = await assignmentOptions(t.db, lyon!.id);
    expect(forNew.antennes.map((a) => a.value)).not.toContain(antenneId);
    const forItsJeune = await assignmentOptions(t.db, lyon!.id, null, antenneId);
    expect(forItsJeune.antennes.find((a) => a.value === antenneId)?.label).toMatch(/antenne désactivée/);
    const [still] = await t.db.select({ antenneId: jeunes.antenneId }).from(jeunes).where(eq(jeunes.id, jeune!.id));
    expect(still?.antenneId).toBe(antenneId);

    const stale = await runAction(setAntenneActive, { id: antenneId, version: antenne!.version, active: "true" }, await admin());
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const on = await runAction(setAntenneActive, { id: antenneId, version: antenne!.version + 1, active: "true" }, await admin());
    expect(on).toMatchObject({ ok: true, data: { active: true } });
    expect((await assignmentOptions(t.db, lyon!.id)).antennes.map((a) => a.value)).toContain(antenneId);
    expect((await audits(antenneId)).map((a) => a.action)).toEqual(["antenne.deactivate", "antenne.reactivate"]);
  });

  it("refuses to deactivate a mission locale with active staff accounts, saying how many", async () => {
    const [lyon] = await t.db.select().from(structures).where(eq(structures.departement, "69"));
    const staff = await t.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.structureId, lyon!.id), eq(users.active, true)));
    const refused = await runAction(setStructureActive, { id: lyon!.id, version: lyon!.version, active: "false" }, await admin());
    expect(refused).toMatchObject({ ok: false, code: "in_use" });
    if (!refused.ok) expect(refused.message).toContain(`encore ${staff.length} comptes actifs`);
    const [row] = await t.db.select().from(structures).where(eq(structures.id, lyon!.id));
    expect(row?.active).toBe(true);

    // The new one has no account: it can be deactivated, then takes no new antenne, and comes back.
    const off = await runAction(setStructureActive, { id: structureId, version: 2, active: "false" }, await admin());
    expect(off).toMatchObject({ ok: true, data: { active: false } });
    const blocked = await runAction(createAntenne, { structureId, name: "Antenne", commune: "Lans", codePostal: "38250" }, await admin());
    expect(blocked).toMatchObject({ ok: false, code: "in_use" });
    const on = await runAction(setStructureActive, { id: structureId, version: 3, active: "true" }, await admin());
    expect(on).toMatchObject({ ok: true, data: { active: true } });
  });
});
