import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jeunes } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { preselectedJeuneId } from "./queries";

describe("preselectedJeuneId", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
  });

  it("keeps an active young person of the caller's structure, nobody else's and no archived file", async () => {
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    expect(await preselectedJeuneId(camille, lea!.id)).toBe(lea!.id);
    expect(await preselectedJeuneId(await sessionUserFor(t.db, "conseillere.marseille@sillage.demo"), lea!.id)).toBeNull();
    expect(await preselectedJeuneId(await sessionUserFor(t.db, "admin@sillage.demo"), lea!.id)).toBeNull();
    expect(await preselectedJeuneId(camille, "0190a4b2-0000-7000-8000-000000000000")).toBeNull();
    await t.db.update(jeunes).set({ statut: "archive" }).where(eq(jeunes.id, lea!.id));
    expect(await preselectedJeuneId(camille, lea!.id)).toBeNull();
  });
});
