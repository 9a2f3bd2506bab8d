/**
 * `npm run export:memory`: the memory a 200 000-row CSV export costs the process. On an EMPTY PostgreSQL
 * database given by BENCH_DATABASE_URL (`createdb sillage_export`; any database holding a structure is refused,
 * so it never writes into real data) it applies the migrations, seeds the demo, adds EXPORT_ROWS (default
 * 200 000) transfers to Lyon in one set-based statement (generate_series), then runs the app's real
 * transmissions export (`runDownload(transmissionsDownload)`, as the route does) as Lyon's DPO and reads the
 * whole stream into a sink that keeps only a byte count. Heap and RSS are sampled every 20 ms and after each
 * chunk; the live heap is also read after a full collection at each chunk (what the export keeps alive).
 * Prints rows, bytes, the peaks of heap and RSS growth over the baseline taken just before the download.
 *
 * Run with the react-server condition (package.json), so the `server-only` modules load outside Next.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { migrateDatabase, openPostgres, setDatabaseForTests } from "@/db/client";
import { jeunes, structures, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runDownload } from "@/lib/actions/download";
import { toSessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { transmissionsDownload } from "@/lib/transmissions/export-download";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Mebibytes, printed "Mo" as French tools do. */
const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} Mo`;

function rowsWanted(): number {
  const raw = process.env.EXPORT_ROWS ?? "200000";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new Error(`EXPORT_ROWS invalide : ${raw} (un entier de 1 à 10 000 000)`);
  return n;
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error("BENCH_DATABASE_URL doit désigner une base PostgreSQL vide : `createdb sillage_export`.");
  const rows = rowsWanted();
  const handle = await openPostgres(url, { max: 4 });
  setDatabaseForTests(handle);
  const { db } = handle;
  try {
    await migrateDatabase(handle);
    const [{ n: existing } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(structures);
    if (existing > 0) {
      console.error("La base n'est pas vide : ce script n'écrit que dans une base créée pour lui (`createdb sillage_export`).");
      process.exitCode = 2;
      return;
    }
    const today = todayInParis(new Date());
    await seedDemo(db, { today, jeunesPerStructure: 20 });
    const [dpoRow] = await db
      .select({ user: users, structureName: structures.name })
      .from(users)
      .innerJoin(structures, eq(structures.id, users.structureId))
      .where(eq(users.email, "dpo.lyon@sillage.demo"));
    if (!dpoRow?.user.structureId) throw new Error("export:memory : compte DPO de Lyon introuvable après le seed");
    const dpo = toSessionUser(dpoRow.user, dpoRow.structureName);
    const people = await db.$count(jeunes, eq(jeunes.structureId, dpo.structureId!));

    let started = performance.now();
    // One statement: transfers spread over Lyon's young people, recipients, statuses and a year of instants.
    await db.execute(sql`insert into transmissions
        (id, structure_id, jeune_id, recipient, finality, kind, idempotency_key, payload, field_names, payload_hash, status, created_at)
      select gen_random_uuid(), ${dpo.structureId}::uuid, ids[1 + g % ${people}],
        (array['franceTravail', 'asp', 'conseilDepartemental'])[1 + g % 3], 'cej',
        (array['inscription', 'mise_a_jour', 'sortie'])[1 + g % 3]::transmission_kind, 'memory-' || g,
        jsonb_build_object('prenoms', 'Léa', 'nomNaissance', 'Dupont'), array['nomNaissance', 'prenoms'], md5(g::text),
        (array['accusee', 'envoyee', 'echec_temporaire', 'a_envoyer'])[1 + g % 4]::transmission_statut,
        timestamptz '2026-11-01 10:00:00+00' - g * interval '150 milliseconds'
      from generate_series(1, ${rows}) g,
        (select array_agg(id order by id) as ids from jeunes where structure_id = ${dpo.structureId}::uuid) lyon`);
    await db.execute(sql`analyze transmissions`);
    console.info(`${rows} transmissions écrites en ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    // Baseline: everything loaded and collected, just before the download is asked for.
    gc();
    const base = process.memoryUsage();
    let peakHeap = 0;
    let peakLiveHeap = 0;
    let peakRss = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
      peakRss = Math.max(peakRss, m.rss - base.rss);
    };
    const timer = setInterval(sample, 20);
    started = performance.now();
    const response = await runDownload(transmissionsDownload, {}, dpo);
    if (response.status !== 200) throw new Error(`export:memory : réponse ${response.status} (${await response.text()})`);
    let bytes = 0;
    let records = 0;
    let chunks = 0;
    // The sink keeps nothing but counts: CRLF ends every record (no value of this export holds one).
    const reader = response.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks += 1;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) records += 1;
      sample();
      if (chunks % 10 === 0) {
        gc();
        peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed - base.heapUsed);
      }
    }
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      [
        `Export des transmissions (flux CSV réel, runDownload) : ${records - 1} lignes + l'en-tête, ${mb(bytes)} en ${chunks} morceaux, ${seconds.toFixed(1)} s.`,
        `Tas (heapUsed) au départ : ${mb(base.heapUsed)} ; RSS au départ : ${mb(base.rss)}.`,
        `Pic de croissance du tas : +${mb(peakHeap)} (échantillons toutes les 20 ms, sans collecte forcée).`,
        `Pic de croissance du tas vivant (après collecte complète, tous les 10 morceaux) : +${mb(peakLiveHeap)}.`,
        `Pic de croissance du RSS : +${mb(peakRss)}.`,
      ].join("\n"),
    );
    if (records - 1 !== rows) {
      console.error(`export:memory : ${records - 1} lignes exportées pour ${rows} écrites.`);
      process.exitCode = 1;
    }
  } finally {
    setDatabaseForTests(undefined);
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
