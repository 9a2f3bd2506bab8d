import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { affectations, jeunes } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { encryptNir } from "@/lib/crypto/nir-vault";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import type { SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { decideDossierAccess } from "@/lib/dossier/gate";
import { getDossier } from "./dossier";

describe("the dossier as the page displays it", () => {
  const t = useTestDatabase();
  let jeuneId = "";

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 4 });
    const julien = await sessionUserFor(t.db, "conseiller.lyon@sillage.demo");
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const [jeune] = await t.db.select().from(jeunes).where(eq(jeunes.conseillerId, camille.id)).limit(1);
    jeuneId = jeune!.id;
    await t.db
      .update(jeunes)
      .set({ sante: "Asthme sévère", situationJustice: "  ", nirEncrypted: encryptNir("299056912345678") })
      .where(eq(jeunes.id, jeuneId));
    await t.db.insert(affectations).values({
      jeuneId,
      structureId: jeune!.structureId,
      type: "temporaire",
      deConseillerId: camille.id,
      versConseillerId: julien.id,
      debut: "2026-11-20",
      fin: "2026-12-04",
      motif: "Congés",
    });
  });

  /** The page's path: the gate opens the file (null when refused), then the view of it on `today`. */
  async function view(user: SessionUser, id: string, today?: CivilDate) {
    const access = await decideDossierAccess(t.db, user, id, "page", { onglet: "identite" });
    return access.ok ? getDossier({ jeune: access.dossier.jeune, today: today ?? access.dossier.today }, t.db) : null;
  }

  it("never carries health or justice data, only whether they are filled in, and masks the NIR", async () => {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const dossier = await view(directrice, jeuneId, "2026-11-25");
    expect(dossier?.jeune).toMatchObject({
      hasSante: true,
      hasSituationJustice: false,
      nirMasked: "2 99 05 •• ••• ••• ••",
      structure: "Mission locale de Lyon",
    });
    const serialised = JSON.stringify(dossier);
    expect(serialised).not.toContain("Asthme");
    expect(serialised).not.toContain("12345678");
    expect(serialised).not.toContain("nirEncrypted");
  });

  it("reports the temporary assignment running on the day only", async () => {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    expect((await view(directrice, jeuneId, "2026-12-04"))?.affectationTemporaire).toMatchObject({
      versConseiller: "Julien Roche",
      fin: "2026-12-04",
    });
    expect((await view(directrice, jeuneId, "2026-12-05"))?.affectationTemporaire).toBeNull();
    expect((await view(directrice, jeuneId, "2026-11-19"))?.affectationTemporaire).toBeNull();
  });

  it("is not found outside the caller's structure", async () => {
    expect(await view(await sessionUserFor(t.db, "directeur.marseille@sillage.demo"), jeuneId)).toBeNull();
  });
});
