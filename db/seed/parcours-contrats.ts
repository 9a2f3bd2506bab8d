import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contratEvenements, contrats, phases, type Contrat } from "@/db/schema";
import { addDays, addMonths, compare, type CivilDate } from "@/lib/calendar/civil-date";
import { endAfterMonths, type ContractKind } from "@/lib/parcours/contrats";
import { MOTIF_BASCULE } from "@/lib/parcours/motifs-sortie";
import { etatOf } from "@/lib/parcours/store";
import type { ParcoursSeedContext } from "./parcours";

const OBJECTIFS_DIAGNOSTIC = [
  "Faire le point sur la situation (logement, santé, mobilité, ressources) et sur le parcours scolaire. Identifier deux ou trois pistes de métiers.",
  "Établir le diagnostic socioprofessionnel, vérifier les droits (sécurité sociale, CAF) et repérer les freins à l'emploi.",
  "Clarifier le projet : centres d'intérêt, expériences, contraintes de mobilité. Mettre à jour le CV.",
];
const BILANS_DIAGNOSTIC = [
  "Projet orienté vers la logistique et le transport. Besoin de lever le frein de la mobilité (pas de permis).",
  "Droits ouverts. Intérêt confirmé pour les métiers de la vente ; une immersion en entreprise est prévue.",
  "Situation stabilisée (hébergement chez un proche). Projet de formation dans l'aide à la personne.",
];
const OBJECTIFS_ACCOMPAGNEMENT = [
  "Réaliser une immersion en entreprise (PMSMP), préparer les entretiens d'embauche, s'inscrire au code de la route.",
  "Entrer en formation qualifiante ; en attendant, chercher un emploi saisonnier à temps partiel.",
  "Envoyer au moins cinq candidatures par mois, participer aux ateliers CV et simulation d'entretien.",
];
const MOTIFS_PROLONGATION = [
  "Formation qualifiante (titre professionnel) se terminant après la fin normale du contrat.",
  "Entrée en apprentissage reportée à la rentrée : maintien de l'accompagnement intensif jusque-là.",
];
const MOTIFS_BASCULE: Record<ContractKind, string> = {
  CEJ: "Projet professionnel clarifié pendant le PACEA : besoin d'un accompagnement intensif pour accéder à l'emploi.",
  PACEA: "Le rythme de 15 heures par semaine ne convient plus (emploi à temps partiel) : reprise d'un accompagnement plus souple.",
};

const at = (date: CivilDate, hour = 9) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
const min = (a: CivilDate, b: CivilDate) => (compare(a, b) <= 0 ? a : b);

interface Plan {
  type: ContractKind;
  debut: CivilDate;
  finPrevue: CivilDate;
  /** Planned end at signature, when it was extended later (prolongation event on `prolongeLe`). */
  finInitiale?: CivilDate;
  prolongeLe?: CivilDate;
  prolongationMotif?: string;
}

/**
 * A contract for every active young person with a dispositif, like a real portfolio: various starts
 * (some ending within 30 days), a few CEJ extended to 18 months, PACEA with a diagnostic and
 * accompaniment phases, and for some a previous contract ended by a switch so the history shows.
 * Léa Dupont: a CEJ started four months ago. Tom Girard: a PACEA, diagnostic done, accompaniment running.
 * Deterministic from `today`.
 */
export async function seedContrats(tx: Tx, ctx: ParcoursSeedContext): Promise<void> {
  const { today } = ctx;
  let k = 0;
  // Variants cycle per dispositif, so each of CEJ and PACEA gets every kind of situation.
  const counts: Record<ContractKind, number> = { CEJ: 0, PACEA: 0 };
  for (const jeune of ctx.jeunes) {
    if (jeune.dispositif === "aucun") continue;
    const type = jeune.dispositif;
    const conseillerId = jeune.conseillerId;
    const insertContrat = async (values: Omit<typeof contrats.$inferInsert, "structureId" | "jeuneId" | "conseillerId">) => {
      const [row] = await tx
        .insert(contrats)
        .values({ structureId: jeune.structureId, jeuneId: jeune.id, conseillerId, ...values })
        .returning();
      return row!;
    };
    const event = (
      c: Contrat,
      type: (typeof contratEvenements.$inferInsert)["type"],
      dateEffet: CivilDate,
      etat: Contrat,
      motif: string | null = null,
    ) =>
      tx.insert(contratEvenements).values({
        contratId: c.id,
        jeuneId: c.jeuneId,
        type,
        dateEffet,
        motif,
        etat: etatOf(etat),
        parId: conseillerId,
        at: at(compare(dateEffet, today) <= 0 ? dateEffet : today),
      });
    const seedPhases = async (c: Contrat, variant: number) => {
      const end = c.finReelle ?? c.finPrevue;
      const diagFin = min(addDays(c.debut, 44), end);
      const rows: (typeof phases.$inferInsert)[] = [
        {
          structureId: c.structureId,
          jeuneId: c.jeuneId,
          contratId: c.id,
          type: "diagnostic",
          debut: c.debut,
          fin: diagFin,
          objectifs: OBJECTIFS_DIAGNOSTIC[variant % 3]!,
          ...(compare(diagFin, today) < 0 ? { bilan: BILANS_DIAGNOSTIC[variant % 3]!, bilanLe: diagFin } : {}),
        },
      ];
      if (compare(diagFin, end) < 0) {
        const accDebut = addDays(diagFin, 1);
        const accFin = min(addMonths(accDebut, 6), end);
        rows.push({
          structureId: c.structureId,
          jeuneId: c.jeuneId,
          contratId: c.id,
          type: "accompagnement",
          debut: accDebut,
          fin: accFin,
          objectifs: OBJECTIFS_ACCOMPAGNEMENT[variant % 3]!,
          ...(compare(accFin, today) < 0
            ? {
                bilan: "Objectifs atteints en partie : immersion réalisée, candidatures envoyées. Poursuite avec une nouvelle phase.",
                bilanLe: accFin,
              }
            : {}),
        });
        if (compare(accFin, end) < 0 && compare(accFin, today) < 0) {
          rows.push({
            structureId: c.structureId,
            jeuneId: c.jeuneId,
            contratId: c.id,
            type: "accompagnement",
            debut: addDays(accFin, 1),
            fin: end,
            objectifs: OBJECTIFS_ACCOMPAGNEMENT[(variant + 1) % 3]!,
          });
        }
      }
      await tx.insert(phases).values(rows);
    };

    let plan: Plan;
    let previous: ContractKind | null = null;
    if (jeune.email === "lea.dupont@exemple.fr") {
      const debut = addMonths(today, -4);
      plan = { type: "CEJ", debut, finPrevue: endAfterMonths(debut, 12) };
    } else if (jeune.email === "tom.girard@exemple.fr") {
      const debut = addMonths(today, -3);
      plan = { type: "PACEA", debut, finPrevue: endAfterMonths(debut, 18) };
    } else {
      const variant = counts[type]++ % 5;
      if (variant === 0) {
        // Ends within the next 30 days.
        const debut = addDays(today, -(type === "CEJ" ? 340 : 705) - (k % 17));
        plan = { type, debut, finPrevue: endAfterMonths(debut, type === "CEJ" ? 12 : 24) };
      } else if (variant === 1 && type === "CEJ") {
        const debut = addDays(today, -390 - (k % 30));
        plan = {
          type,
          debut,
          finPrevue: endAfterMonths(debut, 18),
          finInitiale: endAfterMonths(debut, 12),
          prolongeLe: addMonths(debut, 11),
          prolongationMotif: MOTIFS_PROLONGATION[k % 2]!,
        };
      } else if (variant === 2) {
        previous = type === "CEJ" ? "PACEA" : "CEJ";
        const debut = addDays(today, -60 - (k % 40));
        plan = { type, debut, finPrevue: endAfterMonths(debut, type === "CEJ" ? 12 : 18) };
      } else {
        const debut = addDays(today, -15 - ((k * 37) % 250));
        plan = { type, debut, finPrevue: endAfterMonths(debut, type === "CEJ" ? 12 : 18) };
      }
    }

    let precedent: Contrat | null = null;
    if (previous) {
      // A switch: the previous contract's last day is the day before the new one starts.
      const oldDebut = addMonths(plan.debut, -7);
      const oldFin = addDays(plan.debut, -1);
      const signed = await insertContrat({ type: previous, signeLe: oldDebut, debut: oldDebut, finPrevue: endAfterMonths(oldDebut, 12) });
      await event(signed, "signature", oldDebut, signed);
      const [ended] = await tx
        .update(contrats)
        .set({ finReelle: oldFin, motifSortie: MOTIF_BASCULE, version: 2 })
        .where(eqId(signed.id))
        .returning();
      await event(ended!, "bascule", oldFin, ended!, MOTIFS_BASCULE[plan.type]);
      if (previous === "PACEA") await seedPhases(ended!, k);
      precedent = ended!;
    }

    const initial = await insertContrat({
      type: plan.type,
      signeLe: plan.debut,
      debut: plan.debut,
      finPrevue: plan.finInitiale ?? plan.finPrevue,
      precedentContratId: precedent?.id ?? null,
      basculeMotif: precedent ? MOTIFS_BASCULE[plan.type] : null,
    });
    await event(initial, precedent ? "bascule" : "signature", plan.debut, initial, precedent ? MOTIFS_BASCULE[plan.type] : null);
    let current = initial;
    if (plan.finInitiale && plan.prolongeLe) {
      const [extended] = await tx
        .update(contrats)
        .set({ finPrevue: plan.finPrevue, prolongationMotif: plan.prolongationMotif ?? null, version: 2 })
        .where(eqId(initial.id))
        .returning();
      current = extended!;
      await event(current, "prolongation", plan.prolongeLe, current, plan.prolongationMotif ?? null);
    }
    if (current.type === "PACEA") await seedPhases(current, k + 1);
    k++;
  }
}

const eqId = (id: string) => eq(contrats.id, id);
