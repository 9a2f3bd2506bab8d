/**
 * Acceptance test of the dossier gate for writes, walked from the registry of action definitions: every
 * definition that targets a young person has a fixture here (a definition added without one fails), and
 * for each one:
 * - a counsellor of the same structure, outside the portfolio, without a reason, is refused
 *   (`reason_required`, or `forbidden` when the role lacks the capability) and nothing is written;
 *   the DPO and the admin too, when they hold the capability and the act does not exempt them;
 * - another structure gets `not_found` (or `forbidden`), and nothing is written;
 * - once a reason is given (or for a role the act exempts) the write goes through and a consultation
 *   outside the portfolio is recorded, named by the act.
 * Every fixture targets a fresh young person of Lyon, in Camille's portfolio and not in Julien's.
 */
import { detachedSettled } from "@/lib/actions/detached";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, getTableName, is, isNull, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";
import { consultations, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import type { ConsultationMotif } from "@/lib/consultations/motifs";
import { ACTION_REGISTRY, type AnyActionDefinition } from "@/lib/action-registry";
import { type ActionResult, type DossierTarget, runAction } from "@/lib/actions/run";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { giveConsultationReason } from "@/lib/dossier/break-glass-writes";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";

import { BUSINESS_REFUSALS, type Built, type Ctx, FIXTURES, fixtureContext, GATE_CODES } from "@/test/write-fixtures";

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

/** Every table of the schema: a refused write leaves all their row counts as they were. */
const TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

/** The write went past the gate: ok, or refused by a business rule this file documents. */
function expectThrough(key: string, result: ActionResult<unknown>): void {
  const refusal = BUSINESS_REFUSALS[key];
  if (refusal) {
    expect(result.ok, refusal).toBe(false);
    if (!result.ok) expect(GATE_CODES, `${key}: ${result.code} ${result.message}`).not.toContain(result.code);
    return;
  }
  expect(result, result.ok ? "" : `${key}: ${result.code} ${result.message} ${JSON.stringify(result.fieldErrors)}`).toMatchObject({
    ok: true,
  });
}

const TARGETS = Object.entries(ACTION_REGISTRY)
  .filter(([, def]) => !("none" in def.dossier))
  .map(([key, def]) => ({ key, def, target: def.dossier as DossierTarget<unknown> }));

describe("the dossier gate on every write that targets a young person", () => {
  const t = useTestDatabase();
  async function fingerprint(): Promise<Record<string, number>> {
    // Work an earlier act started after its commit (an access pack being prepared) is counted once it ends.
    await detachedSettled();
    const counts = Object.fromEntries(
      TABLES.map((table) => [getTableName(table), sql<number>`(select count(*) from ${table})`.mapWith(Number)]),
    );
    const [row] = await t.db.select(counts).from(schema.structures).limit(1);
    return row!;
  }

  const today = todayInParis(new Date());
  const who = {} as Record<"camille" | "julien" | "directrice" | "dpo" | "admin" | "ines" | "karim" | "dpoMarseille", SessionUser>;
  let ctx: Ctx;
  let outbox: string;
  const previousOutbox = process.env.MAIL_OUTBOX_DIR;

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-writes-gate-outbox-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today, jeunesPerStructure: 2 });
    // Marseille has no DPO account in the demo: one holds droits.handle there, for the other-structure case.
    const [karimRow] = await t.db.select().from(users).where(eq(users.email, "directeur.marseille@sillage.demo"));
    await t.db
      .insert(users)
      .values({ email: "dpo.marseille@sillage.test", name: "DPO Marseille", role: "dpo", structureId: karimRow!.structureId });
    const accounts = {
      camille: "conseillere.lyon@sillage.demo",
      julien: "conseiller.lyon@sillage.demo",
      directrice: "directrice.lyon@sillage.demo",
      dpo: "dpo.lyon@sillage.demo",
      admin: "admin@sillage.demo",
      ines: "conseillere.marseille@sillage.demo",
      karim: "directeur.marseille@sillage.demo",
      dpoMarseille: "dpo.marseille@sillage.test",
    } as const;
    for (const [name, email] of Object.entries(accounts)) who[name as keyof typeof who] = await sessionUserFor(t.db, email);

    ctx = fixtureContext(t.db, today, who);
  });

  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = previousOutbox;
    await rm(outbox, { recursive: true, force: true });
  });

  it("has a fixture for every definition of the registry that targets a young person, and none for the others", () => {
    expect(TABLES.length).toBeGreaterThan(15);
    expect(TARGETS.length).toBeGreaterThan(40);
    const missing = TARGETS.map(({ key }) => key).filter((key) => !(key in FIXTURES));
    expect(missing, `add a fixture to FIXTURES for: ${missing.join(", ")}`).toEqual([]);
    const stale = Object.keys(FIXTURES).filter((key) => !TARGETS.some((d) => d.key === key));
    expect(stale, "fixtures for definitions not in the registry, or that target no young person").toEqual([]);
  });

  /** How many openings by `user` were recorded on the file outside the portfolio, named `onglet`, without a reason (the act). */
  const actConsultations = async (jeuneId: string, user: SessionUser, onglet: string, motif: string | null) =>
    (
      await t.db
        .select({ id: consultations.id })
        .from(consultations)
        .where(
          and(
            eq(consultations.jeuneId, jeuneId),
            eq(consultations.userId, user.id),
            eq(consultations.onglet, onglet),
            eq(consultations.horsPortefeuille, true),
            motif ? eq(consultations.motif, motif as ConsultationMotif) : isNull(consultations.motif),
          ),
        )
    ).length;

  /** Runs the write as `user` and expects it through the gate, recorded as one consultation outside the portfolio. */
  // After a reason (break-glass) the write records no motif of its own; an exempt act records its motif.
  const throughOutside = async (
    key: string,
    def: AnyActionDefinition,
    built: Built,
    user: SessionUser,
    onglet: string,
    motif: string | null = null,
  ) => {
    const before = await actConsultations(built.jeuneId, user, onglet, motif);
    const result = await runAction(def, built.input, user);
    expectThrough(key, result);
    if (result.ok)
      expect(await actConsultations(built.jeuneId, user, onglet, motif), "consultation recorded by the write").toBe(before + 1);
  };

  describe.each(TARGETS)("$key", ({ key, def, target }) => {
    const build = async (): Promise<Built> => {
      const fixture = FIXTURES[key];
      if (!fixture) throw new Error(`no fixture for ${key}: add one to FIXTURES in lib/dossier/writes-gate.integration.test.ts`);
      return fixture(ctx);
    };
    const onglet = target.onglet ?? "modification";
    const exemptRoles: readonly Role[] = target.exempt?.roles ?? [];
    const counsellorCan = can("conseiller", def.capability);
    const counsellorExempt = counsellorCan && exemptRoles.includes("conseiller");
    /** Roles without a portfolio in the structure, holding the capability, that the act exempts from a reason. */
    const exemptOutsiders = (["dpo", "admin"] as const).filter((r) => can(r, def.capability) && exemptRoles.includes(r));
    /** Roles without a portfolio that hold the capability but need a reason like anyone else. */
    const reasonOutsiders = (["dpo", "admin"] as const).filter((r) => can(r, def.capability) && !exemptRoles.includes(r));

    it(
      counsellorExempt
        ? "lets a counsellor outside the portfolio act without a reason (the act is the ground), and records the consultation"
        : "refuses a counsellor of the structure outside the portfolio without a reason, and writes nothing",
      async () => {
        const built = await build();
        if (counsellorExempt) {
          await throughOutside(key, def, built, who.julien, onglet, target.exempt?.motif ?? null);
          return;
        }
        const { input } = built;
        const before = await fingerprint();
        const result = await runAction(def, input, who.julien);
        expect(result).toMatchObject({ ok: false, code: counsellorCan ? "reason_required" : "forbidden" });
        for (const role of reasonOutsiders) {
          expect(await runAction(def, input, who[role]), role).toMatchObject({ ok: false, code: "reason_required" });
        }
        expect(await fingerprint()).toEqual(before);
      },
    );

    it("answers another structure as if the file did not exist, and writes nothing", async () => {
      const { input } = await build();
      const other = [who.ines, who.karim, who.dpoMarseille].find((u) => can(u.role, def.capability));
      const before = await fingerprint();
      const result = await runAction(def, input, other ?? who.ines);
      // A target picked in a form (target.field) reports "introuvable" on that field rather than on the page.
      const field = (def.dossier as DossierTarget<unknown>).field;
      if (other && field) {
        expect(result).toMatchObject({
          ok: false,
          code: "not_found",
          fieldErrors: { [field]: [expect.stringContaining("introuvable")] },
        });
      } else expect(result).toMatchObject({ ok: false, code: other ? "not_found" : "forbidden" });
      expect(await fingerprint()).toEqual(before);
    });

    if (counsellorCan) {
      it("lets the counsellor through once a reason is given, and records the write as a consultation outside the portfolio", async () => {
        const built = await build();
        const reason = await runAction(
          giveConsultationReason,
          { jeuneId: built.jeuneId, onglet: "parcours", motif: "remplacement", motifDetail: "Remplacement de Camille Martin" },
          who.julien,
        );
        expect(reason).toMatchObject({ ok: true });
        await throughOutside(key, def, built, who.julien, onglet);
      });
    }

    for (const role of exemptOutsiders) {
      it(`lets the ${role} act without a reason (exempt), and records the consultation « ${onglet} »`, async () => {
        await throughOutside(key, def, await build(), who[role], onglet, target.exempt?.motif ?? null);
      });
    }

    if (!counsellorCan && exemptOutsiders.length === 0) {
      // Nobody outside the portfolio may do it: directors (whose portfolio is the structure) or the person themselves.
      it("is done from inside the portfolio only, with the same input (the refusals above were the gate's)", async () => {
        const { jeuneId, input } = await build();
        let user: SessionUser;
        if (can("directeur", def.capability)) user = who.directrice;
        else if (can("jeune", def.capability)) user = await accountOf(jeuneId);
        else throw new Error(`${key}: no role may perform it`);
        const openings = () =>
          t.db
            .select({ id: consultations.id })
            .from(consultations)
            .where(and(eq(consultations.jeuneId, jeuneId), eq(consultations.userId, user.id)));
        const before = await openings();
        expectThrough(key, await runAction(def, input, user));
        // Inside the portfolio the audit entry is the record: no consultation.
        expect(await openings()).toEqual(before);
      });
    }
  });

  /** A sign-in account for the young person (the espace's own door). */
  async function accountOf(jeuneId: string): Promise<SessionUser> {
    const email = `jeune.${jeuneId}@exemple.test`;
    await t.db.insert(users).values({ email, name: "Jeune de test", role: "jeune", jeuneId });
    return sessionUserFor(t.db, email);
  }
});
