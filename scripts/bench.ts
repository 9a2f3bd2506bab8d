/**
 * `npm run bench`: the app's hot read paths on the national shape (db/seed/large.ts), each next to a
 * hand-written SQL baseline returning the same rows, and over HTTP under load. Speed targets live here,
 * never in timed unit tests (a slow CI machine must not fail the suite).
 *
 * - Database: BENCH_DATABASE_URL (PostgreSQL). Filled by `npm run seed:large` beforehand; an EMPTY database
 *   is seeded here at BENCH_STRUCTURES / BENCH_JEUNES / BENCH_BIG (default 12 / 4 000 / 2 000, the CI size).
 * - (a) Each case calls the library function the page calls, (b) runs its baseline, alternately, after a
 *   warm-up (BENCH_WARMUP, default 60), BENCH_RUNS times each (default 30): p50 / p95 / p99 in ms and the ratio app / baseline. The
 *   two results are compared deep-equal on the case's projection (a mismatch exits 1, whatever the mode).
 * - (c) BENCH_BASE_URL (a production build, `npm run build && npm start`, on the SAME database):
 *   autocannon on each page at 10 and 50 connections for BENCH_HTTP_SECONDS (default 10) each, next to
 *   `/connexion`, the framework's ceiling; session cookies are minted for the bench's accounts.
 * - EXPLAIN (ANALYZE, BUFFERS) of every statement of each case (app and baseline) is saved under
 *   reports/bench/, and every number in reports/bench/report.json.
 * - Targets print PASS / FAIL; BENCH_STRICT=1 exits 1 on a FAIL (never in CI: `npm test` runs it to keep
 *   it working, not to time it).
 *
 * Run with the react-server condition (package.json), so the `server-only` modules load outside Next.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { POSTGRES_OPTIONS, migrateDatabase, setDatabaseForTests, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { jeunes, structures, users } from "@/db/schema";
import { GROWN_TABLES } from "@/db/seed/bulk";
import { seedLarge } from "@/db/seed/large";
import { listActions, listActionsToQualify } from "@/lib/actions-jeune/queries";
import { ACTIONS_PAGE_SIZE } from "@/lib/actions-jeune/queries";
import { toSessionUser, type SessionUser } from "@/lib/auth/session-user";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { openDossier } from "@/lib/dossier/gate";
import { listQueue, QUEUE_PAGE_SIZE } from "@/lib/droits/queries";
import { DEFAULT_QUEUE_FILTERS } from "@/lib/droits/queue-params";
import { JOURNEY_PAGE_SIZE, NOT_CHANGES, PENDING_STATUSES, STAFF_ONLY_FIELDS } from "@/lib/espace/journey";
import { listMyJourney } from "@/lib/espace/journey-queries";
import { getDossier } from "@/lib/jeunes/dossier";
import { nirKey } from "@/lib/jeunes/rules";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { describeVerification, verifyLedger } from "@/lib/transmissions/ledger";
import { listPortefeuille, PAGE_SIZE, type Portefeuille } from "@/lib/jeunes/portefeuille";
import { ALERT_STATE_COLUMN } from "@/lib/jeunes/alert-state";
import { ALERTS, alertBadges, type AlertContext } from "@/lib/jeunes/alerts";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import {
  DEFAULT_FILTERS,
  DISPOSITIF_VALUES,
  SANS_CONSEILLER,
  STATUT_VALUES,
  type PortefeuilleFilters,
} from "@/lib/jeunes/portefeuille-params";
import { DEFAULT_TRANSMISSION_FILTERS, TRANSMISSION_STATUTS } from "@/lib/transmissions/admin-params";
import { listTransmissions, TRANSMISSIONS_PAGE_SIZE } from "@/lib/transmissions/admin-queries";

// ---------------------------------------------------------------------------------------------
// Database: drizzle for the app (statements recorded for EXPLAIN), postgres.js for the baselines
// ---------------------------------------------------------------------------------------------

interface Statement {
  query: string;
  params: unknown[];
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
const isRead = (query: string) => /^\s*(select|with|\()/i.test(query);

/** Runs the statements in one transaction rolled back at the end, EXPLAINing the reads (settings applied as sent). */
async function explainAll(client: Sql, statements: Statement[]): Promise<unknown[]> {
  const plans: unknown[] = [];
  await client
    .begin(async (tx) => {
      for (const s of statements) {
        if (isSetting(s.query)) await tx.unsafe(s.query, s.params as never[]);
        else if (isRead(s.query))
          plans.push({ query: s.query, plan: (await tx.unsafe(EXPLAIN + s.query, s.params as never[]))[0]?.["QUERY PLAN"] });
      }
      throw new RollbackSignal();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollbackSignal)) throw error;
    });
  return plans;
}
class RollbackSignal extends Error {}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

interface Case {
  name: string;
  slug: string;
  /** p95 target of the app's function in ms (PostgreSQL, national shape), if the issue sets one. */
  target?: number;
  /** The app's function; returns its result projected on what the baseline returns. */
  app: () => Promise<unknown>;
  /** Hand-written SQL giving the same projection; its statements, for EXPLAIN. */
  baseline: (client: Sql) => Promise<unknown>;
  baselineSql: Statement[];
  /** Page served over HTTP for this case, with the account whose cookie is sent. */
  http?: { path: string; account: string; minShareOfCeiling?: number; p95?: number };
  /** Ratio app / baseline the issue targets. */
  maxRatio?: number;
}

/** Projection of a portfolio compared with the baseline: rows with their alert badges, total, page and every facet. */
function projectPortfolio(view: Portefeuille) {
  return {
    total: view.total,
    page: view.page,
    rows: view.rows,
    facets: {
      dispositif: view.facets.dispositif,
      statut: view.facets.statut,
      antenne: view.facets.antenne,
      conseiller: view.facets.conseiller,
      alerte: view.facets.alerte,
    },
  };
}

const dialect = new PgDialect();
/** An alert's SQL as text on the baseline's alias `j` (its parameters inlined: dates and the viewer's id). */
const alertSql = (fragment: SQL) => dialect.sqlToQuery(fragment.inlineParams()).sql.replaceAll('"jeunes".', "j.");

interface PortfolioBaseline {
  structureId: string;
  /** A counsellor's own portfolio (titular and temporary assignments), else the whole structure. */
  counsellorId: string | null;
  /** Who looks: a substitute's badge reads differently. */
  viewerId: string;
  today: CivilDate;
  filters: PortefeuilleFilters;
}

/**
 * The portfolio in plain SQL: the base set (portfolio + search), one grouped pass for the facets, one
 * query for the page. Same order and clamping as the page.
 */
function portfolioBaseline({ structureId, counsellorId, viewerId, today, filters }: PortfolioBaseline) {
  const params: unknown[] = [structureId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const portfolio = counsellorId
    ? `and (j.conseiller_id = ${p(counsellorId)} or j.id = any(array(select a.jeune_id from affectations a where a.type = 'temporaire' and a.vers_conseiller_id = $2 and a.debut <= ${p(today)} and a.fin >= $3)))`
    : "";
  const text = filters.q.trim() ? filters.q.trim().toLowerCase() : "";
  const words = text ? text.split(/\s+/) : [];
  const prefix = words.length
    ? words.map((w) => `(j.search_text like ${p(`${w}%`)} or j.search_text like ${p(`% ${w}%`)})`).join(" and ")
    : "";
  const textParam = text ? p(text) : "";
  const search = text ? `and ((${prefix})${text.length >= 4 ? ` or ${textParam} <% j.search_text` : ""})` : "";
  const fDispositif = filters.dispositif ? `j.dispositif = ${p(filters.dispositif)}` : "true";
  const fStatut = `j.statut = ${p(filters.statut)}`;
  const ctx: AlertContext = { today, userId: viewerId };
  // Alerts read the day's stored flags (alert_state), live only for a row not refreshed today.
  const holds = (a: (typeof ALERTS)[number]) =>
    `(case when st.computed_on = '${today}'::date then ${alertSql(ALERT_STATE_COLUMN[a.key]).replaceAll('"alert_state".', "st.")} else coalesce((${alertSql(a.when(ctx))}), false) end)`;
  const stateJoin = "left join alert_state st on st.jeune_id = j.id and st.structure_id = j.structure_id";
  const alertCounts = ALERTS.map((a) => `count(*) filter (where ${fDispositif} and ${fStatut} and ${holds(a)})::int as "${a.key}"`).join(
    ", ",
  );
  const base = `from jeunes j where j.structure_id = $1 ${portfolio} ${search}`;
  const alertsSql = `select ${alertCounts} from jeunes j ${stateJoin}
    where j.structure_id = $1 ${portfolio} ${search}`;
  const details = `json_build_object(${ALERTS.map((a) => `'${a.key}', (case when ${holds(a)} then (${alertSql(a.detail(ctx))}) end)`).join(", ")}) as alertes`;
  const facetsSql = `select 'dispositif' as f, j.dispositif::text as k, count(*) filter (where ${fStatut})::int as n ${base} group by j.dispositif
    union all select 'statut', j.statut::text, count(*) filter (where ${fDispositif})::int ${base} group by j.statut
    union all select 'antenne', coalesce(j.antenne_id::text, ''), count(*) filter (where ${fDispositif} and ${fStatut})::int ${base} group by j.antenne_id
    union all select 'conseiller', coalesce(j.conseiller_id::text, '${SANS_CONSEILLER}'), count(*) filter (where ${fDispositif} and ${fStatut})::int ${base} group by j.conseiller_id`;
  const dir = filters.ordre === "desc" ? "desc" : "asc";
  const byName = "j.search_text asc, j.id asc";
  const order =
    filters.tri === "nom"
      ? `j.search_text ${dir}, j.id ${dir}`
      : filters.tri === "age"
        ? `j.date_naissance ${filters.ordre === "desc" ? "asc" : "desc"}, ${byName}`
        : filters.tri === "dispositif"
          ? `case j.dispositif when 'CEJ' then 1 when 'PACEA' then 2 else 3 end ${dir}, ${byName}`
          : text
            ? `case when ${prefix} then 0 else 1 end asc, word_similarity(${textParam}, j.search_text) desc, ${byName}`
            : byName;
  const pageSql = (
    offset: number,
  ) => `select j.id, j.nom_naissance as "nomNaissance", j.nom_usage as "nomUsage", j.prenoms, j.date_naissance::text as "dateNaissance",
      extract(year from age($${params.length + 1}::date, j.date_naissance))::int as age, j.dispositif, j.statut, j.archived_at as "archivedAt",
      an.name as antenne, j.conseiller_id as "conseillerId", u.name as conseiller, ${details}
    from jeunes j left join antennes an on an.id = j.antenne_id left join users u on u.id = j.conseiller_id ${stateJoin}
    where j.structure_id = $1 ${portfolio} ${search} and ${fDispositif} and ${fStatut}
    order by ${order} limit ${PAGE_SIZE} offset ${offset}`;
  const pageParams = [...params, today];
  const setting = "select set_config('jit', 'off', true), set_config('pg_trgm.word_similarity_threshold', '0.5', true)";
  const run = async (client: Sql) =>
    client.begin("read only", async (tx) => {
      await tx.unsafe(setting);
      const facetRows = await tx.unsafe<{ f: string; k: string; n: number }[]>(facetsSql, params as never[]);
      const facets = {
        dispositif: Object.fromEntries(DISPOSITIF_VALUES.map((d) => [d, 0])) as Record<string, number>,
        statut: Object.fromEntries(STATUT_VALUES.map((s) => [s, 0])) as Record<string, number>,
        antenne: {} as Record<string, number>,
        conseiller: {} as Record<string, number>,
      };
      for (const r of facetRows) facets[r.f as keyof typeof facets][r.k] = r.n;
      const [alerte] = await tx.unsafe<Record<string, number>[]>(alertsSql, params as never[]);
      const total = facets.statut[filters.statut] ?? 0;
      const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const page = Math.min(filters.page, pageCount);
      const rows = total === 0 ? [] : await tx.unsafe(pageSql((page - 1) * PAGE_SIZE), pageParams as never[]);
      return {
        total,
        page,
        rows: rows.map((r) => ({ ...r, alertes: alertBadges(r.alertes, ctx) })),
        facets: { ...facets, alerte: { ...alerte } },
      };
    });
  return {
    run,
    statements: [
      { query: setting, params: [] },
      { query: facetsSql, params },
      { query: alertsSql, params },
      { query: pageSql(0), params: pageParams },
    ] as Statement[],
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and output
// ---------------------------------------------------------------------------------------------

const fmt = new Intl.NumberFormat("fr-FR");
const ms = (v: number) => v.toFixed(1);

function percentile(sorted: number[], p: number): number {
  // Nearest rank: the smallest value with at least p % of the runs at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

function positiveInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} doit être un entier ≥ ${min} (reçu : ${raw})`);
  return value;
}

/** Tables that grow with the number of young people: a sequential scan of one is worth a look. */
const LARGE_TABLES = new Set<string>([...GROWN_TABLES, "transmission_ledger", "audit_log"]);

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

function summarisePlan(raw: unknown): { executionMs: number; sharedBlocks: number; seqScans: Record<string, number> } {
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode; "Execution Time": number }[];
  const top = doc[0];
  const seqScans: Record<string, number> = {};
  if (!top) return { executionMs: 0, sharedBlocks: 0, seqScans };
  const walk = (node: PlanNode) => {
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && LARGE_TABLES.has(node["Relation Name"])) {
      const read = ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * (node["Actual Loops"] ?? 1);
      seqScans[node["Relation Name"]] = (seqScans[node["Relation Name"]] ?? 0) + Math.round(read);
    }
    node.Plans?.forEach(walk);
  };
  walk(top.Plan);
  return {
    executionMs: top["Execution Time"],
    sharedBlocks: (top.Plan["Shared Hit Blocks"] ?? 0) + (top.Plan["Shared Read Blocks"] ?? 0),
    seqScans,
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP: minted sessions, autocannon
// ---------------------------------------------------------------------------------------------

const SESSION_COOKIE = "authjs.session-token";

/** A session cookie for the account, as a sign-in would leave it (second factor already passed). */
async function mintCookie(db: Db, email: string): Promise<string> {
  const { openSession } = await import("@/lib/auth/sessions");
  const { encode } = await import("next-auth/jwt");
  const { authSecret } = await import("@/lib/crypto/keys");
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`banc HTTP : pas de compte ${email}`);
  const sid = await openSession(db, {
    userId: user.id,
    role: user.role,
    method: "password",
    userAgent: "autocannon (banc)",
    mfaAt: new Date(),
  });
  const token = await encode({
    token: { sub: user.id, uid: user.id, role: user.role, sv: user.sessionVersion, sid },
    secret: authSecret(),
    salt: SESSION_COOKIE,
    maxAge: 8 * 60 * 60,
  });
  return `${SESSION_COOKIE}=${token}`;
}

interface HttpResult {
  path: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(baseUrl: string, pathname: string, cookie: string | null, connections: number, seconds: number): Promise<HttpResult> {
  const { default: autocannon } = await import("autocannon");
  const headers: Record<string, string> = cookie ? { cookie } : {};
  // Check first that the page answers 200 to this cookie (a redirect to /connexion would be fast and wrong).
  const probe = await fetch(new URL(pathname, baseUrl), { headers, redirect: "manual" });
  if (probe.status !== 200) throw new Error(`banc HTTP : ${pathname} répond ${probe.status} (attendu 200)`);
  await probe.arrayBuffer();
  const r = await autocannon({ url: new URL(pathname, baseUrl).toString(), connections, duration: seconds, headers, timeout: 30 });
  return {
    path: pathname,
    connections,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    throw new Error(
      "BENCH_DATABASE_URL doit désigner une base PostgreSQL : `createdb sillage_bench`, puis `npm run seed:large` (ou une base vide, remplie ici à petite taille).",
    );
  }
  const runs = positiveInt("BENCH_RUNS", 30, 1);
  const warmup = positiveInt("BENCH_WARMUP", 60, 1);
  const strict = process.env.BENCH_STRICT === "1";
  const baseUrl = process.env.BENCH_BASE_URL || null;
  const httpSeconds = positiveInt("BENCH_HTTP_SECONDS", 10, 1);
  const outDir = path.resolve(process.env.BENCH_REPORT_DIR || "reports/bench");
  mkdirSync(outDir, { recursive: true });

  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { logger, record } = recorder();
  // The app's connection settings (no JIT): the functions are measured as the app runs them.
  const client = postgres(url, { max: 10, ...POSTGRES_OPTIONS });
  const db = drizzle(client, { schema, logger }) as unknown as Db;
  setDatabaseForTests({ db, driver: "postgres", close: async () => {} });
  const today = todayInParis(new Date());
  const report: Record<string, unknown> = { startedAt: new Date().toISOString(), runs };
  const failures: string[] = [];
  const mismatches: string[] = [];
  try {
    await migrateDatabase({ db, driver: "postgres", close: async () => {} });
    const [existing] = await client.unsafe("select count(*)::int as n from structures");
    if (Number(existing?.n ?? 0) === 0) {
      const size = {
        structures: positiveInt("BENCH_STRUCTURES", 12, 2),
        jeunes: positiveInt("BENCH_JEUNES", 4000, 200),
        big: positiveInt("BENCH_BIG", 2000, 100),
      };
      console.info(`Base vide : remplie par seed:large (${size.structures} structures, ${size.jeunes} jeunes, ${size.big} à Lyon)…`);
      const summary = await seedLarge(db, client, { today, ...size });
      console.info(`… en ${summary.seconds.toFixed(0)} s.`);
      // What the seed promises, checked on the spot (CI runs this branch): a continuous ledger, valid NIRs.
      const ledger = await verifyLedger(db);
      if (!ledger.ok) throw new Error(`seed:large : ${describeVerification(ledger)}`);
      const sample = await client.unsafe("select nir_encrypted from jeunes where nir_encrypted is not null order by id limit 50");
      for (const row of sample) {
        const nir = decryptNir(String(row.nir_encrypted));
        if (!/^[12]\d{12}\d{2}$/.test(nir) || nirKey(nir.slice(0, 13)) !== nir.slice(13)) throw new Error("seed:large : NIR invalide");
      }
      console.info(`Registre vérifié (${ledger.count} entrées), ${sample.length} NIR déchiffrés et valides.`);
    }
    const [shape] =
      await client.unsafe(`select (select count(*) from structures)::int as structures, (select count(*) from jeunes)::int as jeunes,
      (select count(*) from jeunes j join structures s on s.id = j.structure_id where s.siret = '77950697800013')::int as lyon`);
    report.shape = shape;
    console.info(
      `Base : ${fmt.format(shape!.structures)} structures, ${fmt.format(shape!.jeunes)} jeunes dont ${fmt.format(shape!.lyon)} à Lyon.`,
    );

    const account = async (email: string): Promise<SessionUser> => {
      const [row] = await db
        .select({ user: users, structureName: structures.name })
        .from(users)
        .leftJoin(structures, eq(structures.id, users.structureId))
        .where(eq(users.email, email));
      if (!row) throw new Error(`banc : pas de compte ${email} (la base vient-elle de seed:large ?)`);
      return toSessionUser(row.user, row.structureName);
    };
    const directrice = await account("directrice.lyon@sillage.demo");
    const camille = await account("conseillere.lyon@sillage.demo");
    const dpo = await account("dpo.lyon@sillage.demo");
    const lea = await account("lea.dupont@exemple.fr");
    // A counsellor of the smallest structure: the national database around a portfolio of a few files.
    const [small] = await client.unsafe(`select u.email from users u join structures s on s.id = u.structure_id
      where u.role = 'conseiller' and s.siret <> '77950697800013'
      order by (select count(*) from jeunes j where j.structure_id = s.id), s.siret, u.email limit 1`);
    const petit = small ? await account(String(small.email)) : null;
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

    const portfolioCase = (
      name: string,
      slug: string,
      user: SessionUser,
      input: Partial<PortefeuilleFilters>,
      extra: Pick<Case, "target" | "http">,
    ): Case => {
      const b = portfolioBaseline({
        structureId: user.structureId!,
        counsellorId: user.role === "conseiller" ? user.id : null,
        viewerId: user.id,
        today,
        filters: { ...DEFAULT_FILTERS, ...input },
      });
      return {
        name,
        slug,
        maxRatio: 1.5,
        ...extra,
        app: async () => projectPortfolio(await listPortefeuille(user, input, today)),
        baseline: b.run,
        baselineSql: b.statements,
      };
    };

    const dossierBaselineSql = `select j.id, s.name as structure, an.name as antenne, u.name as conseiller,
        (select count(*) from affectations a where a.jeune_id = j.id and a.type = 'temporaire' and a.debut <= $3 and a.fin >= $3)::int as temporaires
      from jeunes j join structures s on s.id = j.structure_id left join antennes an on an.id = j.antenne_id left join users u on u.id = j.conseiller_id
      where j.id = $1 and j.structure_id = $2`;
    const consultationSql = `insert into consultations (at, jeune_id, structure_id, user_id, user_role, onglet, hors_portefeuille)
      values (now(), $1, $2, $3, 'conseiller', 'identite', false)`;
    const actionsSql = `select a.id from actions_jeune a where a.jeune_id = $1 and a.structure_id = $2 order by a.debut desc, a.created_at desc, a.id asc limit ${ACTIONS_PAGE_SIZE}`;
    const actionsCountSql = "select count(*)::int as n from actions_jeune a where a.jeune_id = $1 and a.structure_id = $2";
    const toQualifySql = `select a.id from actions_jeune a where a.jeune_id = $1 and a.structure_id = $2 and a.statut = 'terminee' and a.qualifiee_le is null
      order by a.fin asc, a.debut asc, a.id asc limit 100`;
    const queueSql = `select d.id from demandes_droits d where d.structure_id = $1 and d.statut not in ('repondue', 'close')
      order by (d.statut in ('repondue', 'close')), d.echeance asc nulls last, d.recue_le asc, d.numero asc limit ${QUEUE_PAGE_SIZE}`;
    const queueCountsSql = `select count(*) filter (where statut not in ('repondue', 'close'))::int as total,
        count(*) filter (where statut not in ('repondue', 'close') and echeance < $2)::int as "enRetard",
        count(*) filter (where statut not in ('repondue', 'close') and echeance >= $2 and echeance <= ($2::date + 7))::int as bientot
      from demandes_droits where structure_id = $1`;
    const transmissionsSql = `select t.id from transmissions t where t.structure_id = $1 order by t.created_at desc, t.id desc limit ${TRANSMISSIONS_PAGE_SIZE}`;
    const transmissionsCountsSql = "select status::text, count(*)::int as n from transmissions where structure_id = $1 group by status";
    const pending = PENDING_STATUSES.map((s) => `'${s}'`).join(", ");
    const journeySql = `(select case when t.status in (${pending}) then 'a_venir' else 'envoi' end as kind, t.id::text as id, t.id::text as sort_key, t.created_at as at
        from transmissions t where t.jeune_id = $1 order by t.created_at desc, t.id desc limit ${JOURNEY_PAGE_SIZE + 1})
      union all
      (select 'consultation', c.id::text, lpad(c.id::text, 20, '0'), c.at from consultations c join structures s on s.id = c.structure_id
        where c.jeune_id = $1 order by c.at desc, c.id desc limit ${JOURNEY_PAGE_SIZE + 1})
      union all
      (select 'modification', a.id::text, lpad(a.id::text, 20, '0'), a.at from audit_log a
        where a.jeune_id = $1 and a.action not in (${NOT_CHANGES.map((c) => `'${c}'`).join(", ")})
          and (cardinality(a.fields) = 0 or not (a.fields <@ array[${STAFF_ONLY_FIELDS.map((f) => `'${f}'`).join(", ")}]::text[]))
        order by a.at desc, a.id desc limit ${JOURNEY_PAGE_SIZE + 1})
      order by at desc, kind desc, sort_key desc limit ${JOURNEY_PAGE_SIZE + 1}`;

    const cases: Case[] = [
      portfolioCase(
        "portefeuille conseillère, Lyon (vue par défaut)",
        "portefeuille-conseillere",
        camille,
        {},
        {
          target: 15,
          http: { path: "/portefeuille", account: camille.email, minShareOfCeiling: 0.6, p95: 150 },
        },
      ),
      ...(petit
        ? [
            portfolioCase(
              "portefeuille conseiller, petite structure (vue par défaut)",
              "portefeuille-conseiller-petit",
              petit,
              {},
              { target: 15 },
            ),
          ]
        : []),
      portfolioCase(
        "portefeuille directrice, Lyon (vue par défaut)",
        "portefeuille-directrice",
        directrice,
        {},
        {
          target: 60,
          http: { path: "/portefeuille", account: directrice.email },
        },
      ),
      portfolioCase(
        "portefeuille directrice (CEJ, tri âge décroissant, p. 3)",
        "portefeuille-directrice-filtre",
        directrice,
        { dispositif: "CEJ", tri: "age", ordre: "desc", page: 3 },
        { http: { path: "/portefeuille?dispositif=CEJ&tri=age&ordre=desc&page=3", account: directrice.email } },
      ),
      portfolioCase(
        "recherche approximative « dupomt » (directrice)",
        "recherche-dupomt",
        directrice,
        { q: "dupomt" },
        {
          http: { path: "/portefeuille?q=dupomt", account: directrice.email },
        },
      ),
      portfolioCase("recherche par préfixe « lea dup » (conseillère)", "recherche-prefixe", camille, { q: "lea dup" }, {}),
      {
        name: "dossier (accès, identité, consultation)",
        slug: "dossier",
        app: async () => {
          const access = await openDossier(db, camille, dossierJeune.id, "page", { onglet: "identite", today });
          if (!access.ok) throw new Error(`dossier : accès ${access.refusal}`);
          const d = await getDossier(access.dossier, db);
          return {
            id: d.jeune.id,
            structure: d.jeune.structure,
            antenne: d.jeune.antenne,
            conseiller: d.jeune.conseiller,
            temporaires: d.affectationTemporaire ? 1 : 0,
          };
        },
        baseline: async (c) =>
          c.begin(async (tx) => {
            const [row] = await tx.unsafe(dossierBaselineSql, [dossierJeune.id, camille.structureId!, today]);
            await tx.unsafe(consultationSql, [dossierJeune.id, camille.structureId!, camille.id]);
            return { ...row };
          }),
        baselineSql: [{ query: dossierBaselineSql, params: [dossierJeune.id, camille.structureId!, today] }],
        http: { path: `/jeunes/${dossierJeune.id}`, account: camille.email, minShareOfCeiling: 0.5, p95: 150 },
      },
      {
        name: "dossier, onglet Actions (page 1 et à qualifier)",
        slug: "dossier-actions",
        app: async () => {
          const [list, toQualify] = await Promise.all([
            listActions(db, camille, dossierJeune.id, { page: 1, filtre: { statut: null, categorie: null } }),
            listActionsToQualify(db, camille, dossierJeune.id),
          ]);
          return { total: list.total, ids: list.rows.map((r) => r.id), toQualify: toQualify.map((r) => r.id) };
        },
        baseline: async (c) => {
          const args = [dossierJeune.id, camille.structureId!];
          const [[count], rows, toQualify] = await Promise.all([
            c.unsafe(actionsCountSql, args),
            c.unsafe(actionsSql, args),
            c.unsafe(toQualifySql, args),
          ]);
          return { total: Number(count?.n ?? 0), ids: rows.map((r) => r.id), toQualify: toQualify.map((r) => r.id) };
        },
        baselineSql: [actionsCountSql, actionsSql, toQualifySql].map((query) => ({
          query,
          params: [dossierJeune.id, camille.structureId!],
        })),
        http: { path: `/jeunes/${dossierJeune.id}?onglet=actions`, account: camille.email },
      },
      {
        name: "Mon espace, parcours de mes données (page 1)",
        slug: "mon-espace",
        app: async () => {
          const page = await listMyJourney(lea, { type: "tout", page: 1 });
          return { lines: page.lines.map((l) => l.refParam), hasNext: page.hasNext };
        },
        baseline: async (c) => {
          const rows = await c.unsafe(journeySql, [lea.jeuneId!]);
          const kindOf = (k: string) => (k === "a_venir" ? "envoi" : k);
          return {
            lines: rows.slice(0, JOURNEY_PAGE_SIZE).map((r) => `${kindOf(String(r.kind))}:${r.id}`),
            hasNext: rows.length > JOURNEY_PAGE_SIZE,
          };
        },
        baselineSql: [{ query: journeySql, params: [lea.jeuneId!] }],
        http: { path: "/mon-espace/parcours-des-donnees", account: lea.email },
      },
      {
        name: "/droits (file du DPO)",
        slug: "droits",
        app: async () => {
          const q = await listQueue(dpo, { ...DEFAULT_QUEUE_FILTERS }, today);
          return { ids: q.rows.map((r) => r.id), total: q.total, enRetard: q.counts.enRetard, bientot: q.counts.bientot };
        },
        baseline: async (c) => {
          const [rows, [counts]] = await Promise.all([
            c.unsafe(queueSql, [dpo.structureId!]),
            c.unsafe(queueCountsSql, [dpo.structureId!, today]),
          ]);
          return { ids: rows.map((r) => r.id), total: counts!.total, enRetard: counts!.enRetard, bientot: counts!.bientot };
        },
        baselineSql: [
          { query: queueSql, params: [dpo.structureId!] },
          { query: queueCountsSql, params: [dpo.structureId!, today] },
        ],
        http: { path: "/droits", account: dpo.email },
      },
      {
        name: "/transmissions (page 1 et compteurs)",
        slug: "transmissions",
        app: async () => {
          const list = await listTransmissions(directrice, { ...DEFAULT_TRANSMISSION_FILTERS });
          return { ids: list.rows.map((r) => r.id), total: list.total, counts: list.counts };
        },
        baseline: async (c) => {
          const [rows, counted] = await Promise.all([
            c.unsafe(transmissionsSql, [directrice.structureId!]),
            c.unsafe(transmissionsCountsSql, [directrice.structureId!]),
          ]);
          const counts = Object.fromEntries(TRANSMISSION_STATUTS.map((s) => [s, 0])) as Record<string, number>;
          for (const r of counted) counts[String(r.status)] = Number(r.n);
          return { ids: rows.map((r) => r.id), total: Object.values(counts).reduce((a, b) => a + b, 0), counts };
        },
        baselineSql: [
          { query: transmissionsSql, params: [directrice.structureId!] },
          { query: transmissionsCountsSql, params: [directrice.structureId!] },
        ],
        http: { path: "/transmissions", account: directrice.email },
      },
    ];

    // (a) and (b): alternate app and baseline, after a warm-up of each; then compare their results.
    // The warm-up runs each side BENCH_WARMUP times (60): a server in service runs on warm connections,
    // and PostgreSQL plans a prepared statement five times, on each connection of the pool (10 here as in
    // the app), before it settles on a plan: ten calls left most measured calls planning again (a
    // counsellor's page query: 8 ms of planning for 3 of execution).
    const caseResults: Record<string, unknown>[] = [];
    for (const c of cases) {
      for (let i = 1; i < warmup; i++) {
        await c.app();
        await c.baseline(client);
      }
      const appResult = await c.app();
      const baseResult = await c.baseline(client);
      const equal = isDeepStrictEqual(appResult, baseResult);
      if (!equal) {
        mismatches.push(c.name);
        writeFileSync(path.join(outDir, `${c.slug}.mismatch.json`), JSON.stringify({ app: appResult, baseline: baseResult }, null, 2));
      }
      const appTimes: number[] = [];
      const baseTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        await c.app();
        appTimes.push(performance.now() - t);
        t = performance.now();
        await c.baseline(client);
        baseTimes.push(performance.now() - t);
      }
      const a = stats(appTimes);
      const b = stats(baseTimes);
      const ratio = a.p50 / Math.max(b.p50, 0.01);
      const checks: { what: string; ok: boolean }[] = [];
      if (c.target !== undefined) checks.push({ what: `p95 ≤ ${c.target} ms`, ok: a.p95 <= c.target });
      if (c.maxRatio !== undefined) checks.push({ what: `app/SQL ≤ ${c.maxRatio}`, ok: ratio <= c.maxRatio });
      for (const k of checks.filter((x) => !x.ok)) failures.push(`${c.name} : ${k.what}`);

      // EXPLAIN of what each side sent.
      record(true);
      await c.app();
      const appPlans = await explainAll(client, record(false));
      const basePlans = await explainAll(client, c.baselineSql);
      writeFileSync(path.join(outDir, `${c.slug}.explain.json`), JSON.stringify({ app: appPlans, baseline: basePlans }, null, 2));
      const summarise = (plans: unknown[]) => plans.map((p) => summarisePlan((p as { plan: unknown }).plan));
      caseResults.push({
        name: c.name,
        slug: c.slug,
        equal,
        app: a,
        baseline: b,
        ratio,
        checks,
        plans: { app: summarise(appPlans), baseline: summarise(basePlans) },
      });
    }
    report.cases = caseResults;

    const nameWidth = Math.max(...cases.map((c) => c.name.length));
    const col = (s: string, w = 8) => s.padStart(w);
    console.info(`\n${runs} mesures par cas (app et SQL en alternance, après échauffement), en ms :\n`);
    console.info(
      `${"cas".padEnd(nameWidth)}  ${col("app p50")}  ${col("p95")}  ${col("p99")}  ${col("SQL p50")}  ${col("p95")}  ${col("app/SQL", 7)}  mêmes lignes  objectifs`,
    );
    for (const r of caseResults as {
      name: string;
      equal: boolean;
      app: ReturnType<typeof stats>;
      baseline: ReturnType<typeof stats>;
      ratio: number;
      checks: { what: string; ok: boolean }[];
    }[]) {
      console.info(
        `${r.name.padEnd(nameWidth)}  ${col(ms(r.app.p50))}  ${col(ms(r.app.p95))}  ${col(ms(r.app.p99))}  ${col(ms(r.baseline.p50))}  ${col(ms(r.baseline.p95))}  ${col(`×${r.ratio.toFixed(1)}`, 7)}  ${(r.equal ? "oui" : "NON").padEnd(12)}  ${
          r.checks.map((k) => `${k.ok ? "PASS" : "FAIL"} ${k.what}`).join(", ") || "—"
        }`,
      );
    }

    // (c) HTTP under load, next to the framework's ceiling.
    if (baseUrl) {
      const cookies = new Map<string, string>();
      const cookieFor = async (email: string) => {
        let cookie = cookies.get(email);
        if (!cookie) {
          cookie = await mintCookie(db, email);
          cookies.set(email, cookie);
        }
        return cookie;
      };
      const http: Record<string, unknown>[] = [];
      for (const connections of [10, 50]) {
        const ceiling = await load(baseUrl, "/connexion", null, connections, httpSeconds);
        http.push({ name: "/connexion (plafond du framework)", ...ceiling, shareOfCeiling: 1 });
        console.info(`\nHTTP, ${connections} connexions, ${httpSeconds} s par page (${baseUrl}) :`);
        const line = (name: string, r: HttpResult, share: number, verdict: string) =>
          console.info(
            `  ${name.padEnd(nameWidth)}  ${col(r.reqPerSec.toFixed(1))} req/s  p50 ${col(String(r.p50), 5)}  p90 ${col(String(r.p90), 5)}  p97,5 ${col(String(r.p97_5), 5)}  p99 ${col(String(r.p99), 5)} ms  ${(share * 100).toFixed(0).padStart(3)} % du plafond${r.non2xx || r.errors ? `  ${r.non2xx} non-2xx, ${r.errors} erreurs` : ""}${verdict}`,
          );
        line("/connexion (plafond du framework)", ceiling, 1, "");
        // The lightest signed-in staff page (layout, session reloaded, a few small reads): what every staff
        // page costs before its own content, for reading the shares below.
        const floor = await load(baseUrl, "/compte", await cookieFor(camille.email), connections, httpSeconds);
        const floorShare = floor.reqPerSec / Math.max(ceiling.reqPerSec, 0.01);
        http.push({ name: "/compte (plancher d'une page du personnel)", ...floor, shareOfCeiling: floorShare });
        line("/compte (plancher d'une page du personnel)", floor, floorShare, "");
        for (const c of cases.filter((x) => x.http)) {
          const r = await load(baseUrl, c.http!.path, await cookieFor(c.http!.account), connections, httpSeconds);
          const share = r.reqPerSec / Math.max(ceiling.reqPerSec, 0.01);
          const checks: { what: string; ok: boolean }[] = [];
          if (connections === 10 && c.http!.minShareOfCeiling !== undefined)
            checks.push({ what: `≥ ${c.http!.minShareOfCeiling * 100} % du plafond`, ok: share >= c.http!.minShareOfCeiling });
          // autocannon gives p97.5, not p95: holding p97.5 to the p95 target is the stricter reading.
          if (connections === 10 && c.http!.p95 !== undefined)
            checks.push({ what: `p97,5 ≤ ${c.http!.p95} ms`, ok: r.reqPerSec > 0 && r.p97_5 <= c.http!.p95 });
          if (r.non2xx || r.errors || r.reqPerSec === 0) checks.push({ what: "réponses 200 dans la durée", ok: false });
          for (const k of checks.filter((x) => !x.ok)) failures.push(`HTTP ${c.name} (${connections} connexions) : ${k.what}`);
          http.push({ name: c.name, ...r, shareOfCeiling: share, checks });
          line(c.name, r, share, checks.length ? `  ${checks.map((k) => `${k.ok ? "PASS" : "FAIL"} ${k.what}`).join(", ")}` : "");
        }
      }
      report.http = http;
    } else {
      console.info(
        "\nHTTP non mesuré : BENCH_BASE_URL=http://127.0.0.1:<port> désigne une version de production démarrée sur la même base (README, « Passer à l'échelle »).",
      );
    }

    const memory = process.memoryUsage();
    report.memory = { rss: memory.rss, heapUsed: memory.heapUsed };
    report.failures = failures;
    report.mismatches = mismatches;
    report.finishedAt = new Date().toISOString();
    writeFileSync(path.join(outDir, "report.json"), JSON.stringify(report, null, 2));
    console.info(
      `\nRapport : ${path.relative(process.cwd(), path.join(outDir, "report.json"))} ; plans EXPLAIN : ${path.relative(process.cwd(), outDir)}/*.explain.json`,
    );

    for (const m of mismatches) console.error(`Résultats différents de la référence SQL : « ${m} » (voir ${outDir}/*.mismatch.json)`);
    if (failures.length === 0) console.info("Tous les objectifs sont tenus.");
    else for (const f of failures) console.info(`FAIL ${f}`);
    if (mismatches.length > 0 || (strict && failures.length > 0)) process.exitCode = 1;
  } finally {
    setDatabaseForTests(undefined);
    await client.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exit(1);
});
