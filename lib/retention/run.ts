import os from "node:os";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { consultations, jeunes, signInCodes, userSessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { purgeRateLimits } from "@/lib/auth/rate-limit";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { logger } from "@/lib/log/logger";
import { settingInForce } from "@/lib/settings/read";
import { scrubSettledPayloads } from "@/lib/transmissions/notices";
import { daysCutoff, dossierVerdict, monthsCutoff } from "./rules";
import { anonymiseStaffIfDue, staffCandidates } from "./staff";
import { beat, claimRun, finishRun, RunTakenOver, writeItems, type RetentionTrigger, type RunItem, type StepCounts } from "./store";

/** The rules a run applies, in this order; each is a step with its counts and items. */
export const RETENTION_RULES = ["dossiers", "comptes", "consultations", "sessions", "codes"] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

/**
 * Trace durations used while `conservation.traces` has no value yet (an older database): the consultation
 * log at the décret's 7 months for connection logs, sessions and one-time codes 30 days after they ended.
 */
export const DEFAULT_TRACES = { consultationsMois: 7, sessionsJours: 30, codesConnexionJours: 30 };

/** How many targets a rule takes per run at most: the rest waits for the next run (bounded time and memory). */
const DEFAULT_BATCH = 5000;
/** Progress and heartbeat are written every this many targets. */
const BEAT_EVERY = 25;

export interface RetentionRunResult {
  /** The run recorded; when refused, the run in progress if known. */
  runId: string | null;
  /** "occupe": another run holds the lock; "recent": the schedule's run already happened this period. */
  status: "termine" | "echec" | "occupe" | "recent";
  dryRun: boolean;
  counts: Record<RetentionRule, StepCounts>;
  /** Settled transfers of anonymised dossiers whose payload was emptied (e.g. erasure notices delivered since). */
  payloadsScrubbed: number;
  /** Rate-limit windows that ended, deleted (housekeeping, no rule). */
  rateLimitsPurged: number;
}

export interface RetentionOptions {
  now?: Date;
  dryRun?: boolean;
  trigger?: RetentionTrigger;
  requestedBy?: string | null;
  batchSize?: number;
  /** See ClaimRequest.minIntervalMs (the worker's schedule). */
  minIntervalMs?: number;
}

/** host:pid, recorded on the run so an operator sees which process holds it. */
export function processName(): string {
  return `${os.hostname()}:${process.pid}`;
}

function emptyCounts(): Record<RetentionRule, StepCounts> {
  return Object.fromEntries(RETENTION_RULES.map((r) => [r, { examined: 0, done: 0, skipped: 0 }])) as Record<RetentionRule, StepCounts>;
}

/**
 * Runs the retention rules once, if no other run is in progress anywhere (lib/retention/store.ts): claims the
 * run, then applies it. A dry run selects exactly as a real one and writes only the run and its items.
 */
export async function runRetention(db: Db, today: CivilDate, options: RetentionOptions = {}): Promise<RetentionRunResult> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const claim = await db.transaction((tx) =>
    claimRun(tx, {
      dryRun,
      trigger: options.trigger ?? "commande",
      requestedBy: options.requestedBy,
      claimedBy: processName(),
      now,
      minIntervalMs: options.minIntervalMs,
    }),
  );
  if (!claim.ok)
    return {
      runId: claim.runningId ?? null,
      status: claim.reason,
      dryRun,
      counts: emptyCounts(),
      payloadsScrubbed: 0,
      rateLimitsPurged: 0,
    };
  return executeRun(db, { id: claim.run.id, dryRun }, today, { ...options, now });
}

interface Planned {
  rule: RetentionRule;
  targetType: string;
  targetId: string;
  structureId: string | null;
  /** Hold codes when the target is kept; null when it goes. */
  hold: string | null;
}

interface Plan {
  items: Planned[];
  examined: Record<RetentionRule, number>;
  rules: { dossiers: { id: string; value: NonNullable<Awaited<ReturnType<typeof dossierRules>>>["value"] } | null };
}

const dossierRules = (db: DbOrTx, today: CivilDate) => settingInForce(db, "conservation.regles", today);

/** What the rules select on `today`: the same for a dry run and a real one. */
export async function planRetention(db: DbOrTx, today: CivilDate, now: Date, batchSize = DEFAULT_BATCH): Promise<Plan> {
  const examined = Object.fromEntries(RETENTION_RULES.map((r) => [r, 0])) as Record<RetentionRule, number>;
  const items: Planned[] = [];
  const rules = await dossierRules(db, today);
  const traces = (await settingInForce(db, "conservation.traces", today))?.value ?? DEFAULT_TRACES;

  if (rules) {
    // Young people's files: archived, not yet anonymised, past their retention end, not held.
    const files = await db
      .select({
        id: jeunes.id,
        structureId: jeunes.structureId,
        dateNaissance: jeunes.dateNaissance,
        limitationDepuis: jeunes.limitationDepuis,
        finDernierCej: sql<string | null>`(select max(c.fin_reelle)::text from contrats c where c.jeune_id = jeunes.id and c.type = 'CEJ')`,
        finEnCours: sql<
          string | null
        >`(select max(c.fin_prevue)::text from contrats c where c.jeune_id = jeunes.id and c.fin_reelle is null)`,
        enCours: sql<boolean>`exists (select 1 from contrats c where c.jeune_id = jeunes.id and c.fin_reelle is null)`,
        derniereDecision: sql<
          string | null
        >`(select (max(a.decidee_le) at time zone 'Europe/Paris')::date::text from allocation_decisions a where a.jeune_id = jeunes.id)`,
        dernierContrat: sql<
          string | null
        >`(select max(coalesce(c.fin_reelle, c.fin_prevue))::text from contrats c where c.jeune_id = jeunes.id)`,
      })
      .from(jeunes)
      .where(and(eq(jeunes.statut, "archive"), isNull(jeunes.anonymisedAt)))
      .orderBy(jeunes.id)
      .limit(batchSize);
    examined.dossiers = files.length;
    for (const f of files) {
      const lastRecord =
        [f.dernierContrat, f.derniereDecision]
          .filter((d): d is string => d !== null)
          .sort()
          .at(-1) ?? null;
      const verdict = dossierVerdict(
        {
          dateNaissance: f.dateNaissance,
          finDernierCej: f.finDernierCej,
          finProgrammeEnCours: f.finEnCours,
          limitationDepuis: f.limitationDepuis,
          contratEnCours: f.enCours,
          derniereDecisionAllocation: f.derniereDecision,
          dernierEnregistrementParcours: lastRecord,
        },
        rules.value,
        today,
      );
      if (!verdict.due) continue;
      items.push({
        rule: "dossiers",
        targetType: "jeune",
        targetId: f.id,
        structureId: f.structureId,
        hold: verdict.holds.length ? verdict.holds.join(",") : null,
      });
    }

    // Staff accounts after their access ended.
    const accounts = await staffCandidates(db, today, rules.value.comptePersonnelAnneesApresFin, batchSize);
    examined.comptes = accounts.length;
    for (const a of accounts) items.push({ rule: "comptes", targetType: "user", targetId: a.id, structureId: a.structureId, hold: a.held });
  }

  // The consultation log: older than the duration, except for a file under limitation (frozen as a whole).
  const seen = await db
    .select({ id: consultations.id, structureId: consultations.structureId, limited: sql<boolean>`${jeunes.limitationDepuis} is not null` })
    .from(consultations)
    .innerJoin(jeunes, eq(jeunes.id, consultations.jeuneId))
    .where(lt(consultations.at, monthsCutoff(today, traces.consultationsMois)))
    .orderBy(consultations.id)
    .limit(batchSize);
  examined.consultations = seen.length;
  for (const c of seen)
    items.push({
      rule: "consultations",
      targetType: "consultation",
      targetId: String(c.id),
      structureId: c.structureId,
      hold: c.limited ? "limitation" : null,
    });

  // Sign-in sessions ended (signed out, revoked or expired) longer ago than the duration.
  const sessionsBefore = daysCutoff(now, traces.sessionsJours);
  const ended = await db
    .select({ id: userSessions.id, structureId: users.structureId })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(sessionEnded(sessionsBefore))
    .orderBy(userSessions.id)
    .limit(batchSize);
  examined.sessions = ended.length;
  for (const s of ended)
    items.push({ rule: "sessions", targetType: "user_session", targetId: s.id, structureId: s.structureId, hold: null });

  // One-time sign-in codes and first links, expired longer ago than the duration.
  const codesBefore = daysCutoff(now, traces.codesConnexionJours);
  const codes = await db
    .select({ id: signInCodes.id, structureId: users.structureId })
    .from(signInCodes)
    .innerJoin(users, eq(users.id, signInCodes.userId))
    .where(lt(signInCodes.expiresAt, codesBefore))
    .orderBy(signInCodes.id)
    .limit(batchSize);
  examined.codes = codes.length;
  for (const c of codes) items.push({ rule: "codes", targetType: "sign_in_code", targetId: c.id, structureId: c.structureId, hold: null });

  return { items, examined, rules: { dossiers: rules ? { id: rules.id, value: rules.value } : null } };
}

const sessionEnded = (before: Date) => or(lt(userSessions.revokedAt, before), lt(userSessions.expiresAt, before));

/** Applies a claimed run: plan, then (real run) each target in its own short transaction with its item. */
export async function executeRun(
  db: Db,
  run: { id: string; dryRun: boolean },
  today: CivilDate,
  options: RetentionOptions & { now: Date },
): Promise<RetentionRunResult> {
  const counts = emptyCounts();
  const progress = { done: 0, total: 0 };
  let payloadsScrubbed = 0;
  let rateLimitsPurged = 0;
  const result = (status: RetentionRunResult["status"]): RetentionRunResult => ({
    runId: run.id,
    status,
    dryRun: run.dryRun,
    counts,
    payloadsScrubbed,
    rateLimitsPurged,
  });
  try {
    const plan = await planRetention(db, today, options.now, options.batchSize);
    for (const rule of RETENTION_RULES) counts[rule].examined = plan.examined[rule];
    const held = plan.items.filter((i) => i.hold !== null);
    const toDo = plan.items.filter((i) => i.hold === null);
    for (const i of held) counts[i.rule].skipped += 1;
    progress.total = toDo.length;
    const item = (p: Planned, outcome: "fait" | "prevu" | "ignore"): RunItem => ({
      runId: run.id,
      rule: p.rule,
      targetType: p.targetType,
      targetId: p.targetId,
      structureId: p.structureId,
      outcome,
      reason: outcome === "ignore" ? p.hold : null,
    });
    await writeItems(
      db,
      held.map((p) => item(p, "ignore")),
    );
    await beat(db, run.id, { progress, counts });

    if (run.dryRun) {
      for (let i = 0; i < toDo.length; i += 500) {
        const chunk = toDo.slice(i, i + 500);
        await writeItems(
          db,
          chunk.map((p) => item(p, "prevu")),
        );
        for (const p of chunk) counts[p.rule].done += 1;
        progress.done += chunk.length;
        await beat(db, run.id, { progress, counts });
      }
    } else {
      rateLimitsPurged = await purgeRateLimits(db, options.now);
      const rules = plan.rules.dossiers;
      let sinceBeat = 0;
      const tick = async (n: number) => {
        progress.done += n;
        sinceBeat += n;
        if (sinceBeat >= BEAT_EVERY) {
          sinceBeat = 0;
          await beat(db, run.id, { progress, counts });
        }
      };
      for (const p of toDo.filter((x) => x.rule === "dossiers" || x.rule === "comptes")) {
        const done = await db.transaction(async (tx) => {
          const ok =
            p.rule === "dossiers"
              ? await anonymiseDueDossier(tx, p.targetId, rules!.id)
              : await anonymiseStaffIfDue(
                  tx,
                  p.targetId,
                  today,
                  { id: rules!.id, years: rules!.value.comptePersonnelAnneesApresFin },
                  options.now,
                );
          if (ok) await writeItems(tx, [item(p, "fait")]);
          return ok;
        });
        if (done) counts[p.rule].done += 1;
        await tick(1);
      }
      const traces = (await settingInForce(db, "conservation.traces", today))?.value ?? DEFAULT_TRACES;
      for (const rule of ["consultations", "sessions", "codes"] as const) {
        const targets = toDo.filter((x) => x.rule === rule);
        for (let i = 0; i < targets.length; i += 500) {
          const chunk = targets.slice(i, i + 500);
          const deleted = await db.transaction(async (tx) => {
            const ids = await purgeTraces(
              tx,
              rule,
              chunk.map((p) => p.targetId),
              { today, now: options.now, traces },
            );
            const gone = new Set(ids);
            await writeItems(
              tx,
              chunk.filter((p) => gone.has(p.targetId)).map((p) => item(p, "fait")),
            );
            return gone.size;
          });
          counts[rule].done += deleted;
          await tick(chunk.length);
        }
      }
      payloadsScrubbed = await db.transaction((tx) => scrubSettledPayloads(tx));
    }
    await finishRun(db, run.id, { status: "termine", counts, progress });
    return result("termine");
  } catch (error) {
    const type = error instanceof Error ? error.name : typeof error;
    if (!(error instanceof RunTakenOver)) await finishRun(db, run.id, { status: "echec", counts, progress, error: type }).catch(() => {});
    logger.error({ err: { type }, runId: run.id }, "retention run failed");
    return result("echec");
  }
}

/** Deletes the traces still due among `ids` (another run may have taken them): returns those deleted. */
async function purgeTraces(
  tx: Tx,
  rule: "consultations" | "sessions" | "codes",
  ids: string[],
  at: { today: CivilDate; now: Date; traces: typeof DEFAULT_TRACES },
): Promise<string[]> {
  if (ids.length === 0) return [];
  if (rule === "consultations") {
    const rows = await tx
      .delete(consultations)
      .where(
        and(
          inArray(consultations.id, ids.map(Number)),
          lt(consultations.at, monthsCutoff(at.today, at.traces.consultationsMois)),
          sql`not exists (select 1 from jeunes j where j.id = ${consultations.jeuneId} and j.limitation_depuis is not null)`,
        ),
      )
      .returning({ id: consultations.id });
    return rows.map((r) => String(r.id));
  }
  if (rule === "sessions") {
    const rows = await tx
      .delete(userSessions)
      .where(and(inArray(userSessions.id, ids), sessionEnded(daysCutoff(at.now, at.traces.sessionsJours))))
      .returning({ id: userSessions.id });
    return rows.map((r) => r.id);
  }
  const rows = await tx
    .delete(signInCodes)
    .where(and(inArray(signInCodes.id, ids), lt(signInCodes.expiresAt, daysCutoff(at.now, at.traces.codesConnexionJours))))
    .returning({ id: signInCodes.id });
  return rows.map((r) => r.id);
}

/**
 * The purge's anonymisation of one file: only if it is still archived, not anonymised and not under limitation
 * (checked in the UPDATE itself, so two runs never anonymise it twice nor write two audit entries).
 */
async function anonymiseDueDossier(tx: Tx, id: string, ruleId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: jeunes.id, structureId: jeunes.structureId, dateNaissance: jeunes.dateNaissance })
    .from(jeunes)
    .where(eq(jeunes.id, id));
  if (!row) return false;
  const done = await anonymiseJeune(tx, row, { onlyIfArchivedAndFree: true });
  if (!done) return false;
  await writeAudit(tx, null, {
    action: "jeune.anonymise",
    targetType: "jeune",
    targetId: row.id,
    jeuneId: row.id,
    structureId: row.structureId,
    meta: { regle: ruleId },
  });
  return true;
}

/**
 * Erases the identity of one dossier and deactivates the young person's account: identity, contact,
 * NIR, sensitive and free-text fields go; the structure, dispositif, sex and birth year stay for
 * statistics. Used by the retention purge and by an accepted erasure request (GDPR art. 17).
 * Only a file not yet anonymised changes (in the UPDATE itself); false when there was nothing to do.
 */
export async function anonymiseJeune(
  tx: Tx,
  candidate: { id: string; dateNaissance: string },
  options: { onlyIfArchivedAndFree?: boolean } = {},
): Promise<boolean> {
  const done = await tx
    .update(jeunes)
    .set({
      nomNaissance: "ANONYME",
      nomUsage: null,
      prenoms: "—",
      dateNaissance: `${candidate.dateNaissance.slice(0, 4)}-01-01`,
      communeNaissance: null,
      telephone: null,
      email: null,
      adresse: null,
      codePostal: null,
      commune: null,
      nirEncrypted: null,
      nirHmac: null,
      ftIdentifiant: null,
      titreSejourFin: null,
      situationJustice: null,
      sante: null,
      commentaire: null,
      archiveDetail: null,
      searchText: "anonyme",
      anonymisedAt: new Date(),
      version: sql`${jeunes.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(jeunes.id, candidate.id),
        isNull(jeunes.anonymisedAt),
        ...(options.onlyIfArchivedAndFree ? [eq(jeunes.statut, "archive"), isNull(jeunes.limitationDepuis)] : []),
      ),
    )
    .returning({ id: jeunes.id });
  if (done.length === 0) return false;
  // What was sent stays provable (field names, payload hash, ledger) without the values.
  await scrubSettledPayloads(tx, candidate.id);
  await tx
    .update(users)
    .set({ active: false, deactivatedAt: new Date(), email: sql`'anonyme-' || ${users.id} || '@invalid'`, name: "Compte anonymisé" })
    .where(eq(users.jeuneId, candidate.id));
  return true;
}
