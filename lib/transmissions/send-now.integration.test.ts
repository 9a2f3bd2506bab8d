import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, jeunes, structures, transmissionLedger, transmissions, type Jeune } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import type { AdapterFor } from "./adapters";
import { runAction } from "@/lib/actions/run";
import { enqueueTransmission } from "./enqueue";
import { retryTransmission } from "./retry-writes";
import { webInstanceDelivers } from "./channels";
import { sendNow, sendNowMessage } from "./send-now-writes";

const accepting: AdapterFor = () => ({ send: async (t) => ({ ok: true, ack: `ACK-${t.id.slice(0, 8)}` }) });
const unavailable: AdapterFor = () => ({ send: async () => ({ ok: false, permanent: false, error: "HTTP 503" }) });

describe("send one waiting transfer now", () => {
  const t = useTestDatabase();
  let lyonJeune: Jeune;
  let marseilleJeune: Jeune;
  let n = 0;

  beforeAll(async () => {
    await seedDemo(t.db, { today: todayInParis(new Date()), jeunesPerStructure: 4 });
    const [lyon] = await t.db.select().from(structures).where(eq(structures.siret, "77950697800013"));
    const [marseille] = await t.db.select().from(structures).where(eq(structures.siret, "41849263500010"));
    lyonJeune = (await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyon!.id)).orderBy(asc(jeunes.nomNaissance)))[0]!;
    marseilleJeune = (
      await t.db
        .select()
        .from(jeunes)
        .where(and(eq(jeunes.structureId, marseille!.id)))
        .limit(1)
    )[0]!;
  });

  const enqueue = async (jeune: Jeune) => {
    n += 1;
    const { transmission } = await t.db.transaction((tx) =>
      enqueueTransmission(tx, {
        jeuneId: jeune.id,
        recipient: "franceTravail",
        finality: "cej",
        kind: "inscription",
        data: { ...jeune, contratType: "CEJ" },
        idempotencyKey: `test-now-${n}:${jeune.id}`,
      }),
    );
    // Not due for an hour: only "Envoyer maintenant" makes it leave now.
    await t.db
      .update(transmissions)
      .set({ nextAttemptAt: new Date(Date.now() + 3_600_000) })
      .where(eq(transmissions.id, transmission.id));
    return transmission;
  };

  it("a DPO sends a waiting transfer at once: acknowledged, ledger entries, audited", async () => {
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const tr = await enqueue(lyonJeune);
    const result = await sendNow(dpo, { transmissionId: tr.id }, accepting);
    expect(result).toMatchObject({ ok: true, data: { status: "accusee", acknowledgement: `ACK-${tr.id.slice(0, 8)}` } });
    const events = await t.db
      .select({ event: transmissionLedger.event })
      .from(transmissionLedger)
      .where(eq(transmissionLedger.transmissionId, tr.id))
      .orderBy(asc(transmissionLedger.id));
    expect(events.map((e) => e.event)).toEqual(["creee", "envoyee", "accusee"]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "transmissions.envoi_immediat"), eq(auditLog.targetId, tr.id)));
    expect(audit).toMatchObject({ jeuneId: lyonJeune.id, fields: ["nextAttemptAt"] });
    expect(sendNowMessage({ status: "accusee", acknowledgement: "FT-1" })).toContain("n° FT-1");

    // Once acknowledged there is nothing left to send.
    expect(await sendNow(dpo, { transmissionId: tr.id }, accepting)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("a failure stays in the queue with its next attempt", async () => {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const tr = await enqueue(lyonJeune);
    const result = await sendNow(directrice, { transmissionId: tr.id }, unavailable);
    expect(result).toMatchObject({ ok: true, data: { status: "echec_temporaire" } });
    const [after] = await t.db.select().from(transmissions).where(eq(transmissions.id, tr.id));
    expect(after).toMatchObject({ attempts: 1, lastError: "HTTP 503" });
  });

  it("refused to a counsellor and to the admin, invisible to another structure, blocked under limitation", async () => {
    const tr = await enqueue(marseilleJeune);
    for (const email of ["conseillere.marseille@sillage.demo", "admin@sillage.demo"]) {
      expect(await sendNow(await sessionUserFor(t.db, email), { transmissionId: tr.id }, accepting)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect(await sendNow(await sessionUserFor(t.db, "dpo.lyon@sillage.demo"), { transmissionId: tr.id }, accepting)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await sendNow(await sessionUserFor(t.db, "dpo.lyon@sillage.demo"), { transmissionId: "pas-un-uuid" }, accepting)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });

    const [still] = await t.db.select().from(transmissions).where(eq(transmissions.id, tr.id));
    expect(still).toMatchObject({ status: "a_envoyer", attempts: 0 });

    const local = await enqueue(lyonJeune);
    await t.db.update(jeunes).set({ limitationDepuis: new Date() }).where(eq(jeunes.id, lyonJeune.id));
    expect(await sendNow(await sessionUserFor(t.db, "dpo.lyon@sillage.demo"), { transmissionId: local.id }, accepting)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    await t.db.update(jeunes).set({ limitationDepuis: null }).where(eq(jeunes.id, lyonJeune.id));
  });

  it("an art. 19 notice still leaves under a limitation, and after an erasure; a data transfer does not", async () => {
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const jeune = (
      await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyonJeune.structureId)).orderBy(asc(jeunes.nomNaissance))
    )[1]!;
    await t.db.update(jeunes).set({ limitationDepuis: new Date() }).where(eq(jeunes.id, jeune.id));
    n += 1;
    const { transmission: notice } = await t.db.transaction((tx) =>
      enqueueTransmission(tx, {
        jeuneId: jeune.id,
        recipient: "franceTravail",
        finality: "cej",
        kind: "limitation",
        data: jeune,
        idempotencyKey: `test-notice-${n}:${jeune.id}`,
      }),
    );
    expect(notice.status).toBe("a_envoyer");
    expect(await sendNow(dpo, { transmissionId: notice.id }, accepting)).toMatchObject({ ok: true, data: { status: "accusee" } });

    // Erased (anonymised): a refused erasure notice may be relaunched, a refused registration may not.
    await t.db.update(jeunes).set({ limitationDepuis: null, anonymisedAt: new Date() }).where(eq(jeunes.id, jeune.id));
    const refused = async (kind: "effacement" | "inscription") => {
      n += 1;
      const { transmission } = await t.db.transaction((tx) =>
        enqueueTransmission(tx, {
          jeuneId: jeune.id,
          recipient: "franceTravail",
          finality: "cej",
          kind,
          data: jeune,
          idempotencyKey: `test-erased-${n}:${jeune.id}`,
        }),
      );
      await t.db
        .update(transmissions)
        .set({ status: "rejetee", lastError: "HTTP 503", nextAttemptAt: null })
        .where(eq(transmissions.id, transmission.id));
      return transmission;
    };
    const erasure = await refused("effacement");
    const registration = await refused("inscription");
    expect(await runAction(retryTransmission, { transmissionId: registration.id }, dpo)).toMatchObject({ ok: false, code: "conflict" });
    expect(await runAction(retryTransmission, { transmissionId: erasure.id }, dpo)).toMatchObject({ ok: true });
    expect(await sendNow(dpo, { transmissionId: erasure.id }, accepting)).toMatchObject({ ok: true, data: { status: "accusee" } });
    await t.db.update(jeunes).set({ anonymisedAt: null }).where(eq(jeunes.id, jeune.id));
  });

  it("when the delivery itself fails, the transfer stays due and the person gets a message, not an error", async () => {
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    // A young person with nothing else in the queue, so the transfer is the next to leave.
    const jeune = (
      await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyonJeune.structureId)).orderBy(asc(jeunes.nomNaissance))
    )[2]!;
    await t.db.delete(transmissions).where(eq(transmissions.jeuneId, jeune.id));
    const tr = await enqueue(jeune);
    const broken: AdapterFor = () => {
      throw new Error("database connection lost");
    };
    const result = await sendNow(dpo, { transmissionId: tr.id }, broken);
    expect(result).toMatchObject({ ok: true, data: { status: "differe" } });
    expect(sendNowMessage({ status: "differe", acknowledgement: null })).toContain("prochain passage");
    const [after] = await t.db.select().from(transmissions).where(eq(transmissions.id, tr.id));
    expect(after!.status).toBe("a_envoyer");
    expect(after!.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("left to the worker (file drop with PostgreSQL): due now, nothing delivered by this process", async () => {
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const jeune = (
      await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyonJeune.structureId)).orderBy(asc(jeunes.nomNaissance))
    )[3]!;
    await t.db.delete(transmissions).where(eq(transmissions.jeuneId, jeune.id));
    const tr = await enqueue(jeune);
    let calls = 0;
    const counting: AdapterFor = () => ({
      send: async () => {
        calls += 1;
        return { ok: true, ack: "X" };
      },
    });
    const result = await sendNow(dpo, { transmissionId: tr.id }, counting, { deliver: false });
    expect(result).toMatchObject({ ok: true, data: { status: "confiee" } });
    expect(calls).toBe(0);
    expect(sendNowMessage({ status: "confiee", acknowledgement: null })).toContain("service d'envoi");
    const [after] = await t.db.select().from(transmissions).where(eq(transmissions.id, tr.id));
    expect(after!.status).toBe("a_envoyer");
    expect(after!.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("only the worker writes the file drop once the database is PostgreSQL; HTTPS and the embedded database deliver at once", () => {
    expect(webInstanceDelivers({ DATABASE_URL: "postgres://db/sillage", TRANSMISSIONS_ADAPTER: "file-drop" })).toBe(false);
    expect(webInstanceDelivers({ DATABASE_URL: "postgres://db/sillage", TRANSMISSIONS_ADAPTER: "https" })).toBe(true);
    expect(webInstanceDelivers({ DATABASE_URL: undefined, TRANSMISSIONS_ADAPTER: "file-drop" })).toBe(true);
  });
});

describe("relaunch keeps the order of transfers", () => {
  const t = useTestDatabase();
  it("refuses to relaunch a refused transfer once a later one to the same recipient has left", async () => {
    await seedDemo(t.db, { today: todayInParis(new Date()), jeunesPerStructure: 2 });
    const [lyon] = await t.db.select().from(structures).where(eq(structures.siret, "77950697800013"));
    const [jeune] = await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyon!.id)).limit(1);
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const make = (key: string, kind: "inscription" | "sortie") =>
      t.db.transaction((tx) =>
        enqueueTransmission(tx, {
          jeuneId: jeune!.id,
          recipient: "franceTravail",
          finality: "cej",
          kind,
          data: { ...jeune!, contratType: "CEJ" },
          idempotencyKey: key,
        }),
      );
    const { transmission: old } = await make("order-old", "inscription");
    await t.db
      .update(transmissions)
      .set({ status: "rejetee", lastError: "HTTP 401", nextAttemptAt: null })
      .where(eq(transmissions.id, old.id));
    const { transmission: later } = await make("order-later", "sortie");

    // The later one has been acknowledged: relaunching the old one would deliver out of order.
    await t.db.update(transmissions).set({ status: "accusee" }).where(eq(transmissions.id, later.id));
    const refused = await runAction(retryTransmission, { transmissionId: old.id }, dpo);
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(refused.ok ? "" : refused.message).toContain("dans le désordre");
    // Once the later one has not left either, the old one may go first again.
    await t.db.update(transmissions).set({ status: "rejetee" }).where(eq(transmissions.id, later.id));
    expect(await runAction(retryTransmission, { transmissionId: old.id }, dpo)).toMatchObject({ ok: true });
  });
});
