import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, contratEvenements, contrats, jeunes, transmissions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { addDays, addMonths, todayInParis } from "@/lib/calendar/civil-date";
import { messageFor } from "@/lib/errors/messages";
import { endAfterMonths } from "@/lib/parcours/contrats";
import { signContrat } from "@/lib/parcours/contrat-writes";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { runAction } from "./run";

const onPostgres = process.env.SILLAGE_TEST_DB === "postgres";
const CAMILLE = "conseillere.lyon@sillage.demo";

/**
 * Fault (a): the database connection of a multi-table write is killed (`pg_terminate_backend`) after the
 * handler wrote the contract, its event and its transfer, before the audit entry and the commit.
 */
describe.skipIf(!onPostgres)(
  "a write whose database connection is killed mid-transaction (PostgreSQL only: PGlite has no backends to kill)",
  () => {
    const t = useTestDatabase();
    const today = todayInParis(new Date());
    let admin: postgres.Sql;

    beforeAll(async () => {
      await seedDemo(t.db, { today, jeunesPerStructure: 2 });
      admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    });
    afterAll(async () => {
      await admin?.end({ timeout: 5 });
    });

    const freshJeune = async (name: string) => {
      const [camille] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
      const [j] = await t.db
        .insert(jeunes)
        .values({
          structureId: camille!.structureId!,
          conseillerId: camille!.id,
          nomNaissance: name,
          prenoms: "Alex",
          dateNaissance: addDays(addMonths(today, -12 * 20), -10),
          sexe: "F",
          searchText: `${name.toLowerCase()} alex`,
        })
        .returning();
      return j!;
    };
    const cej = (jeuneId: string) => ({ jeuneId, type: "CEJ", signeLe: today, debut: today, finPrevue: endAfterMonths(today, 12) });
    const counts = async (jeuneId: string) => ({
      contrats: (await t.db.select({ n: count() }).from(contrats).where(eq(contrats.jeuneId, jeuneId)))[0]!.n,
      evenements: (await t.db.select({ n: count() }).from(contratEvenements).where(eq(contratEvenements.jeuneId, jeuneId)))[0]!.n,
      transmissions: (await t.db.select({ n: count() }).from(transmissions).where(eq(transmissions.jeuneId, jeuneId)))[0]!.n,
      audit: (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.jeuneId, jeuneId)))[0]!.n,
      dispositif: (await t.db.select({ d: jeunes.dispositif }).from(jeunes).where(eq(jeunes.id, jeuneId)))[0]!.d,
    });

    /** The real signature, whose connection is terminated once its handler has written every table. */
    const killedAfterHandler: typeof signContrat = {
      ...signContrat,
      async handler(ctx) {
        const result = await signContrat.handler(ctx);
        const [row] = (await ctx.tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
        const killed = await admin`select pg_terminate_backend(${row!.pid})`;
        expect(killed).toHaveLength(1);
        return result;
      },
    };

    it("writes nothing, answers with the French retry message, and the next attempt succeeds", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune("COUPURE");
      const before = await counts(j.id);
      expect(before).toMatchObject({ contrats: 0, evenements: 0, transmissions: 0 });

      const result = await runAction(killedAfterHandler, cej(j.id), camille);
      expect(result).toMatchObject({ ok: false, code: "connection_lost", message: messageFor("connection_lost") });
      expect(result.ok ? "" : result.message).toContain("rien n'a été enregistré");
      expect(await counts(j.id)).toEqual(before);

      // The pool replaced the dead connection: the person's retry goes through, once.
      const retry = await runAction(signContrat, cej(j.id), camille);
      expect(retry.ok).toBe(true);
      const after = await counts(j.id);
      expect(after).toMatchObject({ contrats: 1, evenements: 1, dispositif: "CEJ" });
      expect(after.transmissions).toBeGreaterThan(0);
      expect(after.audit).toBeGreaterThan(before.audit);
    });
  },
);
