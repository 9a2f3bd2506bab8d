import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { affectations, consultations, jeunes, memberships, structures, userSessions, users } from "@/db/schema";
import { countQueries } from "@/db/query-count";
import { SHARED_DPO, seedDemo } from "@/db/seed/demo";
import { loadSession } from "@/lib/auth/session-account";
import { LAST_SEEN_RESOLUTION_MS, openSession } from "@/lib/auth/sessions";
import { getDossier } from "@/lib/jeunes/dossier";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { openDossier } from "./gate";

/**
 * Round trips per request of the dossier page's data path: what a render costs besides the tabs' own
 * reads. The counts are of statements sent (drizzle's logger), never timed.
 */
describe("the database round trips of a dossier request", () => {
  const t = useTestDatabase();
  let jeuneId = "";

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 4 });
    const julien = await sessionUserFor(t.db, "conseiller.lyon@sillage.demo");
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const [jeune] = await t.db.select().from(jeunes).where(eq(jeunes.conseillerId, camille.id)).limit(1);
    jeuneId = jeune!.id;
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

  const claimsOf = (u: typeof users.$inferSelect, sessionId: string) => ({
    id: u.id,
    role: u.role,
    sessionVersion: u.sessionVersion,
    sessionId,
  });

  it("loads the session in one query, and touches it only once a minute", async () => {
    const [dpo] = await t.db.select().from(users).where(eq(users.email, SHARED_DPO));
    const [marseille] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Marseille"));
    const start = new Date();
    const sid = await openSession(t.db, { userId: dpo!.id, role: "dpo", method: "password", now: start });
    // A switched working structure the account is a member of: still one select.
    await t.db.update(userSessions).set({ structureId: marseille!.id }).where(eq(userSessions.id, sid));
    const [member] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, dpo!.id), eq(memberships.structureId, marseille!.id)));
    if (!member) await t.db.insert(memberships).values({ userId: dpo!.id, structureId: marseille!.id, role: "dpo" });

    const soon = new Date(start.getTime() + 1000);
    const fresh = await countQueries(() => loadSession(t.db, claimsOf(dpo!, sid), soon));
    expect(fresh.result?.user).toMatchObject({ structureId: marseille!.id, structureName: "Mission locale de Marseille" });
    expect(fresh.queries).toHaveLength(1);

    const later = new Date(start.getTime() + LAST_SEEN_RESOLUTION_MS + 1000);
    const due = await countQueries(() => loadSession(t.db, claimsOf(dpo!, sid), later));
    expect(due.queries).toHaveLength(2);
    expect(due.queries[1]).toMatch(/^update "user_sessions"/);
  });

  it("opens, records and reads a dossier of the portfolio in three statements", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const before = await t.db.$count(consultations, eq(consultations.jeuneId, jeuneId));
    const { result, queries } = await countQueries(async () => {
      const access = await openDossier(t.db, camille, jeuneId, "page", { onglet: "identite", states: ["archive", "anonymise"] });
      if (!access.ok) throw new Error("refused");
      return getDossier({ jeune: access.dossier.jeune, today: "2026-11-25" }, t.db);
    });
    // The gate's select, the consultation's insert, the labels with the running temporary assignment.
    expect(queries).toHaveLength(3);
    expect(result.affectationTemporaire).toMatchObject({ versConseiller: "Julien Roche", debut: "2026-11-20", fin: "2026-12-04" });
    expect(result.jeune.structure).toBe("Mission locale de Lyon");
    // The consultation is still written once per view.
    expect(await t.db.$count(consultations, eq(consultations.jeuneId, jeuneId))).toBe(before + 1);
  });

  it("never sends the parameters to the counter: only the SQL text", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const { queries } = await countQueries(() => openDossier(t.db, camille, jeuneId, "page", { onglet: "identite" }));
    expect(queries.join("\n")).not.toContain(jeuneId);
  });
});
