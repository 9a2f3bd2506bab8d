/**
 * The national shape for `npm run seed:large` and `npm run bench`: the demo (Lyon and Marseille, their
 * accounts), the Lyon structure grown to `big` young people, and `structures − 2` more missions locales
 * sharing the rest of `jeunes`, their sizes drawn from a seeded PRNG (mulberry32) around a realistic
 * spread (a few hundred to a few thousand files). Each structure gets a director, a DPO, antennes (one
 * per ~2 500 files) and counsellors (one per ~250 files), then its pathways from db/seed/bulk.ts
 * (set-based SQL, one transaction per structure). At the end, the audit entries of those acts and the
 * transmission ledger (hash chain computed by the app's own `ledgerHash`, written with COPY).
 *
 * Deterministic: the same options give the same people (the ids of rows written by the app's own
 * functions — NIR encryption IVs, ledger ids — aside). PostgreSQL only (COPY).
 */
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import type { Db } from "@/db/client";
import { jeunes, memberships, structures, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/credentials";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { refreshStructureAlertState } from "@/lib/jeunes/alert-state";
import { flowFor } from "@/lib/transmissions/enqueue";
import { GENESIS_HASH, ledgerHash } from "@/lib/transmissions/ledger";
import { GROWN_TABLES, growStaffedStructure } from "./bulk";
import { DEMO_PASSWORD, seedDemo } from "./demo";

export interface LargeOptions {
  today: CivilDate;
  /** Missions locales in all, the two of the demo included (≥ 2). */
  structures: number;
  /** Young people in all (≥ big). */
  jeunes: number;
  /** Young people of the Lyon structure, the large one. */
  big: number;
  /** PRNG seed of the structures' sizes and places. */
  seed?: number;
  log?: (line: string) => void;
}

export interface LargeSummary {
  seconds: number;
  structures: number;
  counsellors: number;
  rows: Record<string, number>;
  /** Rows of the event tables (actions, attendance, decisions, transfers, ledger, requests' events, audit, consultations). */
  eventRows: number;
}

/** Files per counsellor, archived ones included. */
const PER_COUNSELLOR = 250;
/** Files per antenne. */
const PER_ANTENNE = 2500;

/** mulberry32: a small, fast, seeded PRNG (values in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Communes with a mission locale: name, department, postal code. */
const COMMUNES: [string, string, string][] = [
  ["Paris", "75", "75011"],
  ["Marseille", "13", "13003"],
  ["Toulouse", "31", "31000"],
  ["Nice", "06", "06000"],
  ["Nantes", "44", "44000"],
  ["Montpellier", "34", "34000"],
  ["Strasbourg", "67", "67000"],
  ["Bordeaux", "33", "33000"],
  ["Lille", "59", "59000"],
  ["Rennes", "35", "35000"],
  ["Reims", "51", "51100"],
  ["Saint-Étienne", "42", "42000"],
  ["Le Havre", "76", "76600"],
  ["Toulon", "83", "83000"],
  ["Grenoble", "38", "38000"],
  ["Dijon", "21", "21000"],
  ["Angers", "49", "49000"],
  ["Nîmes", "30", "30000"],
  ["Villeurbanne", "69", "69100"],
  ["Clermont-Ferrand", "63", "63000"],
  ["Le Mans", "72", "72000"],
  ["Aix-en-Provence", "13", "13100"],
  ["Brest", "29", "29200"],
  ["Tours", "37", "37000"],
  ["Amiens", "80", "80000"],
  ["Limoges", "87", "87000"],
  ["Annecy", "74", "74000"],
  ["Perpignan", "66", "66000"],
  ["Boulogne-Billancourt", "92", "92100"],
  ["Metz", "57", "57000"],
  ["Besançon", "25", "25000"],
  ["Orléans", "45", "45000"],
  ["Saint-Denis", "93", "93200"],
  ["Argenteuil", "95", "95100"],
  ["Rouen", "76", "76000"],
  ["Montreuil", "93", "93100"],
  ["Mulhouse", "68", "68100"],
  ["Caen", "14", "14000"],
  ["Nancy", "54", "54000"],
  ["Tourcoing", "59", "59200"],
  ["Roubaix", "59", "59100"],
  ["Nanterre", "92", "92000"],
  ["Vitry-sur-Seine", "94", "94400"],
  ["Créteil", "94", "94000"],
  ["Avignon", "84", "84000"],
  ["Poitiers", "86", "86000"],
  ["Aubervilliers", "93", "93300"],
  ["Dunkerque", "59", "59140"],
  ["Aulnay-sous-Bois", "93", "93600"],
  ["Versailles", "78", "78000"],
  ["Béziers", "34", "34500"],
  ["Pau", "64", "64000"],
  ["La Rochelle", "17", "17000"],
  ["Calais", "62", "62100"],
  ["Cannes", "06", "06400"],
  ["Antibes", "06", "06600"],
  ["Mérignac", "33", "33700"],
  ["Saint-Nazaire", "44", "44600"],
  ["Colmar", "68", "68000"],
  ["Issy-les-Moulineaux", "92", "92130"],
  ["Bourges", "18", "18000"],
  ["Quimper", "29", "29000"],
  ["Valence", "26", "26000"],
  ["Troyes", "10", "10000"],
  ["Chambéry", "73", "73000"],
  ["Niort", "79", "79000"],
  ["Lorient", "56", "56100"],
  ["Sarcelles", "95", "95200"],
  ["Beauvais", "60", "60000"],
  ["Cholet", "49", "49300"],
  ["Vannes", "56", "56000"],
  ["Évry-Courcouronnes", "91", "91000"],
  ["Chartres", "28", "28000"],
  ["Laval", "53", "53000"],
  ["Arras", "62", "62000"],
  ["Angoulême", "16", "16000"],
  ["Saint-Quentin", "02", "02100"],
  ["Montauban", "82", "82000"],
  ["Châlons-en-Champagne", "51", "51000"],
  ["Évreux", "27", "27000"],
  ["Blois", "41", "41000"],
  ["Charleville-Mézières", "08", "08000"],
  ["Belfort", "90", "90000"],
  ["Tarbes", "65", "65000"],
  ["Alès", "30", "30100"],
  ["Agen", "47", "47000"],
  ["Périgueux", "24", "24000"],
  ["Mâcon", "71", "71000"],
  ["Épinal", "88", "88000"],
  ["Saint-Brieuc", "22", "22000"],
  ["Carcassonne", "11", "11000"],
  ["Aurillac", "15", "15000"],
  ["Guéret", "23", "23000"],
  ["Mende", "48", "48000"],
  ["Foix", "09", "09000"],
  ["Rodez", "12", "12000"],
  ["Vesoul", "70", "70000"],
  ["Lons-le-Saunier", "39", "39000"],
  ["Châteauroux", "36", "36000"],
  ["Nevers", "58", "58000"],
];
const AREAS = ["", " et agglomération", " Nord", " Sud", " — Pays de la vallée", " Est", " Ouest", " Centre", " — Bassin d'emploi"];
const QUARTERS = [
  "Centre",
  "Gare",
  "Nord",
  "Sud",
  "Les Hauts",
  "Quartier de la Mairie",
  "Faubourg",
  "Val",
  "Plateau",
  "Rive gauche",
  "Rive droite",
  "Bourg",
];
const FIRST = [
  "Hélène",
  "Frédéric",
  "Émilie",
  "Jérôme",
  "Aurélie",
  "Stéphane",
  "Cécile",
  "Sébastien",
  "Amélie",
  "François",
  "Noémie",
  "Grégoire",
];
const LAST = [
  "Lefèvre",
  "Gérard",
  "Bérenger",
  "Hébert",
  "Mégret",
  "Noël",
  "Thébault",
  "Ménard",
  "Prévost",
  "Lévêque",
  "Chénier",
  "Délégué",
];

/** A SIRET with a valid Luhn key, from a 13-digit prefix. */
export function siret(prefix13: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = prefix13 + d;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let v = Number(candidate[13 - i]);
      if (i % 2 === 1) {
        v *= 2;
        if (v > 9) v -= 9;
      }
      sum += v;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable");
}

/** Sizes of the other structures: a log-normal spread summing to `total`, none below 30. */
export function structureSizes(count: number, total: number, random: () => number): number[] {
  if (count === 0) return [];
  const weights = Array.from({ length: count }, () => {
    // Box–Muller: a normal draw, then exp() of it.
    const u = Math.max(1e-9, random());
    const v = random();
    return Math.exp(0.75 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(30, Math.floor((total * w) / sum)));
  // Put the rounding difference on the largest, so the total is exact (when it can be).
  const diff = total - sizes.reduce((a, b) => a + b, 0);
  const largest = sizes.indexOf(Math.max(...sizes));
  sizes[largest] = Math.max(30, sizes[largest]! + diff);
  return sizes;
}

const EVENT_TABLES = [
  "actions_jeune",
  "participations",
  "allocation_decisions",
  "transmissions",
  "transmission_ledger",
  "contrat_evenements",
  "demande_evenements",
  "audit_log",
  "consultations",
] as const;

/** Fills an EMPTY migrated PostgreSQL database (`client` is the postgres.js client behind `db`). */
export async function seedLarge(db: Db, client: Sql, options: LargeOptions): Promise<LargeSummary> {
  const { today, structures: structureCount, jeunes: total, big } = options;
  const log = options.log ?? (() => {});
  if (!Number.isInteger(structureCount) || structureCount < 2) throw new Error("seed:large : au moins 2 structures (celles de la démo)");
  if (!Number.isInteger(big) || big < 100) throw new Error("seed:large : la grande structure compte au moins 100 jeunes");
  if (!Number.isInteger(total) || total < big + 30 * (structureCount - 1)) {
    throw new Error(`seed:large : il faut au moins ${big + 30 * (structureCount - 1)} jeunes pour ${structureCount} structures`);
  }
  const start = performance.now();
  const random = mulberry32(options.seed ?? 20_260_101);

  await seedDemo(db, { today, extras: true });
  const [lyon] = await db.select().from(structures).where(eq(structures.siret, "77950697800013"));
  const [marseille] = await db.select().from(structures).where(eq(structures.siret, "41849263500010"));
  if (!lyon || !marseille) throw new Error("seed:large : démo incomplète");
  const staff = await db.select().from(users);
  const byEmail = (email: string) => {
    const u = staff.find((s) => s.email === email);
    if (!u) throw new Error(`seed:large : pas de compte ${email}`);
    return u;
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const demoCount = async (structureId: string) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(jeunes)
        .where(eq(jeunes.structureId, structureId))
    )[0]?.n ?? 0;

  const sizes = structureSizes(structureCount - 1, total - big, random);
  // A bulk load into empty tables: the secondary indexes are built once at the end (sorted, in parallel)
  // instead of being maintained row by row; primary keys and unique indexes stay (conflicts are checked).
  const deferred = await dropSecondaryIndexes(client, LOADED_TABLES);
  log(`${deferred.length} index secondaires reconstruits à la fin`);
  const timeFor = (label: string, t0: number) => log(`${label} en ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Lyon: the large one, with the demo's counsellors first (their portfolios are the bench's).
  let t0 = performance.now();
  const lyonAntennes = Math.max(0, Math.ceil(big / PER_ANTENNE) - 2);
  await growStaffedStructure(db, {
    today,
    jeunes: Math.max(1, big - (await demoCount(lyon.id))),
    structureId: lyon.id,
    counsellors: [byEmail("conseillere.lyon@sillage.demo"), byEmail("conseiller.lyon@sillage.demo")],
    directeurId: byEmail("directrice.lyon@sillage.demo").id,
    dpoId: byEmail("dpo.lyon@sillage.demo").id,
    passwordHash,
    newAntennes: Array.from({ length: lyonAntennes }, (_, i) => ({
      name: `Antenne Lyon ${QUARTERS[i % QUARTERS.length]}${i >= QUARTERS.length ? ` ${Math.floor(i / QUARTERS.length) + 1}` : ""}`,
      commune: "Lyon",
      codePostal: `6900${1 + (i % 9)}`,
    })),
    counsellorEmail: (i) => `conseiller${i + 1}.lyon@sillage.bench`,
    salt: "",
    salle: "Salle Rhône, 12 rue Garibaldi, Lyon 8e",
    perCounsellor: PER_COUNSELLOR,
    nir: { departement: "69", ordinal: 0 },
  });
  timeFor(`Lyon : ${big} jeunes`, t0);

  // Marseille (the demo's second) and the new ones.
  t0 = performance.now();
  let lastLog = performance.now();
  for (let s = 1; s < structureCount; s++) {
    const size = sizes[s - 1]!;
    const antenneCount = Math.max(1, Math.ceil(size / PER_ANTENNE));
    let target: Parameters<typeof growStaffedStructure>[1];
    const code = String(s).padStart(3, "0");
    if (s === 1) {
      target = {
        today,
        jeunes: Math.max(1, size - (await demoCount(marseille.id))),
        structureId: marseille.id,
        counsellors: [byEmail("conseillere.marseille@sillage.demo")],
        directeurId: byEmail("directeur.marseille@sillage.demo").id,
        dpoId: byEmail("dpo.marseille@sillage.demo").id,
        passwordHash,
        newAntennes: Array.from({ length: Math.max(0, antenneCount - 2) }, (_, i) => ({
          name: `Antenne Marseille ${QUARTERS[i % QUARTERS.length]}`,
          commune: "Marseille",
          codePostal: "13002",
        })),
        counsellorEmail: (i) => `conseiller${i + 1}.marseille@sillage.bench`,
        salt: `s${code}`,
        salle: "Salle du Vieux-Port, Marseille",
        perCounsellor: PER_COUNSELLOR,
        nir: { departement: "13", ordinal: s },
      };
    } else {
      const [commune, departement, codePostal] = COMMUNES[(s - 2) % COMMUNES.length]!;
      const area = AREAS[Math.floor((s - 2) / COMMUNES.length) % AREAS.length]!;
      const first = (i: number) => FIRST[(s + i) % FIRST.length]!;
      const last = (i: number) => LAST[(s * 7 + i) % LAST.length]!;
      const [structure] = await db
        .insert(structures)
        .values({
          name: `Mission locale de ${commune}${area}`,
          siret: siret(`4${String(s).padStart(4, "0")}${String(Math.floor(random() * 1e8)).padStart(8, "0")}`),
          departement,
          commune,
          dpoEmail: `dpo@ml-${code}.sillage.bench`,
        })
        .returning();
      const [directeur, dpo] = await db
        .insert(users)
        .values([
          {
            email: `directeur@ml-${code}.sillage.bench`,
            name: `${first(0)} ${last(0)}`,
            role: "directeur",
            structureId: structure!.id,
            passwordHash,
          },
          { email: `dpo@ml-${code}.sillage.bench`, name: `${first(1)} ${last(1)}`, role: "dpo", structureId: structure!.id, passwordHash },
        ])
        .returning();
      await db.insert(memberships).values([
        { userId: directeur!.id, structureId: structure!.id, role: "directeur" },
        { userId: dpo!.id, structureId: structure!.id, role: "dpo" },
      ]);
      target = {
        today,
        jeunes: size,
        structureId: structure!.id,
        counsellors: [],
        directeurId: directeur!.id,
        dpoId: dpo!.id,
        passwordHash,
        newAntennes: Array.from({ length: antenneCount }, (_, i) => ({
          name: `Antenne ${commune} ${QUARTERS[i % QUARTERS.length]}`,
          commune,
          codePostal,
        })),
        counsellorEmail: (i) => `conseiller${i + 1}@ml-${code}.sillage.bench`,
        salt: `s${code}`,
        salle: `Salle de la mission locale, ${commune}`,
        perCounsellor: PER_COUNSELLOR,
        nir: { departement, ordinal: s },
      };
    }
    await growStaffedStructure(db, target);
    if (performance.now() - lastLog > 15_000 || s === structureCount - 1) {
      lastLog = performance.now();
      log(`${s + 1}/${structureCount} structures (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  timeFor(`${structureCount - 1} autres structures`, t0);

  t0 = performance.now();
  await insertAudit(client);
  timeFor("Journal d'audit", t0);
  t0 = performance.now();
  const ledger = await appendLedgerBulk(client);
  timeFor(`Registre des transmissions (${ledger} entrées)`, t0);
  t0 = performance.now();
  await recreateIndexes(client, deferred);
  timeFor(`Index (${deferred.length})`, t0);
  t0 = performance.now();
  await client.unsafe("vacuum analyze");
  timeFor("VACUUM ANALYZE", t0);
  t0 = performance.now();
  // The director's portfolio reads the stored alert state: computed for every file, as the worker would,
  // one structure per transaction, two at a time (the alerts are the app's own SQL, lib/jeunes/alert-state.ts).
  const ids = (await db.select({ id: structures.id }).from(structures)).map((r) => r.id);
  let refreshed = 0;
  const next = async (): Promise<void> => {
    const id = ids.pop();
    if (!id) return;
    const n = await refreshStructureAlertState(db, id, today);
    refreshed += n;
    return next();
  };
  await Promise.all([next(), next()]);
  // Its statistics and visibility map too, or the planner takes the filled table for the empty one it
  // analysed (one page) and scans it whole instead of reading its covering index.
  await client.unsafe("vacuum analyze alert_state");
  timeFor(`État des alertes (${refreshed} dossiers)`, t0);

  const rows: Record<string, number> = {};
  for (const table of [...new Set([...GROWN_TABLES, ...EVENT_TABLES])]) {
    const [row] = await client.unsafe(`select count(*)::int as n from ${table}`);
    rows[table] = Number(row?.n ?? 0);
  }
  const [counsellors] = await client.unsafe(`select count(*)::int as n from users where role = 'conseiller'`);
  const [structureRows] = await client.unsafe(`select count(*)::int as n from structures`);
  return {
    seconds: (performance.now() - start) / 1000,
    structures: Number(structureRows?.n ?? 0),
    counsellors: Number(counsellors?.n ?? 0),
    rows,
    eventRows: EVENT_TABLES.reduce((sum, t) => sum + (rows[t] ?? 0), 0),
  };
}

/** The tables the seed fills in bulk: their secondary indexes are dropped during the load. */
const LOADED_TABLES = [...GROWN_TABLES, ...EVENT_TABLES, "phases", "demande_pauses"];

interface DeferredIndex {
  name: string;
  definition: string;
}

/** Drops the non-unique indexes of these tables (primary keys, unique indexes and constraints stay); returns their definitions. */
async function dropSecondaryIndexes(client: Sql, tables: readonly string[]): Promise<DeferredIndex[]> {
  const rows = await client.unsafe<{ name: string; definition: string }[]>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relnamespace = 'public'::regnamespace and t.relname = any($1::text[]) and not i.indisunique and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by 1`,
    [[...new Set(tables)]],
  );
  for (const row of rows) await client.unsafe(`drop index ${row.name}`);
  return rows.map((r) => ({ name: r.name, definition: r.definition }));
}

/** Builds the dropped indexes again, two at a time, with room to sort in memory. */
async function recreateIndexes(client: Sql, indexes: DeferredIndex[]): Promise<void> {
  const queue = [...indexes];
  const worker = () =>
    client.begin(async (tx) => {
      await tx.unsafe("set local maintenance_work_mem = '512MB'");
      for (let index = queue.shift(); index; index = queue.shift()) await tx.unsafe(index.definition);
    });
  await Promise.all([worker(), worker()]);
}

/** The audit entries of the acts the generated rows stand for (field names only, never values). */
async function insertAudit(client: Sql): Promise<void> {
  await client.unsafe(`insert into audit_log (at, actor_id, actor_role, structure_id, action, target_type, target_id, jeune_id, fields)
    select j.created_at, coalesce(j.conseiller_id, (select u.id from users u where u.structure_id = j.structure_id and u.role = 'directeur' order by u.created_at limit 1)),
      (case when j.conseiller_id is null then 'directeur' else 'conseiller' end)::role, j.structure_id, 'jeune.create', 'jeune', j.id::text, j.id,
      array['nomNaissance', 'prenoms', 'dateNaissance', 'sexe', 'telephone', 'email']
    from jeunes j where not exists (select 1 from audit_log a where a.jeune_id = j.id and a.action = 'jeune.create')
    union all
    select c.created_at, c.conseiller_id, 'conseiller'::role, c.structure_id, 'contrat.signature', 'contrat', c.id::text, c.jeune_id,
      array['type', 'debut', 'finPrevue']
    from contrats c
    union all
    select a.qualifiee_le, a.qualifiee_par, 'conseiller'::role, a.structure_id, 'action_jeune.qualification', 'action_jeune', a.id::text, a.jeune_id,
      array['dureeMinutes', 'qualifieeLe']
    from actions_jeune a where a.qualifiee_le is not null
    union all
    select p.marquee_le, p.marquee_par, 'conseiller'::role, p.structure_id, 'agenda.presence', 'participation', p.id::text, p.jeune_id, array['presence']
    from participations p where p.marquee_le is not null
    union all
    select d.decidee_le, d.decidee_par, 'conseiller'::role, d.structure_id, 'allocation.decision', 'allocation_decision', d.id::text, d.jeune_id,
      array['mois', 'montantCents']
    from allocation_decisions d
    order by 1`);
}

const copyText = (v: string | null) =>
  v === null ? "\\N" : v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

interface LedgerSource {
  transmission_id: string;
  jeune_id: string;
  structure_id: string;
  recipient: string;
  finality: string;
  field_names: string[];
  payload_hash: string;
  event: string;
  at: Date;
  detail: Record<string, string | number | boolean | null> | null;
}

/**
 * Ledger entries for every transfer that has none yet, in the order of their instants, chained on the
 * last entry with the app's `ledgerHash` and written with COPY. Returns the number of entries written.
 */
async function appendLedgerBulk(client: Sql): Promise<number> {
  const [last] = await client.unsafe(`select id, hash from transmission_ledger order by id desc limit 1`);
  let prevHash: string = (last?.hash as string | undefined) ?? GENESIS_HASH;
  let id = Number(last?.id ?? 0);
  const legalBases = new Map<string, string>();
  const legalBasis = (recipient: string, finality: string) => {
    const key = `${recipient}.${finality}`;
    let basis = legalBases.get(key);
    if (!basis) {
      const flow = flowFor(recipient as never, finality as never);
      if (!flow) throw new Error(`seed:large : aucun flux ${key}`);
      basis = flow.legalBasis;
      legalBases.set(key, basis);
    }
    return basis;
  };
  const query = `select t.id as transmission_id, t.jeune_id, t.structure_id, t.recipient, t.finality, t.field_names, t.payload_hash, e.event, e.at, e.detail
    from transmissions t
    cross join lateral (values
      (0, 'creee', t.created_at, null::jsonb),
      (1, case when t.status in ('echec_temporaire', 'abandonnee') then 'echec' end, t.created_at + interval '5 minutes',
        jsonb_build_object('tentative', 1, 'erreur', t.last_error)),
      (2, case when t.sent_at is not null then 'envoyee' end, t.sent_at, jsonb_build_object('tentative', 1)),
      (3, case when t.status = 'accusee' then 'accusee' when t.status = 'rejetee' then 'rejetee' when t.status = 'abandonnee' then 'abandonnee' end,
        coalesce(t.acknowledged_at, t.sent_at + interval '1 hour', t.created_at + interval '1 day'),
        case t.status when 'accusee' then jsonb_build_object('accuse', t.acknowledgement)
          when 'rejetee' then jsonb_build_object('tentative', 1, 'erreur', t.last_error)
          else jsonb_build_object('tentatives', t.attempts) end)
    ) as e (ord, event, at, detail)
    where e.event is not null and e.at is not null
      and not exists (select 1 from transmission_ledger l where l.transmission_id = t.id)
    order by e.at, t.id, e.ord`;
  const stream =
    await client`copy transmission_ledger (id, at, transmission_id, jeune_id, structure_id, event, recipient, finality, legal_basis, field_names, payload_hash, detail, prev_hash, hash) from stdin`.writable();
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  let count = 0;
  let buffer = "";
  const flush = async () => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = "";
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once("drain", resolve));
  };
  // A second connection reads while the first one copies.
  for await (const batch of client.unsafe(query).cursor(5000) as AsyncIterable<LedgerSource[]>) {
    for (const row of batch) {
      id += 1;
      const entry = {
        id,
        at: new Date(new Date(row.at).getTime()),
        transmissionId: row.transmission_id,
        jeuneId: row.jeune_id,
        structureId: row.structure_id,
        event: row.event as never,
        recipient: row.recipient as never,
        finality: row.finality as never,
        legalBasis: legalBasis(row.recipient, row.finality) as never,
        fieldNames: row.field_names,
        payloadHash: row.payload_hash,
        detail: row.detail ?? null,
        prevHash,
      };
      const hash = ledgerHash(entry);
      buffer += `${[
        String(id),
        entry.at.toISOString(),
        entry.transmissionId,
        entry.jeuneId,
        entry.structureId,
        row.event,
        row.recipient,
        row.finality,
        entry.legalBasis as string,
        `{${entry.fieldNames.map((f) => `"${f.replace(/["\\]/g, "\\$&")}"`).join(",")}}`,
        entry.payloadHash,
        entry.detail === null ? null : JSON.stringify(entry.detail),
        prevHash,
        hash,
      ]
        .map(copyText)
        .join("\t")}\n`;
      prevHash = hash;
      count += 1;
    }
    await flush();
  }
  stream.end();
  await done;
  if (count > 0) await client.unsafe(`select setval(pg_get_serial_sequence('transmission_ledger', 'id'), ${id})`);
  return count;
}
