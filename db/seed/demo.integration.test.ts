import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { affectations, demandesDroits, jeunes, memberships, structures, transmissions, users } from "@/db/schema";
import { verifyLedger } from "@/lib/transmissions/ledger";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { validateNir } from "@/lib/jeunes/rules";
import { useTestDatabase } from "@/test/db";
import { DEMO_ACCOUNTS, SHARED_DPO, seedDemo } from "./demo";

describe("demo seed (as npm run dev loads it)", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", extras: true });
  });

  it("has two structures, every demo account, and about fifty young people", async () => {
    expect(await t.db.select().from(structures)).toHaveLength(2);
    expect((await t.db.select().from(users)).map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(await t.db.select().from(jeunes)).toHaveLength(50);
  });

  it("stores valid NIRs encrypted, consistent with sex and birth date", async () => {
    const withNir = await t.db.select().from(jeunes).where(isNotNull(jeunes.nirEncrypted));
    expect(withNir.length).toBeGreaterThan(10);
    for (const j of withNir) {
      const nir = decryptNir(j.nirEncrypted!);
      expect(validateNir(nir, { sex: j.sexe, birthDate: j.dateNaissance })).toMatchObject({ ok: true });
    }
  });

  it("has rights requests in every state, one limitation in force, deadlines computed", async () => {
    const demandes = await t.db.select().from(demandesDroits);
    expect(new Set(demandes.map((d) => d.statut))).toEqual(new Set(["en_cours", "identite_a_verifier", "prolongee", "close"]));
    expect(demandes.filter((d) => d.statut === "identite_a_verifier").every((d) => d.echeance === null)).toBe(true);
    expect(demandes.filter((d) => d.statut === "en_cours").every((d) => d.echeance !== null)).toBe(true);
    expect(await t.db.select().from(jeunes).where(isNotNull(jeunes.limitationDepuis))).toHaveLength(1);
  });

  it("gives each staff account its home membership, and the Lyon DPO a second one in Marseille", async () => {
    const staff = await t.db
      .select()
      .from(users)
      .where(and(isNotNull(users.structureId), ne(users.role, "jeune")));
    const rows = await t.db.select().from(memberships);
    for (const u of staff)
      expect(
        rows.some((m) => m.userId === u.id && m.structureId === u.structureId && m.role === u.role),
        u.email,
      ).toBe(true);
    const dpo = staff.find((u) => u.email === SHARED_DPO)!;
    const [marseille] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Marseille"));
    expect(
      rows
        .filter((m) => m.userId === dpo.id)
        .map((m) => m.structureId)
        .sort(),
    ).toEqual([dpo.structureId, marseille!.id].sort());
    expect(rows).toHaveLength(staff.length + 1);
    expect(await t.db.select().from(demandesDroits).where(eq(demandesDroits.structureId, marseille!.id))).toHaveLength(1);
  });

  it("has transfers in every outcome, through the real outbox and a valid ledger", async () => {
    const rows = await t.db.select().from(transmissions);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["accusee", "echec_temporaire", "rejetee", "retenue"]));
    expect(rows.find((r) => r.status === "accusee")?.acknowledgement).toBe("FT-88231");
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
  });

  it("includes an archived dossier and a running temporary assignment", async () => {
    expect(await t.db.select().from(jeunes).where(eq(jeunes.statut, "archive"))).not.toHaveLength(0);
    expect(await t.db.select().from(affectations).where(eq(affectations.type, "temporaire"))).toHaveLength(1);
  });
});
