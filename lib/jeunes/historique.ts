import "server-only";
import { and, count, desc, eq, exists, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { auditLog, consultations, jeunes, users } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ConsultationMotif } from "@/lib/consultations/motifs";
import { structureConditions } from "@/lib/dossier/scope";

export const HISTORIQUE_PAGE_SIZE = 30;

export const HISTORIQUE_FILTRES = ["tout", "modifications", "consultations"] as const;
export type HistoriqueFiltre = (typeof HISTORIQUE_FILTRES)[number];

export function parseHistoriqueFiltre(value: string | string[] | undefined): HistoriqueFiltre {
  const v = Array.isArray(value) ? value[0] : value;
  return (HISTORIQUE_FILTRES as readonly string[]).includes(v ?? "") ? (v as HistoriqueFiltre) : "tout";
}

/** One line of a dossier's history: an audited change, or an opening of the dossier. */
export type HistoriqueEntry =
  | { kind: "modification"; id: number; at: Date; actorName: string | null; actorRole: Role | null; action: string; fields: string[] }
  | {
      kind: "consultation";
      id: number;
      at: Date;
      actorName: string | null;
      actorRole: Role | null;
      onglet: string;
      horsPortefeuille: boolean;
      motif: ConsultationMotif | null;
      motifDetail: string | null;
    };

/**
 * Audited acts that are openings, not changes: each also writes a consultation row, which the history
 * shows with its tab and motive. Listing both would show every break-glass and NIR reveal twice.
 */
export const ACCESS_AUDIT_ACTIONS = ["jeune.break_glass", "jeune.nir_reveal", "jeune.consultation"] as const;

const auditActors = alias(users, "audit_actors");
const consultationActors = alias(users, "consultation_actors");

/**
 * The history of one dossier, newest first: every audited change (audit_log.jeune_id) and every
 * opening (consultations), merged in one UNION ALL so a page is one query plus the counts.
 * Scoped to the caller's structure: a foreign dossier has no history. The caller checks the dossier
 * access (portfolio or reason given) before showing it.
 */
export async function listHistorique(user: SessionUser, jeuneId: string, options: { page: number; filtre?: HistoriqueFiltre }) {
  const db = await getDb();
  const filtre = options.filtre ?? "tout";
  const visible: SQL = exists(
    db
      .select({ one: sql`1` })
      .from(jeunes)
      .where(and(eq(jeunes.id, jeuneId), ...structureConditions(user))),
  );
  const auditWhere = and(eq(auditLog.jeuneId, jeuneId), notInArray(auditLog.action, [...ACCESS_AUDIT_ACTIONS]), visible);
  const consultationWhere = and(eq(consultations.jeuneId, jeuneId), visible);

  const modificationsQuery = db
    .select({
      kind: sql<"modification" | "consultation">`'modification'`.as("kind"),
      id: auditLog.id,
      at: auditLog.at,
      actorName: sql<string | null>`${auditActors.name}`.as("actor_name"),
      actorRole: sql<Role | null>`${auditLog.actorRole}::text`.as("actor_role"),
      action: sql<string | null>`${auditLog.action}`.as("action"),
      fields: sql<string[] | null>`${auditLog.fields}`.as("fields"),
      onglet: sql<string | null>`null::text`.as("onglet"),
      horsPortefeuille: sql<boolean | null>`null::boolean`.as("hors_portefeuille"),
      motif: sql<ConsultationMotif | null>`null::text`.as("motif"),
      motifDetail: sql<string | null>`null::text`.as("motif_detail"),
    })
    .from(auditLog)
    .leftJoin(auditActors, eq(auditActors.id, auditLog.actorId))
    .where(auditWhere);

  const consultationsQuery = db
    .select({
      kind: sql<"modification" | "consultation">`'consultation'`.as("kind"),
      id: consultations.id,
      at: consultations.at,
      actorName: sql<string | null>`${consultationActors.name}`.as("actor_name"),
      actorRole: sql<Role | null>`${consultations.userRole}::text`.as("actor_role"),
      action: sql<string | null>`null::text`.as("action"),
      fields: sql<string[] | null>`null::text[]`.as("fields"),
      onglet: sql<string | null>`${consultations.onglet}`.as("onglet"),
      horsPortefeuille: sql<boolean | null>`${consultations.horsPortefeuille}`.as("hors_portefeuille"),
      motif: sql<ConsultationMotif | null>`${consultations.motif}::text`.as("motif"),
      motifDetail: sql<string | null>`${consultations.motifDetail}`.as("motif_detail"),
    })
    .from(consultations)
    .leftJoin(consultationActors, eq(consultationActors.id, consultations.userId))
    .where(consultationWhere);

  const offset = (options.page - 1) * HISTORIQUE_PAGE_SIZE;
  const merged =
    filtre === "modifications"
      ? modificationsQuery
      : filtre === "consultations"
        ? consultationsQuery
        : modificationsQuery.unionAll(consultationsQuery);

  const [rows, [audits], [views]] = await Promise.all([
    // Ties (same instant) keep a stable order: ids are sequences within each kind.
    merged.orderBy(desc(sql`at`), desc(sql`kind`), desc(sql`id`)).limit(HISTORIQUE_PAGE_SIZE).offset(offset),
    db.select({ n: count() }).from(auditLog).where(auditWhere),
    db.select({ n: count() }).from(consultations).where(consultationWhere),
  ]);

  const entries: HistoriqueEntry[] = rows.map((r) =>
    r.kind === "modification"
      ? {
          kind: "modification",
          id: Number(r.id),
          at: new Date(r.at),
          actorName: r.actorName,
          actorRole: r.actorRole,
          action: r.action ?? "",
          fields: r.fields ?? [],
        }
      : {
          kind: "consultation",
          id: Number(r.id),
          at: new Date(r.at),
          actorName: r.actorName,
          actorRole: r.actorRole,
          onglet: r.onglet ?? "",
          horsPortefeuille: r.horsPortefeuille ?? false,
          motif: r.motif,
          motifDetail: r.motifDetail,
        },
  );
  const counts = { modifications: audits?.n ?? 0, consultations: views?.n ?? 0 };
  const total = filtre === "tout" ? counts.modifications + counts.consultations : counts[filtre];
  return { entries, total, counts, pageCount: Math.max(1, Math.ceil(total / HISTORIQUE_PAGE_SIZE)) };
}
