/**
 * One valid input per write that targets a young person, keyed like ACTION_REGISTRY, with the set-up steps
 * that make it valid. Each fixture targets a fresh young person of Lyon, in Camille's portfolio and not in
 * Julien's. Shared by the dossier gate's acceptance test and the authorisation matrix's actions suite.
 */
import { eq } from "drizzle-orm";
import { accessPackJobs, demandesDroits, jeunes, participations, phases, seances, transmissions } from "@/db/schema";
import type { Db } from "@/db/client";
import type { AnyActionDefinition } from "@/lib/action-registry";
import { createAction } from "@/lib/actions-jeune/writes";
import { type ActionResult, runAction } from "@/lib/actions/run";
import { addParticipant, recordAttendance } from "@/lib/agenda/participation-writes";
import { createSeance } from "@/lib/agenda/seance-writes";
import { type AllocationPreview, previewAllocationDecision } from "@/lib/allocation/decision-writes";
import type { SessionUser } from "@/lib/auth/session-user";
import { addDays, addMonths, type CivilDate } from "@/lib/calendar/civil-date";
import { recordDeskDemande, recordDpoDemande } from "@/lib/droits/intake-writes";
import { forwardToFranceTravail, holdsFor } from "@/lib/droits/traitement-writes";
import { applyLimitation, askIdentityComplement, respondToDemande } from "@/lib/droits/transition-writes";
import { archiveJeune } from "@/lib/jeunes/archive-writes";
import { nirKey } from "@/lib/jeunes/rules";
import { createJeune, fieldHashes, formValuesOfRow } from "@/lib/jeunes/writes";
import { endAfterMonths } from "@/lib/parcours/contrats";
import { signContrat } from "@/lib/parcours/contrat-writes";
import { addPhase } from "@/lib/parcours/phase-writes";
import { decideSanction, recordFailure, recordResponse } from "@/lib/sanctions/writes";

export type Raw = Record<string, unknown>;

/** What a fixture hands back: the young person the input targets, and the input as a form would post it. */
export interface Built {
  jeuneId: string;
  input: Raw;
}

export interface Ctx {
  db: Db;
  today: CivilDate;
  camille: SessionUser;
  directrice: SessionUser;
  dpo: SessionUser;
  /** A fresh young person of Lyon, created by Camille (in her portfolio, not in Julien's). */
  jeune(options?: { nir?: boolean }): Promise<string>;
  /** Runs a set-up step that must succeed. */
  run<T>(def: AnyActionDefinition, raw: Raw, user: SessionUser): Promise<T>;
  /** The current version of a row (for inputs posted after set-up steps). */
  version(table: typeof jeunes | typeof demandesDroits | typeof seances, id: string): Promise<string>;
}

/** Rows the set-up steps created, found again for the inputs that name them. */
const participationOf = async (ctx: Ctx, seanceId: string) =>
  (await ctx.db.select({ id: participations.id }).from(participations).where(eq(participations.seanceId, seanceId)))[0]!.id;

const phaseOf = async (ctx: Ctx, contratId: string) =>
  (await ctx.db.select({ id: phases.id }).from(phases).where(eq(phases.contratId, contratId)))[0]!.id;

async function transmissionOf(ctx: Ctx, jeuneId: string): Promise<string> {
  const [row] = await ctx.db.select({ id: transmissions.id }).from(transmissions).where(eq(transmissions.jeuneId, jeuneId)).limit(1);
  if (!row) throw new Error("no transfer queued for this young person");
  return row.id;
}

export type Fixture = (ctx: Ctx) => Promise<Built>;

/** Codes the gate (or the capability check in front of it) answers with. */
export const GATE_CODES = ["reason_required", "not_found", "forbidden"];

/**
 * Definitions whose fixture the business rules refuse once the gate has let it through, with why. Empty
 * while every fixture is a valid write; an entry here is checked to fail on something other than the gate.
 */
export const BUSINESS_REFUSALS: Record<string, string> = {};

// ---------------------------------------------------------------------------------------------
// Set-up steps shared by several fixtures
// ---------------------------------------------------------------------------------------------

const cej = (ctx: Ctx, jeuneId: string, debut: CivilDate = ctx.today) =>
  ctx.run<{ contratId: string }>(
    signContrat,
    { jeuneId, type: "CEJ", signeLe: debut, debut, finPrevue: endAfterMonths(debut, 12) },
    ctx.camille,
  );

const pacea = (ctx: Ctx, jeuneId: string, debut: CivilDate = ctx.today) =>
  ctx.run<{ contratId: string }>(
    signContrat,
    { jeuneId, type: "PACEA", signeLe: debut, debut, finPrevue: endAfterMonths(debut, 12) },
    ctx.camille,
  );

const action = (ctx: Ctx, jeuneId: string, over: Raw = {}) =>
  ctx
    .run<{ id: string }>(
      createAction,
      { jeuneId, libelle: "Candidature chez un transporteur", categorie: "emploi", statut: "a_faire", debut: ctx.today, ...over },
      ctx.camille,
    )
    .then((r) => r.id);

const finishedAction = (ctx: Ctx, jeuneId: string) =>
  action(ctx, jeuneId, { statut: "terminee", debut: addDays(ctx.today, -2), fin: addDays(ctx.today, -1) });

/** A séance of Camille's; an individual rendez-vous names the young person. */
const seance = (ctx: Ctx, over: Raw) =>
  ctx
    .run<{ id: string }>(
      createSeance,
      {
        type: "atelier",
        titre: "Atelier CV",
        date: addDays(ctx.today, 2),
        heureDebut: "09:30",
        heureFin: "11:30",
        lieu: "Salle 2",
        animateurId: ctx.camille.id,
        capacite: "5",
        ...over,
      },
      ctx.camille,
    )
    .then((r) => r.id);

const rendezVous = (ctx: Ctx, jeuneId: string) =>
  seance(ctx, { type: "rendez_vous_individuel", titre: "Entretien de suivi", capacite: "", jeuneId });

/** An atelier with the young person registered; `past`: it took place yesterday. */
async function atelierWith(ctx: Ctx, jeuneId: string, past = false) {
  const seanceId = await seance(ctx, past ? { date: addDays(ctx.today, -1) } : {});
  await ctx.run(addParticipant, { seanceId, jeuneId }, ctx.camille);
  return { seanceId, participationId: await participationOf(ctx, seanceId) };
}

/** A rights request taken at the desk by Camille, identity checked (status « en cours »). */
const deskDemande = (ctx: Ctx, jeuneId: string, type = "acces") =>
  ctx
    .run<{ id: string }>(
      recordDeskDemande,
      { jeuneId, type, objet: "Demande faite au guichet", recueLe: ctx.today, identiteVerifiee: "on" },
      ctx.camille,
    )
    .then((r) => r.id);

/** A rights request received by mail and recorded by the DPO, identity not checked yet (status « reçue »). */
const mailDemande = (ctx: Ctx, jeuneId: string) =>
  ctx
    .run<{ id: string }>(
      recordDpoDemande,
      { jeuneId, type: "acces", objet: "Demande reçue par courrier", recueLe: ctx.today, canal: "courrier" },
      ctx.dpo,
    )
    .then((r) => r.id);

/** A failure recorded by Camille on a running CEJ (status « proposée »). */
async function proposedSanction(ctx: Ctx, jeuneId: string) {
  await cej(ctx, jeuneId, addDays(ctx.today, -60));
  const { id } = await ctx.run<{ id: string }>(
    recordFailure,
    { jeuneId, dateFait: addDays(ctx.today, -1), motif: "Absence non justifiée à l'atelier obligatoire." },
    ctx.camille,
  );
  return id;
}

async function answeredSanction(ctx: Ctx, jeuneId: string) {
  const sanctionId = await proposedSanction(ctx, jeuneId);
  await ctx.run(
    recordResponse,
    { sanctionId, version: "1", reponseLe: ctx.today, reponseJeune: "Le jeune était malade et n'a pas prévenu." },
    ctx.camille,
  );
  return sanctionId;
}

// ---------------------------------------------------------------------------------------------
// One fixture per definition that targets a young person, keyed like ACTION_REGISTRY
// ---------------------------------------------------------------------------------------------

export const FIXTURES: Record<string, Fixture> = {
  // Actions of the young person
  "actions-jeune/writes.createAction": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return {
      jeuneId,
      input: { jeuneId, libelle: "Inscription à une formation", categorie: "formation", statut: "a_faire", debut: ctx.today },
    };
  },
  "actions-jeune/writes.editAction": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const actionId = await action(ctx, jeuneId);
    return {
      jeuneId,
      input: { actionId, version: "1", libelle: "Candidature chez un transporteur de Vénissieux", categorie: "emploi", debut: ctx.today },
    };
  },
  "actions-jeune/writes.changeActionStatut": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { actionId: await action(ctx, jeuneId), version: "1", statut: "en_cours" } };
  },
  "actions-jeune/writes.closeAction": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const actionId = await action(ctx, jeuneId, { statut: "en_cours", debut: addDays(ctx.today, -3) });
    return { jeuneId, input: { actionId, version: "1", fin: ctx.today, duree: "3 h" } };
  },
  "actions-jeune/writes.qualifyAction": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { actionId: await finishedAction(ctx, jeuneId), version: "1", categorie: "emploi" } };
  },
  "actions-jeune/writes.bulkQualifyActions": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const ids = [await finishedAction(ctx, jeuneId), await finishedAction(ctx, jeuneId)];
    return { jeuneId, input: { jeuneId, actions: ids.map((id) => `${id}:1`) } };
  },

  // Agenda
  "agenda/seance-writes.createSeance": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return {
      jeuneId,
      input: {
        type: "rendez_vous_individuel",
        titre: "Entretien de suivi",
        date: addDays(ctx.today, 3),
        heureDebut: "14:00",
        heureFin: "15:00",
        animateurId: ctx.camille.id,
        jeuneId,
      },
    };
  },
  "agenda/seance-writes.updateSeance": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const seanceId = await rendezVous(ctx, jeuneId);
    return {
      jeuneId,
      input: {
        seanceId,
        version: "1",
        type: "rendez_vous_individuel",
        titre: "Entretien de suivi — bilan du mois",
        date: addDays(ctx.today, 2),
        heureDebut: "10:00",
        heureFin: "11:00",
        animateurId: ctx.camille.id,
        jeuneId,
      },
    };
  },
  "agenda/seance-writes.cancelSeance": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { seanceId: await rendezVous(ctx, jeuneId), version: "1", motif: "jeune_indisponible" } };
  },
  "agenda/seance-writes.closeSeance": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const { seanceId, participationId } = await atelierWith(ctx, jeuneId, true);
    await ctx.run(
      recordAttendance,
      { seanceId, [`version_${participationId}`]: "1", [`presence_${participationId}`]: "present" },
      ctx.camille,
    );
    return { jeuneId, input: { seanceId, version: await ctx.version(seances, seanceId) } };
  },
  "agenda/participation-writes.addParticipant": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { seanceId: await seance(ctx, {}), jeuneId } };
  },
  "agenda/participation-writes.removeParticipant": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const { seanceId, participationId } = await atelierWith(ctx, jeuneId);
    return { jeuneId, input: { seanceId, participationId, version: "1" } };
  },
  "agenda/participation-writes.recordAttendance": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const { seanceId, participationId } = await atelierWith(ctx, jeuneId, true);
    return { jeuneId, input: { seanceId, [`version_${participationId}`]: "1", [`presence_${participationId}`]: "present" } };
  },

  // Allowance decisions
  "allocation/decision-writes.previewAllocationDecision": async (ctx) => {
    const jeuneId = await ctx.jeune();
    await cej(ctx, jeuneId, addDays(ctx.today, -60));
    return { jeuneId, input: { jeuneId, mois: ctx.today.slice(0, 7), foyer: "non_imposable" } };
  },
  "allocation/decision-writes.recordAllocationDecision": async (ctx) => {
    const jeuneId = await ctx.jeune();
    await cej(ctx, jeuneId, addDays(ctx.today, -60));
    const input = { jeuneId, mois: ctx.today.slice(0, 7), foyer: "non_imposable", remplaceId: "" };
    const preview = await ctx.run<AllocationPreview>(previewAllocationDecision, input, ctx.camille);
    return { jeuneId, input: { ...input, apercuCents: String(preview.montantCents) } };
  },

  // Rights requests: intake
  "droits/intake-writes.recordDeskDemande": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { jeuneId, type: "acces", objet: "Copie de mon dossier", recueLe: ctx.today, identiteVerifiee: "on" } };
  },
  "droits/intake-writes.recordDpoDemande": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return {
      jeuneId,
      input: { jeuneId, type: "acces", objet: "Copie de mon dossier, reçue par courriel", recueLe: ctx.today, canal: "courriel" },
    };
  },
  // The young person's own door: the target is the signed-in person's file, whatever the input.
  "droits/intake-writes.createDemandeFromEspace": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { type: "acces", objet: "Je veux une copie de mes données." } };
  },

  // Rights requests: the DPO's steps
  // The young person sends the document the DPO asked for (an open identity pause on their request).
  "droits/document-writes.sendDemandeDocument": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await mailDemande(ctx, jeuneId);
    await ctx.run(
      askIdentityComplement,
      { demandeId, version: await ctx.version(demandesDroits, demandeId), objet: "Copie d'une pièce d'identité", demandeeLe: ctx.today },
      ctx.dpo,
    );
    return { jeuneId, input: { demandeId, document: { name: "piece.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF\n") } } };
  },
  // « Télécharger mes données »: the signed-in person's own file, whatever the input.
  "droits/pack-writes.requestAccessPack": async (ctx) => ({ jeuneId: await ctx.jeune(), input: {} }),
  "droits/pack-writes.retryAccessPack": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const [j] = await ctx.db.select({ structureId: jeunes.structureId }).from(jeunes).where(eq(jeunes.id, jeuneId));
    await ctx.db.insert(accessPackJobs).values({ jeuneId, structureId: j!.structureId, status: "echec", attempts: 3 });
    return { jeuneId, input: {} };
  },

  "droits/transition-writes.askIdentityComplement": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await mailDemande(ctx, jeuneId);
    return {
      jeuneId,
      input: {
        demandeId,
        version: await ctx.version(demandesDroits, demandeId),
        objet: "Copie d'une pièce d'identité",
        demandeeLe: ctx.today,
      },
    };
  },
  "droits/transition-writes.recordIdentityComplement": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await mailDemande(ctx, jeuneId);
    await ctx.run(
      askIdentityComplement,
      { demandeId, version: await ctx.version(demandesDroits, demandeId), objet: "Copie d'une pièce d'identité", demandeeLe: ctx.today },
      ctx.dpo,
    );
    return { jeuneId, input: { demandeId, version: await ctx.version(demandesDroits, demandeId), recuLe: ctx.today } };
  },
  "droits/transition-writes.verifyIdentity": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await mailDemande(ctx, jeuneId);
    return {
      jeuneId,
      input: { demandeId, version: await ctx.version(demandesDroits, demandeId), methode: "rappel", verifieeLe: ctx.today },
    };
  },
  "droits/transition-writes.extendDeadline": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId);
    return {
      jeuneId,
      input: {
        demandeId,
        version: await ctx.version(demandesDroits, demandeId),
        motif: "Demande complexe : plusieurs années de suivi à rassembler.",
      },
    };
  },
  "droits/transition-writes.respondToDemande": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId);
    return {
      jeuneId,
      input: {
        demandeId,
        version: await ctx.version(demandesDroits, demandeId),
        issue: "acceptee",
        motif: "Vous trouverez la copie de votre dossier jointe à ce courrier.",
      },
    };
  },
  "droits/transition-writes.closeDemande": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId);
    await ctx.run(
      respondToDemande,
      {
        demandeId,
        version: await ctx.version(demandesDroits, demandeId),
        issue: "acceptee",
        motif: "Vous trouverez la copie de votre dossier jointe à ce courrier.",
      },
      ctx.dpo,
    );
    return { jeuneId, input: { demandeId, version: await ctx.version(demandesDroits, demandeId) } };
  },
  "droits/transition-writes.applyLimitation": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId, "limitation");
    return { jeuneId, input: { demandeId, version: await ctx.version(demandesDroits, demandeId) } };
  },
  "droits/transition-writes.liftLimitation": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId, "limitation");
    await ctx.run(applyLimitation, { demandeId, version: await ctx.version(demandesDroits, demandeId) }, ctx.dpo);
    return { jeuneId, input: { demandeId, version: await ctx.version(demandesDroits, demandeId) } };
  },
  "droits/traitement-writes.applyRectification": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId, "rectification");
    return {
      jeuneId,
      input: {
        demandeId,
        version: await ctx.version(demandesDroits, demandeId),
        jeuneVersion: await ctx.version(jeunes, jeuneId),
        champ: "telephone",
        valeur: "07 11 22 33 44",
      },
    };
  },
  "droits/traitement-writes.decideErasure": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId, "effacement");
    // The decision the page would expect for this file (a refusal while a legal hold applies).
    const [row] = await ctx.db.select().from(jeunes).where(eq(jeunes.id, jeuneId));
    const holds = await holdsFor(ctx.db, row!, ctx.today);
    return {
      jeuneId,
      input: {
        demandeId,
        version: await ctx.version(demandesDroits, demandeId),
        jeuneVersion: String(row!.version),
        attendu: holds.length > 0 ? "refus" : "effacement",
      },
    };
  },
  "droits/traitement-writes.forwardToFranceTravail": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId);
    return { jeuneId, input: { demandeId, version: await ctx.version(demandesDroits, demandeId) } };
  },
  "droits/traitement-writes.recordFranceTravailAnswer": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const demandeId = await deskDemande(ctx, jeuneId);
    await ctx.run(forwardToFranceTravail, { demandeId, version: await ctx.version(demandesDroits, demandeId) }, ctx.dpo);
    return {
      jeuneId,
      input: {
        demandeId,
        version: await ctx.version(demandesDroits, demandeId),
        reponduLe: ctx.today,
        resume: "France Travail a envoyé la copie des données qu'il détient.",
      },
    };
  },

  // The file itself
  "jeunes/writes.updateJeune": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const [row] = await ctx.db.select().from(jeunes).where(eq(jeunes.id, jeuneId));
    return {
      jeuneId,
      input: {
        ...formValuesOfRow(row!),
        id: jeuneId,
        version: String(row!.version),
        etatInitial: fieldHashes(row!),
        telephone: "07 11 22 33 44",
      },
    };
  },
  "jeunes/archive-writes.archiveJeune": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { jeuneId, version: await ctx.version(jeunes, jeuneId), motif: "sortie_emploi" } };
  },
  "jeunes/archive-writes.restoreJeune": async (ctx) => {
    const jeuneId = await ctx.jeune();
    await ctx.run(archiveJeune, { jeuneId, version: await ctx.version(jeunes, jeuneId), motif: "demenagement" }, ctx.camille);
    return { jeuneId, input: { jeuneId, version: await ctx.version(jeunes, jeuneId) } };
  },
  "espace/invitation-writes.inviteToEspace": async (ctx) => {
    const jeuneId = await ctx.jeune();
    await ctx.db
      .update(jeunes)
      .set({ email: `invitation-${jeuneId.slice(-12)}@exemple.fr` })
      .where(eq(jeunes.id, jeuneId));
    return { jeuneId, input: { jeuneId } };
  },
  "jeunes/nir-reveal-writes.revealNir": async (ctx) => {
    const jeuneId = await ctx.jeune({ nir: true });
    return { jeuneId, input: { jeuneId } };
  },

  // Contracts and phases
  "parcours/contrat-writes.signContrat": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { jeuneId, type: "CEJ", signeLe: ctx.today, debut: ctx.today, finPrevue: endAfterMonths(ctx.today, 12) } };
  },
  "parcours/contrat-writes.modifyContrat": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const { contratId } = await cej(ctx, jeuneId);
    return { jeuneId, input: { contratId, version: "1", finPrevue: endAfterMonths(ctx.today, 10) } };
  },
  "parcours/contrat-writes.endContrat": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const { contratId } = await cej(ctx, jeuneId, addDays(ctx.today, -30));
    return { jeuneId, input: { contratId, version: "1", finReelle: ctx.today, motifSortie: "emploi" } };
  },
  "parcours/contrat-writes.switchContrat": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const { contratId } = await pacea(ctx, jeuneId, addDays(ctx.today, -120));
    return {
      jeuneId,
      input: {
        contratId,
        version: "1",
        type: "CEJ",
        dateBascule: ctx.today,
        signeLe: ctx.today,
        finPrevue: endAfterMonths(ctx.today, 12),
        motif: "Projet d'emploi précis : besoin d'un accompagnement intensif",
      },
    };
  },
  "parcours/phase-writes.addPhase": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const { contratId } = await pacea(ctx, jeuneId);
    return {
      jeuneId,
      input: { contratId, type: "diagnostic", debut: ctx.today, fin: addDays(ctx.today, 60), objectifs: "Faire le point" },
    };
  },
  "parcours/phase-writes.editPhase": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const { contratId } = await pacea(ctx, jeuneId);
    await ctx.run(
      addPhase,
      { contratId, type: "diagnostic", debut: ctx.today, fin: addDays(ctx.today, 60), objectifs: "Faire le point" },
      ctx.camille,
    );
    return {
      jeuneId,
      input: {
        phaseId: await phaseOf(ctx, contratId),
        version: "1",
        type: "diagnostic",
        debut: ctx.today,
        fin: addDays(ctx.today, 45),
        objectifs: "Faire le point sur le projet professionnel",
      },
    };
  },
  "parcours/phase-writes.recordBilan": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const start = addDays(ctx.today, -60);
    const { contratId } = await pacea(ctx, jeuneId, start);
    await ctx.run(
      addPhase,
      { contratId, type: "diagnostic", debut: start, fin: addDays(ctx.today, 10), objectifs: "Faire le point" },
      ctx.camille,
    );
    return {
      jeuneId,
      input: { phaseId: await phaseOf(ctx, contratId), version: "1", bilan: "Projet clarifié : logistique", bilanLe: ctx.today },
    };
  },

  // Sanctions
  "sanctions/writes.recordFailure": async (ctx) => {
    const jeuneId = await ctx.jeune();
    await cej(ctx, jeuneId, addDays(ctx.today, -60));
    return {
      jeuneId,
      input: { jeuneId, dateFait: addDays(ctx.today, -1), motif: "Ne s'est pas présenté à l'entretien d'embauche organisé." },
    };
  },
  "sanctions/writes.recordResponse": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const sanctionId = await proposedSanction(ctx, jeuneId);
    return { jeuneId, input: { sanctionId, version: "1", reponseLe: ctx.today, reponseJeune: "Pas de réponse au courrier." } };
  },
  "sanctions/writes.decideSanction": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const sanctionId = await answeredSanction(ctx, jeuneId);
    return {
      jeuneId,
      input: { sanctionId, version: "2", issue: "appliquer", premierMois: ctx.today.slice(0, 7), pourcentage: "50", mois: "2" },
    };
  },
  "sanctions/writes.liftSuspension": async (ctx) => {
    const jeuneId = await ctx.jeune();
    const sanctionId = await answeredSanction(ctx, jeuneId);
    await ctx.run(
      decideSanction,
      { sanctionId, version: "2", issue: "appliquer", premierMois: ctx.today.slice(0, 7), pourcentage: "50", mois: "2" },
      ctx.directrice,
    );
    return { jeuneId, input: { sanctionId, version: "3", leveeLe: ctx.today } };
  },

  // Transfers (signing a CEJ queues the registration with France Travail)
  "transmissions/send-now-writes.makeDueNow": async (ctx) => {
    const jeuneId = await ctx.jeune();
    await cej(ctx, jeuneId);
    return { jeuneId, input: { transmissionId: await transmissionOf(ctx, jeuneId) } };
  },
  "transmissions/retry-writes.retryTransmission": async (ctx) => {
    const jeuneId = await ctx.jeune();
    await cej(ctx, jeuneId);
    const transmissionId = await transmissionOf(ctx, jeuneId);
    // Dead letter after too many failures: what a relaunch is for.
    await ctx.db.update(transmissions).set({ status: "abandonnee" }).where(eq(transmissions.id, transmissionId));
    return { jeuneId, input: { transmissionId } };
  },
};

function nirFor(birthDate: string, order: number): string {
  const first13 = `2${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}69123${String(order).padStart(3, "0")}`;
  return first13 + nirKey(first13);
}

/** Staff accounts the fixtures act as (set-up steps) and the suites call the writes as. */
export type FixtureAccounts = Record<"camille" | "directrice" | "dpo", SessionUser>;

/** The context every fixture runs in: set-up steps run as Camille, the director or the DPO of Lyon. */
export function fixtureContext(db: Db, today: CivilDate, who: FixtureAccounts): Ctx {
  let counter = 0;
  const ctx: Ctx = {
    db: db,
    today,
    camille: who.camille,
    directrice: who.directrice,
    dpo: who.dpo,
    async jeune(options = {}) {
      counter++;
      const dateNaissance = addDays(addMonths(today, -12 * 20), -counter);
      const data = await ctx.run<{ id: string }>(
        createJeune,
        {
          nomNaissance: `Porte-${String.fromCharCode(65 + (counter % 26))}${String.fromCharCode(65 + Math.floor(counter / 26))}`,
          prenoms: "Alex",
          dateNaissance,
          sexe: "F",
          nationalite: "francaise",
          telephone: "06 01 02 03 04",
          codePostal: "69008",
          commune: "Lyon",
          protectionJuridique: "aucune",
          dispositif: "aucun",
          antenneId: who.camille.antenneId!,
          conseillerId: who.camille.id,
          ...(options.nir ? { nir: nirFor(dateNaissance, counter) } : {}),
        },
        who.camille,
      );
      return data.id;
    },
    async run<T>(def: AnyActionDefinition, raw: Raw, user: SessionUser) {
      const result = (await runAction(def, raw, user)) as ActionResult<T>;
      if (!result.ok)
        throw new Error(`set-up step ${def.name} failed: ${result.code} ${result.message} ${JSON.stringify(result.fieldErrors)}`);
      return result.data;
    },
    async version(table, id) {
      const [row] = await db.select({ version: table.version }).from(table).where(eq(table.id, id));
      if (!row) throw new Error(`no row ${id}`);
      return String(row.version);
    },
  };
  return ctx;
}
