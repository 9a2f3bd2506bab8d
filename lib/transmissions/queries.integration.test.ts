import { beforeAll, describe, expect, it } from "vitest";
import { eq, ne } from "drizzle-orm";
import { jeunes, transmissions } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { openDossier } from "@/lib/dossier/gate";
import { getTransferOfDossier, listTransmissionsOfJeune } from "./queries";

describe("listTransmissionsOfJeune", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", extras: true });
  });

  it("lists the young person's transfers for their structure, and nothing to another structure", async () => {
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const stored = await t.db.select().from(transmissions).where(eq(transmissions.jeuneId, lea!.id));
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const rows = await listTransmissionsOfJeune(camille, lea!.id);
    expect(rows.map((r) => r.id).sort()).toEqual(stored.map((r) => r.id).sort());
    expect(JSON.stringify(rows)).not.toContain("payload");
    const ines = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    expect(await listTransmissionsOfJeune(ines, lea!.id)).toEqual([]);
  });
});

describe("getTransferOfDossier", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", extras: true });
  });

  it("finds a transfer of the opened dossier only: another young person's id or a malformed one is null", async () => {
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const [mine] = await t.db.select().from(transmissions).where(eq(transmissions.jeuneId, lea!.id)).limit(1);
    const [other] = await t.db.select().from(transmissions).where(ne(transmissions.jeuneId, lea!.id)).limit(1);
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const result = await openDossier(t.db, camille, lea!.id, "page", { onglet: "droits" });
    if (!result.ok) throw new Error(`gate refused: ${result.refusal}`);
    const opened = { ...result.dossier, db: t.db, jeuneId: lea!.id };
    expect(await getTransferOfDossier(opened, mine!.id)).toEqual({
      id: mine!.id,
      recipient: mine!.recipient,
      finality: mine!.finality,
      kind: mine!.kind,
      createdAt: mine!.createdAt,
    });
    expect(await getTransferOfDossier(opened, other!.id)).toBeNull();
    expect(await getTransferOfDossier(opened, "pas-un-uuid")).toBeNull();
    expect(await getTransferOfDossier(opened, undefined)).toBeNull();
  });
});
