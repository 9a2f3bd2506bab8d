/**
 * A national-scale structure for `npm run bench`: adds `jeunes` young people to the demo's Mission locale
 * de Lyon with set-based SQL (`insert … select … generate_series`), in one transaction, so 10 000 young
 * people and their pathways take seconds, not the minutes row-by-row inserts would.
 *
 * Proportions, per young person unless said: 35 % CEJ, 40 % PACEA, 25 % no dispositif; 15 % archived;
 * one counsellor for ~150 young people over six antennes (1 % without counsellor); a contract per
 * dispositif (8 % after a CEJ ↔ PACEA switch), PACEA phases; twelve weeks of actions (3–5 a week in CEJ,
 * 1 in PACEA); an agenda of twelve weeks (5 rendez-vous per counsellor, ateliers, an information
 * collective a week) with attendance; three months of CEJ allowance decisions; 2 % of CEJ with a
 * sanction; transfers for each contract, exit, payment, C2S and update; one rights request for 40 young
 * people; 1 % in a temporary assignment; two dossier consultations each.
 *
 * Deterministic from `today` and `jeunes` (pseudo-random values come from `hashtext` of a key). Every
 * value interpolated into the SQL below is produced here or read back from the database and checked.
 */
import { performance } from "node:perf_hooks";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { antennes, memberships, structures, users } from "@/db/schema";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { encryptNir, nirIndex } from "@/lib/crypto/nir-vault";
import { refreshDueAlertState } from "@/lib/jeunes/alert-state";
import { nirKey, normalizeForSearch } from "@/lib/jeunes/rules";

export interface BulkOptions {
  today: CivilDate;
  /** Young people to add to the Lyon structure. */
  jeunes: number;
}

/** Young people per counsellor: a usual mission locale portfolio. */
const PER_COUNSELLOR = 150;

const FIRST_F = [
  "Léa",
  "Inès",
  "Chloé",
  "Manon",
  "Jade",
  "Zoé",
  "Camille",
  "Sarah",
  "Yasmine",
  "Emma",
  "Aïcha",
  "Lou",
  "Louise",
  "Alice",
  "Lina",
  "Mila",
  "Rose",
  "Anna",
  "Maëlys",
  "Nour",
  "Océane",
  "Salomé",
  "Fatoumata",
  "Éloïse",
  "Clémence",
  "Romane",
  "Lucie",
  "Maryam",
  "Héloïse",
  "Assia",
];
const FIRST_M = [
  "Tom",
  "Lucas",
  "Hugo",
  "Nathan",
  "Rayan",
  "Théo",
  "Enzo",
  "Mehdi",
  "Noah",
  "Adam",
  "Kylian",
  "Mathis",
  "Gabriel",
  "Louis",
  "Jules",
  "Arthur",
  "Sacha",
  "Yanis",
  "Ibrahim",
  "Maël",
  "Ethan",
  "Bilal",
  "Mamadou",
  "Quentin",
  "Killian",
  "Timéo",
  "Axel",
  "Sofiane",
  "Jérémy",
  "Anis",
];
const LAST = [
  "Dupont",
  "Girard",
  "Nguyen",
  "Lefèvre",
  "Benali",
  "Moreau",
  "Fontaine",
  "Diallo",
  "Rousseau",
  "Garnier",
  "Mercier",
  "Bonnet",
  "Lambert",
  "Faure",
  "Chevalier",
  "Bertrand",
  "Martin",
  "Bernard",
  "Thomas",
  "Petit",
  "Robert",
  "Richard",
  "Durand",
  "Dubois",
  "Laurent",
  "Simon",
  "Michel",
  "Leroy",
  "Roux",
  "David",
  "Morel",
  "Fournier",
  "Giraud",
  "André",
  "Mercado",
  "Blanc",
  "Guerin",
  "Boyer",
  "Gauthier",
  "Perrin",
  "Robin",
  "Clément",
  "Morin",
  "Nicolas",
  "Henry",
  "Roussel",
  "Mathieu",
  "Gautier",
  "Masson",
  "Marchand",
  "Duval",
  "Denis",
  "Dumont",
  "Marie",
  "Lemaire",
  "Noël",
  "Meyer",
  "Dufour",
  "Meunier",
  "Brun",
  "Blanchard",
  "Giraud",
  "Joly",
  "Rivière",
  "Lucas",
  "Brunet",
  "Gaillard",
  "Barbier",
  "Arnaud",
  "Martinez",
  "Gerard",
  "Roche",
  "Renard",
  "Schmitt",
  "Roy",
  "Leroux",
  "Colin",
  "Vidal",
  "Caron",
  "Picard",
  "N'Diaye",
  "Traoré",
  "Ben Youssef",
  "Le Goff",
  "Da Silva",
  "Haddad",
  "Kaya",
  "Saïdi",
  "Cissé",
  "Pereira",
];
const NEW_ANTENNES = [
  { name: "Antenne Lyon 1er", commune: "Lyon", codePostal: "69001" },
  { name: "Antenne Vénissieux", commune: "Vénissieux", codePostal: "69200" },
  { name: "Antenne Vaulx-en-Velin", commune: "Vaulx-en-Velin", codePostal: "69120" },
  { name: "Antenne Lyon 9e", commune: "Lyon", codePostal: "69009" },
];
/** Category and wording of an action, as a counsellor would write it. */
const ACTIONS: [string, string][] = [
  ["emploi", "Candidature spontanée chez un transporteur"],
  ["formation", "Inscription à la formation CACES 1-3-5"],
  ["demarches", "Actualisation sur l'espace France Travail"],
  ["emploi", "Entretien d'embauche pour un poste de vendeur"],
  ["sante", "Rendez-vous de bilan de santé au centre d'examens"],
  ["projet_pro", "Enquête métier auprès d'un professionnel"],
  ["formation", "Séance de remise à niveau en français"],
  ["logement", "Dossier de demande en foyer de jeunes travailleurs"],
  ["citoyennete", "Renouvellement de la carte d'identité"],
  ["emploi", "Immersion en entreprise (PMSMP) dans la logistique"],
  ["loisirs_sport", "Inscription au club de football du quartier"],
  ["autre", "Atelier budget avec le conseiller"],
  ["emploi", "Relance de candidatures envoyées"],
  ["formation", "Tests d'entrée en formation préparateur de commandes"],
  ["demarches", "Demande de la prime d'activité"],
  ["projet_pro", "Bilan du projet professionnel"],
];
const ATELIERS = [
  "Atelier CV : mettre en valeur ses expériences",
  "Simulation d'entretien d'embauche",
  "Préparer le code de la route",
  "Atelier lettre de motivation",
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function uuidLit(value: string | null | undefined): string {
  if (!value || !UUID.test(value)) throw new Error(`bulk seed: not a uuid: ${String(value)}`);
  return `'${value}'::uuid`;
}
function dateLit(value: string): string {
  if (!DATE.test(value)) throw new Error(`bulk seed: not a date: ${value}`);
  return `'${value}'::date`;
}
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (values: string[]) => `array[${values.map(quote).join(", ")}]::text[]`;
/** Pseudo-random integer in 0 … m-1, deterministic from a text key (SQL expressions). */
const rndOf = (key: string, m: number | string) => `(abs(hashtext(${key})::bigint) % (${m}))::int`;
/** A UUID v7 like the app's ids (time-ordered from the instant `at`), unique per text key. */
const uuid7Of = (at: string, key: string) =>
  `(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7' || substr(md5(${key}), 1, 3) || '8' || substr(md5(${key}), 4, 15))::uuid`;
/** Paris wall-clock time on a civil date (SQL date expression) → timestamptz. */
const paris = (day: string, time: string) => `((${day}) + time '${time}') at time zone 'Europe/Paris'`;

export interface BulkSummary {
  structureId: string;
  counsellors: number;
  rows: Record<string, number>;
}

/** What a structure needs to be grown: its staff, its new antennes, and the salt of its pseudo-random values. */
export interface GrowTarget {
  today: CivilDate;
  /** Young people to add. */
  jeunes: number;
  structureId: string;
  /** Counsellors already in the structure; the first one gets young people n = K, 2K… (never none). */
  counsellors: { id: string; antenneId: string | null }[];
  directeurId: string;
  dpoId: string;
  /** Password hash given to the counsellors created for the structure. */
  passwordHash: string;
  newAntennes: { name: string; commune: string; codePostal: string }[];
  /** E-mail address of the i-th counsellor created (0-based). */
  counsellorEmail: (i: number) => string;
  /** Mixed into every pseudo-random key and id: structures grown with different salts get different people. */
  salt: string;
  /** Where the group sessions take place (a room label). */
  salle: string;
  /** Young people per counsellor (default 150). */
  perCounsellor?: number;
  /** Gives the young people a valid NIR (encrypted and indexed like the app does) built from this department. */
  nir?: { departement: string; ordinal: number };
  /** Also writes audit entries for the acts the rows stand for (created files, actions, attendance, decisions). */
  audit?: boolean;
}

/**
 * Adds `jeunes` young people with their pathways to the demo's Lyon structure (seedDemo must have run).
 * Returns the structure and the row counts of its main tables.
 */
export async function growStructure(db: Db, { today, jeunes: total }: BulkOptions): Promise<BulkSummary> {
  if (!Number.isInteger(total) || total < 50) throw new Error("bulk seed: at least 50 young people");
  const [lyon] = await db.select().from(structures).where(eq(structures.siret, "77950697800013"));
  if (!lyon) throw new Error("bulk seed: run seedDemo first (no Lyon structure)");
  const staff = await db.select().from(users).where(eq(users.structureId, lyon.id));
  const byEmail = (email: string) => {
    const u = staff.find((s) => s.email === email);
    if (!u) throw new Error(`bulk seed: no account ${email}`);
    return u;
  };
  const camille = byEmail("conseillere.lyon@sillage.demo");
  const julien = byEmail("conseiller.lyon@sillage.demo");
  await growStaffedStructure(db, {
    today,
    jeunes: total,
    structureId: lyon.id,
    counsellors: [camille, julien],
    directeurId: byEmail("directrice.lyon@sillage.demo").id,
    dpoId: byEmail("dpo.lyon@sillage.demo").id,
    passwordHash: camille.passwordHash!,
    newAntennes: NEW_ANTENNES,
    counsellorEmail: (i) => `conseiller${i + 1}.lyon@sillage.bench`,
    salt: "",
    salle: "Salle Rhône, 12 rue Garibaldi, Lyon 8e",
  });

  // The director's portfolio reads the stored alert state: computed for the new files as the worker would.
  await refreshDueAlertState(db, today);
  // Fresh planner statistics, as autovacuum would have them on a database in service.
  await db.execute(sql`analyze`);
  return { structureId: lyon.id, counsellors: await countCounsellors(db, lyon.id), rows: await countRows(db, lyon.id) };
}

/** The tables a grown structure fills, in the order of the summary. */
export const GROWN_TABLES = [
  "jeunes",
  "contrats",
  "phases",
  "actions_jeune",
  "seances",
  "participations",
  "allocation_decisions",
  "sanctions",
  "transmissions",
  "demandes_droits",
  "affectations",
  "consultations",
] as const;

async function countRows(db: Db, structureId: string): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const table of GROWN_TABLES) {
    const result = await db.execute(sql.raw(`select count(*)::int as n from ${table} where structure_id = ${uuidLit(structureId)}`));
    const first = (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as { n: number } | undefined;
    rows[table] = Number(first?.n ?? 0);
  }
  return rows;
}

async function countCounsellors(db: Db, structureId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(users)
    .where(and(eq(users.structureId, structureId), eq(users.role, "conseiller")));
  return n;
}

/**
 * Adds `jeunes` young people with their pathways to one structure, in one transaction, creating the
 * counsellors and antennes it needs. Deterministic from `today`, `jeunes` and `salt`.
 */
export async function growStaffedStructure(db: Db, target: GrowTarget): Promise<void> {
  const { today, jeunes: total, salt } = target;
  if (!Number.isInteger(total) || total < 1) throw new Error("bulk seed: at least 1 young person");
  const lyon = { id: target.structureId };
  const directrice = { id: target.directeurId };
  const dpo = { id: target.dpoId };
  const camille = { passwordHash: target.passwordHash };
  const NEW_ANTENNES = target.newAntennes;
  const SALLE = target.salle.replace(/'/g, "''");
  const saltLit = quote(salt);
  /** Pseudo-random integer in 0 … m-1 from a text key, salted for this structure. */
  const rnd = (key: string, m: number | string) => (salt ? rndOf(`${saltLit} || ${key}`, m) : rndOf(key, m));
  const uuid7 = (at: string, key: string) => (salt ? uuid7Of(at, `${saltLit} || ${key}`) : uuid7Of(at, key));
  const counsellorCount = Math.max(target.counsellors.length, 1, Math.round(total / (target.perCounsellor ?? PER_COUNSELLOR)));

  await db.transaction(async (tx) => {
    const added = NEW_ANTENNES.length
      ? await tx
          .insert(antennes)
          .values(NEW_ANTENNES.map((a) => ({ ...a, structureId: lyon.id })))
          .returning({ id: antennes.id })
      : [];
    const sites = [...(await tx.select({ id: antennes.id }).from(antennes).where(eq(antennes.structureId, lyon.id)))].map((a) => a.id);
    if (sites.length < added.length) throw new Error("bulk seed: antennes not created");

    const extra = Array.from({ length: counsellorCount - target.counsellors.length }, (_, i) => {
      const female = i % 2 === 0;
      const first = (female ? FIRST_F : FIRST_M)[(i * 7) % FIRST_F.length]!;
      const last = LAST[(i * 11 + 3) % LAST.length]!;
      return {
        email: target.counsellorEmail(i),
        name: `${first} ${last}`,
        role: "conseiller" as const,
        structureId: lyon.id,
        antenneId: sites[i % sites.length]!,
        passwordHash: camille.passwordHash,
      };
    });
    const others = extra.length ? await tx.insert(users).values(extra).returning({ id: users.id, antenneId: users.antenneId }) : [];
    if (others.length)
      await tx.insert(memberships).values(others.map((o) => ({ userId: o.id, structureId: lyon.id, role: "conseiller" as const })));
    const counsellors = [...target.counsellors, ...others];

    const timing = process.env.SEED_TIMING === "1";
    const run = async (text: string) => {
      const t0 = performance.now();
      const result = await tx.execute(sql.raw(text));
      if (timing) console.info(`    ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${text.replace(/\s+/g, " ").slice(0, 70)}`);
      return result;
    };
    // The planner's estimates of generate_series (1 000 rows each) cross jit_above_cost: compiling then costs
    // seconds per statement for a few thousand rows.
    await run("set local jit = off");
    const LYON = uuidLit(lyon.id);
    const T = dateLit(today);
    const MONDAY = dateLit(isoWeekOf(today).start);
    const N = total;
    const K = counsellors.length;
    const ATELIERS_PER_WEEK = Math.max(1, Math.floor(K / 3));
    const DEMANDES = Math.max(10, Math.floor(N / 40));

    await run(`create temp table bench_c (k int primary key, id uuid not null, antenne_id uuid) on commit drop`);
    await run(
      `insert into bench_c values ${counsellors.map((c, k) => `(${k}, ${uuidLit(c.id)}, ${c.antenneId ? uuidLit(c.antenneId) : "null"})`).join(", ")}`,
    );
    await run("analyze bench_c");

    // The young people: identity, dispositif, status, dates, computed once and kept for the next steps.
    const firstF = FIRST_F.map(normalizeForSearch);
    const firstM = FIRST_M.map(normalizeForSearch);
    const lastN = LAST.map(normalizeForSearch);
    await run(`create temp table bench_j on commit drop as
      select x.n, x.created_day, x.archived_day, x.created_at, ${uuid7("x.created_at", "'j' || x.n")} as id,
        case when x.sans_conseiller then null else c.id end as conseiller_id,
        coalesce(case when x.sans_conseiller then null else c.antenne_id end, (${`array[${sites.map(uuidLit).join(", ")}]`})[1 + x.n % ${sites.length}]) as antenne_id,
        (${textArray(LAST)})[x.li] as nom, (${textArray(lastN)})[x.li] as nom_n,
        case when x.female then (${textArray(FIRST_F)})[x.fi] else (${textArray(FIRST_M)})[x.fi] end as prenoms,
        case when x.female then (${textArray(firstF)})[x.fi] else (${textArray(firstM)})[x.fi] end as prenoms_n,
        case when x.female then 'F' else 'M' end as sexe,
        ${T} - (5844 + x.age_days) as date_naissance,
        case when x.d20 < 7 then 'CEJ' when x.d20 < 15 then 'PACEA' else 'aucun' end as dispositif,
        x.statut, x.nat100
      from (
        select y.*, ${paris("y.created_day", "09:00")} + make_interval(mins => ${rnd("y.n || ':m'", 480)}) as created_at,
          case when y.statut = 'archive' then y.created_day + 1 + ${rnd("y.n || ':ar'", `${T} - y.created_day - 2`)} end as archived_day
        from (
          select n, ${T} - (10 + ${rnd("n || ':c'", 900)}) as created_day, n % 2 = 0 as female,
            1 + ${rnd("n || ':l'", LAST.length)} as li, 1 + ${rnd("n || ':f'", FIRST_F.length)} as fi,
            ${rnd("n || ':nc'", 100)} = 0 as sans_conseiller, ${rnd("n || ':a'", 3650)} as age_days, ${rnd("n || ':d'", 20)} as d20, ${rnd("n || ':n'", 100)} as nat100,
            case when ${rnd("n || ':s'", 100)} < 15 then 'archive' else 'actif' end as statut
          from generate_series(1, ${N}) as n
        ) y
      ) x
      join bench_c c on c.k = x.n % ${K}`);
    await run("analyze bench_j");
    // NIRs: 85 % of the young people have one, valid key, encrypted and indexed by the app's own functions.
    await run(`create temp table bench_nir (n int primary key, enc text not null, hmac text not null) on commit drop`);
    if (target.nir) {
      const { departement, ordinal } = target.nir;
      const people = (await tx.execute(
        sql.raw(`select n, sexe, date_naissance::text as d from bench_j where ${rnd("n || ':nir'", 100)} < 85 order by n`),
      )) as unknown as { n: number; sexe: string; d: string }[];
      const list = Array.isArray(people) ? people : (people as unknown as { rows: typeof people }).rows;
      for (let i = 0; i < list.length; i += 5000) {
        const chunk = list.slice(i, i + 5000).map((p) => {
          const order = String(((ordinal * 30011 + p.n) % 999_999) + 1).padStart(6, "0");
          const first13 = `${p.sexe === "M" ? 1 : 2}${p.d.slice(2, 4)}${p.d.slice(5, 7)}${departement}${order}`;
          const nir = first13 + nirKey(first13);
          return { n: p.n, enc: encryptNir(nir), hmac: nirIndex(nir) };
        });
        await tx.execute(
          sql`insert into bench_nir select * from unnest(${sql.param(chunk.map((c) => c.n))}::int[], ${sql.param(chunk.map((c) => c.enc))}::text[], ${sql.param(chunk.map((c) => c.hmac))}::text[])`,
        );
      }
    }
    await run("analyze bench_nir");
    await run(`insert into jeunes (id, structure_id, antenne_id, conseiller_id, nom_naissance, prenoms, date_naissance, sexe, nationalite,
        titre_sejour_fin, telephone, email, code_postal, commune, ft_identifiant, dispositif, statut, archive_motif, archived_at, search_text,
        created_at, updated_at, nir_encrypted, nir_hmac)
      select j.id, ${LYON}, j.antenne_id, j.conseiller_id, upper(j.nom), j.prenoms, j.date_naissance, j.sexe::sexe,
        (case when j.nat100 < 5 then 'hors_ue' when j.nat100 < 9 then 'ue' else 'francaise' end)::nationalite_categorie,
        case when j.nat100 < 5 then ${T} + (${rnd("j.n || ':ts'", 420)} - 30) end,
        '06 ' || lpad((j.n % 100)::text, 2, '0') || ' ' || lpad((j.n / 100 % 100)::text, 2, '0') || ' ' || lpad((j.n / 10000 % 100)::text, 2, '0') || ' 40 50',
        replace(j.prenoms_n, ' ', '-') || '.' || replace(j.nom_n, ' ', '-') || '.' || ${salt ? `${saltLit} || '-' || ` : ""}j.n || '@exemple.fr',
        a.code_postal, a.commune,
        case when ${rnd("j.n || ':ft'", 10)} < 6 then lpad(j.n::text, 7, '0') || chr(65 + j.n % 26) end,
        j.dispositif::dispositif, j.statut::jeune_statut,
        case when j.statut = 'archive' then (${textArray(["sortie_emploi", "formation", "demenagement", "fin_de_dispositif", "abandon", "autre"])})[1 + j.n % 6] end,
        case when j.statut = 'archive' then ${paris("j.archived_day", "17:00")} end,
        j.nom_n || ' ' || j.prenoms_n, j.created_at, j.created_at, nir.enc, nir.hmac
      from bench_j j left join antennes a on a.id = j.antenne_id left join bench_nir nir on nir.n = j.n`);

    // Contracts: the current one per dispositif (ended at the archive date for archived files), and the
    // previous one for a switch.
    await run(`create temp table bench_ct on commit drop as
      with cur as (
        select j.n, j.id as jeune_id, j.conseiller_id, j.dispositif as type, j.statut,
          case when j.statut = 'archive' then greatest(j.created_day, j.archived_day - 30 - ${rnd("j.n || ':ad'", 300)})
               when j.dispositif = 'CEJ' then greatest(j.created_day, ${T} - ${rnd("j.n || ':cd'", 360)})
               else greatest(j.created_day, ${T} - ${rnd("j.n || ':cd'", 700)}) end as debut,
          j.archived_day, ${rnd("j.n || ':pr'", 20)} = 0 as prolonge, j.statut = 'actif' and ${rnd("j.n || ':bs'", 100)} < 8 as bascule
        from bench_j j where j.dispositif <> 'aucun'
      )
      select ${uuid7(paris("debut", "10:00"), "'c' || n")} as id, n, jeune_id, conseiller_id, type, debut,
        case when type = 'CEJ' and prolonge and debut < ${T} - 300 then (debut + interval '18 months' - interval '1 day')::date
             when type = 'CEJ' then (debut + interval '12 months' - interval '1 day')::date
             else (debut + interval '24 months' - interval '1 day')::date end as fin_prevue,
        case when type = 'CEJ' and prolonge and debut < ${T} - 300 then 'Formation qualifiante se terminant après la fin normale du contrat.' end as prolongation_motif,
        case when statut = 'archive' then archived_day end as fin_reelle,
        case when statut = 'archive' then (${textArray(["emploi", "formation", "fin_de_duree", "demenagement", "abandon", "autre"])})[1 + n % 6] end as motif_sortie,
        case when bascule then ${uuid7(paris("debut - 210", "10:00"), "'p' || n")} end as precedent_id,
        case when bascule then 'Projet professionnel clarifié : changement de dispositif.' end as bascule_motif,
        false as previous
      from cur
      union all
      select ${uuid7(paris("debut - 210", "10:00"), "'p' || n")}, n, jeune_id, conseiller_id, case when type = 'CEJ' then 'PACEA' else 'CEJ' end, debut - 210,
        (debut - 210 + interval '12 months' - interval '1 day')::date, null, debut - 1, 'bascule', null, null, true
      from cur where bascule`);
    await run("analyze bench_ct");
    await run(`insert into contrats (id, structure_id, jeune_id, type, signe_le, debut, fin_prevue, prolongation_motif, fin_reelle, motif_sortie,
        precedent_contrat_id, bascule_motif, conseiller_id, created_at, updated_at)
      select id, ${LYON}, jeune_id, type::contrat_type, debut, debut, fin_prevue, prolongation_motif, fin_reelle, motif_sortie,
        precedent_id, bascule_motif, conseiller_id, ${paris("debut", "10:00")}, ${paris("debut", "10:00")}
      from bench_ct`);
    await run(`insert into contrat_evenements (id, contrat_id, jeune_id, type, date_effet, motif, etat, par_id, at)
      select ${uuid7(paris("debut", "10:00"), "'ces' || n || previous")}, id, jeune_id,
        (case when precedent_id is not null then 'bascule' else 'signature' end)::contrat_evenement, debut, bascule_motif,
        jsonb_build_object('type', type, 'debut', debut, 'finPrevue', fin_prevue, 'finReelle', null), conseiller_id, ${paris("debut", "10:00")}
      from bench_ct
      union all
      select ${uuid7(paris("fin_reelle", "16:00"), "'cef' || n || previous")}, id, jeune_id,
        (case when motif_sortie = 'bascule' then 'bascule' else 'sortie' end)::contrat_evenement, fin_reelle, null,
        jsonb_build_object('type', type, 'debut', debut, 'finPrevue', fin_prevue, 'finReelle', fin_reelle, 'motifSortie', motif_sortie), conseiller_id,
        ${paris("fin_reelle", "16:00")}
      from bench_ct where fin_reelle is not null`);
    await run(`insert into phases (id, structure_id, jeune_id, contrat_id, type, debut, fin, objectifs, bilan, bilan_le, created_at, updated_at)
      select ${uuid7(paris("debut", "11:00"), "'phd' || n || previous")}, ${LYON}, jeune_id, id, 'diagnostic'::phase_type, debut, least(debut + 44, coalesce(fin_reelle, fin_prevue)),
        'Faire le point sur la situation (logement, santé, mobilité, ressources) et identifier des pistes de métiers.',
        case when least(debut + 44, coalesce(fin_reelle, fin_prevue)) < ${T} then 'Projet orienté vers la logistique ; frein de mobilité à lever.' end,
        case when least(debut + 44, coalesce(fin_reelle, fin_prevue)) < ${T} then least(debut + 44, coalesce(fin_reelle, fin_prevue)) end,
        ${paris("debut", "11:00")}, ${paris("debut", "11:00")}
      from bench_ct where type = 'PACEA'
      union all
      select ${uuid7(paris("debut + 45", "11:00"), "'pha' || n || previous")}, ${LYON}, jeune_id, id, 'accompagnement'::phase_type, debut + 45,
        least(debut + 227, coalesce(fin_reelle, fin_prevue)),
        'Réaliser une immersion en entreprise, préparer les entretiens d''embauche, s''inscrire au code de la route.', null, null,
        ${paris("debut + 45", "11:00")}, ${paris("debut + 45", "11:00")}
      from bench_ct where type = 'PACEA' and debut + 45 <= coalesce(fin_reelle, fin_prevue)`);

    // Twelve weeks of actions on each open contract (this week's are partly still to do).
    await run(`insert into actions_jeune (id, structure_id, jeune_id, contrat_id, categorie, libelle, debut, fin, duree_minutes, statut,
        qualifiee_le, qualifiee_par, creee_par, created_at, updated_at)
      select ${uuid7("x.created", "'a' || x.n || ':' || x.w || ':' || x.k")}, ${LYON}, x.jeune_id, x.contrat_id, (${textArray(ACTIONS.map((a) => a[0]))})[x.i]::action_categorie,
        (${textArray(ACTIONS.map((a) => a[1]))})[x.i], x.debut, case when x.statut = 'terminee' then x.debut end,
        case when x.statut = 'terminee' then (case when (${textArray(ACTIONS.map((a) => a[0]))})[x.i] in ('emploi', 'formation') then 180 else 120 end) end,
        x.statut::action_statut,
        case when x.statut = 'terminee' and x.qualifiee then ${paris("x.debut", "18:00")} end,
        case when x.statut = 'terminee' and x.qualifiee then x.conseiller_id end,
        x.conseiller_id, x.created, x.created
      from (
        select y.*, ${paris(`least(y.debut, ${T}) - 2`, "08:00")} as created,
          case when y.debut > ${T} then 'a_faire'
               when y.w = 0 then (case when y.r < 70 then 'terminee' else 'en_cours' end)
               when y.r < 5 then 'annulee' when y.r < 8 then 'a_faire' else 'terminee' end as statut,
          y.r2 < (case when y.w >= 2 then 90 else 50 end) as qualifiee
        from (
          select c.n, c.jeune_id, c.id as contrat_id, c.conseiller_id, w, k, ${MONDAY} - 7 * w + (k * 2 + c.n) % 5 as debut,
            1 + (c.n * 3 + w * 5 + k) % ${ACTIONS.length} as i, ${rnd("c.n || ':ar:' || w || ':' || k", 100)} as r, ${rnd("c.n || ':aq:' || w || ':' || k", 100)} as r2
          from bench_ct c
          cross join generate_series(0, 11) as w
          cross join lateral generate_series(1, case when c.type = 'CEJ' then 3 + (c.n + w) % 3 else 1 end) as k
          where c.fin_reelle is null and ${MONDAY} - 7 * w + 4 >= c.debut
        ) y
      ) x`);

    // The agenda: weeks -10 … +1 around this one. Each counsellor sees five of their young people a week;
    // ateliers of eight and an information collective of twelve.
    await run(`create temp table bench_s on commit drop as
      select ${uuid7("p.debut", "'s' || p.kind || ':' || p.w || ':' || p.a")} as id, p.*, p.debut + make_interval(mins => p.minutes) as fin,
        ${rnd("'sa' || p.kind || ':' || p.w || ':' || p.a", 40)} = 0 as annulee
      from (
        select q.*, ${paris("q.day", "00:00")} + q.t0 as debut
        from (
          select 'r' as kind, w, c.k * 5 + s as a, c.k, s, 'rendez_vous_individuel' as type, c.id as animateur_id, ${MONDAY} + 7 * w + s as day,
            make_interval(hours => 9 + c.k % 7) as t0, 45 as minutes, null::int as capacite, 1 as seats,
            case when s = 2 then 'Point d''étape sur le projet professionnel' else 'Rendez-vous de suivi' end as titre, 'Bureau de l''antenne' as lieu
          from generate_series(-10, 1) as w cross join bench_c c cross join generate_series(0, 4) as s
          union all
          select 'a', w, a, a % ${K}, 0, 'atelier', (select c.id from bench_c c where c.k = a % ${K}), ${MONDAY} + 7 * w + a % 5,
            case when a % 2 = 0 then make_interval(hours => 9, mins => 30) else make_interval(hours => 14) end, 120, 8, 8,
            (${textArray(ATELIERS)})[1 + a % ${ATELIERS.length}], '${SALLE}'
          from generate_series(-10, 1) as w cross join generate_series(0, ${ATELIERS_PER_WEEK - 1}) as a
          union all
          select 'i', w, 0, 0, 0, 'information_collective', ${uuidLit(directrice.id)}, ${MONDAY} + 7 * w, make_interval(hours => 14), 90, 15, 12,
            'Information collective : le contrat d''engagement jeune', 'Salle polyvalente, antenne Villeurbanne'
          from generate_series(-10, 1) as w
        ) q
      ) p`);
    await run("analyze bench_s");
    await run(`insert into seances (id, structure_id, type, titre, debut, fin, lieu, animateur_id, capacite, annulee_le, cloturee_le, cloturee_par, version,
        created_at, updated_at)
      select id, ${LYON}, type::seance_type, titre, debut, fin, lieu, animateur_id, capacite,
        case when annulee then debut - interval '3 days' end,
        case when not annulee and day < ${MONDAY} - 3 then fin + interval '2 hours' end,
        case when not annulee and day < ${MONDAY} - 3 then animateur_id end,
        case when annulee or day < ${MONDAY} - 3 then 2 else 1 end,
        debut - interval '10 days', debut - interval '10 days'
      from bench_s`);
    await run(`insert into participations (id, structure_id, seance_id, jeune_id, presence, motif_absence, marquee_le, marquee_par, version, created_at)
      select ${uuid7("x.debut - interval '10 days'", "'pa' || x.id || ':' || x.jeune_id")}, ${LYON}, x.id, x.jeune_id, x.presence::presence,
        case when x.presence = 'absent_excuse' then 'Rendez-vous médical' end,
        case when x.presence <> 'prevu' then x.fin + interval '30 minutes' end, case when x.presence <> 'prevu' then x.animateur_id end,
        case when x.presence <> 'prevu' then 2 else 1 end, x.debut - interval '10 days'
      from (
        select s.*, j.id as jeune_id,
          case when s.annulee or s.day >= ${T} then 'prevu'
               when ${rnd("s.id::text || j.id::text", 100)} < 80 then 'present'
               when ${rnd("s.id::text || j.id::text", 100)} < 88 then 'absent_excuse'
               when ${rnd("s.id::text || j.id::text", 100)} < 94 then 'absent_non_excuse'
               when s.day < ${MONDAY} - 3 then 'present' else 'prevu' end as presence
        from bench_s s
        cross join lateral generate_series(0, s.seats - 1) as p
        join bench_j j on j.statut = 'actif' and j.created_day <= s.day and j.n = case s.kind
          when 'r' then s.k + ${K} * ((((s.w + 10) * 5 + s.s) * 7 + s.k) % greatest(1, ${Math.floor(N / K)}))
          when 'a' then 1 + (((s.w + 10) * ${ATELIERS_PER_WEEK} + s.a) * 8 + p) * 37 % ${N}
          else 1 + (((s.w + 10) * 12 + p) * 53 + 11) % ${N} end
      ) x
      on conflict do nothing`);

    // CEJ allowance: the last three months decided, last month still to decide for 15 %.
    await run(`insert into allocation_decisions (id, structure_id, jeune_id, contrat_id, dispositif, mois, montant_cents, entrees, regle_version, explication,
        decidee_par, decidee_le, created_at)
      select ${uuid7("x.decided", "'ad' || x.n || ':' || x.m")}, ${LYON}, x.jeune_id, x.id, 'CEJ', to_char(x.first, 'YYYY-MM'),
        case when x.n % 4 = 1 then 30000 else 56617 end, jsonb_build_object('foyer', case when x.n % 4 = 1 then 'premiere_tranche' else 'non_imposable' end, 'ressourcesDeduitesEnPartieCents', 0),
        'cej.allocation.montants@2025-04-01', 'Allocation CEJ du mois : montant plein, aucune sanction appliquée.', x.conseiller_id, x.decided, x.decided
      from (
        select c.*, m, f.first, least(now(), ${paris("(f.first + interval '1 month')::date + 3", "10:00")}) as decided
        from bench_ct c cross join generate_series(1, 3) as m
        cross join lateral (select (date_trunc('month', ${T}::timestamp) - make_interval(months => m))::date as first) f
        where c.type = 'CEJ' and c.fin_reelle is null and c.debut <= (f.first + interval '1 month' - interval '1 day')::date
          and not (m = 1 and ${rnd("c.n || ':al'", 100)} < 15)
      ) x`);
    await run(`insert into sanctions (id, structure_id, jeune_id, contrat_id, date_fait, motif, regime, palier, palier_index, bareme_en_vigueur_depuis, statut,
        decision, decidee_le, decidee_par, created_at, updated_at)
      select ${uuid7(paris("x.fait", "12:00"), "'sa' || x.n")}, ${LYON}, x.jeune_id, x.id, x.fait, 'Trois absences non excusées à des rendez-vous obligatoires.',
        'suspension_remobilisation', 'suspension_30_pourcent_1_a_2_mois', 0, '2025-06-01', x.statut::sanction_statut,
        case when x.statut = 'decidee' then 'Suspension de 30 % de l''allocation pendant un mois.' end,
        case when x.statut in ('decidee', 'abandonnee') then least(x.fait + 15, ${T}) end,
        case when x.statut in ('decidee', 'abandonnee') then ${uuidLit(directrice.id)} end,
        ${paris("x.fait", "12:00")}, ${paris("x.fait", "12:00")}
      from (
        select c.*, greatest(c.debut, ${T} - ${rnd("c.n || ':sf'", 60)}) as fait,
          (${textArray(["proposee", "contradictoire", "decidee", "abandonnee"])})[1 + c.n % 4] as statut
        from bench_ct c where c.type = 'CEJ' and c.fin_reelle is null and ${rnd("c.n || ':sa'", 100)} < 2
      ) x`);

    // Transfers: registration per contract, exit, monthly payment, C2S, updates; recent ones still due.
    await run(`insert into transmissions (id, structure_id, jeune_id, recipient, finality, kind, idempotency_key, payload, field_names, payload_hash, status,
        attempts, next_attempt_at, last_error, acknowledgement, created_at, sent_at, acknowledged_at)
      select ${uuid7("x.at", "x.key")}, ${LYON}, x.jeune_id, x.recipient, x.finality, x.kind::transmission_kind, x.key, x.payload,
        array(select jsonb_object_keys(x.payload)), encode(sha256(convert_to(x.payload::text, 'UTF8')), 'hex'), x.status::transmission_statut,
        case x.status when 'a_envoyer' then 0 when 'echec_temporaire' then 2 when 'abandonnee' then 8 else 1 end,
        case x.status when 'a_envoyer' then x.at when 'echec_temporaire' then now() + interval '1 hour' end,
        case x.status when 'echec_temporaire' then 'HTTP 503' when 'abandonnee' then 'HTTP 503' when 'rejetee' then 'Refusé : identifiant inconnu' end,
        case when x.status = 'accusee' then upper(left(x.recipient, 2)) || '-' || x.n end,
        x.at, case when x.status in ('envoyee', 'accusee', 'rejetee') then x.at + interval '5 minutes' end,
        case when x.status = 'accusee' then x.at + interval '1 hour' end
      from (
        select t.*, jsonb_build_object('nomNaissance', je.nom_naissance, 'prenoms', je.prenoms, 'dateNaissance', je.date_naissance, 'codePostal', je.code_postal) as payload,
          case when t.at > now() - interval '2 days' then (case when ${rnd("t.key || ':st'", 2)} = 0 then 'a_envoyer' else 'envoyee' end)
               when ${rnd("t.key || ':st'", 1000)} < 5 then 'rejetee'
               when ${rnd("t.key || ':st'", 1000)} < 8 then 'abandonnee'
               when ${rnd("t.key || ':st'", 1000)} < 15 then 'echec_temporaire'
               else 'accusee' end as status
        from (
          select 'bench:inscription:' || c.id as key, c.n, c.jeune_id, 'franceTravail' as recipient, lower(c.type) as finality, 'inscription' as kind,
            ${paris("c.debut", "11:00")} as at
          from bench_ct c
          union all
          select 'bench:sortie:' || c.id, c.n, c.jeune_id, 'franceTravail', lower(c.type), 'sortie', ${paris("c.fin_reelle", "17:30")}
          from bench_ct c where c.fin_reelle is not null and c.motif_sortie <> 'bascule'
          union all
          select 'bench:paiement:' || ad.id, c.n, c.jeune_id, 'asp', 'allocation', 'paiement', ad.decidee_le + interval '1 hour'
          from allocation_decisions ad join bench_ct c on c.id = ad.contrat_id
          union all
          select 'bench:c2s:' || j.id, j.n, j.id, 'cnamCpam', 'c2s', 'c2s', j.created_at + interval '3 days'
          from bench_j j where ${rnd("j.n || ':c2'", 100)} < 15
          union all
          select 'bench:maj:' || c.id, c.n, c.jeune_id, 'franceTravail', lower(c.type), 'mise_a_jour', least(now() - interval '1 day', ${paris("c.debut + 40", "15:00")})
          from bench_ct c where not c.previous and ${rnd("c.n || ':mj'", 100)} < 10
        ) t
        join jeunes je on je.id = t.jeune_id
      ) x`);

    // Rights requests: one for 40 young people over two years; the recent ones mostly still open.
    await run(`create temp table bench_d on commit drop as
      select y.*, ${uuid7(paris("y.recue_le", "09:30"), "'d' || y.d")} as id,
        case when y.open then (${textArray(["en_cours", "identite_a_verifier", "prolongee", "recue"])})[1 + y.d % 4]
             when y.d % 5 = 0 then 'repondue' else 'close' end as statut
      from (
        select y0.*, y0.recue_le > ${T} - 75 and ${rnd("y0.d || ':do'", 4)} <> 0 as open
        from (
        select d, j.id as jeune_id, j.n, ${T} - ${rnd("d || ':dr'", 700)} as recue_le,
          (${textArray(["acces", "acces", "acces", "rectification", "effacement", "opposition", "portabilite", "question_transmission", "acces"])})[1 + d % 9] as type,
          (${textArray(["guichet", "espace_jeune", "courrier", "courriel"])})[1 + d % 4] as canal, j.conseiller_id
        from generate_series(1, ${DEMANDES}) as d join bench_j j on j.n = 1 + (d * 97) % ${N}
      ) y0
      ) y`);
    await run("analyze bench_d");
    await run(`insert into demandes_droits (id, numero, structure_id, jeune_id, type, finalite, canal, saisie_par, objet, recue_le, statut,
        identite_verifiee_le, identite_methode, prolongee_le, prolongation_motif, echeance, issue, reponse_motif, repondu_le, close_le, created_at, updated_at)
      select id, to_char(recue_le, 'YYYY') || '-' || lpad((100 + d)::text, 4, '0'), ${LYON}, jeune_id, type::demande_type,
        case type when 'opposition' then 'statistiques' when 'question_transmission' then 'cej' end, canal::demande_canal,
        case when canal = 'guichet' then coalesce(conseiller_id, ${uuidLit(dpo.id)}) else ${uuidLit(dpo.id)} end,
        'Demande formulée par le jeune.', recue_le, statut::demande_statut,
        case when statut not in ('identite_a_verifier', 'recue') then recue_le + 2 end,
        case when statut not in ('identite_a_verifier', 'recue') then 'rencontre au guichet' end,
        case when statut = 'prolongee' then recue_le + 20 end,
        case when statut = 'prolongee' then 'Demande complexe : vérification auprès de France Travail.' end,
        case when statut = 'identite_a_verifier' then null when statut = 'prolongee' then (recue_le + interval '3 months')::date
             else (recue_le + interval '1 month')::date end,
        (case when statut in ('repondue', 'close') then (case when d % 7 = 0 then 'refusee' when d % 7 = 1 then 'partielle' else 'acceptee' end) end)::demande_issue,
        case when statut in ('repondue', 'close') then 'Réponse envoyée au jeune.' end,
        case when statut in ('repondue', 'close') then least(recue_le + 20, ${T}) end,
        case when statut = 'close' then least(recue_le + 21, ${T}) end,
        ${paris("recue_le", "09:30")}, ${paris("recue_le", "09:30")}
      from bench_d`);
    await run(`insert into demande_pauses (id, demande_id, demandee_le, recue_le, objet, created_at)
      select ${uuid7(paris("recue_le + 2", "10:00"), "'dp' || d")}, id, recue_le + 2, null, 'Confirmer votre date de naissance et votre adresse.', ${paris("recue_le + 2", "10:00")}
      from bench_d where statut = 'identite_a_verifier'`);
    await run(`insert into demande_evenements (demande_id, at, type, par, message)
      select id, ${paris("recue_le", "09:30")}, 'recue', ${uuidLit(dpo.id)}, 'Votre demande a été reçue par votre mission locale.' from bench_d
      union all
      select id, ${paris("recue_le + 2", "10:00")}, 'en_cours', ${uuidLit(dpo.id)}, 'Votre identité est vérifiée. Votre demande est en cours.'
      from bench_d where statut not in ('identite_a_verifier', 'recue')
      union all
      select id, ${paris(`least(recue_le + 20, ${T})`, "16:00")}, 'repondue', ${uuidLit(dpo.id)}, 'La réponse à votre demande vous a été envoyée.'
      from bench_d where statut in ('repondue', 'close')`);

    // Assignments: 1 % replaced for a fortnight now, 3 % moved to their counsellor earlier.
    await run(`insert into affectations (id, jeune_id, structure_id, type, de_conseiller_id, vers_conseiller_id, debut, fin, motif, decide_par, created_at)
      select ${uuid7(paris(`${T} - 5`, "08:00"), "'aft' || j.n")}, j.id, ${LYON}, 'temporaire'::affectation_type, j.conseiller_id, c.id, ${T} - 5, ${T} + 10,
        'Congé du conseiller référent', ${uuidLit(directrice.id)}, ${paris(`${T} - 5`, "08:00")}
      from bench_j j join bench_c c on c.k = (j.n + 1) % ${K}
      where j.statut = 'actif' and j.conseiller_id is not null and ${rnd("j.n || ':af'", 100)} < 1
      union all
      select ${uuid7(paris(`least(j.created_day + 30, ${T} - 1)`, "08:00"), "'afp' || j.n")}, j.id, ${LYON}, 'permanente'::affectation_type, c.id, j.conseiller_id,
        least(j.created_day + 30, ${T} - 1), null, 'Rééquilibrage des portefeuilles', ${uuidLit(directrice.id)},
        ${paris(`least(j.created_day + 30, ${T} - 1)`, "08:00")}
      from bench_j j join bench_c c on c.k = (j.n + 3) % ${K}
      where j.conseiller_id is not null and c.id <> j.conseiller_id and ${rnd("j.n || ':ap'", 100)} < 3`);
    await run(`insert into consultations (at, jeune_id, structure_id, user_id, user_role, onglet, hors_portefeuille)
      select j.created_at + interval '1 day', j.id, ${LYON}, coalesce(j.conseiller_id, ${uuidLit(directrice.id)}),
        (case when j.conseiller_id is null then 'directeur' else 'conseiller' end)::role, 'identite', false from bench_j j
      union all
      select least(now(), ${paris(`${T} - ${rnd("j.n || ':co'", 60)}`, "14:00")}), j.id, ${LYON}, coalesce(j.conseiller_id, ${uuidLit(directrice.id)}),
        (case when j.conseiller_id is null then 'directeur' else 'conseiller' end)::role, 'parcours', false
      from bench_j j`);

    if (target.audit) {
      // The audit entries of the acts these rows stand for: no personal data, field names only.
      await run(`insert into audit_log (at, actor_id, actor_role, structure_id, action, target_type, target_id, jeune_id, fields)
        select j.created_at, coalesce(j.conseiller_id, ${uuidLit(directrice.id)}), (case when j.conseiller_id is null then 'directeur' else 'conseiller' end)::role,
          ${LYON}, 'jeune.create', 'jeune', j.id::text, j.id, array['nomNaissance', 'prenoms', 'dateNaissance', 'sexe', 'telephone', 'email']
        from bench_j j
        union all
        select a.created_at, a.creee_par, 'conseiller'::role, ${LYON}, 'action_jeune.create', 'action_jeune', a.id::text, a.jeune_id,
          array['categorie', 'libelle', 'debut']
        from actions_jeune a where a.structure_id = ${LYON}
        union all
        select a.qualifiee_le, a.qualifiee_par, 'conseiller'::role, ${LYON}, 'action_jeune.qualification', 'action_jeune', a.id::text, a.jeune_id,
          array['dureeMinutes', 'qualifieeLe']
        from actions_jeune a where a.structure_id = ${LYON} and a.qualifiee_le is not null
        union all
        select p.marquee_le, p.marquee_par, 'conseiller'::role, ${LYON}, 'agenda.presence', 'participation', p.id::text, p.jeune_id, array['presence']
        from participations p where p.structure_id = ${LYON} and p.marquee_le is not null
        union all
        select d.decidee_le, d.decidee_par, 'conseiller'::role, ${LYON}, 'allocation.decision', 'allocation_decision', d.id::text, d.jeune_id,
          array['mois', 'montantCents']
        from allocation_decisions d where d.structure_id = ${LYON}
        union all
        select c.created_at, c.conseiller_id, 'conseiller'::role, ${LYON}, 'contrat.signature', 'contrat', c.id::text, c.jeune_id,
          array['type', 'debut', 'finPrevue']
        from contrats c where c.structure_id = ${LYON}
        order by 1`);
    }
  });
}
