import { createPglite, migrateDatabase } from "@/db/client";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "@/db/schema";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
async function main(){
let t=Date.now();
const c = await createPglite();
console.log("create", Date.now()-t); t=Date.now();
await migrateDatabase({ db: drizzle(c,{schema}) as any, driver:"pglite", close: async()=>{} });
console.log("migrate", Date.now()-t); t=Date.now();
const dump = await c.dumpDataDir("none");
console.log("dump", Date.now()-t, dump.size); t=Date.now();
const c2 = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm, unaccent } });
console.log("load", Date.now()-t); t=Date.now();
console.log((await c2.query("select count(*) from jeunes")).rows);
console.log("q", Date.now()-t);
}; main();
