/**
 * `npm run seed:large [-- --structures 440 --jeunes 210000 --big 30000 --seed 20260101]`: fills an EMPTY
 * PostgreSQL database (BENCH_DATABASE_URL, else DATABASE_URL) with the national shape of db/seed/large.ts.
 * The options can also come from LARGE_STRUCTURES, LARGE_JEUNES, LARGE_BIG, LARGE_SEED.
 *
 * Run with the react-server condition (package.json), so the `server-only` modules load outside Next.
 */
import { parseArgs } from "node:util";
import { migrateDatabase, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { seedLarge } from "@/db/seed/large";
import { todayInParis } from "@/lib/calendar/civil-date";

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} doit être un entier positif (reçu : ${raw})`);
  return value;
}

async function main() {
  const { values } = parseArgs({
    options: {
      structures: { type: "string" },
      jeunes: { type: "string" },
      big: { type: "string" },
      seed: { type: "string" },
    },
  });
  const options = {
    structures: integer("--structures", values.structures ?? process.env.LARGE_STRUCTURES, 440),
    jeunes: integer("--jeunes", values.jeunes ?? process.env.LARGE_JEUNES, 210_000),
    big: integer("--big", values.big ?? process.env.LARGE_BIG, 30_000),
    seed: integer("--seed", values.seed ?? process.env.LARGE_SEED, 20_260_101),
  };
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "BENCH_DATABASE_URL (ou DATABASE_URL) doit désigner une base PostgreSQL vide, par exemple créée par `createdb sillage_bench`.",
    );

  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // Foreign keys are checked by construction here: a superuser session skips their per-row triggers
  // (session_replication_role = replica), which halves the time. Other roles run with them.
  const probe = postgres(url, { max: 1, onnotice: () => {} });
  const replica = await probe
    .unsafe("set session_replication_role = replica")
    .then(() => true)
    .catch(() => false);
  await probe.end({ timeout: 5 });
  // No JIT: the seed's statements are estimated far above jit_above_cost and compiling them costs more than running them.
  const client = postgres(url, {
    max: 4,
    onnotice: () => {},
    connection: { jit: "off", ...(replica ? { session_replication_role: "replica" } : {}) },
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  try {
    await migrateDatabase({ db, driver: "postgres", close: async () => {} });
    const [existing] = await client.unsafe("select count(*)::int as n from structures");
    if (Number(existing?.n ?? 0) > 0) throw new Error("La base n'est pas vide : seed:large remplit une base neuve (dropdb puis createdb).");

    console.info(
      `seed:large : ${options.structures} structures, ${options.jeunes} jeunes dont ${options.big} dans la grande structure (graine ${options.seed})…`,
    );
    const summary = await seedLarge(db, client, { ...options, today: todayInParis(new Date()), log: (line) => console.info(`  ${line}`) });
    const fmt = new Intl.NumberFormat("fr-FR");
    console.info(
      `Base remplie en ${summary.seconds.toFixed(0)} s : ${fmt.format(summary.structures)} structures, ${fmt.format(summary.counsellors)} conseillers, ` +
        `${fmt.format(summary.eventRows)} lignes d'événements.`,
    );
    for (const [table, n] of Object.entries(summary.rows)) console.info(`  ${table.padEnd(22)} ${fmt.format(n).padStart(12)}`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
