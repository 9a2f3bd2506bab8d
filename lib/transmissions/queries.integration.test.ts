import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jeunes, transmissions } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listTransmissionsOfJeune } from "./queries";

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
