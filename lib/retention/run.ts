import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { jeunes, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { purgeRateLimits } from "@/lib/auth/rate-limit";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { settingInForce } from "@/lib/settings/read";
import { purgeEndedSessions } from "@/lib/sessions/store";
import { scrubSettledPayloads } from "@/lib/transmissions/notices";
import { retentionEnd } from "./rules";
import { anonymiseStaffAccounts } from "./staff";

export interface RetentionRunResult {
  examined: number;
  anonymised: number;
  /** Settled transfers of anonymised dossiers whose payload was emptied (e.g. erasure notices delivered since). */
  payloadsScrubbed: number;
  /** Staff accounts whose access ended longer ago than the rule allows, anonymised (lib/retention/staff.ts). */
  staffAnonymised: number;
  /** Sign-in sessions ended more than 30 days ago, deleted. */
  sessionsPurged: number;
  /** Rate-limit windows that ended, deleted. */
  rateLimitsPurged: number;
}

/**
 * Anonymises archived dossiers whose retention period has ended: identity, contact, NIR, sensitive and
 * free-text fields are erased; the structure, dispositif, sex and birth year stay for statistics.
 * Each dossier is anonymised in its own transaction with its audit entry. Staff accounts whose access ended
 * longer ago than the same rule allows (comptePersonnelAnneesApresFin) are anonymised too.
 */
export async function runRetention(
  db: Db,
  today: CivilDate,
  options: { batchSize?: number; now?: Date } = {},
): Promise<RetentionRunResult> {
  // Sign-in traces go whatever the dossiers' rules: they are about accounts, not files.
  const now = options.now ?? new Date();
  const sessionsPurged = await purgeEndedSessions(db, now);
  const rateLimitsPurged = await purgeRateLimits(db, now);
  const rules = await settingInForce(db, "conservation.regles", today);
  if (!rules) return { examined: 0, anonymised: 0, payloadsScrubbed: 0, staffAnonymised: 0, sessionsPurged, rateLimitsPurged };
  const candidates = await db
    .select({ id: jeunes.id, structureId: jeunes.structureId, dateNaissance: jeunes.dateNaissance })
    .from(jeunes)
    // A limitation (GDPR art. 18) freezes the purge until it is lifted.
    .where(and(eq(jeunes.statut, "archive"), isNull(jeunes.anonymisedAt), isNull(jeunes.limitationDepuis)))
    .limit(options.batchSize ?? 5000);

  let anonymised = 0;
  for (const candidate of candidates) {
    if (retentionEnd({ dateNaissance: candidate.dateNaissance }, rules.value).until >= today) continue;
    await db.transaction(async (tx) => {
      await anonymiseJeune(tx, candidate);
      await writeAudit(tx, null, {
        action: "jeune.anonymise",
        targetType: "jeune",
        targetId: candidate.id,
        jeuneId: candidate.id,
        structureId: candidate.structureId,
        meta: { regle: rules.id },
      });
    });
    anonymised += 1;
  }
  const payloadsScrubbed = await db.transaction((tx) => scrubSettledPayloads(tx));
  const staffAnonymised = await anonymiseStaffAccounts(db, today, { id: rules.id, years: rules.value.comptePersonnelAnneesApresFin });
  return { examined: candidates.length, anonymised, payloadsScrubbed, staffAnonymised, sessionsPurged, rateLimitsPurged };
}

/**
 * Erases the identity of one dossier and deactivates the young person's account: identity, contact,
 * NIR, sensitive and free-text fields go; the structure, dispositif, sex and birth year stay for
 * statistics. Used by the retention purge and by an accepted erasure request (GDPR art. 17).
 */
export async function anonymiseJeune(tx: Tx, candidate: { id: string; dateNaissance: string }): Promise<void> {
  await tx
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
    .where(eq(jeunes.id, candidate.id));
  // What was sent stays provable (field names, payload hash, ledger) without the values.
  await scrubSettledPayloads(tx, candidate.id);
  await tx
    .update(users)
    .set({ active: false, deactivatedAt: new Date(), email: sql`'anonyme-' || ${users.id} || '@invalid'`, name: "Compte anonymisé" })
    .where(eq(users.jeuneId, candidate.id));
}
