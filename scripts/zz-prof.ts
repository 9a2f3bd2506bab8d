import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { setDatabaseForTests, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { structures, users } from "@/db/schema";
import { toSessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { listPortefeuille } from "@/lib/jeunes/portefeuille";

async function main() {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(process.env.BENCH_DATABASE_URL!, { max: 10, onnotice: () => {}, connection: process.env.PGLOG ? { log_min_duration_statement: 0 } : {} });
  let sqlMs = 0;
  const db = drizzle(client, { schema }) as unknown as Db;
  setDatabaseForTests({ db, driver: "postgres", close: async () => {} });
  const email = process.argv[2]!;
  const [row] = await db.select({ user: users, structureName: structures.name }).from(users).leftJoin(structures, eq(structures.id, users.structureId)).where(eq(users.email, email));
  const user = toSessionUser(row!.user, row!.structureName);
  const today = todayInParis(new Date());
  for (let i = 0; i < 5; i++) await listPortefeuille(user, {}, today);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await listPortefeuille(user, {}, today);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log("p50", times[15]!.toFixed(1), "p95", times[28]!.toFixed(1), sqlMs);
  if (process.env.PROFILE) {
    const { Session } = await import("node:inspector/promises");
    const s = new Session(); s.connect(); await s.post("Profiler.enable"); await s.post("Profiler.start");
    for (let i = 0; i < 50; i++) await listPortefeuille(user, {}, today);
    const { profile } = await s.post("Profiler.stop");
    (await import("node:fs")).writeFileSync("/tmp/prof/p.cpuprofile", JSON.stringify(profile));
  }
  await client.end();
}
main();
