import "server-only";
import { keysetPages } from "@/lib/actions/keyset";
import { and, asc, count, desc, eq, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type DbOrTx, getDb } from "@/db/client";
import { demandeEvenements, demandePauses, demandesDroits, jeunes, structures, users, type DemandeDroits } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { addDays, type CivilDate } from "@/lib/calendar/civil-date";
import { escapeLike } from "@/lib/http/search-params";
import { DomainError } from "@/lib/errors/domain-error";
import { normalizeForSearch } from "@/lib/jeunes/rules";
import { structureConditions } from "@/lib/dossier/scope";
import type { DemandeStatut } from "./labels";
import { isStatut, type QueueFilters } from "./queue-params";
import { SOON_DAYS } from "./rules";
import { DEMANDE_NOT_FOUND } from "./store";
import { forwardInfo } from "./forward";
import { art19TransfersOf, holdsFor } from "./traitement-writes";
import { RECTIFIABLE_FIELDS, RECTIFIABLE_LABELS } from "./traitement-rules";

export const QUEUE_PAGE_SIZE = 25;
const CLOSED: DemandeStatut[] = ["repondue", "close"];

function scopeOf(user: SessionUser): SQL[] {
  const scope = structureScope(user);
  return scope ? [eq(demandesDroits.structureId, scope)] : [];
}

const openPause = sql<boolean>`exists (select 1 from ${demandePauses} where ${demandePauses.demandeId} = ${demandesDroits.id} and ${demandePauses.recueLe} is null)`;

const rowColumns = {
  id: demandesDroits.id,
  numero: demandesDroits.numero,
  type: demandesDroits.type,
  statut: demandesDroits.statut,
  canal: demandesDroits.canal,
  recueLe: demandesDroits.recueLe,
  echeance: demandesDroits.echeance,
  prolongeeLe: demandesDroits.prolongeeLe,
  prolongationMotif: demandesDroits.prolongationMotif,
  identiteVerifieeLe: demandesDroits.identiteVerifieeLe,
  issue: demandesDroits.issue,
  pauseOuverte: openPause,
  jeuneId: demandesDroits.jeuneId,
  nomNaissance: jeunes.nomNaissance,
  nomUsage: jeunes.nomUsage,
  prenoms: jeunes.prenoms,
  structureName: structures.name,
};

export type QueueRow = Awaited<ReturnType<typeof listQueue>>["rows"][number];

/**
 * The DPO queue: open requests first, nearest deadline first (suspended clocks after), then the
 * answered ones. Counts are of the caller's whole scope, whatever the filters.
 */
export async function listQueue(user: SessionUser, filters: QueueFilters, today: CivilDate) {
  const db = await getDb();
  const scope = scopeOf(user);
  const conditions: SQL[] = [...scope];
  if (filters.statut === "ouvertes") conditions.push(notInArray(demandesDroits.statut, CLOSED));
  else if (isStatut(filters.statut)) conditions.push(eq(demandesDroits.statut, filters.statut));
  if (filters.type) conditions.push(eq(demandesDroits.type, filters.type));
  if (filters.retard) conditions.push(notInArray(demandesDroits.statut, CLOSED), lt(demandesDroits.echeance, today));
  const where = conditions.length ? and(...conditions) : undefined;
  const soon = addDays(today, SOON_DAYS);
  const isOpenSql = sql`${demandesDroits.statut} not in ('repondue', 'close')`;

  const [rows, [total], [counts]] = await Promise.all([
    db
      .select(rowColumns)
      .from(demandesDroits)
      .leftJoin(jeunes, eq(jeunes.id, demandesDroits.jeuneId))
      .innerJoin(structures, eq(structures.id, demandesDroits.structureId))
      .where(where)
      .orderBy(
        sql`(${demandesDroits.statut} in ('repondue', 'close'))`,
        sql`${demandesDroits.echeance} asc nulls last`,
        asc(demandesDroits.recueLe),
        asc(demandesDroits.numero),
      )
      .limit(QUEUE_PAGE_SIZE)
      .offset((filters.page - 1) * QUEUE_PAGE_SIZE),
    db.select({ n: count() }).from(demandesDroits).where(where),
    db
      .select({
        ouvertes: sql<number>`count(*) filter (where ${isOpenSql})`.mapWith(Number),
        enRetard: sql<number>`count(*) filter (where ${isOpenSql} and ${demandesDroits.echeance} < ${today})`.mapWith(Number),
        bientot:
          sql<number>`count(*) filter (where ${isOpenSql} and ${demandesDroits.echeance} >= ${today} and ${demandesDroits.echeance} <= ${soon})`.mapWith(
            Number,
          ),
      })
      .from(demandesDroits)
      .where(scope.length ? and(...scope) : undefined),
  ]);
  const n = total?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(n / QUEUE_PAGE_SIZE));
  return { rows, total: n, pageCount, counts: counts ?? { ouvertes: 0, enRetard: 0, bientot: 0 } };
}

const saisieUser = alias(users, "saisie_user");

/** One request with its pauses and steps, if in the caller's scope (else "not found"). */
export async function getDemandeDetail(user: SessionUser, demandeId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      demande: demandesDroits,
      structureName: structures.name,
      saisieParName: saisieUser.name,
      jeune: {
        id: jeunes.id,
        nomNaissance: jeunes.nomNaissance,
        nomUsage: jeunes.nomUsage,
        prenoms: jeunes.prenoms,
        email: jeunes.email,
        limitationDepuis: jeunes.limitationDepuis,
        limitationDemandeId: jeunes.limitationDemandeId,
      },
    })
    .from(demandesDroits)
    .innerJoin(structures, eq(structures.id, demandesDroits.structureId))
    .leftJoin(jeunes, eq(jeunes.id, demandesDroits.jeuneId))
    .leftJoin(saisieUser, eq(saisieUser.id, demandesDroits.saisiePar))
    .where(and(eq(demandesDroits.id, demandeId), ...scopeOf(user)));
  if (!row) throw new DomainError("not_found", { message: DEMANDE_NOT_FOUND });
  const [pauses, evenements] = await Promise.all([
    db
      .select()
      .from(demandePauses)
      .where(eq(demandePauses.demandeId, demandeId))
      .orderBy(asc(demandePauses.demandeeLe), asc(demandePauses.createdAt)),
    db
      .select({
        id: demandeEvenements.id,
        at: demandeEvenements.at,
        type: demandeEvenements.type,
        message: demandeEvenements.message,
        parName: users.name,
        parRole: users.role,
      })
      .from(demandeEvenements)
      .leftJoin(users, eq(users.id, demandeEvenements.par))
      .where(eq(demandeEvenements.demandeId, demandeId))
      .orderBy(asc(demandeEvenements.at), asc(demandeEvenements.id)),
  ]);
  return { ...row, jeune: row.jeune?.id ? row.jeune : null, pauses, evenements };
}

export type DemandeDetail = Awaited<ReturnType<typeof getDemandeDetail>>;

/** The requests of one young person (dossier tab), newest first. */
export async function listDemandesForJeune(user: SessionUser, jeuneId: string) {
  const db = await getDb();
  return db
    .select({
      id: demandesDroits.id,
      numero: demandesDroits.numero,
      type: demandesDroits.type,
      statut: demandesDroits.statut,
      canal: demandesDroits.canal,
      recueLe: demandesDroits.recueLe,
      echeance: demandesDroits.echeance,
      prolongeeLe: demandesDroits.prolongeeLe,
      issue: demandesDroits.issue,
      pauseOuverte: openPause,
    })
    .from(demandesDroits)
    .where(and(eq(demandesDroits.jeuneId, jeuneId), ...scopeOf(user)))
    .orderBy(desc(demandesDroits.recueLe), desc(demandesDroits.numero))
    .limit(100);
}

const registreColumns = {
  numero: demandesDroits.numero,
  structureName: structures.name,
  type: demandesDroits.type,
  finalite: demandesDroits.finalite,
  canal: demandesDroits.canal,
  recueLe: demandesDroits.recueLe,
  statut: demandesDroits.statut,
  identiteVerifieeLe: demandesDroits.identiteVerifieeLe,
  identiteMethode: demandesDroits.identiteMethode,
  echeance: demandesDroits.echeance,
  prolongeeLe: demandesDroits.prolongeeLe,
  prolongationMotif: demandesDroits.prolongationMotif,
  issue: demandesDroits.issue,
  reponseMotif: demandesDroits.reponseMotif,
  reponduLe: demandesDroits.reponduLe,
  closeLe: demandesDroits.closeLe,
  pauses: sql<number>`(select count(*) from ${demandePauses} where ${demandePauses.demandeId} = ${demandesDroits.id})`.mapWith(Number),
};

/** How many requests the register export holds (the link says it; the audit entry records it). */
export async function countRegistre(user: SessionUser, tx?: DbOrTx): Promise<number> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ n: count() })
    .from(demandesDroits)
    .where(scopeOf(user).length ? and(...scopeOf(user)) : undefined);
  return row?.n ?? 0;
}

type RegistreKey = { structureName: string; structureId: string; recueLe: string; numero: string };

/**
 * Every request of the caller's scope (admin: all), by structure then oldest first, in keyset pages on
 * (structure name, structure id, received on, number) for the streamed register export.
 */
export function registrePages(user: SessionUser, pageSize?: number) {
  const scope = scopeOf(user);
  return keysetPages(
    async (after: RegistreKey | null, limit) => {
      const db = await getDb();
      return db
        .select({ ...registreColumns, structureId: demandesDroits.structureId })
        .from(demandesDroits)
        .innerJoin(structures, eq(structures.id, demandesDroits.structureId))
        .where(
          and(
            ...scope,
            after
              ? sql`(${structures.name}, ${demandesDroits.structureId}, ${demandesDroits.recueLe}, ${demandesDroits.numero}) > (${after.structureName}, ${after.structureId}::uuid, ${after.recueLe}::date, ${after.numero})`
              : undefined,
          ),
        )
        .orderBy(asc(structures.name), asc(demandesDroits.structureId), asc(demandesDroits.recueLe), asc(demandesDroits.numero))
        .limit(limit);
    },
    (r) => ({ structureName: r.structureName, structureId: r.structureId, recueLe: r.recueLe, numero: r.numero }),
    pageSize,
  );
}

/** Every request of the caller's scope, in the register's order (tests and small reads; the export streams registrePages). */
export async function listRegistre(user: SessionUser) {
  const rows = [];
  for await (const page of registrePages(user)) rows.push(...page);
  return rows;
}

export const JEUNE_SEARCH_LIMIT = 10;

/** DPO intake: young people of the structure whose name contains every word typed. */
export async function searchJeunesForIntake(user: SessionUser, q: string) {
  const words = normalizeForSearch(q)
    .split(" ")
    .filter((w) => w.length > 0)
    .slice(0, 5);
  if (words.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      id: jeunes.id,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
      dateNaissance: jeunes.dateNaissance,
      commune: jeunes.commune,
      statut: jeunes.statut,
    })
    .from(jeunes)
    .where(
      and(
        ...structureConditions(user),
        sql`${jeunes.anonymisedAt} is null`,
        ...words.map((w) => sql`${jeunes.searchText} like ${`%${escapeLike(w)}%`}`),
      ),
    )
    .orderBy(asc(jeunes.searchText))
    .limit(JEUNE_SEARCH_LIMIT);
}

/** One young person of the caller's structure, for the DPO intake form. */
export async function getJeuneForIntake(user: SessionUser, jeuneId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: jeunes.id,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
      dateNaissance: jeunes.dateNaissance,
      email: jeunes.email,
    })
    .from(jeunes)
    .where(and(eq(jeunes.id, jeuneId), ...structureConditions(user), sql`${jeunes.anonymisedAt} is null`));
  return row ?? null;
}

/**
 * What the DPO needs to handle a request beyond its own row: the dossier's version and correctable
 * values (rectification), the legal holds (erasure), where a forwarding to France Travail stands, and
 * the art. 19 transfers this request created. The request was already loaded in the caller's scope.
 */
/** Requests whose handling tells the recipients of the data (GDPR art. 19). */
export const ART19_TYPES: ReadonlySet<DemandeDroits["type"]> = new Set(["rectification", "effacement", "limitation"]);

export async function getTraitementContext(demande: Pick<DemandeDroits, "id" | "jeuneId" | "type" | "structureId">, today: CivilDate) {
  const db = await getDb();
  const [jeune] = demande.jeuneId
    ? await db
        .select()
        .from(jeunes)
        .where(and(eq(jeunes.id, demande.jeuneId), eq(jeunes.structureId, demande.structureId)))
    : [];
  const live = jeune && !jeune.anonymisedAt ? jeune : null;
  const [forward, avisArt19, holds] = await Promise.all([
    forwardInfo(db, demande.id),
    ART19_TYPES.has(demande.type) ? art19TransfersOf(db, demande) : Promise.resolve([]),
    demande.type === "effacement" && live ? holdsFor(db, live, today) : Promise.resolve([]),
  ]);
  return {
    jeune: live
      ? { version: live.version, valeurs: RECTIFIABLE_FIELDS.map((f) => ({ champ: f, label: RECTIFIABLE_LABELS[f], valeur: live[f] })) }
      : null,
    anonymise: Boolean(jeune?.anonymisedAt),
    forward,
    avisArt19,
    holds,
  };
}
