import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";

const onPostgres = process.env.SILLAGE_TEST_DB === "postgres";

/**
 * The driver's closed-socket guard (scripts/patch-postgres.mjs, run after every install): without it, a
 * query written to a reserved connection whose backend was terminated throws from a setImmediate and
 * takes the process down (porsager/postgres#1208), which no try/catch of the app can stop.
 */
describe.skipIf(!onPostgres)("postgres.js on a connection whose backend is gone (PostgreSQL only)", () => {
  const sql = postgres(process.env.TEST_DATABASE_URL ?? "", { max: 2, onnotice: () => {} });
  const killer = postgres(process.env.TEST_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await sql.end({ timeout: 5 });
    await killer.end({ timeout: 5 });
  });

  it("rejects the queries with CONNECTION_CLOSED instead of crashing or hanging, and the pool goes on", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      const reserved = await sql.reserve();
      const [row] = await reserved`select pg_backend_pid() as pid`;
      await killer`select pg_terminate_backend(${row!.pid})`;
      await reserved`select 1`.catch(() => undefined);
      await expect(reserved`select 1`).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      reserved.release();
      expect(uncaught).toEqual([]);
      // The released connection may answer once more that it is closed (a catchable rejection), then reconnects.
      let one: unknown = null;
      for (let attempt = 0; attempt < 3 && one === null; attempt++) {
        one = await sql`select 1 as one`.then(
          (rows) => rows[0]!.one,
          () => null,
        );
      }
      expect(one).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
