import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, memberships, mfaRecoveryCodes, ssoIdentities, structures, userMfa, userSessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { openSession } from "@/lib/auth/sessions";
import { reactivateCompte } from "@/lib/comptes/writes";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { runRetention } from "./run";
import { ANONYMISED_STAFF_NAME, anonymisedStaffEmail, staffRetentionCutoff } from "./staff";

const TODAY = "2026-11-25";

describe("staff accounts are anonymised one year after their access ended", () => {
  const t = useTestDatabase();
  let lyon: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 2 });
    lyon = (await t.db.select().from(structures).where(eq(structures.siret, "77950697800013")))[0]!.id;
  });

  async function staff(email: string, role: "dpo" | "conseiller" | "admin", deactivatedAt: Date | null) {
    const [u] = await t.db
      .insert(users)
      .values({
        email,
        name: "Marie Ancienne",
        role,
        structureId: role === "admin" ? null : lyon,
        passwordHash: "argon2-hash",
        active: deactivatedAt === null,
        deactivatedAt,
      })
      .returning();
    if (role !== "admin") await t.db.insert(memberships).values({ userId: u!.id, structureId: lyon, role });
    return u!;
  }
  const reload = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;
  const countOf = async (
    table: typeof userMfa | typeof mfaRecoveryCodes | typeof ssoIdentities | typeof invitations | typeof userSessions,
    id: string,
  ) => (await t.db.select({ n: count() }).from(table).where(eq(table.userId, id)))[0]!.n;

  it("the cutoff is the start of the day after the anniversary, in Paris", () => {
    expect(staffRetentionCutoff(TODAY, 1).toISOString()).toBe("2025-11-25T23:00:00.000Z");
    expect(staffRetentionCutoff("2026-07-01", 1).toISOString()).toBe("2025-07-01T22:00:00.000Z");
  });

  it("erases name, address, password, second factor, SSO links, invitations and sessions; keeps the row; audits; runs once", async () => {
    const old = await staff("ancienne.dpo@sillage.demo", "dpo", new Date("2025-11-25T16:00:00Z"));
    const recent = await staff("recente@sillage.demo", "conseiller", new Date("2025-11-26T09:00:00Z"));
    const active = await staff("active@sillage.demo", "conseiller", null);
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    for (const u of [old, recent]) {
      await t.db.insert(userMfa).values({ userId: u.id, secret: "enc", confirmedAt: new Date() });
      await t.db.insert(mfaRecoveryCodes).values({ userId: u.id, codeHash: "h" });
      await t.db.insert(ssoIdentities).values({ issuer: "https://idp.example", subject: `sub-${u.id}`, userId: u.id });
      await t.db
        .insert(invitations)
        .values({ userId: u.id, tokenHash: `t-${u.id}`, expiresAt: new Date("2025-01-01T00:00:00Z"), createdBy: admin.id });
      await openSession(t.db, { userId: u.id, role: u.role, method: "password" });
    }

    const result = await runRetention(t.db, TODAY);
    expect(result.counts.comptes.done).toBe(1);
    const after = await reload(old.id);
    expect(after).toMatchObject({
      name: ANONYMISED_STAFF_NAME,
      email: anonymisedStaffEmail(old.id),
      passwordHash: null,
      role: "dpo",
      structureId: lyon,
      active: false,
    });
    expect(after.email).toBe(after.email.toLowerCase());
    expect(after.anonymisedAt).toBeInstanceOf(Date);
    expect(after.sessionVersion).toBe(old.sessionVersion + 1);
    for (const table of [userMfa, mfaRecoveryCodes, ssoIdentities, invitations, userSessions]) {
      expect(await countOf(table, old.id)).toBe(0);
      expect(await countOf(table, recent.id)).toBe(1);
    }
    expect(await reload(recent.id)).toMatchObject({
      name: "Marie Ancienne",
      email: "recente@sillage.demo",
      passwordHash: "argon2-hash",
      anonymisedAt: null,
    });
    expect(await reload(active.id)).toMatchObject({ name: "Marie Ancienne", anonymisedAt: null });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "compte.anonymise"), eq(auditLog.targetId, old.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, targetType: "user", structureId: lyon });

    // Idempotent: the same day again changes nothing; the day after, the second account's year is over.
    expect((await runRetention(t.db, TODAY)).counts.comptes.done).toBe(0);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "compte.anonymise"))).toHaveLength(1);
    expect((await runRetention(t.db, "2026-11-26")).counts.comptes.done).toBe(1);
    expect((await reload(recent.id)).email).toBe(anonymisedStaffEmail(recent.id));

    // An anonymised account cannot come back.
    const row = await reload(old.id);
    expect(await runAction(reactivateCompte, { compteId: old.id, version: row.updatedAt.getTime() }, admin)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect((await reload(old.id)).active).toBe(false);
  });

  it("keeps a deactivated admin while no other admin is active, and anonymises it once another is", async () => {
    const former = await staff("ancien.admin@sillage.demo", "admin", new Date("2024-01-10T10:00:00Z"));
    await t.db
      .update(users)
      .set({ active: false, deactivatedAt: new Date("2026-11-01T10:00:00Z") })
      .where(eq(users.email, "admin@sillage.demo"));
    expect((await runRetention(t.db, TODAY)).counts.comptes.done).toBe(0);
    expect((await reload(former.id)).anonymisedAt).toBeNull();
    await t.db.update(users).set({ active: true, deactivatedAt: null }).where(eq(users.email, "admin@sillage.demo"));
    expect((await runRetention(t.db, TODAY)).counts.comptes.done).toBe(1);
    expect((await reload(former.id)).name).toBe(ANONYMISED_STAFF_NAME);
  });
});
