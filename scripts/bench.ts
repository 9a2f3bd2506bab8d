/**
 * `npm run bench`: times the app's hot read paths on a national-scale structure. Speed targets live
 * here, never in timed unit tests (a slow CI machine must not fail the suite).
 *
 * - Database: BENCH_DATABASE_URL (an EMPTY PostgreSQL database, filled by the bench) or, without it, an
 *   in-memory PGlite. Migrated, seeded with the demo, then the Lyon structure grown to BENCH_JEUNES young
 *   people (default 10 000) by db/seed/bulk.ts.
 * - Each case calls the library functions the page calls, once to warm up, then BENCH_RUNS times
 *   (default 20); the table gives the median and p95 in ms, then the process memory.
 * - On PostgreSQL a p95 above its target exits 1, naming the case. PGlite (the development database,
 *   one connection in this process) only prints the numbers and warns.
 * - BENCH_EXPLAIN=1: EXPLAIN (ANALYZE, BUFFERS) of the portfolio queries (the exact SQL the library
 *   sent, with its parameters): execution time, buffers, and any sequential scan of a large table.
 *
 * Run with the react-server condition (package.json), so the `server-only` modules load outside Next.
 */
import { performance } from "node:perf_hooks";
import { and, asc, eq, sql } from "drizzle-orm";
import { createPglite, migrateDatabase, setDatabaseForTests, type DatabaseHandle, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { jeunes, structures } from "@/db/schema";
import { growStructure } from "@/db/seed/bulk";
import { seedDemo } from "@/db/seed/demo";
import { listActions, listActionsToQualify } from "@/lib/actions-jeune/queries";
import { listWeek } from "@/lib/agenda/queries";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { todayInParis } from "@/lib/calendar/civil-date";
import { openDossier } from "@/lib/dossier/gate";
import { listQueue } from "@/lib/droits/queries";
import { DEFAULT_QUEUE_FILTERS } from "@/lib/droits/queue-params";
import { getDossier } from "@/lib/jeunes/dossier";
import { listPortefeuille } from "@/lib/jeunes/portefeuille";
import type { PortefeuilleFilters } from "@/lib/jeunes/portefeuille-params";
import { DEFAULT_TRANSMISSION_FILTERS } from "@/lib/transmissions/admin-params";
import { listStructureOptions, listTransmissions } from "@/lib/transmissions/admin-queries";
import { sessionUserFor } from "@/test/session";

interface Statement {
  query: string;
  params: unknown[];
}

/** The database, plus what EXPLAIN needs: the statements drizzle sent, and a raw way to send them again. */
interface BenchDatabase extends DatabaseHandle {
  record: (on: boolean) => Statement[];
  /** Runs the statements in one read-only transaction, EXPLAINing those that are not `select set_config(…)`. */
  explain: (statements: Statement[]) => Promise<unknown[]>;
}

function recorder() {
  let recording: Statement[] | null = null;
  return {
    logger: { logQuery: (query: string, params: unknown[]) => recording?.push({ query, params }) },
    record: (on: boolean) => {
      const done = recording ?? [];
      recording = on ? [] : null;
      return done;
    },
  };
}

const EXPLAIN = "explain (analyze, buffers, format json) ";
const isSetting = (query: string) => /^\s*select set_config\(/i.test(query);

async function openBenchDatabase(url: string | undefined): Promise<BenchDatabase> {
  const { logger, record } = recorder();
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, { max: 10, onnotice: () => {} });
    return {
      db: drizzle(client, { schema, logger }) as unknown as Db,
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
      record,
      explain: async (statements) =>
        client.begin("read only", async (tx) => {
          const plans: unknown[] = [];
          for (const s of statements) {
            if (isSetting(s.query)) await tx.unsafe(s.query, s.params as never[]);
            else plans.push((await tx.unsafe(EXPLAIN + s.query, s.params as never[]))[0]?.["QUERY PLAN"]);
          }
          return plans;
        }),
    };
  }
  const client = await createPglite();
  const { drizzle } = await import("drizzle-orm/pglite");
  return {
    db: drizzle(client, { schema, logger }) as unknown as Db,
    driver: "pglite",
    close: () => client.close(),
    record,
    explain: async (statements) =>
      client.transaction(async (tx) => {
        const plans: unknown[] = [];
        for (const s of statements) {
          if (isSetting(s.query)) await tx.query(s.query, s.params);
          else plans.push((await tx.query<Record<string, unknown>>(EXPLAIN + s.query, s.params)).rows[0]?.["QUERY PLAN"]);
        }
        return plans;
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Cases and targets
// ---------------------------------------------------------------------------------------------

interface Case {
  name: string;
  /** p95 in ms on PostgreSQL. */
  target: number;
  /** Portfolio cases: EXPLAINed when BENCH_EXPLAIN=1. */
  explain?: boolean;
  /** What one call gives (a sanity check that the data is there), e.g. "8 500 jeunes". */
  run: () => Promise<string>;
}

/*
 * Targets: p95 in ms on PostgreSQL 15, 10 000 young people in the structure, 20 runs. Measured on a
 * 2-core development machine over four runs, other work running during three of them; the comments give
 * the measured median / p95 ranges. Each target sits above the worst p95 measured, with at least
 * ~25 ms for scheduling noise on the small queries: noise does not fail the run, a lost index or a query
 * per row (×3 and more) does. Lower a target when the code under it gets faster.
 */
const TARGETS = {
  // 100–190 / 130–330 (before and after the CEJ-hours alert was correlated to the row, which computes the
  // weekly gauge only for the young people the query kept). The grouped facet query computes every alert for
  // the whole structure, so the director pays for all of them.
  portefeuilleDirecteur: 250,
  // 145–285 / 160–510 (same change): filtering on the CEJ-hours alert computes it for the filter, the facet
  // count and the page rows.
  portefeuilleFiltre: 350,
  // 40–115 / 50–150 for ~140 young people: since the change a counsellor pays for their portfolio only.
  portefeuilleConseiller: 120,
  // 70–150 / 85–200: trigram search (GIN index) plus the same facet query.
  recherche: 200,
  // 6–15 / 12–44: access check, dossier, temporary assignment, and the consultation row, a write whose
  // commit waits for the WAL flush (the noisiest case when the disk is busy).
  dossier: 60,
  // 1.6–2.4 / 3.4–10: one page of actions and those to qualify (actions_jeune_jeune_idx).
  dossierActions: 25,
  // 12–18 / 17–34: ~18 000 transfers counted per status on every page.
  transmissions: 60,
  // 10.5–16 / 12–23.
  transmissionsFiltre: 50,
  // 2.3–4.3 / 4–16.
  droits: 30,
  // 6–10.5 / 17–54: ~370 séances of the week with their attendance counts.
  agenda: 60,
} as const;

const fmt = new Intl.NumberFormat("fr-FR");
const ms = (v: number) => v.toFixed(1);

function percentile(sorted: number[], p: number): number {
  // Nearest rank: the smallest value with at least p % of the runs at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function positiveInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} doit être un entier ≥ ${min} (reçu : ${raw})`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN summary
// ---------------------------------------------------------------------------------------------

/** Tables that grow with the number of young people: a sequential scan of one is worth a look. */
const LARGE_TABLES = new Set([
  "jeunes",
  "contrats",
  "phases",
  "actions_jeune",
  "seances",
  "participations",
  "allocation_decisions",
  "sanctions",
  "transmissions",
  "transmission_ledger",
  "demandes_droits",
  "affectations",
  "consultations",
  "audit_log",
]);

interface PlanNode {
  "Node Type"?: string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

function summarisePlan(raw: unknown): string {
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode; "Execution Time": number; "Planning Time": number }[];
  const top = doc[0];
  if (!top) return "plan illisible";
  const scans = new Map<string, number>();
  const walk = (node: PlanNode) => {
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && LARGE_TABLES.has(node["Relation Name"])) {
      const loops = node["Actual Loops"] ?? 1;
      const read = ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * loops;
      scans.set(node["Relation Name"], (scans.get(node["Relation Name"]) ?? 0) + Math.round(read));
    }
    node.Plans?.forEach(walk);
  };
  walk(top.Plan);
  const buffers = `${fmt.format(top.Plan["Shared Hit Blocks"] ?? 0)} blocs en cache, ${fmt.format(top.Plan["Shared Read Blocks"] ?? 0)} lus`;
  const seq = scans.size
    ? `Seq Scan sur ${[...scans].map(([t, n]) => `${t} (${fmt.format(n)} lignes lues)`).join(", ")}`
    : "aucun Seq Scan sur une grande table";
  return `${ms(top["Execution Time"])} ms (planification ${ms(top["Planning Time"])} ms), ${buffers} ; ${seq}`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const jeunesWanted = positiveInt("BENCH_JEUNES", 10_000, 100);
  const runs = positiveInt("BENCH_RUNS", 20, 1);
  const url = process.env.BENCH_DATABASE_URL || undefined;
  const explain = process.env.BENCH_EXPLAIN === "1";

  const handle = await openBenchDatabase(url);
  setDatabaseForTests(handle);
  const { db } = handle;
  try {
    await migrateDatabase(handle);
    const [existing] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(structures);
    if ((existing?.n ?? 0) > 0) {
      throw new Error("BENCH_DATABASE_URL doit désigner une base vide (le banc la remplit) : par exemple `createdb sillage_bench`.");
    }

    const today = todayInParis(new Date());
    const seedStart = performance.now();
    await seedDemo(db, { today, extras: true });
    const [lyon] = await db.select().from(structures).where(eq(structures.siret, "77950697800013"));
    const [demo] = await db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(jeunes)
      .where(eq(jeunes.structureId, lyon!.id));
    const summary = await growStructure(db, { today, jeunes: Math.max(50, jeunesWanted - (demo?.n ?? 0)) });
    const seedMs = performance.now() - seedStart;
    console.info(
      `Base ${handle.driver} remplie en ${fmt.format(Math.round(seedMs / 100) / 10)} s : ${fmt.format(summary.rows.jeunes ?? 0)} jeunes et ` +
        `${summary.counsellors} conseillers dans la structure de Lyon ; ` +
        Object.entries(summary.rows)
          .filter(([t]) => t !== "jeunes")
          .map(([t, n]) => `${t} ${fmt.format(n)}`)
          .join(", ") +
        ".",
    );

    const directrice = await sessionUserFor(db, "directrice.lyon@sillage.demo");
    const camille = await sessionUserFor(db, "conseillere.lyon@sillage.demo");
    const dpo = await sessionUserFor(db, "dpo.lyon@sillage.demo");
    // A CEJ young person of Camille's portfolio from the bulk data (a full pathway: contract, actions, séances).
    const [dossierJeune] = await db
      .select({ id: jeunes.id })
      .from(jeunes)
      .where(
        and(
          eq(jeunes.conseillerId, camille.id),
          eq(jeunes.dispositif, "CEJ"),
          eq(jeunes.statut, "actif"),
          sql`${jeunes.email} ~ '\\.[0-9]+@exemple\\.fr$'`,
        ),
      )
      .orderBy(asc(jeunes.createdAt))
      .limit(1);
    if (!dossierJeune) throw new Error("aucun jeune CEJ dans le portefeuille de Camille Martin");
    const week = isoWeekOf(today);

    const portfolio = (user: typeof directrice, filters: Partial<PortefeuilleFilters>) => async () => {
      const view = await listPortefeuille(user, filters, today);
      return `${fmt.format(view.total)} jeunes, ${view.rows.length} lignes`;
    };
    const cases: Case[] = [
      {
        name: "portefeuille directrice (vue par défaut)",
        target: TARGETS.portefeuilleDirecteur,
        explain: true,
        run: portfolio(directrice, {}),
      },
      {
        name: "portefeuille directrice (CEJ, alerte heures, tri âge, p. 3)",
        target: TARGETS.portefeuilleFiltre,
        explain: true,
        run: portfolio(directrice, { dispositif: "CEJ", alerte: "cej_heures", tri: "age", ordre: "desc", page: 3 }),
      },
      {
        name: "portefeuille conseillère (vue par défaut)",
        target: TARGETS.portefeuilleConseiller,
        explain: true,
        run: portfolio(camille, {}),
      },
      { name: "recherche approximative « dupomt »", target: TARGETS.recherche, explain: true, run: portfolio(directrice, { q: "dupomt" }) },
      {
        name: "dossier (accès, identité, consultation)",
        target: TARGETS.dossier,
        run: async () => {
          // The page's path: the gate (access, consultation recorded), then the view of the opened file.
          const access = await openDossier(db, camille, dossierJeune.id, "page", { onglet: "identite", today });
          if (!access.ok) throw new Error(`dossier : accès ${access.refusal}`);
          const dossier = await getDossier(access.dossier, db);
          return dossier.jeune.dispositif;
        },
      },
      {
        name: "dossier, onglet Actions",
        target: TARGETS.dossierActions,
        run: async () => {
          const [list, toQualify] = await Promise.all([
            listActions(db, camille, dossierJeune.id, { page: 1, filtre: { statut: null, categorie: null } }),
            listActionsToQualify(db, camille, dossierJeune.id),
          ]);
          return `${list.total} actions, ${toQualify.length} à qualifier`;
        },
      },
      {
        name: "/transmissions (liste et compteurs)",
        target: TARGETS.transmissions,
        run: async () => {
          const [list] = await Promise.all([
            listTransmissions(directrice, { ...DEFAULT_TRANSMISSION_FILTERS }),
            listStructureOptions(directrice),
          ]);
          return `${fmt.format(list.total)} transmissions`;
        },
      },
      {
        name: "/transmissions (en échec, page 2)",
        target: TARGETS.transmissionsFiltre,
        run: async () => {
          const list = await listTransmissions(directrice, { ...DEFAULT_TRANSMISSION_FILTERS, statut: "echec_temporaire", page: 2 });
          return `${fmt.format(list.total)} en échec`;
        },
      },
      {
        name: "/droits (file du DPO)",
        target: TARGETS.droits,
        run: async () => {
          const queue = await listQueue(dpo, { ...DEFAULT_QUEUE_FILTERS }, today);
          return `${queue.total} ouvertes, ${queue.counts.enRetard} en retard`;
        },
      },
      {
        name: "/agenda (semaine de la structure)",
        target: TARGETS.agenda,
        run: async () => {
          const { seances, truncated } = await listWeek(directrice, week, { type: null, mine: false });
          return `${seances.length} séances${truncated ? " (tronqué)" : ""}`;
        },
      },
    ];

    interface Result {
      c: Case;
      median: number;
      p95: number;
      detail: string;
    }
    const results: Result[] = [];
    for (const c of cases) {
      const detail = await c.run(); // warm-up: plans and caches, as on a server in service
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await c.run();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      results.push({ c, median: percentile(times, 50), p95: percentile(times, 95), detail });
    }

    const postgres = handle.driver === "postgres";
    const nameWidth = Math.max(...results.map((r) => r.c.name.length));
    const line = (cols: string[]) =>
      `${cols[0]!.padEnd(nameWidth)}  ${cols[1]!.padStart(8)}  ${cols[2]!.padStart(8)}  ${cols[3]!.padStart(8)}  ${cols[4]!.padEnd(4)}  ${cols[5]}`;
    console.info(`\n${runs} mesures par cas après un échauffement, ${handle.driver}, ${fmt.format(summary.rows.jeunes ?? 0)} jeunes :\n`);
    console.info(line(["cas", "médiane", "p95", "objectif", "", "résultat"]));
    console.info(line(["-".repeat(nameWidth), "-".repeat(8), "-".repeat(8), "-".repeat(8), "----", "-".repeat(8)]));
    for (const r of results) {
      const ok = r.p95 <= r.c.target;
      console.info(line([r.c.name, `${ms(r.median)} ms`, `${ms(r.p95)} ms`, `${r.c.target} ms`, ok ? "ok" : "LENT", r.detail]));
    }

    if (explain) {
      console.info("\nEXPLAIN (ANALYZE, BUFFERS) des requêtes du portefeuille :");
      for (const c of cases.filter((x) => x.explain)) {
        handle.record(true);
        await c.run();
        const statements = handle.record(false).filter((s) => /^\s*(select|with)\b/i.test(s.query));
        const plans = await handle.explain(statements);
        const selects = statements.filter((s) => !isSetting(s.query));
        console.info(`- ${c.name}`);
        plans.forEach((plan, i) => {
          const what = /grouping sets/i.test(selects[i]?.query ?? "")
            ? "total et facettes"
            : /\blimit\b/i.test(selects[i]?.query ?? "")
              ? "page"
              : "options";
          console.info(`    ${what} : ${summarisePlan(plan)}`);
        });
      }
    }

    const memory = process.memoryUsage();
    const mb = (n: number) => `${fmt.format(Math.round(n / 1024 / 1024))} Mo`;
    console.info(
      `\nMémoire du processus : rss ${mb(memory.rss)}, heapUsed ${mb(memory.heapUsed)}${postgres ? "" : " (PGlite compris dans rss)"}.`,
    );

    const missed = results.filter((r) => r.p95 > r.c.target);
    if (missed.length === 0) {
      console.info(postgres ? "Tous les objectifs sont tenus." : "Tous les objectifs de PostgreSQL seraient tenus.");
      return;
    }
    for (const r of missed) {
      const message = `Objectif manqué : « ${r.c.name} » p95 ${ms(r.p95)} ms > ${r.c.target} ms`;
      if (postgres) console.error(message);
      else console.warn(`Avertissement (PGlite, base de développement) : ${message.charAt(0).toLowerCase()}${message.slice(1)}`);
    }
    if (postgres) process.exitCode = 1;
  } finally {
    setDatabaseForTests(undefined);
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exit(1);
});
