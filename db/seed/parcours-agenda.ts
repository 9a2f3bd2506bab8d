/**
 * Demo agenda: for each structure, the current week and the two before, with individual rendez-vous,
 * ateliers (CV, simulation d'entretien, code de la route) and an information collective CEJ. Past
 * séances have their attendance; the older ones are closed. Deterministic from `today`:
 * - Léa Dupont has a rendez-vous later this week and attended an atelier earlier this week;
 * - in Lyon one young person has two unexcused absences in the past weeks (a third one would reach the
 *   sanction threshold); in each structure another young person has one.
 */
import type { Tx } from "@/db/client";
import { auditLog, participations, seances } from "@/db/schema";
import { parisToInstant } from "@/lib/calendar/paris-time";
import type { Presence, SeanceType } from "@/lib/agenda/rules";
import { addDays, compare, dayOfWeek, type CivilDate } from "@/lib/calendar/civil-date";
import type { ParcoursSeedContext } from "./parcours";

type SeedJeune = ParcoursSeedContext["jeunes"][number];
type SeedStaff = ParcoursSeedContext["staff"][number];

interface Plan {
  type: SeanceType;
  titre: string;
  date: CivilDate;
  debut: string;
  fin: string;
  lieu: string;
  animateur: SeedStaff;
  capacite: number | null;
  /** Young people and, for a past séance, their attendance (undefined → follow the usual pattern). */
  people: { jeune: SeedJeune; presence?: Presence; motif?: string }[];
  annulation?: string;
}

const LIEUX = {
  lyon: {
    salle: "Salle Rhône, 12 rue Garibaldi, Lyon 8e",
    bureau: "Bureau 3, antenne Lyon 8e",
    amphi: "Salle polyvalente, antenne Villeurbanne",
  },
  marseille: {
    salle: "Salle du Vieux-Port, 4 rue de la République",
    bureau: "Bureau 2, antenne Marseille Centre",
    amphi: "Salle des Docks, antenne Marseille Nord",
  },
};

const MOTIFS_EXCUSE = [
  "Rendez-vous médical",
  "Entretien d'embauche le même jour",
  "Convocation à la préfecture",
  "Garde de son petit frère (école fermée)",
];

const at = (date: CivilDate, time: string): Date => {
  const r = parisToInstant(date, time);
  if (!r.ok) throw new Error(`seed agenda: ${date} ${time} is not a Paris time`);
  return r.instant;
};

export async function seedAgenda(tx: Tx, ctx: ParcoursSeedContext): Promise<void> {
  const today = ctx.today;
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  const structureIds = [...new Set(ctx.jeunes.map((j) => j.structureId))];

  for (const structureId of structureIds) {
    const staff = ctx.staff.filter((s) => s.structureId === structureId && (s.role === "conseiller" || s.role === "directeur"));
    const counsellors = staff.filter((s) => s.role === "conseiller");
    const director = staff.find((s) => s.role === "directeur") ?? counsellors[0];
    if (!director || counsellors.length === 0) continue;
    const people = ctx.jeunes.filter((j) => j.structureId === structureId);
    if (people.length < 4) continue;
    const lieux = staff.some((s) => s.email.includes("lyon")) ? LIEUX.lyon : LIEUX.marseille;
    const lea = people.find((j) => j.email === "lea.dupont@exemple.fr");
    // The young person with repeated unexcused absences (Lyon only: the demo of the sanction threshold).
    const absentee = lea ? people.find((j) => j.id !== lea.id && j.email !== "tom.girard@exemple.fr" && j.dispositif === "CEJ") : undefined;
    const onceAbsent = people.find(
      (j) => j.id !== lea?.id && j.id !== absentee?.id && j.dispositif === "PACEA" && j.email !== "tom.girard@exemple.fr",
    );
    const pool = people.filter((j) => j.id !== absentee?.id && j.id !== onceAbsent?.id);
    let cursor = 0;
    const take = (n: number, exclude: SeedJeune[] = []) => {
      const out: SeedJeune[] = [];
      for (let i = 0; out.length < n && i < pool.length * 2; i++) {
        const j = pool[(cursor + i) % pool.length]!;
        if (!out.includes(j) && !exclude.includes(j)) out.push(j);
      }
      cursor = (cursor + n) % pool.length;
      return out.map((jeune) => ({ jeune }));
    };

    const plans: Plan[] = [];
    for (const w of [-2, -1, 0]) {
      const mon = addDays(monday, 7 * w);
      const day = (i: number) => addDays(mon, i);
      plans.push({
        type: "atelier",
        titre: "Atelier CV : mettre en valeur ses expériences",
        date: day(1),
        debut: "09:30",
        fin: "11:30",
        lieu: lieux.salle,
        animateur: counsellors[0]!,
        capacite: 8,
        people: take(5),
      });
      plans.push({
        type: "atelier",
        titre: "Simulation d'entretien d'embauche",
        date: day(3),
        debut: "14:00",
        fin: "16:00",
        lieu: lieux.salle,
        animateur: counsellors[counsellors.length - 1]!,
        capacite: 6,
        people: take(4),
      });
      if (w !== -2) {
        plans.push({
          type: "atelier",
          titre: "Préparer le code de la route",
          date: day(2),
          debut: "10:00",
          fin: "12:00",
          lieu: lieux.amphi,
          animateur: director,
          capacite: 10,
          people: take(4),
        });
      }
      if (w !== -1) {
        const cej = pool.filter((j) => j.dispositif !== "CEJ").slice(w === 0 ? 0 : 3, w === 0 ? 5 : 8);
        plans.push({
          type: "information_collective",
          titre: "Information collective : le contrat d'engagement jeune",
          date: day(0),
          debut: "14:00",
          fin: "15:30",
          lieu: lieux.amphi,
          animateur: director,
          capacite: 15,
          people: cej.map((jeune) => ({ jeune })),
        });
      }
      // Individual rendez-vous: each counsellor sees three of their young people (or of the structure).
      counsellors.forEach((c, ci) => {
        const own = pool.filter((j) => j.conseillerId === c.id);
        const source = own.length >= 3 ? own : pool;
        [0, 2, 4].forEach((d, k) => {
          const jeune = source[(k + 3 * (w + 2) + ci) % source.length]!;
          plans.push({
            type: "rendez_vous_individuel",
            titre: k === 1 ? "Point d'étape sur le projet professionnel" : "Rendez-vous de suivi",
            date: day(d),
            debut: ["09:00", "10:30", "14:30"][k]!,
            fin: ["09:45", "11:15", "15:15"][k]!,
            lieu: lieux.bureau,
            animateur: c,
            capacite: null,
            people: [{ jeune }],
          });
        });
      });
    }

    // Léa: attended an atelier earlier this week, and has a rendez-vous later this week.
    if (lea) {
      const camille = counsellors.find((c) => c.id === lea.conseillerId) ?? counsellors[0]!;
      const attended = compare(addDays(today, -1), monday) >= 0 ? addDays(today, -1) : today;
      plans.push({
        type: "atelier",
        titre: "Atelier lettre de motivation",
        date: attended,
        debut: "08:30",
        fin: "10:00",
        lieu: lieux.salle,
        animateur: camille,
        capacite: 8,
        people: [{ jeune: lea, presence: "present" }, ...take(3)],
      });
      const upcoming = compare(addDays(today, 1), addDays(monday, 6)) <= 0 ? addDays(today, 1) : today;
      plans.push({
        type: "rendez_vous_individuel",
        titre: "Point mensuel CEJ",
        date: upcoming,
        debut: "16:00",
        fin: "16:45",
        lieu: lieux.bureau,
        animateur: camille,
        capacite: null,
        people: [{ jeune: lea }],
      });
    }
    if (absentee) {
      const c = counsellors.find((x) => x.id === absentee.conseillerId) ?? counsellors[0]!;
      plans.push({
        type: "atelier",
        titre: "Atelier CV : mettre en valeur ses expériences",
        date: addDays(monday, -12),
        debut: "14:00",
        fin: "16:00",
        lieu: lieux.salle,
        animateur: c,
        capacite: 8,
        people: [{ jeune: absentee, presence: "absent_non_excuse" }, ...take(2)],
      });
      plans.push({
        type: "rendez_vous_individuel",
        titre: "Rendez-vous de suivi",
        date: addDays(monday, -4),
        debut: "11:00",
        fin: "11:45",
        lieu: lieux.bureau,
        animateur: c,
        capacite: null,
        people: [{ jeune: absentee, presence: "absent_non_excuse" }],
      });
      plans.push({
        type: "rendez_vous_individuel",
        titre: "Rendez-vous de remobilisation",
        date: addDays(monday, 4),
        debut: "11:00",
        fin: "11:45",
        lieu: lieux.bureau,
        animateur: c,
        capacite: null,
        people: [{ jeune: absentee }],
      });
    }
    if (onceAbsent) {
      const c = counsellors.find((x) => x.id === onceAbsent.conseillerId) ?? counsellors[0]!;
      plans.push({
        type: "rendez_vous_individuel",
        titre: "Rendez-vous de suivi",
        date: addDays(monday, -9),
        debut: "16:00",
        fin: "16:45",
        lieu: lieux.bureau,
        animateur: c,
        capacite: null,
        people: [{ jeune: onceAbsent, presence: "absent_non_excuse" }],
      });
    }
    // One cancelled séance this week, its participants kept.
    plans.push({
      type: "atelier",
      titre: "Visite d'entreprise : plateforme logistique",
      date: addDays(monday, 4),
      debut: "09:00",
      fin: "12:00",
      lieu: "Rendez-vous devant l'entrée principale",
      animateur: counsellors[0]!,
      capacite: 8,
      people: take(3),
      annulation: "evenement_exterieur",
    });

    let k = 0;
    for (const plan of plans) {
      const debut = at(plan.date, plan.debut);
      const fin = at(plan.date, plan.fin);
      const past = compare(plan.date, today) < 0 || plan.people.some((p) => p.presence !== undefined);
      const old = compare(plan.date, addDays(monday, -3)) < 0; // before last Friday: closed
      const annuleeLe = plan.annulation ? at(addDays(plan.date, -3), "17:00") : null;
      const clotureeLe = !annuleeLe && past && old ? new Date(fin.getTime() + 2 * 3600_000) : null;
      const [row] = await tx
        .insert(seances)
        .values({
          structureId,
          type: plan.type,
          titre: plan.titre,
          debut,
          fin,
          lieu: plan.lieu,
          animateurId: plan.animateur.id,
          capacite: plan.capacite,
          annuleeLe,
          clotureeLe,
          clotureePar: clotureeLe ? plan.animateur.id : null,
          version: clotureeLe || annuleeLe ? 2 : 1,
        })
        .returning({ id: seances.id });
      const seen = new Set<string>();
      const rows = plan.people
        .filter((p) => {
          if (seen.has(p.jeune.id)) return false;
          seen.add(p.jeune.id);
          return true;
        })
        .slice(0, plan.capacite ?? 1)
        .map((p) => {
          let presence: Presence = "prevu";
          let motif: string | null = null;
          if (p.presence) presence = p.presence;
          else if (past && !annuleeLe) {
            k++;
            presence = k % 6 === 2 ? "absent_excuse" : "present";
            if (presence === "absent_excuse") motif = MOTIFS_EXCUSE[k % MOTIFS_EXCUSE.length]!;
          }
          const marked = presence !== "prevu";
          return {
            structureId,
            seanceId: row!.id,
            jeuneId: p.jeune.id,
            presence,
            motifAbsence: motif,
            marqueeLe: marked ? new Date(fin.getTime() + 30 * 60_000) : null,
            marqueePar: marked ? plan.animateur.id : null,
            version: marked ? 2 : 1,
          };
        });
      if (rows.length > 0) await tx.insert(participations).values(rows);
      if (annuleeLe) {
        await tx.insert(auditLog).values({
          actorId: plan.animateur.id,
          actorRole: plan.animateur.role as "conseiller" | "directeur",
          structureId,
          action: "agenda.seance_cancel",
          targetType: "seance",
          targetId: row!.id,
          fields: ["annuleeLe"],
          meta: { type: plan.type, motif: plan.annulation! },
          at: annuleeLe,
        });
      }
    }
  }
}
