import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";
import { env } from "@/lib/env";
import { queryLogger } from "./query-count";

export type Schema = typeof schema;
/** The one database type the app codes against, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

type GlobalWithDb = typeof globalThis & { __sillageDb?: Promise<DatabaseHandle> };
const store = globalThis as GlobalWithDb;

/**
 * The process-wide database. PGlite (in-process, one connection) when DATABASE_URL is unset,
 * postgres.js otherwise. Kept on globalThis so dev reloads reuse the same instance.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  store.__sillageDb ??= openDatabase().catch((error: unknown) => {
    store.__sillageDb = undefined;
    throw error;
  });
  return store.__sillageDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Replaces the process-wide database (tests open a fresh one per file). */
export function setDatabaseForTests(handle: DatabaseHandle | undefined): void {
  store.__sillageDb = handle ? Promise.resolve(handle) : undefined;
}

async function openDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL, DATABASE_POOL_MAX, PGLITE_DATA_DIR } = env();
  if (DATABASE_URL) return openPostgres(DATABASE_URL, { max: DATABASE_POOL_MAX });
  return openPglite(path.resolve(PGLITE_DATA_DIR));
}

/** The app's connection settings, shared with the bench so that it measures what the app runs. */
export const POSTGRES_OPTIONS = { onnotice: () => {}, connection: { jit: "off" } } as const;

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // No JIT on the app's connections: its statements read a page or a portfolio, and the planner's
  // estimates on large tables cross jit_above_cost, where compiling costs far more (50–300 ms) than
  // running the query (a few ms). (`plan_cache_mode` stays PostgreSQL's: forcing generic plans here
  // would reach every statement, unnamed ones included, and a generic plan of `jeune_id = $1 and
  // structure_id = $2` may read the structure's index: 25 ms instead of 0.2 for a file's actions.)
  const client = postgres(url, { max: options.max ?? 10, ...POSTGRES_OPTIONS });
  const db = drizzle(client, { schema, logger: queryLogger }) as unknown as Db;
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

export async function createPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  return PGlite.create(dataDir, { extensions: { pg_trgm, unaccent }, ...options });
}

/**
 * PGlite has no inter-process lock: two processes on one data folder corrupt it for good.
 * We keep our own lock file holding the owner's pid and refuse to open a folder a live process holds.
 */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  const release = acquireLock(`${dataDir}.lock`);
  try {
    const client = await createPglite(dataDir);
    const { drizzle } = await import("drizzle-orm/pglite");
    const db = drizzle(client, { schema, logger: queryLogger }) as unknown as Db;
    return {
      db,
      driver: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function acquireLock(lockPath: string): () => void {
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch {
    const owner = Number(fs.readFileSync(lockPath, "utf8"));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `La base embarquée (${lockPath.replace(/\.lock$/, "")}) est déjà ouverte par le processus ${owner}. ` +
          `Arrêtez-le avant d'en lancer un autre / the embedded database is already open in process ${owner}.`,
      );
    }
    fs.writeFileSync(lockPath, String(process.pid));
  }
  const release = () => {
    try {
      if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // The drizzle type is shared; at run time this handle was built by the pglite driver.
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
