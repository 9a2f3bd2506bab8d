import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, demandesDroits, ledgerVerifications, retentionRuns, transmissions } from "@/db/schema";
import type { TransmissionStatut } from "@/db/schema";
import type { DemandeStatut } from "@/lib/droits/labels";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { addDays, type CivilDate } from "@/lib/calendar/civil-date";
import { CONSULTATION_MOTIFS, type ConsultationMotif } from "@/lib/consultations/motifs";
import { DEMANDE_STATUTS } from "@/lib/droits/labels";
import { DEFAULT_QUEUE_FILTERS, queueHref } from "@/lib/droits/queue-params";
import { SOON_DAYS } from "@/lib/droits/rules";
import { DomainError } from "@/lib/errors/domain-error";
import { DEFAULT_TRANSMISSION_FILTERS, transmissionsHref } from "@/lib/transmissions/admin-params";

/** Transfer statuses the DPO must look at: refused, held by a limitation, abandoned after retries (dead letters). */
export const WATCHED_TRANSMISSION_STATUTS = [
  "rejetee",
  "retenue",
  "abandonnee",
  "echec_temporaire",
] as const satisfies readonly TransmissionStatut[];

export interface Conformite {
  droits: {
    ouvertes: { value: number; href: string };
    enRetard: { value: number; href: string };
    /** Open, deadline within SOON_DAYS days (today included). */
    bientot: number;
    parStatut: { statut: DemandeStatut; value: number; href: string }[];
  };
  transmissions: {
    /** One row per recipient, with each watched status and the total. */
    parDestinataire: {
      recipient: string;
      total: { value: number; href: string };
      statuts: Record<(typeof WATCHED_TRANSMISSION_STATUTS)[number], { value: number; href: string }>;
    }[];
  };
  consultations: {
    horsPortefeuille: { value: number; href: string };
    parMotif: { motif: ConsultationMotif; value: number; href: string }[];
  };
  ledger: {
    startedAt: Date;
    finishedAt: Date | null;
    ok: boolean | null;
    entriesChecked: number;
    firstBadSeq: number | null;
    error: string | null;
  } | null;
  retention: {
    id: string;
    dryRun: boolean;
    trigger: string;
    status: "en_cours" | "termine" | "echec";
    startedAt: Date;
    finishedAt: Date | null;
    counts: Record<string, { examined: number; done: number; skipped: number }>;
    progress: { done: number; total: number };
  }[];
}

export const RETENTION_RUNS_SHOWN = 5;

const n = sql<number>`count(*)::int`.mapWith(Number);

/**
 * The DPO's dashboard for the working structure (a director reads it too): rights requests by state and
 * deadline, transfers by recipient and watched status, openings outside a portfolio by reason, the last
 * ledger walk, the last retention runs. Each count is grouped in one query and links to the list it counts.
 */
export async function loadConformite(user: SessionUser, today: CivilDate): Promise<Conformite> {
  const structureId = structureScope(user);
  if ((user.role !== "dpo" && user.role !== "directeur") || !structureId) throw new DomainError("forbidden");
  const db = await getDb();
  const soon = addDays(today, SOON_DAYS);
  const open = sql`${demandesDroits.statut} not in ('repondue', 'close')`;

  const [droitsRows, [droitsCounts], transRows, consultRows, [ledger], runs] = await Promise.all([
    db
      .select({ statut: demandesDroits.statut, n })
      .from(demandesDroits)
      .where(eq(demandesDroits.structureId, structureId))
      .groupBy(demandesDroits.statut),
    db
      .select({
        ouvertes: sql<number>`count(*) filter (where ${open})`.mapWith(Number),
        enRetard: sql<number>`count(*) filter (where ${open} and ${demandesDroits.echeance} < ${today})`.mapWith(Number),
        bientot:
          sql<number>`count(*) filter (where ${open} and ${demandesDroits.echeance} >= ${today} and ${demandesDroits.echeance} <= ${soon})`.mapWith(
            Number,
          ),
      })
      .from(demandesDroits)
      .where(eq(demandesDroits.structureId, structureId)),
    db
      .select({ recipient: transmissions.recipient, status: transmissions.status, n })
      .from(transmissions)
      .where(eq(transmissions.structureId, structureId))
      .groupBy(transmissions.recipient, transmissions.status),
    db
      .select({ motif: consultations.motif, n })
      .from(consultations)
      .where(and(eq(consultations.structureId, structureId), eq(consultations.horsPortefeuille, true)))
      .groupBy(consultations.motif),
    db
      .select({
        startedAt: ledgerVerifications.startedAt,
        finishedAt: ledgerVerifications.finishedAt,
        ok: ledgerVerifications.ok,
        entriesChecked: ledgerVerifications.entriesChecked,
        firstBadSeq: ledgerVerifications.firstBadSeq,
        error: ledgerVerifications.error,
      })
      .from(ledgerVerifications)
      .orderBy(desc(ledgerVerifications.startedAt))
      .limit(1),
    // Runs are platform-wide (one at a time across instances): the DPO sees the last ones.
    db
      .select({
        id: retentionRuns.id,
        dryRun: retentionRuns.dryRun,
        trigger: retentionRuns.trigger,
        status: retentionRuns.status,
        startedAt: retentionRuns.startedAt,
        finishedAt: retentionRuns.finishedAt,
        counts: retentionRuns.counts,
        progress: retentionRuns.progress,
      })
      .from(retentionRuns)
      .orderBy(desc(retentionRuns.startedAt))
      .limit(RETENTION_RUNS_SHOWN),
  ]);

  const recipients = [...new Set(transRows.map((r) => r.recipient))].sort();
  const trans = (recipient: string, statut: TransmissionStatut | null) =>
    transmissionsHref(DEFAULT_TRANSMISSION_FILTERS, { recipient: recipient as never, statut });

  return {
    droits: {
      ouvertes: { value: droitsCounts?.ouvertes ?? 0, href: queueHref(DEFAULT_QUEUE_FILTERS) },
      enRetard: { value: droitsCounts?.enRetard ?? 0, href: queueHref(DEFAULT_QUEUE_FILTERS, { retard: true }) },
      bientot: droitsCounts?.bientot ?? 0,
      parStatut: DEMANDE_STATUTS.map((statut) => ({
        statut,
        value: droitsRows.find((r) => r.statut === statut)?.n ?? 0,
        href: queueHref(DEFAULT_QUEUE_FILTERS, { statut }),
      })),
    },
    transmissions: {
      parDestinataire: recipients.map((recipient) => {
        const of = (s: TransmissionStatut) => transRows.find((r) => r.recipient === recipient && r.status === s)?.n ?? 0;
        return {
          recipient,
          total: { value: transRows.filter((r) => r.recipient === recipient).reduce((a, r) => a + r.n, 0), href: trans(recipient, null) },
          statuts: Object.fromEntries(
            WATCHED_TRANSMISSION_STATUTS.map((s) => [s, { value: of(s), href: trans(recipient, s) }]),
          ) as Conformite["transmissions"]["parDestinataire"][number]["statuts"],
        };
      }),
    },
    consultations: {
      horsPortefeuille: { value: consultRows.reduce((a, r) => a + r.n, 0), href: "/journal/consultations?hors=1" },
      parMotif: CONSULTATION_MOTIFS.map((motif) => ({
        motif,
        value: consultRows.find((r) => r.motif === motif)?.n ?? 0,
        href: `/journal/consultations?hors=1&motif=${motif}`,
      })),
    },
    ledger: ledger ?? null,
    retention: runs,
  };
}
