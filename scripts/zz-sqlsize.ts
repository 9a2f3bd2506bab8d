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
  const client = postgres(process.env.BENCH_DATABASE_URL!, { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema, logger: { logQuery: (q: string, p: unknown[]) => console.log(q.length, p.length, q.slice(0, 80)) } }) as unknown as Db;
  setDatabaseForTests({ db, driver: "postgres", close: async () => {} });
  const [row] = await db.select({ user: users, structureName: structures.name }).from(users).leftJoin(structures, eq(structures.id, users.structureId)).where(eq(users.email, process.argv[2]!));
  await listPortefeuille(toSessionUser(row!.user, row!.structureName), {}, todayInParis(new Date()));
  await client.end();
}
main();
