import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog, consultations, demandeEvenements, demandesDroits, jeunes, transmissions, users } from "@/db/schema";
import { runAction } from "@/lib/actions/run";
import { createDemandeFromEspace } from "@/lib/droits/intake-writes";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { JOURNEY_PAGE_SIZE, lineReference } from "./journey";
import { findMyLine, getMyLine, listMyJourney } from "./journey-queries";

const SECRET_NOTE = "Note privée : conflit familial";

describe("the journey of my data", () => {
  const t = useTestDatabase();
  let leaId: string;
  let tomId: string;
  let tomLine: { consultation: string; audit: string; transfer: string };
  let hidden: { staffOnly: string; breakGlass: string };

  let outbox: string;
  const previousOutbox = process.env.MAIL_OUTBOX_DIR;
  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = previousOutbox;
    await rm(outbox, { recursive: true, force: true });
  });

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-espace-outbox-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today: "2026-11-25", extras: true });
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const [tom] = await t.db.select().from(jeunes).where(eq(jeunes.email, "tom.girard@exemple.fr"));
    const [camille] = await t.db.select().from(users).where(eq(users.email, "conseillere.lyon@sillage.demo"));
    const [julien] = await t.db.select().from(users).where(eq(users.email, "conseiller.lyon@sillage.demo"));
    leaId = lea!.id;
    tomId = tom!.id;
    // Private texts in Léa's file: they must never reach her timeline (audit entries name fields only).
    await t.db.update(jeunes).set({ commentaire: SECRET_NOTE, sante: "Suivi psychologique" }).where(eq(jeunes.id, leaId));
    const base = { structureId: lea!.structureId, targetType: "jeune", actorRole: "conseiller" as const };
    const [staffOnly, , breakGlass] = await t.db
      .insert(auditLog)
      .values([
        // Only the counsellor's note and health changed: not shown at all.
        { ...base, actorId: camille!.id, action: "jeune.update", targetId: leaId, jeuneId: leaId, fields: ["commentaire", "sante"] },
        // A change of phone and of the note: the phone is named, the note is not.
        {
          ...base,
          actorId: camille!.id,
          action: "jeune.update",
          targetId: leaId,
          jeuneId: leaId,
          fields: ["telephone", "commentaire"],
          at: new Date("2026-11-20T10:00:00Z"),
        },
        // An opening recorded as an act: shown once, as the consultation.
        { ...base, actorId: julien!.id, action: "jeune.break_glass", targetId: leaId, jeuneId: leaId, fields: [] },
      ])
      .returning({ id: auditLog.id });
    hidden = { staffOnly: String(staffOnly!.id), breakGlass: String(breakGlass!.id) };
    // Julien opens Léa's file outside his portfolio, with a reason.
    await t.db.insert(consultations).values({
      jeuneId: leaId,
      structureId: lea!.structureId,
      userId: julien!.id,
      userRole: "conseiller",
      onglet: "parcours",
      horsPortefeuille: true,
      motif: "remplacement",
      motifDetail: "Camille Martin en congé",
      at: new Date("2026-11-24T09:00:00Z"),
    });
    // Tom's own lines, which Léa must never see.
    const [tc] = await t.db
      .insert(consultations)
      .values({ jeuneId: tomId, structureId: tom!.structureId, userId: camille!.id, userRole: "conseiller", onglet: "identite" })
      .returning({ id: consultations.id });
    const [ta] = await t.db
      .insert(auditLog)
      .values({ ...base, actorId: camille!.id, action: "jeune.update", targetId: tomId, jeuneId: tomId, fields: ["adresse"] })
      .returning({ id: auditLog.id });
    const [tt] = await t.db
      .insert(transmissions)
      .values({
        structureId: tom!.structureId,
        jeuneId: tomId,
        recipient: "franceTravail",
        finality: "pacea",
        kind: "inscription",
        idempotencyKey: `test-tom:${tomId}`,
        payload: {},
        fieldNames: ["nomNaissance", "prenoms"],
        payloadHash: "x",
        status: "accusee",
      })
      .returning({ id: transmissions.id });
    tomLine = { consultation: String(tc!.id), audit: String(ta!.id), transfer: tt!.id };
  });

  it("shows Léa her transfers, openings and changes, newest first, and none of Tom's", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const page = await listMyJourney(lea, { type: "tout", page: 1 });
    const kinds = new Set(page.lines.map((l) => l.icon));
    expect(kinds).toEqual(new Set(["envoi", "a_venir", "consultation", "modification"]));
    const times = page.lines.map((l) => l.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const ids = page.lines.map((l) => l.refParam);
    expect(ids).not.toContain(`consultation:${tomLine.consultation}`);
    expect(ids).not.toContain(`modification:${tomLine.audit}`);
    expect(ids).not.toContain(`envoi:${tomLine.transfer}`);
    expect(page.lines.length).toBeLessThanOrEqual(JOURNEY_PAGE_SIZE);
  });

  it("words the CEJ transfer to France Travail with its why, its rule and the acknowledgement", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const { lines } = await listMyJourney(lea, { type: "envois", page: 1 });
    expect(lines.every((l) => l.icon === "envoi")).toBe(true);
    const ft = lines.find((l) => l.title === "Envoyé à France Travail");
    expect(ft?.sentences[0]).toMatch(
      /^Votre mission locale a envoyé à France Travail : votre nom, vos prénoms, votre date de naissance.*votre contrat CEJ/,
    );
    expect(ft?.sentences).toContain("Pourquoi : vous inscrire.");
    expect(ft?.rule).toBe("La règle : loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi.");
    expect(ft?.sentences.join(" ")).toMatch(/France Travail a bien reçu vos données .*\(numéro de réception FT-88231\)/);
  });

  it("lists under « à venir » what has not left yet, and says when a limitation holds it", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const before = await listMyJourney(lea, { type: "a-venir", page: 1 });
    expect(before.limitationDepuis).toBeNull();
    // The CPAM transfer failed once and waits for its retry.
    expect(before.lines[0]).toMatchObject({ title: "Envoi prévu pour l'Assurance maladie" });
    expect(before.lines[0]?.sentences[0]).toBe(
      "Votre mission locale va envoyer à l'Assurance maladie : votre nom, vos prénoms, votre date de naissance, votre sexe, votre numéro de sécurité sociale, le mois de votre allocation et si votre foyer paie l'impôt sur le revenu.",
    );
    expect(before.lines[0]?.warning).toMatch(/Un nouvel essai est prévu le/);

    const since = new Date("2026-11-25T08:00:00Z");
    await t.db.update(jeunes).set({ limitationDepuis: since }).where(eq(jeunes.id, leaId));
    await t.db
      .update(transmissions)
      .set({ status: "retenue" })
      .where(and(eq(transmissions.jeuneId, leaId), eq(transmissions.recipient, "cnamCpam")));
    try {
      const held = await listMyJourney(lea, { type: "a-venir", page: 1 });
      expect(held.limitationDepuis).toEqual(since);
      expect(held.lines[0]).toMatchObject({ title: "Envoi bloqué pour l'Assurance maladie" });
      expect(held.lines[0]?.warning).toMatch(/vos données sont bloquées/);
    } finally {
      await t.db.update(jeunes).set({ limitationDepuis: null }).where(eq(jeunes.id, leaId));
      await t.db
        .update(transmissions)
        .set({ status: "echec_temporaire" })
        .where(and(eq(transmissions.jeuneId, leaId), eq(transmissions.recipient, "cnamCpam")));
    }
  });

  it("shows who opened the file by role and structure, and the reason outside the portfolio", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const { lines } = await listMyJourney(lea, { type: "consultations", page: 1 });
    expect(lines.every((l) => l.icon === "consultation")).toBe(true);
    const outside = lines.find((l) => l.sentences.includes("La raison : remplacer la personne qui vous suit, qui est absente."));
    expect(outside?.sentences[0]).toBe("Par un conseiller ou une conseillère de la mission locale, Mission locale de Lyon.");
    const own = lines.find((l) => l.sentences[0] === "Par la personne qui vous accompagne, Mission locale de Lyon.");
    expect(own).toBeDefined();
    // Names and the staff's free-text detail stay out: role, structure and the chosen reason only.
    expect(JSON.stringify(lines)).not.toMatch(/Julien|Camille Martin|congé|Sophie/);
  });

  it("names changed fields in plain French, never the staff-only ones nor any value", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const { lines } = await listMyJourney(lea, { type: "modifications", page: 1 });
    expect(lines.every((l) => l.icon === "modification")).toBe(true);
    const phone = lines.find((l) => l.sentences.includes("Ce qui a changé : téléphone."));
    expect(phone).toMatchObject({
      title: "Votre dossier a été modifié",
      sentences: ["Par un conseiller ou une conseillère de la mission locale.", "Ce qui a changé : téléphone."],
    });
    const all = JSON.stringify(lines);
    expect(all).not.toMatch(/commentaire|santé|sante|judiciaire|Note privée|psychologique/i);
    const refs = lines.map((l) => l.refParam);
    expect(refs).not.toContain(`modification:${hidden.staffOnly}`);
    expect(refs).not.toContain(`modification:${hidden.breakGlass}`);
  });

  it("pages through a long history, a bounded page at a time, with the filter kept", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const [lyonCounsellor] = await t.db.select().from(users).where(eq(users.email, "conseillere.lyon@sillage.demo"));
    const [row] = await t.db.select().from(jeunes).where(eq(jeunes.id, leaId));
    await t.db.insert(consultations).values(
      Array.from({ length: 45 }, (_, i) => ({
        jeuneId: leaId,
        structureId: row!.structureId,
        userId: lyonCounsellor!.id,
        userRole: "conseiller" as const,
        onglet: "actions",
        at: new Date(Date.UTC(2025, 0, 1, 8, i)),
      })),
    );
    const seen = new Set<string>();
    let page = 1;
    for (;;) {
      const p = await listMyJourney(lea, { type: "tout", page });
      expect(p.lines.length).toBeLessThanOrEqual(JOURNEY_PAGE_SIZE);
      for (const l of p.lines) {
        expect(seen.has(l.refParam)).toBe(false);
        seen.add(l.refParam);
      }
      if (!p.hasNext) break;
      page++;
    }
    expect(page).toBeGreaterThanOrEqual(3);
    const views = await t.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.jeuneId, leaId));
    for (const v of views) expect(seen.has(`consultation:${v.id}`)).toBe(true);
    const second = await listMyJourney(lea, { type: "consultations", page: 2 });
    expect(second.lines.length).toBeGreaterThan(0);
    expect(second.lines.every((l) => l.icon === "consultation")).toBe(true);
    // Beyond the end: an empty page, not an error.
    expect((await listMyJourney(lea, { type: "consultations", page: 50 })).lines).toEqual([]);
  });

  it("finds one of my lines by its reference, and nobody else's nor a hidden one", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const { lines } = await listMyJourney(lea, { type: "tout", page: 1 });
    for (const l of lines.slice(0, 5)) expect((await getMyLine(lea, l.ref))?.refParam).toBe(l.refParam);
    expect(await getMyLine(lea, { kind: "consultation", id: tomLine.consultation })).toBeNull();
    expect(await getMyLine(lea, { kind: "modification", id: tomLine.audit })).toBeNull();
    expect(await getMyLine(lea, { kind: "envoi", id: tomLine.transfer })).toBeNull();
    expect(await getMyLine(lea, { kind: "modification", id: hidden.staffOnly })).toBeNull();
    expect(await getMyLine(lea, { kind: "modification", id: hidden.breakGlass })).toBeNull();
    expect(await findMyLine(t.db, tomId, { kind: "envoi", id: tomLine.transfer })).not.toBeNull();
  });

  describe("a question on one line", () => {
    const demandesOf = async (jeuneId: string) =>
      (await t.db.select({ n: count() }).from(demandesDroits).where(eq(demandesDroits.jeuneId, jeuneId)))[0]!.n;

    it("quotes the line in the request the DPO reads, with a step for the person", async () => {
      const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
      const { lines } = await listMyJourney(lea, { type: "consultations", page: 1 });
      const line = lines[0]!;
      const reference = lineReference(line);
      // The person deleted the prefilled reference from the text: it is put back at the head.
      const result = await runAction(createDemandeFromEspace, { type: "acces", objet: "Pourquoi ?", ligne: line.refParam }, lea);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [row] = await t.db.select().from(demandesDroits).where(eq(demandesDroits.id, result.data.id));
      expect(row!.objet).toBe(`À propos de ${reference} : Pourquoi ?`);
      const steps = await t.db.select().from(demandeEvenements).where(eq(demandeEvenements.demandeId, row!.id));
      expect(steps.map((e) => e.message)).toContain(`Votre question porte sur cette ligne du parcours de vos données : ${reference}.`);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, row!.id), eq(auditLog.action, "droits.demande_create")));
      expect(entry!.meta).toMatchObject({ ligne: line.refParam });
    });

    it("keeps the wording as typed when it already quotes the line, and takes a transfer's finality", async () => {
      const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
      const { lines } = await listMyJourney(lea, { type: "envois", page: 1 });
      const ft = lines.find((l) => l.title === "Envoyé à France Travail")!;
      const objet = `Ma question sur ${lineReference(ft)} : pourquoi mon numéro de sécurité sociale ?`;
      const result = await runAction(createDemandeFromEspace, { type: "question_transmission", objet, ligne: ft.refParam }, lea);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [row] = await t.db.select().from(demandesDroits).where(eq(demandesDroits.id, result.data.id));
      expect(row).toMatchObject({ objet, finalite: "cej" });
    });

    it("refuses another young person's line, a hidden one and a malformed one, writing nothing", async () => {
      const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
      const before = await demandesOf(leaId);
      for (const ligne of [
        `consultation:${tomLine.consultation}`,
        `modification:${tomLine.audit}`,
        `envoi:${tomLine.transfer}`,
        `modification:${hidden.staffOnly}`,
        "consultation:abc",
        "jeune:1",
      ]) {
        const result = await runAction(createDemandeFromEspace, { type: "acces", objet: "Une question", ligne }, lea);
        expect(result).toMatchObject({ ok: false, code: "invalid_input" });
        if (!result.ok) expect(result.fieldErrors?.ligne?.[0]).toMatch(/Cette ligne est introuvable/);
      }
      expect(await demandesOf(leaId)).toBe(before);
      expect(await demandesOf(tomId)).toBe(0);
    });
  });

  it("gives staff nothing through these queries", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    expect((await listMyJourney(camille, { type: "tout", page: 1 })).lines).toEqual([]);
    expect(await getMyLine(camille, { kind: "envoi", id: tomLine.transfer })).toBeNull();
  });
});
