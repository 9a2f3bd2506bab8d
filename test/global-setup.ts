import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "@/db/schema";
import { createPglite, migrateDatabase, type Db } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data folder (tar), loaded by each test file instead of migrating again. */
    pgliteTemplate: string;
  }
}

/**
 * Runs once before the PGlite project: creates and migrates one database and dumps its data folder.
 * Starting PGlite from that dump skips initdb and the migrations in every test file (test/db.ts).
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "sillage-pglite-template-"));
  const client = await createPglite();
  await migrateDatabase({ db: drizzle(client, { schema }) as unknown as Db, driver: "pglite", close: async () => {} });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const file = path.join(dir, "template.tar");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
