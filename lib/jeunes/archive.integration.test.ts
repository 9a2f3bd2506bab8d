import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, jeunes, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { archiveJeune, restoreJeune } from "./archive-writes";

describe("archive and restore", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 6 });
  });

  const ownJeune = async (email: string) => {
    const [u] = await t.db.select().from(users).where(eq(users.email, email));
    const [j] = await t.db
      .select()
      .from(jeunes)
      .where(and(eq(jeunes.conseillerId, u!.id), eq(jeunes.statut, "actif")))
      .limit(1);
    return j!;
  };

  it("archives with a motive, then restores; both audited", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const j = await ownJeune(camille.email);
    const archived = await runAction(archiveJeune, { jeuneId: j.id, version: String(j.version), motif: "sortie_emploi" }, camille);
    expect(archived.ok).toBe(true);
    const [row] = await t.db.select().from(jeunes).where(eq(jeunes.id, j.id));
    expect(row).toMatchObject({ statut: "archive", archiveMotif: "sortie_emploi", version: j.version + 1 });

    const restored = await runAction(restoreJeune, { jeuneId: j.id, version: String(row!.version) }, camille);
    expect(restored.ok).toBe(true);
    const [back] = await t.db.select().from(jeunes).where(eq(jeunes.id, j.id));
    expect(back).toMatchObject({ statut: "actif", archiveMotif: null });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.jeuneId, j.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["jeune.archive", "jeune.restore"]));
  });

  it("requires a detail for « autre » and refuses a stale version without writing", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const j = await ownJeune(camille.email);
    const noDetail = await runAction(archiveJeune, { jeuneId: j.id, version: String(j.version), motif: "autre" }, camille);
    if (noDetail.ok) throw new Error("expected a refusal");
    expect(noDetail.fieldErrors.detail?.[0]).toBe("Précisez le motif.");
    const stale = await runAction(archiveJeune, { jeuneId: j.id, version: String(j.version - 1 || 99), motif: "abandon" }, camille);
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const [row] = await t.db.select().from(jeunes).where(eq(jeunes.id, j.id));
    expect(row!.statut).toBe("actif");
  });

  it("refuses another structure's dossier, and a colleague's without a reason given", async () => {
    const ines = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    const julien = await sessionUserFor(t.db, "conseiller.lyon@sillage.demo");
    const j = await ownJeune("conseillere.lyon@sillage.demo");
    expect(await runAction(archiveJeune, { jeuneId: j.id, version: String(j.version), motif: "abandon" }, ines)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await runAction(archiveJeune, { jeuneId: j.id, version: String(j.version), motif: "abandon" }, julien)).toMatchObject({
      ok: false,
      code: "reason_required",
    });
    const [row] = await t.db.select().from(jeunes).where(eq(jeunes.id, j.id));
    expect(row!.statut).toBe("actif");
  });
});
