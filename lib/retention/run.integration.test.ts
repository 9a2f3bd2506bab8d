import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, jeunes, rateLimits, userSessions, users } from "@/db/schema";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { openSession, revokeSession } from "@/lib/auth/sessions";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { runRetention } from "./run";

describe("runRetention", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 4 });
  });

  it("anonymises only archived dossiers past their retention end, and audits it", async () => {
    const all = await t.db.select().from(jeunes).limit(3);
    const [old, recent, active] = all;
    // Born 1998-05-10: last kept day 2026-05-09 → past. Born 2002-05-10: kept until 2030 → not past.
    await t.db
      .update(jeunes)
      .set({ statut: "archive", dateNaissance: "1998-05-10", archiveMotif: "sortie_emploi" })
      .where(eq(jeunes.id, old!.id));
    await t.db
      .update(jeunes)
      .set({ statut: "archive", dateNaissance: "2002-05-10", archiveMotif: "abandon" })
      .where(eq(jeunes.id, recent!.id));
    await t.db.update(jeunes).set({ dateNaissance: "1998-05-10" }).where(eq(jeunes.id, active!.id));

    const result = await runRetention(t.db, "2026-11-25");
    expect(result).toMatchObject({ examined: 2, anonymised: 1, payloadsScrubbed: 0, staffAnonymised: 0 });

    const [a] = await t.db.select().from(jeunes).where(eq(jeunes.id, old!.id));
    expect(a).toMatchObject({
      nomNaissance: "ANONYME",
      prenoms: "—",
      email: null,
      telephone: null,
      nirEncrypted: null,
      dateNaissance: "1998-01-01",
      dispositif: old!.dispositif,
      sexe: old!.sexe,
    });
    expect(a!.anonymisedAt).toBeInstanceOf(Date);
    const [r] = await t.db.select().from(jeunes).where(eq(jeunes.id, recent!.id));
    expect(r!.nomNaissance).toBe(recent!.nomNaissance);
    const [still] = await t.db.select().from(jeunes).where(eq(jeunes.id, active!.id));
    expect(still!.nomNaissance).toBe(active!.nomNaissance);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.jeuneId, old!.id));
    expect(audits.map((x) => x.action)).toEqual(["jeune.anonymise"]);

    expect(await runRetention(t.db, "2026-11-25")).toMatchObject({ examined: 1, anonymised: 0, payloadsScrubbed: 0, staffAnonymised: 0 });
  });

  it("leaves a dossier under limitation untouched", async () => {
    const [j] = await t.db.select().from(jeunes).where(eq(jeunes.statut, "actif")).limit(1);
    await t.db
      .update(jeunes)
      .set({ statut: "archive", dateNaissance: "1990-01-01", limitationDepuis: new Date("2026-11-01T10:00:00Z") })
      .where(eq(jeunes.id, j!.id));
    await runRetention(t.db, "2026-11-25");
    const [after] = await t.db.select().from(jeunes).where(eq(jeunes.id, j!.id));
    expect(after!.nomNaissance).toBe(j!.nomNaissance);
    expect(after!.anonymisedAt).toBeNull();
  });

  it("deletes the sign-in sessions ended more than 30 days ago and the rate-limit windows that ended", async () => {
    const now = new Date("2026-12-20T10:00:00Z");
    const day = 24 * 60 * 60_000;
    const [u] = await t.db.select().from(users).where(eq(users.email, "conseillere.lyon@sillage.demo"));
    const open = (at: Date) => openSession(t.db, { userId: u!.id, role: u!.role, method: "password", now: at });
    const revokedLongAgo = await open(new Date(now.getTime() - 40 * day));
    await revokeSession(t.db, revokedLongAgo, "sign_out", new Date(now.getTime() - 40 * day));
    const expiredLongAgo = await open(new Date(now.getTime() - 35 * day));
    const revokedRecently = await open(new Date(now.getTime() - 10 * day));
    await revokeSession(t.db, revokedRecently, "sign_out", new Date(now.getTime() - 10 * day));
    const current = await open(now);
    await hitRateLimit(t.db, "sign_in:ip", "192.0.2.99", new Date(now.getTime() - 2 * day));
    await hitRateLimit(t.db, "sign_in:ip", "192.0.2.98", now);

    const result = await runRetention(t.db, "2026-12-20", { now });
    expect(result).toMatchObject({ sessionsPurged: 2, rateLimitsPurged: 1 });
    const left = (await t.db.select({ id: userSessions.id }).from(userSessions)).map((r) => r.id);
    expect(left).not.toContain(revokedLongAgo);
    expect(left).not.toContain(expiredLongAgo);
    expect(left).toEqual(expect.arrayContaining([revokedRecently, current]));
    expect(await t.db.select({ hits: rateLimits.hits }).from(rateLimits)).toEqual([{ hits: 1 }]);
  });
});
