import "server-only";
import { and, asc, desc, eq, gt, gte, isNull, sql } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { allocationDecisions, contrats, jeunes, participations, sanctions, seances } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { isoWeekOf, type IsoWeek } from "@/lib/calendar/iso-week";
import { jeuneWeekGauge, type JeuneWeekGauge } from "@/lib/cej/jauge-query";
import { loadDataMapContext } from "@/lib/data-map/queries";
import type { SeanceType } from "@/lib/agenda/rules";
import type { DataMapContext } from "@/lib/data-map/context";
import type { PathwayFacts } from "./informations";

/** A handful in practice; bounded so a long history never makes the page heavy. */
const DECISIONS_SHOWN = 6;
const SANCTIONS_SHOWN = 20;

function ownJeuneId(user: SessionUser): string | null {
  return user.role === "jeune" ? user.jeuneId : null;
}

async function ownFile(db: DbOrTx, jeuneId: string) {
  const [row] = await db
    .select({
      structureId: jeunes.structureId,
      dateNaissance: jeunes.dateNaissance,
      dispositif: jeunes.dispositif,
      anonymisedAt: jeunes.anonymisedAt,
    })
    .from(jeunes)
    .where(eq(jeunes.id, jeuneId));
  return row && !row.anonymisedAt ? row : null;
}

/** What "Mes informations" is built from: my birth date (minor or not), my pathway, the dated settings. */
export async function getMyInformationSources(
  user: SessionUser,
  now = new Date(),
): Promise<{ dateNaissance: CivilDate; facts: PathwayFacts; ctx: DataMapContext } | null> {
  const jeuneId = ownJeuneId(user);
  if (!jeuneId) return null;
  const db = await getDb();
  const file = await ownFile(db, jeuneId);
  if (!file) return null;
  const today = todayInParis(now);
  const [types, allowance, ctx] = await Promise.all([
    db.selectDistinct({ type: contrats.type }).from(contrats).where(eq(contrats.jeuneId, jeuneId)),
    db
      .selectDistinct({ dispositif: allocationDecisions.dispositif })
      .from(allocationDecisions)
      .where(and(eq(allocationDecisions.jeuneId, jeuneId), gt(allocationDecisions.montantCents, 0))),
    loadDataMapContext(db, today),
  ]);
  return {
    dateNaissance: file.dateNaissance,
    facts: {
      dispositif: file.dispositif,
      contractTypes: types.map((t) => t.type),
      allowance: { cej: allowance.some((a) => a.dispositif === "CEJ"), pacea: allowance.some((a) => a.dispositif === "PACEA") },
    },
    ctx,
  };
}

export interface MyContract {
  id: string;
  type: "PACEA" | "CEJ";
  signeLe: CivilDate;
  debut: CivilDate;
  finPrevue: CivilDate;
  finReelle: CivilDate | null;
  motifSortie: string | null;
  prolonge: boolean;
}

export interface MyNextSeance {
  type: SeanceType;
  titre: string;
  debut: Date;
  fin: Date;
  lieu: string | null;
}

export interface MyDecision {
  id: string;
  mois: string;
  dispositif: "CEJ" | "PACEA";
  montantCents: number;
  explication: string;
}

export interface MySanction {
  id: string;
  dateFait: CivilDate;
  motif: string;
  statut: "proposee" | "contradictoire" | "decidee" | "abandonnee";
  palier: string;
  reponseJeune: string | null;
  reponseLe: CivilDate | null;
  decision: string | null;
  decideeLe: CivilDate | null;
}

export interface MyPathway {
  contracts: MyContract[];
  next: MyNextSeance | null;
  /** This week's CEJ hours, when a CEJ runs and the weekly rules are set. */
  week: { week: IsoWeek; gauge: JeuneWeekGauge["gauge"] } | null;
  cejRunning: boolean;
  decisions: MyDecision[];
  sanctions: MySanction[];
}

/**
 * My pathway: contracts, the next séance I am expected at, this week's CEJ hours, the latest allowance
 * decisions (the ones in force) and my sanctions — each query scoped by my own file and bounded.
 */
export async function getMyPathway(user: SessionUser, now = new Date()): Promise<MyPathway | null> {
  const jeuneId = ownJeuneId(user);
  if (!jeuneId) return null;
  const db = await getDb();
  const file = await ownFile(db, jeuneId);
  if (!file) return null;
  const week = isoWeekOf(todayInParis(now));
  const [contractRows, [next], decisions, sanctionRows] = await Promise.all([
    db
      .select({
        id: contrats.id,
        type: contrats.type,
        signeLe: contrats.signeLe,
        debut: contrats.debut,
        finPrevue: contrats.finPrevue,
        finReelle: contrats.finReelle,
        motifSortie: contrats.motifSortie,
        prolonge: sql<boolean>`${contrats.prolongationMotif} is not null`,
        structureId: contrats.structureId,
      })
      .from(contrats)
      .where(eq(contrats.jeuneId, jeuneId))
      .orderBy(desc(contrats.debut), desc(contrats.createdAt))
      .limit(20),
    db
      .select({ type: seances.type, titre: seances.titre, debut: seances.debut, fin: seances.fin, lieu: seances.lieu })
      .from(participations)
      .innerJoin(seances, eq(seances.id, participations.seanceId))
      .where(and(eq(participations.jeuneId, jeuneId), gte(seances.debut, now), isNull(seances.annuleeLe)))
      .orderBy(asc(seances.debut))
      .limit(1),
    db
      .select({
        id: allocationDecisions.id,
        mois: allocationDecisions.mois,
        dispositif: allocationDecisions.dispositif,
        montantCents: allocationDecisions.montantCents,
        explication: allocationDecisions.explication,
      })
      .from(allocationDecisions)
      .where(and(eq(allocationDecisions.jeuneId, jeuneId), isNull(allocationDecisions.remplaceeParId)))
      .orderBy(desc(allocationDecisions.mois), desc(allocationDecisions.decideeLe))
      .limit(DECISIONS_SHOWN),
    db
      .select({
        id: sanctions.id,
        dateFait: sanctions.dateFait,
        motif: sanctions.motif,
        statut: sanctions.statut,
        palier: sanctions.palier,
        reponseJeune: sanctions.reponseJeune,
        reponseLe: sanctions.reponseLe,
        decision: sanctions.decision,
        decideeLe: sanctions.decideeLe,
      })
      .from(sanctions)
      .where(eq(sanctions.jeuneId, jeuneId))
      .orderBy(desc(sanctions.dateFait), desc(sanctions.createdAt))
      .limit(SANCTIONS_SHOWN),
  ]);
  const runningCej = contractRows.find((c) => c.type === "CEJ" && c.finReelle === null);
  const gauge = runningCej ? await jeuneWeekGauge(db, { structureId: runningCej.structureId, jeuneId, week }) : null;
  return {
    contracts: contractRows.map(({ structureId: _s, ...c }) => c),
    next: next ?? null,
    week: gauge ? { week, gauge: gauge.gauge } : null,
    cejRunning: Boolean(runningCej),
    decisions,
    sanctions: sanctionRows,
  };
}
