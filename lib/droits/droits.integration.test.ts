import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog, demandeEvenements, demandePauses, demandesDroits, jeunes, transmissions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { enqueueTransmission } from "@/lib/transmissions/enqueue";
import { addDays, todayInParis } from "@/lib/calendar/civil-date";
import { formatDate } from "@/lib/format/fr";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { computeDeadline } from "./deadline";
import { createDemandeFromEspace, recordDeskDemande, recordDpoDemande, type CreatedDemande } from "./intake-writes";
import { listQueue, listRegistre } from "./queries";
import {
  applyLimitation,
  askIdentityComplement,
  closeDemande,
  extendDeadline,
  liftLimitation,
  recordIdentityComplement,
  respondToDemande,
  verifyIdentity,
} from "./transition-writes";

const CAMILLE = "conseillere.lyon@sillage.demo";
const JULIEN = "conseiller.lyon@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const INES = "conseillere.marseille@sillage.demo";

describe("rights requests", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let outbox: string;
  const previousOutbox = process.env.MAIL_OUTBOX_DIR;

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-droits-outbox-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today, jeunesPerStructure: 6 });
  });
  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = previousOutbox;
    await rm(outbox, { recursive: true, force: true });
  });

  const jeuneOf = async (counsellorEmail: string, email?: string) => {
    const [u] = await t.db.select().from(users).where(eq(users.email, counsellorEmail));
    const rows = await t.db
      .select()
      .from(jeunes)
      .where(and(eq(jeunes.conseillerId, u!.id), eq(jeunes.statut, "actif")));
    return email ? rows.find((j) => j.email === email)! : rows[0]!;
  };
  const demande = async (id: string) => (await t.db.select().from(demandesDroits).where(eq(demandesDroits.id, id)))[0]!;
  const eventsOf = async (id: string) =>
    t.db.select().from(demandeEvenements).where(eq(demandeEvenements.demandeId, id)).orderBy(demandeEvenements.id);
  const auditsOf = async (id: string) => (await t.db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);
  const mails = async () => {
    const files = (await readdir(outbox)).filter((f) => f.endsWith(".json")).sort();
    return Promise.all(
      files.map(
        async (f) =>
          JSON.parse(await readFile(path.join(outbox, f), "utf8")) as {
            to: string;
            subject: string;
            text: string;
            attachments: { filename: string }[];
          },
      ),
    );
  };
  const created = (result: Awaited<ReturnType<typeof runAction<typeof recordDeskDemande.schema, CreatedDemande>>>) => {
    if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
    return result.data;
  };

  /** A request at the desk for one of Camille's young people, identity checked, then the DPO's view of it. */
  const deskRequest = async (over: Record<string, unknown> = {}) => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    const j = await jeuneOf(CAMILLE, "lea.dupont@exemple.fr");
    return created(
      await runAction(
        recordDeskDemande,
        { jeuneId: j.id, type: "acces", objet: "Copie de mon dossier", recueLe: today, identiteVerifiee: "on", ...over },
        camille,
      ),
    );
  };

  describe("desk intake", () => {
    it("writes the request, its first step and an audit entry, with the GDPR deadline", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const lea = await jeuneOf(CAMILLE, "lea.dupont@exemple.fr");
      const recueLe = addDays(today, -3);
      const data = created(
        await runAction(
          recordDeskDemande,
          { jeuneId: lea.id, type: "rectification", objet: "Mon adresse a changé", recueLe, identiteVerifiee: "on" },
          camille,
        ),
      );
      expect(data.numero).toMatch(new RegExp(`^${recueLe.slice(0, 4)}-\\d{4}$`));
      const row = await demande(data.id);
      expect(row).toMatchObject({
        jeuneId: lea.id,
        structureId: lea.structureId,
        canal: "guichet",
        saisiePar: camille.id,
        statut: "en_cours",
        identiteVerifieeLe: today,
        identiteMethode: "Rencontre au guichet",
        echeance: computeDeadline({ receivedOn: recueLe }).deadline,
      });
      const events = await eventsOf(data.id);
      expect(events.map((e) => e.type)).toEqual(["recue", "identite_verifiee"]);
      expect(events[0]!.message).toContain(`Nous avons reçu votre demande n° ${data.numero}`);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, data.id), eq(auditLog.action, "droits.demande_create")));
      expect(entry).toMatchObject({
        actorId: camille.id,
        jeuneId: lea.id,
        structureId: lea.structureId,
        meta: expect.objectContaining({ numero: data.numero, type: "rectification" }),
      });
      // Field names only: the wording of the request never reaches the audit log.
      expect(JSON.stringify(entry)).not.toContain("Mon adresse a changé");
    });

    it("numbers requests one after the other in the structure", async () => {
      const a = await deskRequest();
      const b = await deskRequest();
      const seq = (n: string) => Number(n.split("-")[1]);
      expect(seq(b.numero)).toBe(seq(a.numero) + 1);
    });

    it("gives distinct numbers to requests recorded at the same time (structure row locked)", async () => {
      const results = await Promise.all([deskRequest(), deskRequest(), deskRequest()]);
      expect(new Set(results.map((r) => r.numero)).size).toBe(3);
    });

    it("leaves identity to verify when not checked at the desk, and e-mails the dated receipt when asked", async () => {
      const before = (await mails()).length;
      const data = await deskRequest({ identiteVerifiee: undefined, envoyerAccuse: "on" });
      expect(data.mailed).toBe(true);
      expect(await demande(data.id)).toMatchObject({ statut: "identite_a_verifier", identiteVerifieeLe: null });
      const sent = (await mails()).slice(before);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ to: "lea.dupont@exemple.fr", subject: `Accusé de réception de votre demande n° ${data.numero}` });
      expect(sent[0]!.attachments[0]!.filename).toBe(`accuse-reception-${data.numero}.pdf`);
    });

    it("refuses a date in the future or more than a year back, and an objection without finality", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const lea = await jeuneOf(CAMILLE, "lea.dupont@exemple.fr");
      const [{ n: before }] = (await t.db.select({ n: count() }).from(demandesDroits)) as [{ n: number }];
      const future = await runAction(
        recordDeskDemande,
        { jeuneId: lea.id, type: "acces", objet: "Copie", recueLe: addDays(today, 1) },
        camille,
      );
      expect(future).toMatchObject({
        ok: false,
        code: "invalid_input",
        fieldErrors: { recueLe: ["La date de réception ne peut pas être dans le futur."] },
      });
      const old = await runAction(
        recordDeskDemande,
        { jeuneId: lea.id, type: "acces", objet: "Copie", recueLe: addDays(today, -400) },
        camille,
      );
      expect(old).toMatchObject({ ok: false, fieldErrors: { recueLe: [expect.stringContaining("plus d'un an")] } });
      const noFinalite = await runAction(
        recordDeskDemande,
        { jeuneId: lea.id, type: "opposition", objet: "Je refuse", recueLe: today },
        camille,
      );
      expect(noFinalite).toMatchObject({ ok: false, fieldErrors: { finalite: [expect.stringContaining("finalité")] } });
      const portability = await runAction(
        recordDeskDemande,
        { jeuneId: lea.id, type: "portabilite", objet: "Mes données", recueLe: today },
        camille,
      );
      expect(portability).toMatchObject({ ok: false, fieldErrors: { type: [expect.stringContaining("Accès")] } });
      const [{ n: after }] = (await t.db.select({ n: count() }).from(demandesDroits)) as [{ n: number }];
      expect(after).toBe(before);
    });

    it("a Marseille counsellor cannot record a request for a Lyon young person; a Lyon colleague needs a reason first", async () => {
      const ines = await sessionUserFor(t.db, INES);
      const julien = await sessionUserFor(t.db, JULIEN);
      const lea = await jeuneOf(CAMILLE, "lea.dupont@exemple.fr");
      const [{ n: before }] = (await t.db.select({ n: count() }).from(demandesDroits)) as [{ n: number }];
      expect(await runAction(recordDeskDemande, { jeuneId: lea.id, type: "acces", objet: "Copie", recueLe: today }, ines)).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await runAction(recordDeskDemande, { jeuneId: lea.id, type: "acces", objet: "Copie", recueLe: today }, julien)).toMatchObject({
        ok: false,
        code: "reason_required",
      });
      const [{ n: after }] = (await t.db.select({ n: count() }).from(demandesDroits)) as [{ n: number }];
      expect(after).toBe(before);
    });
  });

  describe("other doors", () => {
    it("the DPO records a letter received for a young person of the structure, not of another", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const lea = await jeuneOf(CAMILLE, "lea.dupont@exemple.fr");
      const recueLe = addDays(today, -2);
      const data = created(
        await runAction(
          recordDpoDemande,
          { jeuneId: lea.id, type: "effacement", objet: "Effacer mon dossier", canal: "courrier", recueLe },
          dpo,
        ),
      );
      expect(await demande(data.id)).toMatchObject({
        canal: "courrier",
        statut: "recue",
        saisiePar: dpo.id,
        echeance: computeDeadline({ receivedOn: recueLe }).deadline,
      });
      const marseille = await jeuneOf(INES);
      expect(
        await runAction(recordDpoDemande, { jeuneId: marseille.id, type: "acces", objet: "Copie", canal: "courriel", recueLe: today }, dpo),
      ).toMatchObject({ ok: false, code: "not_found" });
      const camille = await sessionUserFor(t.db, CAMILLE);
      expect(
        await runAction(recordDpoDemande, { jeuneId: lea.id, type: "acces", objet: "Copie", canal: "courriel", recueLe: today }, camille),
      ).toMatchObject({ ok: false, code: "forbidden" });
    });

    it("a young person creates a request for themselves only, identity verified by signing in", async () => {
      const leaUser = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
      const tom = await jeuneOf(CAMILLE, "tom.girard@exemple.fr");
      // A jeuneId slipped into the form is ignored: the dossier is the session's.
      const data = created(
        await runAction(createDemandeFromEspace, { jeuneId: tom.id, type: "acces", objet: "Voir mes données" }, leaUser),
      );
      expect(data.jeuneId).toBe(leaUser.jeuneId);
      expect(await demande(data.id)).toMatchObject({
        jeuneId: leaUser.jeuneId,
        canal: "espace_jeune",
        statut: "en_cours",
        recueLe: today,
        saisiePar: null,
        identiteMethode: "Connexion à l'espace personnel",
      });
      const camille = await sessionUserFor(t.db, CAMILLE);
      expect(await runAction(createDemandeFromEspace, { type: "acces", objet: "Voir" }, camille)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    });
  });

  describe("the DPO's steps", () => {
    it("a counsellor cannot perform them; a DPO of Lyon cannot touch a Marseille request", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const mine = await deskRequest();
      expect(
        await runAction(
          respondToDemande,
          { demandeId: mine.id, version: "1", issue: "acceptee", motif: "Voici la copie demandée." },
          camille,
        ),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(await runAction(closeDemande, { demandeId: mine.id, version: "1" }, camille)).toMatchObject({ ok: false, code: "forbidden" });

      const ines = await sessionUserFor(t.db, INES);
      const marseille = created(
        await runAction(
          recordDeskDemande,
          { jeuneId: (await jeuneOf(INES)).id, type: "acces", objet: "Copie", recueLe: today, identiteVerifiee: "on" },
          ines,
        ),
      );
      const dpo = await sessionUserFor(t.db, DPO);
      const refused = await runAction(
        respondToDemande,
        { demandeId: marseille.id, version: "1", issue: "acceptee", motif: "Voici la copie demandée." },
        dpo,
      );
      expect(refused).toMatchObject({ ok: false, code: "not_found", message: "Cette demande est introuvable ou vous n'y avez pas accès." });
      expect(await demande(marseille.id)).toMatchObject({ statut: "en_cours", version: 1 });
    });

    it("asking for more identity information suspends the clock; receiving it restarts the month from that day", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const recueLe = addDays(today, -10);
      const d = await deskRequest({ identiteVerifiee: undefined, recueLe });
      const asked = await runAction(
        askIdentityComplement,
        { demandeId: d.id, version: "1", objet: "Votre date de naissance", demandeeLe: addDays(today, -8) },
        dpo,
      );
      expect(asked.ok).toBe(true);
      expect(await demande(d.id)).toMatchObject({ statut: "identite_a_verifier", echeance: null, version: 2 });
      expect(await t.db.select().from(demandePauses).where(eq(demandePauses.demandeId, d.id))).toMatchObject([
        { demandeeLe: addDays(today, -8), recueLe: null },
      ]);

      // The extension cannot be decided while suspended, and an accepting answer waits for identity.
      expect(
        await runAction(respondToDemande, { demandeId: d.id, version: "2", issue: "acceptee", motif: "Voici la copie demandée." }, dpo),
      ).toMatchObject({ ok: false, fieldErrors: { issue: [expect.stringContaining("Vérifiez d'abord l'identité")] } });

      const tooEarly = await runAction(recordIdentityComplement, { demandeId: d.id, version: "2", recuLe: addDays(today, -9) }, dpo);
      expect(tooEarly).toMatchObject({ ok: false, fieldErrors: { recuLe: [expect.stringContaining("comprise entre")] } });
      const received = await runAction(recordIdentityComplement, { demandeId: d.id, version: "2", recuLe: addDays(today, -3) }, dpo);
      expect(received.ok).toBe(true);
      expect((await demande(d.id)).echeance).toBe(
        computeDeadline({ receivedOn: recueLe, pauses: [{ from: addDays(today, -8), to: addDays(today, -3) }] }).deadline,
      );
      expect((await demande(d.id)).echeance).toBe(computeDeadline({ receivedOn: addDays(today, -3) }).deadline);

      expect((await runAction(verifyIdentity, { demandeId: d.id, version: "3", methode: "justificatif", verifieeLe: today }, dpo)).ok).toBe(
        true,
      );
      expect(await demande(d.id)).toMatchObject({ statut: "en_cours", identiteVerifieeLe: today, identiteMethode: "Justificatif reçu" });
      expect((await eventsOf(d.id)).map((e) => e.type)).toEqual(["recue", "identite_demandee", "identite_recue", "identite_verifiee"]);
      expect(await auditsOf(d.id)).toEqual(
        expect.arrayContaining(["droits.identite_demandee", "droits.identite_recue", "droits.identite_verifiee"]),
      );
    });

    it("refuses an extension decided after the first deadline, writing nothing", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const recueLe = addDays(today, -45);
      const d = await deskRequest({ recueLe });
      const first = computeDeadline({ receivedOn: recueLe }).deadline!;
      const eventsBefore = (await eventsOf(d.id)).length;
      const auditsBefore = (await auditsOf(d.id)).length;
      const result = await runAction(
        extendDeadline,
        { demandeId: d.id, version: "1", motif: "Demande complexe, plusieurs organismes concernés." },
        dpo,
      );
      if (result.ok) throw new Error("expected a refusal");
      expect(result.code).toBe("conflict");
      expect(result.message).toMatch(/^La prolongation doit être décidée avant la première échéance \(le .+\)/);
      expect(result.message).toContain(`(le ${formatDate(first)})`);
      expect(await demande(d.id)).toMatchObject({ statut: "en_cours", prolongeeLe: null, echeance: first, version: 1 });
      expect(await eventsOf(d.id)).toHaveLength(eventsBefore);
      expect(await auditsOf(d.id)).toHaveLength(auditsBefore);
    });

    it("accepts an extension within the first month: two more months, the person told by e-mail", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const recueLe = addDays(today, -5);
      const d = await deskRequest({ recueLe });
      const before = (await mails()).length;
      const result = await runAction(
        extendDeadline,
        { demandeId: d.id, version: "1", motif: "Votre demande concerne plusieurs organismes." },
        dpo,
      );
      expect(result).toMatchObject({ ok: true, data: { mailed: true } });
      expect(await demande(d.id)).toMatchObject({
        statut: "prolongee",
        prolongeeLe: today,
        prolongationMotif: "Votre demande concerne plusieurs organismes.",
        echeance: computeDeadline({ receivedOn: recueLe, extended: true }).deadline,
      });
      const [notice] = (await mails()).slice(before);
      expect(notice!.text).toContain("Pourquoi : Votre demande concerne plusieurs organismes.");
      expect((await eventsOf(d.id)).at(-1)).toMatchObject({ type: "prolongee", par: dpo.id });
      expect(await runAction(extendDeadline, { demandeId: d.id, version: "2", motif: "Encore plus de temps, svp." }, dpo)).toMatchObject({
        ok: false,
        code: "conflict",
      });
    });

    it("answers with a letter e-mailed to the young person, then closes; a stale form is refused", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const d = await deskRequest();
      const before = (await mails()).length;
      const answered = await runAction(
        respondToDemande,
        {
          demandeId: d.id,
          version: "1",
          issue: "refusee",
          motif: "Ces données sont nécessaires au suivi de votre contrat.",
          envoyer: "on",
        },
        dpo,
      );
      expect(answered).toMatchObject({ ok: true, data: { mailed: true } });
      expect(await demande(d.id)).toMatchObject({ statut: "repondue", issue: "refusee", reponduLe: today, version: 2 });
      const [letter] = (await mails()).slice(before);
      expect(letter).toMatchObject({
        to: "lea.dupont@exemple.fr",
        subject: `Réponse à votre demande n° ${d.numero}`,
        attachments: [{ filename: `reponse-${d.numero}.pdf` }],
      });
      expect(letter!.text).toContain("CNIL");
      expect(letter!.text).toContain("tribunal judiciaire");
      expect((await eventsOf(d.id)).at(-1)!.message).toContain("La lettre de réponse vous est envoyée par e-mail.");

      expect(await runAction(closeDemande, { demandeId: d.id, version: "1" }, dpo)).toMatchObject({ ok: false, code: "conflict" });
      expect((await runAction(closeDemande, { demandeId: d.id, version: "2" }, dpo)).ok).toBe(true);
      expect(await demande(d.id)).toMatchObject({ statut: "close", closeLe: today });
      expect(await auditsOf(d.id)).toEqual(expect.arrayContaining(["droits.demande_create", "droits.reponse", "droits.cloture"]));
    });
  });

  it("without e-mail, the letter is left to hand over and the young person is told so", async () => {
    const dpo = await sessionUserFor(t.db, DPO);
    const d = await deskRequest();
    const before = (await mails()).length;
    expect(
      await runAction(
        respondToDemande,
        { demandeId: d.id, version: "1", issue: "partielle", motif: "Votre adresse est corrigée, pas votre nom de naissance." },
        dpo,
      ),
    ).toMatchObject({ ok: true, data: { mailed: false } });
    expect(await mails()).toHaveLength(before);
    expect((await eventsOf(d.id)).at(-1)!.message).toContain("Votre mission locale vous remet la lettre de réponse.");
  });

  describe("limitation", () => {
    it("is applied and lifted on the young person's dossier, both audited and visible as steps", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const tom = await jeuneOf(CAMILLE, "tom.girard@exemple.fr");
      const camille = await sessionUserFor(t.db, CAMILLE);
      const d = created(
        await runAction(
          recordDeskDemande,
          {
            jeuneId: tom.id,
            type: "limitation",
            objet: "Mon adresse est fausse, ne l'envoyez pas",
            recueLe: today,
            identiteVerifiee: "on",
          },
          camille,
        ),
      );

      const other = await deskRequest();
      expect(await runAction(applyLimitation, { demandeId: other.id, version: "1" }, dpo)).toMatchObject({ ok: false, code: "conflict" });
      expect(await runAction(applyLimitation, { demandeId: d.id, version: "1" }, camille)).toMatchObject({ ok: false, code: "forbidden" });

      expect((await runAction(applyLimitation, { demandeId: d.id, version: "1" }, dpo)).ok).toBe(true);
      const [limited] = await t.db.select().from(jeunes).where(eq(jeunes.id, tom.id));
      expect(limited!.limitationDepuis).toBeInstanceOf(Date);
      expect(limited!.limitationDemandeId).toBe(d.id);
      expect(limited!.version).toBe(tom.version + 1);
      expect(await runAction(applyLimitation, { demandeId: d.id, version: "2" }, dpo)).toMatchObject({
        ok: false,
        message: expect.stringContaining("déjà en cours"),
      });

      // A transfer triggered meanwhile is held, then released by the lifting, in the same transaction.
      const held = await t.db.transaction((tx) =>
        enqueueTransmission(tx, {
          jeuneId: tom.id,
          recipient: "franceTravail",
          finality: "cej",
          kind: "mise_a_jour",
          data: { nomNaissance: "GIRARD", prenoms: "Tom" },
          idempotencyKey: `limitation-test-${tom.id}`,
        }),
      );
      expect(held.transmission.status).toBe("retenue");

      expect((await runAction(liftLimitation, { demandeId: d.id, version: "2" }, dpo)).ok).toBe(true);
      const [released] = await t.db.select().from(transmissions).where(eq(transmissions.id, held.transmission.id));
      expect(released!.status).toBe("a_envoyer");
      const [lifted] = await t.db.select().from(jeunes).where(eq(jeunes.id, tom.id));
      expect(lifted).toMatchObject({ limitationDepuis: null, limitationDemandeId: null });
      expect((await eventsOf(d.id)).map((e) => e.type)).toEqual(["recue", "identite_verifiee", "limitation_appliquee", "limitation_levee"]);
      const actions = (await t.db.select().from(auditLog).where(eq(auditLog.jeuneId, tom.id))).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(["droits.limitation_appliquee", "droits.limitation_levee"]));
    });
  });

  describe("queue and register", () => {
    it("shows the DPO their structure's requests, open first by deadline, with counts; the admin sees all", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const queue = await listQueue(dpo, { statut: "toutes", type: null, retard: false, page: 1 }, today);
      const lyonIds = (await t.db.select({ id: demandesDroits.id, s: demandesDroits.structureId }).from(demandesDroits)).filter(
        (r) => r.s === dpo.structureId,
      );
      expect(queue.total).toBe(lyonIds.length);
      expect(queue.rows.every((r) => r.structureName === "Mission locale de Lyon")).toBe(true);
      const openRows = queue.rows.filter((r) => r.statut !== "repondue" && r.statut !== "close");
      expect(queue.rows.slice(0, openRows.length)).toEqual(openRows);
      const dated = openRows.filter((r) => r.echeance).map((r) => r.echeance!);
      expect(dated).toEqual([...dated].sort());
      expect(queue.counts.ouvertes).toBe(openRows.length);
      // The request received 45 days ago is overdue.
      expect(queue.counts.enRetard).toBeGreaterThanOrEqual(1);
      const late = await listQueue(dpo, { statut: "ouvertes", type: null, retard: true, page: 1 }, today);
      expect(late.rows.every((r) => r.echeance! < today)).toBe(true);
      expect(late.total).toBe(queue.counts.enRetard);

      const admin = await sessionUserFor(t.db, "admin@sillage.demo");
      const all = await listQueue(admin, { statut: "toutes", type: null, retard: false, page: 1 }, today);
      expect(all.rows.some((r) => r.structureName === "Mission locale de Marseille")).toBe(true);
      expect((await listRegistre(dpo)).every((r) => r.structureName === "Mission locale de Lyon")).toBe(true);
    });
  });
});
