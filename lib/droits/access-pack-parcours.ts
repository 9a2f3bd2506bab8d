/**
 * The pathway part of the access pack (GDPR art. 15): contracts with every state they went through,
 * PACEA phases, actions, rendez-vous and sessions with attendance, allowance decisions and sanctions.
 * Only this person's rows (by jeune id); the staff appear by name and role; free texts go through the
 * third-party masker of the pack.
 */
import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import {
  actionsJeune,
  allocationDecisions,
  contratEvenements,
  contrats,
  participations,
  phases,
  sanctions,
  seances,
  users,
  type ActionJeune,
  type AllocationDecision,
  type Contrat,
  type Phase,
  type Sanction,
} from "@/db/schema";
import type { CivilDate } from "@/lib/calendar/civil-date";

type Mask = (text: string | null) => string | null;

export interface AccessPackParcours {
  contrats: (Omit<Contrat, "structureId" | "conseillerId"> & {
    conseillerName: string | null;
    evenements: {
      id: string;
      type: string;
      dateEffet: CivilDate;
      motif: string | null;
      etat: Record<string, unknown>;
      par: string | null;
      at: Date;
    }[];
    phases: Omit<Phase, "structureId" | "jeuneId" | "contratId">[];
  })[];
  actions: (Omit<ActionJeune, "structureId" | "jeuneId" | "qualifieePar" | "creeePar"> & {
    qualifieeParName: string | null;
    creeeParName: string | null;
  })[];
  seances: {
    participationId: string;
    seanceId: string;
    type: string;
    titre: string;
    debut: Date;
    fin: Date;
    lieu: string | null;
    animateur: string | null;
    annuleeLe: Date | null;
    presence: string;
    motifAbsence: string | null;
    marqueeLe: Date | null;
  }[];
  allocations: Omit<AllocationDecision, "structureId" | "jeuneId" | "decideePar">[];
  sanctions: (Omit<Sanction, "structureId" | "jeuneId" | "decideePar"> & { decideeParName: string | null })[];
}

export async function loadParcoursForPack(db: DbOrTx, jeuneId: string, mask: Mask): Promise<AccessPackParcours> {
  const conseiller = alias(users, "pack_conseiller");
  const par = alias(users, "pack_par");
  const qualifiee = alias(users, "pack_qualifiee");
  const creee = alias(users, "pack_creee");
  const animateur = alias(users, "pack_animateur");
  const decideur = alias(users, "pack_decideur");

  const [contratRows, actionRows, seanceRows, allocationRows, sanctionRows] = await Promise.all([
    db
      .select({ c: contrats, conseillerName: conseiller.name })
      .from(contrats)
      .leftJoin(conseiller, eq(conseiller.id, contrats.conseillerId))
      .where(eq(contrats.jeuneId, jeuneId))
      .orderBy(asc(contrats.debut), asc(contrats.createdAt)),
    db
      .select({ a: actionsJeune, qualifieeParName: qualifiee.name, creeeParName: creee.name })
      .from(actionsJeune)
      .leftJoin(qualifiee, eq(qualifiee.id, actionsJeune.qualifieePar))
      .leftJoin(creee, eq(creee.id, actionsJeune.creeePar))
      .where(eq(actionsJeune.jeuneId, jeuneId))
      .orderBy(asc(actionsJeune.debut), asc(actionsJeune.createdAt)),
    db
      .select({ p: participations, s: seances, animateur: animateur.name })
      .from(participations)
      .innerJoin(seances, eq(seances.id, participations.seanceId))
      .leftJoin(animateur, eq(animateur.id, seances.animateurId))
      .where(eq(participations.jeuneId, jeuneId))
      .orderBy(asc(seances.debut), asc(participations.id)),
    db
      .select()
      .from(allocationDecisions)
      .where(eq(allocationDecisions.jeuneId, jeuneId))
      .orderBy(asc(allocationDecisions.mois), asc(allocationDecisions.decideeLe)),
    db
      .select({ s: sanctions, decideeParName: decideur.name })
      .from(sanctions)
      .leftJoin(decideur, eq(decideur.id, sanctions.decideePar))
      .where(eq(sanctions.jeuneId, jeuneId))
      .orderBy(asc(sanctions.dateFait), asc(sanctions.createdAt)),
  ]);

  const contratIds = contratRows.map((r) => r.c.id);
  const [eventRows, phaseRows] = contratIds.length
    ? await Promise.all([
        db
          .select({ e: contratEvenements, par: par.name })
          .from(contratEvenements)
          .leftJoin(par, eq(par.id, contratEvenements.parId))
          .where(inArray(contratEvenements.contratId, contratIds))
          .orderBy(asc(contratEvenements.at), asc(contratEvenements.id)),
        db.select().from(phases).where(inArray(phases.contratId, contratIds)).orderBy(asc(phases.debut)),
      ])
    : [[], []];

  return {
    contrats: contratRows.map(({ c, conseillerName }) => {
      const { structureId: _s, conseillerId: _c, ...rest } = c;
      return {
        ...rest,
        prolongationMotif: mask(c.prolongationMotif),
        basculeMotif: mask(c.basculeMotif),
        conseillerName,
        evenements: eventRows
          .filter((r) => r.e.contratId === c.id)
          .map(({ e, par }) => ({ id: e.id, type: e.type, dateEffet: e.dateEffet, motif: mask(e.motif), etat: e.etat, par, at: e.at })),
        phases: phaseRows
          .filter((p) => p.contratId === c.id)
          .map(({ structureId: _ps, jeuneId: _pj, contratId: _pc, ...p }) => ({
            ...p,
            objectifs: mask(p.objectifs) ?? "",
            bilan: mask(p.bilan),
          })),
      };
    }),
    actions: actionRows.map(({ a, qualifieeParName, creeeParName }) => {
      const { structureId: _s, jeuneId: _j, qualifieePar: _q, creeePar: _c, ...rest } = a;
      return { ...rest, libelle: mask(a.libelle) ?? "", commentaire: mask(a.commentaire), qualifieeParName, creeeParName };
    }),
    seances: seanceRows.map(({ p, s, animateur }) => ({
      participationId: p.id,
      seanceId: s.id,
      type: s.type,
      titre: mask(s.titre) ?? "",
      debut: s.debut,
      fin: s.fin,
      lieu: s.lieu,
      animateur,
      annuleeLe: s.annuleeLe,
      presence: p.presence,
      motifAbsence: mask(p.motifAbsence),
      marqueeLe: p.marqueeLe,
    })),
    allocations: allocationRows.map(({ structureId: _s, jeuneId: _j, decideePar: _d, ...rest }) => rest),
    sanctions: sanctionRows.map(({ s, decideeParName }) => {
      const { structureId: _s, jeuneId: _j, decideePar: _d, ...rest } = s;
      return { ...rest, motif: mask(s.motif) ?? "", reponseJeune: mask(s.reponseJeune), decision: mask(s.decision), decideeParName };
    }),
  };
}
