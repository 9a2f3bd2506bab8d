import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import {
  allocationDecisions,
  auditLog,
  auditLog as audit,
  contrats,
  demandeEvenements,
  demandesDroits,
  jeunes,
  structures,
  transmissionLedger,
  transmissions,
  users,
  type Jeune,
} from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { addDays, addMonths, todayInParis } from "@/lib/calendar/civil-date";
import { enqueueTransmission } from "@/lib/transmissions/enqueue";
import { listMyDemandes, listMyTransmissions } from "@/lib/espace/queries";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { createDemandeFromEspace, recordDeskDemande, type CreatedDemande } from "./intake-writes";
import { applyRectification, decideErasure, forwardToFranceTravail, holdsFor, recordFranceTravailAnswer } from "./traitement-writes";
import { applyLimitation, liftLimitation, respondToDemande } from "./transition-writes";
import { buildResponseLetter } from "./letters";
import { loadLetterContext } from "./store";
import { runRetention } from "@/lib/retention/run";
import { deliverDue } from "@/lib/transmissions/worker";
import type { AdapterFor } from "@/lib/transmissions/adapters";

const CAMILLE = "conseillere.lyon@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const DPO_MARSEILLE = "dpo.marseille@sillage.demo";
const DIRECTRICE = "directrice.lyon@sillage.demo";
const LEA = "lea.dupont@exemple.fr";
const TOM = "tom.girard@exemple.fr";

describe("handling rights that change data", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let outbox: string;
  const previousOutbox = process.env.MAIL_OUTBOX_DIR;

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-traitement-outbox-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today, jeunesPerStructure: 40 });
    // A DPO in the other structure, to prove the structure scoping.
    const [lyonDpo] = await t.db.select().from(users).where(eq(users.email, DPO));
    const [marseille] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Marseille"));
    const { id: _id, ...rest } = lyonDpo!;
    // The demo seed may already hold one: either way, a DPO of Marseille only.
    await t.db
      .insert(users)
      .values({ ...rest, email: DPO_MARSEILLE, name: "DPO Marseille", structureId: marseille!.id, antenneId: null })
      .onConflictDoNothing();
  });
  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = previousOutbox;
    await rm(outbox, { recursive: true, force: true });
  });

  const ok = <T>(result: { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors: unknown }): T => {
    if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
    return result.data;
  };
  const jeune = async (id: string) => (await t.db.select().from(jeunes).where(eq(jeunes.id, id)))[0]!;
  const demande = async (id: string) => (await t.db.select().from(demandesDroits).where(eq(demandesDroits.id, id)))[0]!;
  const byEmail = async (email: string) => (await t.db.select().from(jeunes).where(eq(jeunes.email, email)))[0]!;
  /** A Lyon young person of Camille's portfolio other than Léa and Tom, fresh for each scenario. */
  let taken = new Set<string>();
  const anotherLyonJeune = async () => {
    const [camille] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
    const rows = await t.db
      .select()
      .from(jeunes)
      .where(and(eq(jeunes.conseillerId, camille!.id), eq(jeunes.statut, "actif")));
    const j = rows.find((r) => r.email !== LEA && r.email !== TOM && !taken.has(r.id) && r.limitationDepuis === null);
    if (!j) throw new Error("no more young people to use");
    taken = new Set([...taken, j.id]);
    return j;
  };
  const request = async (j: Jeune, type: string, over: Record<string, unknown> = {}) => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    return ok<CreatedDemande>(
      await runAction(
        recordDeskDemande,
        { jeuneId: j.id, type, objet: "Demande au guichet", recueLe: today, identiteVerifiee: "on", ...over },
        camille,
      ),
    );
  };
  /** A transfer as if it had been delivered and acknowledged. */
  const delivered = async (
    j: Jeune,
    recipient: "franceTravail" | "cnamCpam" | "asp",
    finality: "cej" | "c2s" | "allocation",
    key: string,
  ) => {
    const { transmission } = await t.db.transaction((tx) =>
      enqueueTransmission(tx, {
        jeuneId: j.id,
        recipient,
        finality,
        kind: "inscription",
        data: { ...j, allocationPeriode: "2026-10", allocationMontant: 56168, foyerImposable: false },
        idempotencyKey: key,
      }),
    );
    await t.db
      .update(transmissions)
      .set({ status: "accusee", sentAt: new Date(), acknowledgedAt: new Date(), acknowledgement: "ACK-1" })
      .where(eq(transmissions.id, transmission.id));
    return transmission;
  };
  const rectificationsOf = async (jeuneId: string) =>
    t.db
      .select()
      .from(transmissions)
      .where(and(eq(transmissions.jeuneId, jeuneId), eq(transmissions.kind, "rectification")));

  describe("rectification (art. 16) and the recipients told (art. 19)", () => {
    it("corrects a field sent to France Travail and the CPAM: exactly two rectification transfers with the new value", async () => {
      const j = await anotherLyonJeune();
      await delivered(j, "franceTravail", "cej", `test-ft:${j.id}`);
      await delivered(j, "cnamCpam", "c2s", `test-c2s:${j.id}`);
      // A transfer never delivered does not count: the recipient never had the old value.
      await t.db.transaction((tx) =>
        enqueueTransmission(tx, {
          jeuneId: j.id,
          recipient: "asp",
          finality: "allocation",
          kind: "paiement",
          data: j,
          idempotencyKey: `test-asp:${j.id}`,
        }),
      );
      const d = await request(j, "rectification");
      const dpo = await sessionUserFor(t.db, DPO);
      const before = await demande(d.id);

      const result = ok(
        await runAction(
          applyRectification,
          { demandeId: d.id, version: before.version, jeuneVersion: j.version, champ: "nomNaissance", valeur: "  martin-durand " },
          dpo,
        ),
      );
      expect(result.transmissions).toBe(2);

      const after = await jeune(j.id);
      expect(after.nomNaissance).toBe("MARTIN-DURAND");
      expect(after.version).toBe(j.version + 1);
      expect(after.searchText).toContain("martin durand");
      const sent = await rectificationsOf(j.id);
      expect(sent.map((s) => `${s.recipient}.${s.finality}`).sort()).toEqual(["cnamCpam.c2s", "franceTravail.cej"]);
      for (const s of sent) {
        expect(s.status).toBe("a_envoyer");
        expect(s.payload.nomNaissance).toBe("MARTIN-DURAND");
        expect(s.idempotencyKey).toBe(`rectification:${d.id}:v${after.version}:${s.recipient}:${s.finality}`);
      }
      // Only what each flow allows: the CPAM gets no address, France Travail no allowance data.
      const cpam = sent.find((s) => s.recipient === "cnamCpam")!;
      expect(Object.keys(cpam.payload)).not.toContain("adresse");
      expect(Object.keys(cpam.payload)).not.toContain("telephone");
      // In the tamper-evident ledger, with field names only.
      const ledger = await t.db.select().from(transmissionLedger).where(eq(transmissionLedger.transmissionId, cpam.id));
      expect(ledger.map((l) => l.event)).toEqual(["creee"]);

      // Audit: field names, never the values.
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, j.id), eq(auditLog.action, "jeune.rectification")));
      expect(entry!.fields).toEqual(["nomNaissance"]);
      expect(JSON.stringify(entry)).not.toContain("MARTIN");
      // The young person's steps say it in plain words.
      const events = await t.db.select().from(demandeEvenements).where(eq(demandeEvenements.demandeId, d.id));
      expect(events.map((e) => e.message).join(" ")).toContain("Nous prévenons aussi Assurance maladie (CNAM et CPAM) et France Travail");
    });

    it("creates no transfer for a field never sent", async () => {
      const j = await anotherLyonJeune();
      await delivered(j, "cnamCpam", "c2s", `test-c2s-only:${j.id}`);
      const d = await request(j, "rectification");
      const dpo = await sessionUserFor(t.db, DPO);
      // The CPAM flow carries no phone number.
      const result = ok(
        await runAction(
          applyRectification,
          { demandeId: d.id, version: (await demande(d.id)).version, jeuneVersion: j.version, champ: "telephone", valeur: "0601020304" },
          dpo,
        ),
      );
      expect(result.transmissions).toBe(0);
      expect((await jeune(j.id)).telephone).toBe("06 01 02 03 04");
      expect(await rectificationsOf(j.id)).toHaveLength(0);
    });

    it("holds the rectification transfers while the data is limited (retenue)", async () => {
      const j = await anotherLyonJeune();
      await delivered(j, "franceTravail", "cej", `test-ft-limited:${j.id}`);
      const dpo = await sessionUserFor(t.db, DPO);
      const lim = await request(j, "limitation");
      ok(await runAction(applyLimitation, { demandeId: lim.id, version: (await demande(lim.id)).version }, dpo));
      const current = await jeune(j.id);
      const d = await request(j, "rectification");
      ok(
        await runAction(
          applyRectification,
          {
            demandeId: d.id,
            version: (await demande(d.id)).version,
            jeuneVersion: current.version,
            champ: "prenoms",
            valeur: "Anne-Sophie",
          },
          dpo,
        ),
      );
      const sent = await rectificationsOf(j.id);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.status).toBe("retenue");
    });

    it("validates the new value with the dossier's rule and changes nothing on error", async () => {
      const j = await anotherLyonJeune();
      await delivered(j, "franceTravail", "cej", `test-ft-invalid:${j.id}`);
      const d = await request(j, "rectification");
      const dpo = await sessionUserFor(t.db, DPO);
      const version = (await demande(d.id)).version;
      const bad = await runAction(
        applyRectification,
        { demandeId: d.id, version, jeuneVersion: j.version, champ: "codePostal", valeur: "6900" },
        dpo,
      );
      expect(bad).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { valeur: [expect.stringContaining("5 chiffres")] } });
      const empty = await runAction(
        applyRectification,
        { demandeId: d.id, version, jeuneVersion: j.version, champ: "prenoms", valeur: "  " },
        dpo,
      );
      expect(empty).toMatchObject({ ok: false, code: "invalid_input" });
      expect(await jeune(j.id)).toEqual(j);
      expect(await rectificationsOf(j.id)).toHaveLength(0);
    });

    it("refuses a stale dossier version, and a request that is not a rectification", async () => {
      const j = await anotherLyonJeune();
      const d = await request(j, "rectification");
      const dpo = await sessionUserFor(t.db, DPO);
      const stale = await runAction(
        applyRectification,
        {
          demandeId: d.id,
          version: (await demande(d.id)).version,
          jeuneVersion: j.version - 1 || 99,
          champ: "commune",
          valeur: "Villeurbanne",
        },
        dpo,
      );
      expect(stale).toMatchObject({ ok: false, code: "conflict" });
      const access = await request(j, "acces");
      const wrong = await runAction(
        applyRectification,
        {
          demandeId: access.id,
          version: (await demande(access.id)).version,
          jeuneVersion: j.version,
          champ: "commune",
          valeur: "Villeurbanne",
        },
        dpo,
      );
      expect(wrong).toMatchObject({ ok: false, code: "conflict" });
      expect((await jeune(j.id)).commune).toBe(j.commune);
    });

    it("is for the DPO of the structure only", async () => {
      const j = await anotherLyonJeune();
      const d = await request(j, "rectification");
      const input = { demandeId: d.id, version: (await demande(d.id)).version, jeuneVersion: j.version, champ: "commune", valeur: "Bron" };
      expect(await runAction(applyRectification, input, await sessionUserFor(t.db, DPO_MARSEILLE))).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await runAction(applyRectification, input, await sessionUserFor(t.db, DIRECTRICE))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await runAction(applyRectification, input, await sessionUserFor(t.db, CAMILLE))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await runAction(applyRectification, input, await sessionUserFor(t.db, LEA))).toMatchObject({ ok: false, code: "forbidden" });
      expect((await jeune(j.id)).commune).toBe(j.commune);
    });
  });

  describe("erasure (art. 17)", () => {
    it("refuses while a CEJ runs, with the reason in the letter, and touches no data", async () => {
      const j = await anotherLyonJeune();
      await t.db.insert(contrats).values({
        structureId: j.structureId,
        jeuneId: j.id,
        type: "CEJ",
        signeLe: addDays(today, -40),
        debut: addDays(today, -40),
        finPrevue: addMonths(today, 10),
      });
      const d = await request(j, "effacement", { envoyerAccuse: undefined });
      const dpo = await sessionUserFor(t.db, DPO);
      const holds = await holdsFor(t.db, await jeune(j.id), today);
      expect(holds.map((h) => h.code)).toContain("contrat_en_cours");

      // Accepting through the generic answer is not possible: the holds decide.
      const generic = await runAction(
        respondToDemande,
        { demandeId: d.id, version: (await demande(d.id)).version, issue: "acceptee", motif: "Nous effaçons tout, promis." },
        dpo,
      );
      expect(generic).toMatchObject({ ok: false, code: "conflict" });
      // A page that showed "no hold" is stale: nothing happens.
      const stale = await runAction(
        decideErasure,
        { demandeId: d.id, version: (await demande(d.id)).version, jeuneVersion: j.version, attendu: "effacement" },
        dpo,
      );
      expect(stale).toMatchObject({ ok: false, code: "conflict" });
      expect((await jeune(j.id)).anonymisedAt).toBeNull();

      const files = (await readdir(outbox)).length;
      ok(
        await runAction(
          decideErasure,
          { demandeId: d.id, version: (await demande(d.id)).version, jeuneVersion: j.version, attendu: "refus", envoyer: "on" },
          dpo,
        ),
      );
      const answered = await demande(d.id);
      expect(answered).toMatchObject({ statut: "repondue", issue: "refusee" });
      expect(answered.reponseMotif).toContain("contrat d'engagement jeune (CEJ) est en cours");
      expect(answered.reponseMotif).toContain("RGPD, article 17-3-b");
      const mail = (await readdir(outbox)).filter((f) => f.endsWith(".json")).sort();
      expect(mail.length).toBeGreaterThan(files - 1);
      const last = JSON.parse(await readFile(path.join(outbox, mail[mail.length - 1]!), "utf8")) as { text: string };
      expect(last.text).toContain("contrat d'engagement jeune (CEJ) est en cours");
      expect(last.text).toContain("CNIL");
      const after = await jeune(j.id);
      expect(after.nomNaissance).toBe(j.nomNaissance);
      expect(after.anonymisedAt).toBeNull();
    });

    it("names every hold: allowance within ten years, ESF audits, retention not over", async () => {
      const j = await anotherLyonJeune();
      const [c] = await t.db
        .insert(contrats)
        .values({
          structureId: j.structureId,
          jeuneId: j.id,
          type: "CEJ",
          signeLe: addMonths(today, -14),
          debut: addMonths(today, -14),
          finPrevue: addMonths(today, -2),
          finReelle: addMonths(today, -2),
          motifSortie: "emploi",
        })
        .returning();
      await t.db.insert(allocationDecisions).values({
        structureId: j.structureId,
        jeuneId: j.id,
        contratId: c!.id,
        dispositif: "CEJ",
        mois: addMonths(today, -3).slice(0, 7),
        montantCents: 56168,
        entrees: {},
        regleVersion: "test",
        explication: "test",
      });
      const codes = (await holdsFor(t.db, await jeune(j.id), today)).map((h) => h.code);
      expect(codes).toEqual(["allocation", "fse", "conservation"]);
    });

    it("with no hold: anonymises the dossier, answers « acceptée », and leaves every other dossier unchanged", async () => {
      const j = await anotherLyonJeune();
      // Born 30 years ago, never in PACEA or CEJ: the retention period is over and nothing else holds.
      await t.db
        .update(jeunes)
        .set({ dateNaissance: addMonths(today, -12 * 30) })
        .where(eq(jeunes.id, j.id));
      const current = await jeune(j.id);
      expect(await holdsFor(t.db, current, today)).toEqual([]);
      const d = await request(current, "effacement");
      const others = await t.db.select().from(jeunes).where(ne(jeunes.id, j.id));
      const dpo = await sessionUserFor(t.db, DPO);
      const jsonMails = async () => (await readdir(outbox)).filter((f) => f.endsWith(".json")).length;
      const files = await jsonMails();

      ok(
        await runAction(
          decideErasure,
          { demandeId: d.id, version: (await demande(d.id)).version, jeuneVersion: current.version, attendu: "effacement", envoyer: "on" },
          dpo,
        ),
      );

      const after = await jeune(j.id);
      expect(after).toMatchObject({
        nomNaissance: "ANONYME",
        prenoms: "—",
        email: null,
        telephone: null,
        adresse: null,
        nirEncrypted: null,
        statut: "archive",
      });
      expect(after.anonymisedAt).not.toBeNull();
      // Statistics kept: structure, sex, birth year, dispositif.
      expect(after).toMatchObject({ structureId: j.structureId, sexe: j.sexe, dispositif: j.dispositif });
      expect(after.dateNaissance.slice(0, 4)).toBe(current.dateNaissance.slice(0, 4));
      expect(await demande(d.id)).toMatchObject({ statut: "repondue", issue: "acceptee" });
      // The letter went out to the address known before the erasure.
      expect(await jsonMails()).toBe(files + 1);
      // Nothing else touched.
      const othersAfter = await t.db.select().from(jeunes).where(ne(jeunes.id, j.id));
      expect(othersAfter.sort((a, b) => a.id.localeCompare(b.id))).toEqual(others.sort((a, b) => a.id.localeCompare(b.id)));
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, j.id), eq(auditLog.action, "jeune.anonymise")));
      expect(audits).toHaveLength(1);
    });
  });

  describe("art. 19 notices after an erasure and a limitation", () => {
    const accepting: AdapterFor = () => ({ send: async (tr) => ({ ok: true, ack: `ACK-${tr.id.slice(0, 8)}` }) });
    const ofJeune = async (jeuneId: string) => t.db.select().from(transmissions).where(eq(transmissions.jeuneId, jeuneId));
    const notices = async (jeuneId: string, kind: "effacement" | "limitation" | "levee_limitation") =>
      (await ofJeune(jeuneId)).filter((tr) => tr.kind === kind).sort((a, b) => a.recipient.localeCompare(b.recipient));
    /** A young person with no transfer yet and no hold on an erasure (born 30 years ago, no contract). */
    const erasable = async () => {
      const j = await anotherLyonJeune();
      await t.db.delete(transmissions).where(eq(transmissions.jeuneId, j.id));
      await t.db.delete(contrats).where(eq(contrats.jeuneId, j.id));
      await t.db
        .update(jeunes)
        .set({ dateNaissance: addMonths(today, -12 * 30) })
        .where(eq(jeunes.id, j.id));
      return jeune(j.id);
    };

    it("an accepted erasure tells each recipient of the data, cancels what had not left, and keeps no value", async () => {
      const j = await erasable();
      expect(await holdsFor(t.db, j, today)).toEqual([]);
      const ft = await delivered(j, "franceTravail", "cej", `test-erase-ft:${j.id}`);
      await delivered(j, "cnamCpam", "c2s", `test-erase-c2s:${j.id}`);
      // Statistics leave without a name: no notice can reach a person there.
      const { transmission: stats } = await t.db.transaction((tx) =>
        enqueueTransmission(tx, {
          jeuneId: j.id,
          recipient: "etat",
          finality: "statistiques",
          kind: "mise_a_jour",
          data: { ...j, anneeNaissance: 1996 },
          idempotencyKey: `test-erase-stats:${j.id}`,
        }),
      );
      await t.db.update(transmissions).set({ status: "accusee" }).where(eq(transmissions.id, stats.id));
      // Not delivered yet: it must never leave with erased data.
      const { transmission: waiting } = await t.db.transaction((tx) =>
        enqueueTransmission(tx, {
          jeuneId: j.id,
          recipient: "asp",
          finality: "allocation",
          kind: "paiement",
          data: { ...j, allocationPeriode: "2026-10", allocationMontant: 1000 },
          idempotencyKey: `test-erase-asp:${j.id}`,
        }),
      );
      const d = await request(j, "effacement");
      const dpo = await sessionUserFor(t.db, DPO);

      ok(
        await runAction(
          decideErasure,
          { demandeId: d.id, version: (await demande(d.id)).version, jeuneVersion: j.version, attendu: "effacement" },
          dpo,
        ),
      );

      const told = await notices(j.id, "effacement");
      expect(told.map((n) => `${n.recipient}.${n.finality}`)).toEqual(["cnamCpam.c2s", "franceTravail.cej"]);
      for (const n of told) {
        expect(n.status).toBe("a_envoyer");
        expect(n.idempotencyKey).toBe(`effacement:${d.id}:${n.recipient}:${n.finality}`);
        // Identity only, as it was before the erasure, so the recipient can find its record.
        expect(n.payload.nomNaissance).toBe(j.nomNaissance);
        expect(
          Object.keys(n.payload).every((k) =>
            ["nomNaissance", "nomUsage", "prenoms", "dateNaissance", "sexe", "nirEncrypted", "ftIdentifiant"].includes(k),
          ),
        ).toBe(true);
      }
      expect(Object.keys(told.find((n) => n.recipient === "franceTravail")!.payload)).not.toContain("email");
      // The waiting payment is cancelled, in the ledger too.
      const [cancelled] = await t.db.select().from(transmissions).where(eq(transmissions.id, waiting.id));
      expect(cancelled).toMatchObject({ status: "annulee", nextAttemptAt: null });
      const ledger = await t.db.select().from(transmissionLedger).where(eq(transmissionLedger.transmissionId, waiting.id));
      expect(ledger.map((l) => l.event)).toEqual(["creee", "annulee"]);
      // What was sent before keeps its proof (field names, hash) but not the values.
      const [oldFt] = await t.db.select().from(transmissions).where(eq(transmissions.id, ft.id));
      expect(oldFt!.payload).toEqual({});
      expect(oldFt!.fieldNames).toEqual(ft.fieldNames);
      expect(oldFt!.payloadHash).toBe(ft.payloadHash);
      const [anonymised] = await t.db
        .select()
        .from(audit)
        .where(and(eq(audit.targetId, j.id), eq(audit.action, "jeune.anonymise")));
      expect(anonymised!.meta).toMatchObject({ destinatairesPrevenus: 2, transmissionsAnnulees: 1 });

      // The notices leave although the dossier is anonymised; once delivered, the retention run empties them.
      const report = await deliverDue(t.db, accepting, new Date(), { limit: 50 });
      expect(report.accusees).toBeGreaterThanOrEqual(2);
      for (const n of await notices(j.id, "effacement")) expect(n.status).toBe("accusee");
      const run = await runRetention(t.db, today);
      expect(run.payloadsScrubbed).toBeGreaterThanOrEqual(2);
      for (const tr of await ofJeune(j.id)) expect(tr.payload).toEqual({});
      expect(JSON.stringify(await ofJeune(j.id))).not.toContain(j.nomNaissance);
    });

    it("the answer letter downloaded after the erasure names the request, not the erased person", async () => {
      const j = await erasable();
      const d = await request(j, "effacement");
      const dpo = await sessionUserFor(t.db, DPO);
      const beforeCtx = await loadLetterContext(t.db, await demande(d.id));
      expect(beforeCtx.jeune?.nomNaissance).toBe(j.nomNaissance);
      ok(
        await runAction(
          decideErasure,
          { demandeId: d.id, version: (await demande(d.id)).version, jeuneVersion: j.version, attendu: "effacement" },
          dpo,
        ),
      );
      const answered = await demande(d.id);
      const ctx = await loadLetterContext(t.db, answered);
      expect(ctx.jeune).toBeNull();
      expect(ctx.email).toBeNull();
      const letter = buildResponseLetter(ctx, { issue: "acceptee", motif: answered.reponseMotif ?? "", reponduLe: today });
      expect(letter.recipient).toEqual([`La personne à l'origine de la demande n° ${answered.numero}`]);
      expect(letter.salutation).toBe("Madame, Monsieur,");
      expect(JSON.stringify(letter)).not.toContain("ANONYME");
    });

    it("a limitation holds what was due at once, and its notices leave while everything else waits", async () => {
      const j = await anotherLyonJeune();
      await t.db.delete(transmissions).where(eq(transmissions.jeuneId, j.id));
      await delivered(j, "franceTravail", "cej", `test-lim-ft:${j.id}`);
      // Due to France Travail, not yet sent: held as soon as the limitation starts.
      const { transmission: due } = await t.db.transaction((tx) =>
        enqueueTransmission(tx, {
          jeuneId: j.id,
          recipient: "franceTravail",
          finality: "cej",
          kind: "mise_a_jour",
          data: j,
          idempotencyKey: `test-lim-due:${j.id}`,
        }),
      );
      const d = await request(j, "limitation");
      const dpo = await sessionUserFor(t.db, DPO);
      ok(await runAction(applyLimitation, { demandeId: d.id, version: (await demande(d.id)).version }, dpo));

      expect((await t.db.select().from(transmissions).where(eq(transmissions.id, due.id)))[0]!.status).toBe("retenue");
      const [notice] = await notices(j.id, "limitation");
      expect(notice).toMatchObject({ recipient: "franceTravail", finality: "cej", status: "a_envoyer" });
      const events = await t.db.select().from(demandeEvenements).where(eq(demandeEvenements.demandeId, d.id));
      expect(events.map((e) => e.message).join(" ")).toContain("Nous prévenons France Travail");

      // The worker sends the notice (the held update, created earlier, does not block it) and nothing else.
      await deliverDue(t.db, accepting, new Date(), { limit: 50 });
      expect((await notices(j.id, "limitation"))[0]!.status).toBe("accusee");
      expect((await t.db.select().from(transmissions).where(eq(transmissions.id, due.id)))[0]!.status).toBe("retenue");

      // Lifted: France Travail is told, then the held update leaves.
      ok(await runAction(liftLimitation, { demandeId: d.id, version: (await demande(d.id)).version }, dpo));
      const [lifted] = await notices(j.id, "levee_limitation");
      expect(lifted).toMatchObject({ recipient: "franceTravail", status: "a_envoyer" });
      expect((await t.db.select().from(transmissions).where(eq(transmissions.id, due.id)))[0]!.status).toBe("a_envoyer");
      await deliverDue(t.db, accepting, new Date(), { limit: 50 });
      expect((await notices(j.id, "levee_limitation"))[0]!.status).toBe("accusee");
      expect((await t.db.select().from(transmissions).where(eq(transmissions.id, due.id)))[0]!.status).toBe("accusee");
      // Applying it again under the same request tells the recipient again (new dossier version, new key).
      ok(await runAction(applyLimitation, { demandeId: d.id, version: (await demande(d.id)).version }, dpo));
      expect(await notices(j.id, "limitation")).toHaveLength(2);
    });
  });

  describe("objection (art. 21) per finality", () => {
    it("only a refusal where the text excludes objection (legal obligation), with the rule in the letter", async () => {
      const j = await anotherLyonJeune();
      const d = await request(j, "opposition", { finalite: "droits" });
      const dpo = await sessionUserFor(t.db, DPO);
      const accepted = await runAction(
        respondToDemande,
        { demandeId: d.id, version: (await demande(d.id)).version, issue: "acceptee", motif: "Nous arrêtons cette utilisation." },
        dpo,
      );
      expect(accepted).toMatchObject({ ok: false, fieldErrors: { issue: [expect.stringContaining("obligation légale")] } });
      ok(
        await runAction(
          respondToDemande,
          {
            demandeId: d.id,
            version: (await demande(d.id)).version,
            issue: "refusee",
            motif: "La loi nous oblige à garder la trace des demandes et des réponses.",
          },
          dpo,
        ),
      );
      expect(await demande(d.id)).toMatchObject({
        issue: "refusee",
        reponseMotif: "La loi nous oblige à garder la trace des demandes et des réponses.",
      });
    });

    it("may be accepted where it is assessed case by case (public interest)", async () => {
      const j = await anotherLyonJeune();
      const d = await request(j, "opposition", { finalite: "statistiques" });
      const dpo = await sessionUserFor(t.db, DPO);
      ok(
        await runAction(
          respondToDemande,
          {
            demandeId: d.id,
            version: (await demande(d.id)).version,
            issue: "acceptee",
            motif: "Vos raisons sont fondées : vos données ne serviront plus aux statistiques.",
          },
          dpo,
        ),
      );
      expect(await demande(d.id)).toMatchObject({ issue: "acceptee" });
    });
  });

  describe("joint controllers: forwarding to France Travail", () => {
    it("sends only what the flow allows, waits for France Travail's answer, then lets the DPO answer", async () => {
      const j = await anotherLyonJeune();
      const d = await request(j, "acces", { objet: "Je veux savoir ce que France Travail a sur moi, j'ai des soucis de santé" });
      const dpo = await sessionUserFor(t.db, DPO);
      ok(await runAction(forwardToFranceTravail, { demandeId: d.id, version: (await demande(d.id)).version }, dpo));

      const [sent] = await t.db
        .select()
        .from(transmissions)
        .where(eq(transmissions.idempotencyKey, `demande-transmise:${d.id}`));
      expect(sent).toMatchObject({ recipient: "franceTravail", finality: "droits", kind: "demande_transmise", status: "a_envoyer" });
      expect(Object.keys(sent!.payload).sort()).toEqual(
        expect.arrayContaining(["demandeDateReception", "demandeType", "nomNaissance", "prenoms"]),
      );
      expect(
        sent!.fieldNames.every((f) =>
          ["nomNaissance", "nomUsage", "prenoms", "dateNaissance", "email", "demandeType", "demandeDateReception"].includes(f),
        ),
      ).toBe(true);
      expect(JSON.stringify(sent!.payload)).not.toContain("santé");

      // Twice is refused; answering now is refused.
      expect(await runAction(forwardToFranceTravail, { demandeId: d.id, version: (await demande(d.id)).version }, dpo)).toMatchObject({
        ok: false,
        code: "conflict",
      });
      const early = await runAction(
        respondToDemande,
        { demandeId: d.id, version: (await demande(d.id)).version, issue: "acceptee", motif: "Voici la copie de vos données." },
        dpo,
      );
      expect(early).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("France Travail") });
      expect((await demande(d.id)).statut).toBe("en_cours");

      const badDate = await runAction(
        recordFranceTravailAnswer,
        {
          demandeId: d.id,
          version: (await demande(d.id)).version,
          reponduLe: addDays(today, 1),
          resume: "France Travail a envoyé la copie.",
        },
        dpo,
      );
      expect(badDate).toMatchObject({ ok: false, fieldErrors: { reponduLe: [expect.any(String)] } });
      ok(
        await runAction(
          recordFranceTravailAnswer,
          {
            demandeId: d.id,
            version: (await demande(d.id)).version,
            reponduLe: today,
            resume: "France Travail vous a envoyé la copie de ses données par courrier.",
          },
          dpo,
        ),
      );
      ok(
        await runAction(
          respondToDemande,
          {
            demandeId: d.id,
            version: (await demande(d.id)).version,
            issue: "acceptee",
            motif: "Voici la copie de vos données à la mission locale.",
          },
          dpo,
        ),
      );

      const events = await t.db.select().from(demandeEvenements).where(eq(demandeEvenements.demandeId, d.id)).orderBy(demandeEvenements.id);
      expect(events.map((e) => e.type)).toEqual(["recue", "identite_verifiee", "transmise_ft", "reponse_ft", "repondue"]);
      expect(events[3]!.message).toContain("France Travail a répondu le");
    });

    it("is refused to another structure's DPO and to staff who do not handle requests", async () => {
      const j = await anotherLyonJeune();
      const d = await request(j, "acces");
      const input = { demandeId: d.id, version: (await demande(d.id)).version };
      expect(await runAction(forwardToFranceTravail, input, await sessionUserFor(t.db, DPO_MARSEILLE))).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await runAction(forwardToFranceTravail, input, await sessionUserFor(t.db, DIRECTRICE))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(
        await t.db
          .select()
          .from(transmissions)
          .where(eq(transmissions.idempotencyKey, `demande-transmise:${d.id}`)),
      ).toHaveLength(0);
    });
  });

  describe("a question on one transfer", () => {
    it("records the transfer it is about (finality and a step), only for that person's own transfers", async () => {
      const j = await anotherLyonJeune();
      const tr = await delivered(j, "franceTravail", "cej", `test-question:${j.id}`);
      const d = await request(j, "question_transmission", { transmissionId: tr.id, finalite: "accompagnement" });
      const row = await demande(d.id);
      expect(row.finalite).toBe("cej");
      const events = await t.db.select().from(demandeEvenements).where(eq(demandeEvenements.demandeId, d.id));
      expect(events.find((e) => e.type === "transmission_concernee")!.message).toContain("à France Travail");
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, d.id), eq(auditLog.action, "droits.demande_create")));
      expect(entry!.meta).toMatchObject({ transmissionId: tr.id });

      // Someone else's transfer cannot be referenced.
      const other = await anotherLyonJeune();
      const camille = await sessionUserFor(t.db, CAMILLE);
      const refused = await runAction(
        recordDeskDemande,
        { jeuneId: other.id, type: "question_transmission", finalite: "cej", objet: "Pourquoi ?", recueLe: today, transmissionId: tr.id },
        camille,
      );
      expect(refused).toMatchObject({ ok: false, fieldErrors: { transmissionId: [expect.any(String)] } });
    });
  });

  describe("the young person's own requests (Mon espace)", () => {
    it("always for themselves: the dossier comes from the session, never from the form", async () => {
      const lea = await sessionUserFor(t.db, LEA);
      const tom = await byEmail(TOM);
      const data = ok(
        await runAction(
          createDemandeFromEspace,
          { type: "rectification", objet: "Mon nom de famille est mal écrit", jeuneId: tom.id },
          lea,
        ),
      );
      const row = await demande(data.id);
      expect(row.jeuneId).toBe(lea.jeuneId);
      expect(row).toMatchObject({
        canal: "espace_jeune",
        statut: "en_cours",
        identiteMethode: "Connexion à l'espace personnel",
        saisiePar: null,
      });
      const mine = await listMyDemandes(lea);
      expect(mine.find((m) => m.id === data.id)!.etapes[0]!.message).toContain(`n° ${data.numero}`);
      // Tom does not see it.
      expect((await listMyDemandes(await sessionUserFor(t.db, TOM))).some((m) => m.id === data.id)).toBe(false);
    });

    it("may ask about one of their own transfers only, and staff cannot use the young person's door", async () => {
      const leaJeune = await byEmail(LEA);
      const tomJeune = await byEmail(TOM);
      const own = await delivered(leaJeune, "franceTravail", "cej", `test-espace-question:${leaJeune.id}`);
      const tomTransfer = await delivered(tomJeune, "franceTravail", "cej", `test-espace-tom:${tomJeune.id}`);
      const lea = await sessionUserFor(t.db, LEA);
      expect((await listMyTransmissions(lea)).some((x) => x.id === own.id)).toBe(true);
      ok(
        await runAction(
          createDemandeFromEspace,
          { type: "question_transmission", objet: "Pourquoi cet envoi ?", transmissionId: own.id },
          lea,
        ),
      );
      const refused = await runAction(
        createDemandeFromEspace,
        { type: "question_transmission", objet: "Et celui-ci ?", transmissionId: tomTransfer.id },
        lea,
      );
      expect(refused).toMatchObject({ ok: false, fieldErrors: { transmissionId: [expect.any(String)] } });
      expect(
        await runAction(createDemandeFromEspace, { type: "acces", objet: "Copie" }, await sessionUserFor(t.db, CAMILLE)),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(await runAction(createDemandeFromEspace, { type: "portabilite", objet: "Un fichier" }, lea)).toMatchObject({
        ok: false,
        fieldErrors: { type: [expect.any(String)] },
      });
    });
  });
});
