/**
 * A sanction's steps, each audited with the young person's id and guarded by the row's version:
 * - record a failure by hand (sanctions.propose): the ladder in force at the DATE OF THE FACT proposes a rung;
 * - record the young person's answer, the contradictoire (sanctions.propose): statut → contradictoire;
 * - decide (sanctions.decide, the direction): apply the rung, only once the young person could answer,
 *   with the share and duration chosen inside the rung's bounds, or drop it with a reason;
 * - lift a decided suspension when the young person complies again (sanctions.decide).
 * A rung that ends the contract is recorded here; ending the contract itself is done on the contract.
 */
import { and, count, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { contrats, jeunes, sanctions, type Sanction } from "@/db/schema";
import type { ActionContext, ActionDefinition } from "@/lib/actions/run";
import { inputJeune, ownerOfSanction } from "@/lib/dossier/targets";
import type { Capability } from "@/lib/auth/permissions";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import type { AuditInput } from "@/lib/audit/write";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { addToMonth, monthOf } from "@/lib/calendar/months";
import { formatMonth, formatLongCivilDate } from "@/lib/format/fr";
import { proposeSanction, RUNGS } from "./bareme";
import { decideEffect, readDecidedEffect } from "./effet";
import { loadLadders } from "./ladders";
import { decisionSchema, failureSchema, liftSchema, responseSchema } from "./schema";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export interface SanctionStepResult {
  id: string;
  jeuneId: string;
}

/** How far ahead the first affected month may be set. */
const MONTHS_AHEAD = 2;

function fieldError(field: string, message: string): never {
  throw new DomainError("invalid_input", { fieldErrors: { [field]: [message] } });
}

function stale(): never {
  throw new DomainError("conflict", {
    message:
      "Cette sanction a été modifiée par quelqu'un d'autre pendant votre saisie. Rien n'a été écrasé : rechargez la page pour voir son état, puis recommencez si besoin.",
  });
}

function audit(action: string, row: Sanction, fields: string[], meta: AuditInput["meta"] = {}): AuditInput {
  return {
    action,
    targetType: "sanction",
    targetId: row.id,
    jeuneId: row.jeuneId,
    structureId: row.structureId,
    fields,
    meta: { statut: row.statut, ...meta },
  };
}

async function loadSanction(tx: Tx, user: SessionUser, id: string, version: number): Promise<Sanction> {
  const [row] = await tx.select().from(sanctions).where(eq(sanctions.id, id)).for("update");
  if (!row) throw new DomainError("not_found");
  assertSameStructure(user, row.structureId);
  if (row.version !== version) stale();
  return row;
}

async function update(tx: Tx, row: Sanction, values: Partial<typeof sanctions.$inferInsert>): Promise<Sanction> {
  const [updated] = await tx
    .update(sanctions)
    .set({ ...values, version: sql`${sanctions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(sanctions.id, row.id), eq(sanctions.version, row.version)))
    .returning();
  if (!updated) stale();
  return updated;
}

const paths = (d: SanctionStepResult) => [`/jeunes/${d.jeuneId}`, `/jeunes/${d.jeuneId}/sanctions/${d.id}`];

/** The action definitions, with the clock injectable (tests pass explicit dates). */
export function sanctionActions(now: () => Date = () => new Date()) {
  const today = (): CivilDate => todayInParis(now());

  function definition<S extends z.ZodType>(
    name: string,
    schema: S,
    capability: Capability,
    dossier: ActionDefinition<S, SanctionStepResult>["dossier"],
    handler: (ctx: ActionContext<z.output<S>>) => Promise<{ data: SanctionStepResult; audit: AuditInput }>,
  ): ActionDefinition<S, SanctionStepResult> {
    return { name, schema, capability, dossier, handler, refreshes: [ALERT_STATE], revalidate: (_input, data) => paths(data) };
  }
  const ofJeune = { jeuneIds: inputJeune, states: ["archive"] as const };
  const ofSanction = {
    jeuneIds: (input: { sanctionId: string }, tx: Tx) => ownerOfSanction(tx, input.sanctionId),
    states: ["archive"] as const,
  };

  const recordFailure = definition("sanction.manquement", failureSchema, "sanctions.propose", ofJeune, async ({ tx, user, input }) => {
    const [jeune] = await tx.select({ id: jeunes.id, structureId: jeunes.structureId }).from(jeunes).where(eq(jeunes.id, input.jeuneId));
    if (!jeune) throw new DomainError("not_found");
    assertSameStructure(user, jeune.structureId);
    if (input.dateFait > today()) fieldError("dateFait", "La date du manquement ne peut pas être dans le futur.");
    const [contrat] = await tx
      .select()
      .from(contrats)
      .where(
        and(
          eq(contrats.jeuneId, jeune.id),
          lte(contrats.debut, input.dateFait),
          gte(sql`coalesce(${contrats.finReelle}, ${contrats.finPrevue})`, input.dateFait),
        ),
      )
      .orderBy(desc(contrats.debut))
      .limit(1)
      .for("update");
    if (contrat?.type !== "CEJ") {
      fieldError(
        "dateFait",
        `Aucun contrat d'engagement jeune n'était en vigueur le ${formatLongCivilDate(input.dateFait)} : le barème des sanctions ne s'applique qu'au CEJ. Vérifiez la date.`,
      );
    }
    const [decided] = await tx
      .select({ n: count() })
      .from(sanctions)
      .where(and(eq(sanctions.contratId, contrat.id), eq(sanctions.statut, "decidee")));
    const proposal = proposeSanction({
      factDate: input.dateFait,
      ladders: await loadLadders(tx),
      previousUnjustifiedFailures: decided?.n ?? 0,
    });
    if (!proposal.ok) fieldError("dateFait", proposal.message);
    const [row] = await tx
      .insert(sanctions)
      .values({
        structureId: contrat.structureId,
        jeuneId: contrat.jeuneId,
        contratId: contrat.id,
        dateFait: input.dateFait,
        motif: input.motif,
        regime: proposal.regime,
        palier: proposal.palier,
        palierIndex: proposal.palierIndex,
        baremeEnVigueurDepuis: proposal.ladderEffectiveFrom,
      })
      .returning();
    return {
      data: { id: row!.id, jeuneId: row!.jeuneId },
      audit: audit("sanction.proposee", row!, ["dateFait", "motif", "regime", "palier", "palierIndex", "baremeEnVigueurDepuis"], {
        origine: "manuelle",
        regime: proposal.regime,
        palier: proposal.palier,
      }),
    };
  });

  const recordResponse = definition(
    "sanction.contradictoire",
    responseSchema,
    "sanctions.propose",
    ofSanction,
    async ({ tx, user, input }) => {
      const row = await loadSanction(tx, user, input.sanctionId, input.version);
      if (row.statut !== "proposee" && row.statut !== "contradictoire") {
        throw new DomainError("conflict", {
          message: "Cette sanction est déjà décidée ou abandonnée : la réponse du jeune ne peut plus être modifiée.",
        });
      }
      if (input.reponseLe < row.dateFait || input.reponseLe > today()) {
        fieldError(
          "reponseLe",
          `La date de la réponse doit être comprise entre le manquement (${formatLongCivilDate(row.dateFait)}) et aujourd'hui.`,
        );
      }
      const updated = await update(tx, row, { statut: "contradictoire", reponseJeune: input.reponseJeune, reponseLe: input.reponseLe });
      return {
        data: { id: updated.id, jeuneId: updated.jeuneId },
        audit: audit("sanction.contradictoire", updated, ["statut", "reponseJeune", "reponseLe"]),
      };
    },
  );

  const decide = definition("sanction.decision", decisionSchema, "sanctions.decide", ofSanction, async ({ tx, user, input }) => {
    const row = await loadSanction(tx, user, input.sanctionId, input.version);
    if (row.statut === "decidee" || row.statut === "abandonnee") {
      throw new DomainError("conflict", { message: "Cette sanction a déjà été décidée ou abandonnée." });
    }
    const day = today();
    if (input.issue === "abandonner") {
      const updated = await update(tx, row, {
        statut: "abandonnee",
        decision: `Abandonnée : ${input.motif}`,
        effet: null,
        decideeLe: day,
        decideePar: user.id,
      });
      return {
        data: { id: updated.id, jeuneId: updated.jeuneId },
        audit: audit("sanction.abandonnee", updated, ["statut", "decision", "decideeLe", "decideePar"]),
      };
    }
    if (row.statut !== "contradictoire") {
      throw new DomainError("conflict", {
        message:
          "Enregistrez d'abord la réponse du jeune (ou son absence de réponse) : une sanction ne peut être appliquée sans qu'il ait pu s'expliquer.",
      });
    }
    const earliest = monthOf(row.dateFait);
    const latest = addToMonth(monthOf(day), MONTHS_AHEAD);
    if (input.premierMois < earliest || input.premierMois > latest) {
      fieldError("premierMois", `Choisissez un mois entre ${formatMonth(earliest)} (mois du manquement) et ${formatMonth(latest)}.`);
    }
    const proposed = RUNGS[row.palier]?.effect ?? {
      kind: "a_preciser" as const,
      percent: null,
      months: null,
      liftedOnCompliance: false,
      endsContract: false,
    };
    const decided = decideEffect(proposed, {
      pourcentage: input.pourcentage ?? null,
      mois: input.mois ?? null,
      premierMois: input.premierMois,
    });
    if (!decided.ok)
      throw new DomainError("invalid_input", { fieldErrors: Object.fromEntries(decided.errors.map((e) => [e.field, [e.message]])) });
    // The effect itself is in `effet` (shown as "Effet sur l'allocation"); the decision says what was decided and why.
    const updated = await update(tx, row, {
      statut: "decidee",
      decision: input.motif ? `Sanction appliquée : ${input.motif}` : "Sanction appliquée.",
      effet: decided.effect,
      decideeLe: day,
      decideePar: user.id,
    });
    return {
      data: { id: updated.id, jeuneId: updated.jeuneId },
      audit: audit("sanction.decidee", updated, ["statut", "decision", "effet", "decideeLe", "decideePar"], {
        palier: updated.palier,
        pourcentage: decided.effect.pourcentage,
      }),
    };
  });

  const lift = definition("sanction.levee", liftSchema, "sanctions.decide", ofSanction, async ({ tx, user, input }) => {
    const row = await loadSanction(tx, user, input.sanctionId, input.version);
    const effet = readDecidedEffect(row.effet);
    if (row.statut !== "decidee" || !effet?.leveeSiRemobilisation || effet.leveeLe) {
      throw new DomainError("conflict", { message: "Seule une suspension décidée et pas encore levée peut être levée." });
    }
    if (input.leveeLe < row.dateFait || input.leveeLe > today()) {
      fieldError("leveeLe", `La date doit être comprise entre le manquement (${formatLongCivilDate(row.dateFait)}) et aujourd'hui.`);
    }
    const updated = await update(tx, row, { effet: { ...effet, leveeLe: input.leveeLe } });
    return { data: { id: updated.id, jeuneId: updated.jeuneId }, audit: audit("sanction.levee", updated, ["effet"]) };
  });

  return { recordFailure, recordResponse, decide, lift };
}

export const { recordFailure, recordResponse, decide: decideSanction, lift: liftSuspension } = sanctionActions();
