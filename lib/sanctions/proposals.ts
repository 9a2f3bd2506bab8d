/**
 * Automatic proposal after repeated unexcused absences (domain §4). Called by the agenda inside the
 * transaction that records attendance.
 *
 * Choices:
 * - Only the open CEJ contract: the ladder setting is the CEJ's (`cej.sanctions.bareme`); a PACEA young
 *   person's failures are recorded by hand if the direction wants to.
 * - An absence counts when marked `absent_non_excuse` at a séance that is not cancelled and took place
 *   (Paris date) on or after the contract's start.
 * - An absence already listed in ANY sanction (abandoned ones included) is not counted again: once the
 *   direction has judged those absences, dropping the sanction must not make them come back with the next one.
 * - The first three uncovered absences (in time order) make one proposal; the date of the fact is the
 *   Paris date of the third. A 4th and 5th absence therefore wait for a 6th before a new proposal.
 * - The rung: number of DECIDED sanctions of this contract before this one.
 */
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contrats, participations, sanctions, seances } from "@/db/schema";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import { writeAudit } from "@/lib/audit/write";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatLongCivilDate } from "@/lib/format/fr";
import { proposeSanction, UNEXCUSED_ABSENCES_BEFORE_SANCTION } from "./bareme";
import { loadLadders } from "./ladders";

/** "le 2 mars 2026, le 9 mars 2026 et le 16 mars 2026". */
export function listDates(dates: readonly string[]): string {
  const parts = dates.map((d) => `le ${formatLongCivilDate(d)}`);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} et ${parts.at(-1)}`;
}

/**
 * Called inside the transaction that records attendance: when the young person's unexcused absences not
 * yet covered by a sanction reach the threshold, a sanction is proposed under the ladder in force at the
 * date of the fact. Returns the id of the proposal created, if any.
 */
export async function proposeSanctionIfDue(
  tx: Tx,
  user: SessionUser,
  input: { jeuneId: string; structureId: string },
): Promise<string | null> {
  assertSameStructure(user, input.structureId);
  // Locking the contract serialises two attendance saves for the same young person.
  const [contrat] = await tx
    .select()
    .from(contrats)
    .where(
      and(
        eq(contrats.jeuneId, input.jeuneId),
        eq(contrats.structureId, input.structureId),
        isNull(contrats.finReelle),
        eq(contrats.type, "CEJ"),
      ),
    )
    .for("update");
  if (!contrat) return null;

  const absences = await tx
    .select({ id: participations.id, debut: seances.debut })
    .from(participations)
    .innerJoin(seances, eq(seances.id, participations.seanceId))
    .where(
      and(
        eq(participations.jeuneId, input.jeuneId),
        eq(participations.structureId, input.structureId),
        eq(participations.presence, "absent_non_excuse"),
        isNull(seances.annuleeLe),
      ),
    )
    .orderBy(asc(seances.debut), asc(participations.id));
  const covered = new Set(
    (
      await tx
        .select({ id: sql<string>`unnest(${sanctions.participationIds})` })
        .from(sanctions)
        .where(eq(sanctions.jeuneId, input.jeuneId))
    ).map((r) => r.id),
  );
  const open = absences
    .map((a) => ({ id: a.id, date: todayInParis(a.debut) }))
    .filter((a) => a.date >= contrat.debut && !covered.has(a.id));
  if (open.length < UNEXCUSED_ABSENCES_BEFORE_SANCTION) return null;

  const counted = open.slice(0, UNEXCUSED_ABSENCES_BEFORE_SANCTION);
  const dateFait = counted.at(-1)!.date;
  const [decided] = await tx
    .select({ n: count() })
    .from(sanctions)
    .where(and(eq(sanctions.contratId, contrat.id), eq(sanctions.statut, "decidee")));
  const proposal = proposeSanction({ factDate: dateFait, ladders: await loadLadders(tx), previousUnjustifiedFailures: decided?.n ?? 0 });
  // No ladder in force at that date (before March 2022): nothing to propose.
  if (!proposal.ok) return null;

  const [row] = await tx
    .insert(sanctions)
    .values({
      structureId: contrat.structureId,
      jeuneId: contrat.jeuneId,
      contratId: contrat.id,
      dateFait,
      motif: `Trois absences non excusées : ${listDates(counted.map((a) => a.date))}.`,
      participationIds: counted.map((a) => a.id),
      regime: proposal.regime,
      palier: proposal.palier,
      palierIndex: proposal.palierIndex,
      baremeEnVigueurDepuis: proposal.ladderEffectiveFrom,
    })
    .returning({ id: sanctions.id });
  await writeAudit(tx, user, {
    action: "sanction.proposee",
    targetType: "sanction",
    targetId: row!.id,
    jeuneId: contrat.jeuneId,
    structureId: contrat.structureId,
    fields: ["dateFait", "motif", "participationIds", "regime", "palier", "palierIndex", "baremeEnVigueurDepuis"],
    meta: { origine: "absences", regime: proposal.regime, palier: proposal.palier },
  });
  return row!.id;
}
