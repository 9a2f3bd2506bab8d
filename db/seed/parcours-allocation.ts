import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contrats, participations, seances } from "@/db/schema";
import { computeAllocationDecision, storeDecision } from "@/lib/allocation/decision-writes";
import { addToMonth, monthOf } from "@/lib/calendar/months";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/auth/roles";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit/write";
import { type ActionDefinition, runInTransaction } from "@/lib/actions/run";
import { addDays, dayOfWeek, type CivilDate } from "@/lib/calendar/civil-date";
import { isDomainError } from "@/lib/errors/domain-error";
import { proposeSanctionIfDue } from "@/lib/sanctions/proposals";
import { sanctionActions } from "@/lib/sanctions/writes";
import type { ParcoursSeedContext } from "./parcours";

type Staff = ParcoursSeedContext["staff"][number];
type SeedJeune = ParcoursSeedContext["jeunes"][number];

const FOYERS = ["non_imposable", "premiere_tranche", "non_imposable", "non_imposable"] as const;
const PACEA_AMOUNTS_CENTS = [30000, 25000, 18050];

function asSessionUser(staff: Staff): SessionUser {
  return {
    id: staff.id,
    email: staff.email,
    name: staff.email,
    role: staff.role as Role,
    structureId: staff.structureId,
    structureName: null,
    sessionId: null,
    antenneId: null,
    jeuneId: null,
  };
}

/** Paris 10:00 on a civil date (UTC+1 or +2: 08:00 or 09:00 UTC, both the same Paris day). */
const morning = (date: CivilDate) => new Date(`${date}T08:30:00Z`);

/** The latest weekday on or before `date`. */
function weekdayOnOrBefore(date: CivilDate): CivilDate {
  let d = date;
  while (dayOfWeek(d) === 0 || dayOfWeek(d) === 6) d = addDays(d, -1);
  return d;
}

/** Runs a step through the real service; a refusal (no contract that month, no setting…) is skipped. */
async function attempt<T>(step: () => Promise<T>): Promise<T | null> {
  try {
    return await step();
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}

/**
 * Allowance decisions and sanctions for the demo, through the real services (same computation, same
 * audit; the decisions without their transfers, see below): CEJ young people get the last three months (varied household status, one with
 * resources that reduce it); a few PACEA young people get an allowance; in Lyon one sanction is proposed from three
 * unexcused absences, and one is decided (30 % suspension last month) and shows in last month's
 * allowance. Deterministic from `today`.
 */
export async function seedAllocation(tx: Tx, ctx: ParcoursSeedContext): Promise<void> {
  const { today } = ctx;
  const clock = () => new Date(`${today}T12:00:00Z`);
  const steps = sanctionActions(clock);
  const month = monthOf(today);
  const staffById = new Map(ctx.staff.map((s) => [s.id, s]));
  const counsellorOf = (j: SeedJeune) => {
    const own = j.conseillerId ? staffById.get(j.conseillerId) : undefined;
    return own ?? ctx.staff.find((s) => s.role === "conseiller" && s.structureId === j.structureId);
  };
  const directorOf = (structureId: string) => ctx.staff.find((s) => s.role === "directeur" && s.structureId === structureId);
  const openContract = async (jeuneId: string) =>
    (
      await tx
        .select()
        .from(contrats)
        .where(and(eq(contrats.jeuneId, jeuneId), isNull(contrats.finReelle)))
    )[0] ?? null;

  // --- Sanctions (before the allowances, so last month's decision shows the decided one) ---------------
  const lyonId = ctx.staff.find((s) => s.email === "conseillere.lyon@sillage.demo")?.structureId;
  const lyonCej = ctx.jeunes.filter((j) => j.structureId === lyonId && j.dispositif === "CEJ" && j.email !== "lea.dupont@exemple.fr");
  const withContract = [];
  for (const j of lyonCej) {
    const c = await openContract(j.id);
    if (c?.type === "CEJ") withContract.push({ jeune: j, contrat: c });
  }

  // Three unexcused absences → one proposal: the agenda's absences, completed with recent rendez-vous missed.
  const absentee = withContract.find(({ contrat }) => contrat.debut <= addDays(today, -30));
  if (absentee) {
    const counsellor = counsellorOf(absentee.jeune);
    if (counsellor) {
      const existing = await tx
        .select({ id: participations.id })
        .from(participations)
        .innerJoin(seances, eq(seances.id, participations.seanceId))
        .where(
          and(eq(participations.jeuneId, absentee.jeune.id), eq(participations.presence, "absent_non_excuse"), isNull(seances.annuleeLe)),
        )
        .orderBy(asc(seances.debut));
      let day = weekdayOnOrBefore(addDays(today, -1));
      for (let i = existing.length; i < 3; i++) {
        const debut = morning(day);
        const [s] = await tx
          .insert(seances)
          .values({
            structureId: absentee.jeune.structureId,
            type: "rendez_vous_individuel",
            titre: "Rendez-vous de suivi CEJ",
            debut,
            fin: new Date(debut.getTime() + 45 * 60_000),
            lieu: "Bureau du conseiller",
            animateurId: counsellor.id,
            capacite: null,
            clotureeLe: new Date(debut.getTime() + 3600_000),
            clotureePar: counsellor.id,
          })
          .returning();
        await tx.insert(participations).values({
          structureId: absentee.jeune.structureId,
          seanceId: s!.id,
          jeuneId: absentee.jeune.id,
          presence: "absent_non_excuse",
          marqueeLe: new Date(debut.getTime() + 3600_000),
          marqueePar: counsellor.id,
        });
        day = weekdayOnOrBefore(addDays(day, -2));
      }
      await proposeSanctionIfDue(tx, asSessionUser(counsellor), { jeuneId: absentee.jeune.id, structureId: absentee.jeune.structureId });
    }
  }

  // A failure decided by the direction: 30 % of last month's allowance suspended.
  const dateFait = weekdayOnOrBefore(addDays(`${addToMonth(month, -1)}-01`, -6));
  const sanctioned = withContract.find(({ jeune, contrat }) => jeune.id !== absentee?.jeune.id && contrat.debut <= addDays(dateFait, -30));
  const director = lyonId ? directorOf(lyonId) : undefined;
  if (sanctioned && director) {
    const counsellor = counsellorOf(sanctioned.jeune)!;
    const run = <S extends z.ZodType, T>(def: ActionDefinition<S, T>, user: SessionUser, input: z.output<S>) =>
      runInTransaction(tx, def, user, input);
    const proposed = await attempt(() =>
      run(steps.recordFailure, asSessionUser(counsellor), {
        jeuneId: sanctioned.jeune.id,
        dateFait,
        motif:
          "Absent sans prévenir à l'entretien d'embauche organisé avec une entreprise partenaire (préparateur de commandes), puis injoignable pendant une semaine.",
      }),
    );
    if (proposed) {
      await run(steps.recordResponse, asSessionUser(counsellor), {
        sanctionId: proposed.id,
        version: 1,
        reponseLe: addDays(dateFait, 3),
        reponseJeune:
          "Reçu en entretien : dit avoir oublié le rendez-vous et perdu son téléphone. S'engage à prévenir en cas d'empêchement.",
      });
      await attempt(() =>
        run(steps.decide, asSessionUser(director), {
          sanctionId: proposed.id,
          version: 2,
          issue: "appliquer" as const,
          motif: "Premier manquement : suspension minimale, levée dès la reprise des rendez-vous.",
          pourcentage: 30,
          mois: 1,
          premierMois: addToMonth(month, -1),
        }),
      );
    }
  }

  // --- Allowance decisions -------------------------------------------------------------------------------
  let cejIndex = 0;
  const paceaCount = new Map<string, number>();
  for (const jeune of ctx.jeunes) {
    if (jeune.dispositif === "aucun") continue;
    const counsellor = counsellorOf(jeune);
    if (!counsellor) continue;
    const user = asSessionUser(counsellor);
    const decide = async (input: {
      mois: string;
      foyer?: (typeof FOYERS)[number];
      ressourcesDeduitesEnPartie?: number;
      montantDemande?: number;
    }) => {
      const base = {
        jeuneId: jeune.id,
        remplaceId: "",
        foyer: input.foyer,
        mois: input.mois,
        ressourcesDeduitesEnPartie: input.ressourcesDeduitesEnPartie,
        ressourcesDeduitesEnTotalite: undefined,
        montantDemande: input.montantDemande,
      };
      // The real computation and write; no transfer: these past months stand for payments made before the demo.
      const computed = await attempt(() => computeAllocationDecision(tx, user, base, today));
      if (!computed) return;
      const { audit } = await storeDecision(tx, user, computed, { transfers: false });
      await writeAudit(tx, user, audit);
    };

    if (jeune.dispositif === "CEJ") {
      const i = cejIndex++;
      const foyer = FOYERS[i % FOYERS.length]!;
      for (const back of [3, 2, 1]) {
        // The second CEJ young person works part-time (450 € a month on average): the reduction for other resources shows.
        const ressourcesDeduitesEnPartie = i === 1 && back === 1 ? 45000 : undefined;
        await decide({ mois: addToMonth(month, -back), foyer, ressourcesDeduitesEnPartie });
      }
    } else {
      const n = paceaCount.get(jeune.structureId) ?? 0;
      if (n >= 2 && jeune.email !== "tom.girard@exemple.fr") continue;
      paceaCount.set(jeune.structureId, n + 1);
      await decide({ mois: addToMonth(month, -1), montantDemande: PACEA_AMOUNTS_CENTS[n % PACEA_AMOUNTS_CENTS.length]! });
    }
  }
}
