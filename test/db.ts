import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, inject } from "vitest";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "@/db/schema";
import { queryLogger } from "@/db/query-count";
import { createPglite, migrateDatabase, openPostgres, setDatabaseForTests, type DatabaseHandle, type Db } from "@/db/client";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a brand-new
 * PostgreSQL database (created from TEST_DATABASE_URL, dropped afterwards) in the "postgres" project.
 * drizzle-kit writes "public". into migrations, so a schema per run would not isolate: a database does.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.SILLAGE_TEST_DB === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
    const name = `sillage_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openPostgres(url.toString(), { max: 5 });
    await migrateDatabase(handle);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  }
  // The migrated template made once by test/global-setup.ts, when this project has one.
  const template = inject("pgliteTemplate");
  const client = await createPglite(undefined, template ? { loadDataDir: new Blob([await readFile(template)]) } : {});
  const handle: DatabaseHandle = {
    db: drizzle(client, { schema, logger: queryLogger }) as unknown as Db,
    driver: "pglite",
    close: () => client.close(),
  };
  // Applies nothing on the template, every migration otherwise: either way the schema is current.
  await migrateDatabase(handle);
  return handle;
}

/** Installs a fresh database as the process-wide one for the current test file. */
export function useTestDatabase(): { readonly db: Db; readonly handle: DatabaseHandle } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabaseForTests(handle);
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await handle?.close();
  });
  return {
    get db() {
      if (!handle) throw new Error("test database not ready: call inside a test or hook");
      return handle.db;
    },
    get handle() {
      if (!handle) throw new Error("test database not ready");
      return handle;
    },
  };
}
