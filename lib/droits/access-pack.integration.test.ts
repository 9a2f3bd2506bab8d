import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import {
  accessPackJobs,
  alertState,
  actionsJeune,
  affectations,
  allocationDecisions,
  auditLog,
  contratEvenements,
  contrats,
  participations,
  phases,
  sanctions,
  seances,
  consultations,
  demandeDocuments,
  demandeEvenements,
  demandePauses,
  demandesDroits,
  jeunes,
  mailMessages,
  transmissionLedger,
  transmissions,
  users,
  type DemandeDroits,
  type Jeune,
} from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { addDays, todayInParis } from "@/lib/calendar/civil-date";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { useTestDatabase } from "@/test/db";
import { NO_PDFTOTEXT, PDFTOTEXT, UNICODE_NAMES, readingText } from "@/test/pdf-text";
import { TIERS } from "./access-pack-mask";
import { accessPackSections, renderAccessPackPdf } from "./access-pack-pdf";
import { accessPackJson, buildAccessPack, type AccessPack } from "./access-pack";

describe("access pack (GDPR art. 15)", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let lea: Jeune;
  let other: Jeune;
  let demande: DemandeDroits;
  let pack: AccessPack;
  let json: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today, extras: true });
    lea = (await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr")))[0]!;
    demande = (
      await t.db
        .select()
        .from(demandesDroits)
        .where(and(eq(demandesDroits.jeuneId, lea.id), eq(demandesDroits.type, "acces")))
    )[0]!;
    other = (
      await t.db
        .select()
        .from(jeunes)
        .where(and(eq(jeunes.structureId, lea.structureId), ne(jeunes.id, lea.id), ne(jeunes.nomNaissance, "DUPONT")))
    )[0]!;
    const [camille] = await t.db.select().from(users).where(eq(users.email, "conseillere.lyon@sillage.demo"));
    const [julien] = await t.db.select().from(users).where(eq(users.email, "conseiller.lyon@sillage.demo"));

    // Free texts naming a colleague, another young person and their phone; Léa's own details stay.
    await t.db
      .update(jeunes)
      .set({
        commentaire: `Vue avec Julien Roche. Connaît ${other.prenoms} ${other.nomNaissance} (tél. ${other.telephone}). Joignable au 06 12 34 56 78.`,
        sante: "Suivi par un médecin, voir avec camille martin.",
      })
      .where(eq(jeunes.id, lea.id));
    // One more row of each kind for Léa and for someone else, so both sides are populated.
    await t.db.insert(affectations).values([
      {
        jeuneId: lea.id,
        structureId: lea.structureId,
        type: "temporaire",
        deConseillerId: camille!.id,
        versConseillerId: julien!.id,
        debut: addDays(today, -30),
        fin: addDays(today, -20),
        motif: "Congé de Camille Martin",
      },
      {
        jeuneId: other.id,
        structureId: other.structureId,
        type: "permanente",
        deConseillerId: camille!.id,
        versConseillerId: julien!.id,
        debut: addDays(today, -5),
        motif: "Déménagement",
      },
    ]);
    await t.db
      .insert(consultations)
      .values({ jeuneId: other.id, structureId: other.structureId, userId: camille!.id, userRole: "conseiller", onglet: "identite" });
    // A transfer (outbox row + ledger event) each for Léa and for the other young person.
    const sent = await t.db
      .insert(transmissions)
      .values(
        [lea, other].map((j) => ({
          structureId: j.structureId,
          jeuneId: j.id,
          recipient: "franceTravail" as const,
          finality: "cej" as const,
          kind: "inscription" as const,
          idempotencyKey: `test-inscription-${j.id}`,
          payload: { nomNaissance: j.nomNaissance, prenoms: j.prenoms },
          fieldNames: ["nomNaissance", "prenoms"],
          payloadHash: `hash-${j.id}`,
          status: "accusee" as const,
        })),
      )
      .returning();
    await t.db.insert(transmissionLedger).values(
      sent.map((tr) => ({
        at: new Date(),
        transmissionId: tr.id,
        jeuneId: tr.jeuneId,
        structureId: tr.structureId,
        event: "creee" as const,
        recipient: tr.recipient,
        finality: tr.finality,
        legalBasis: "6-1-e" as const,
        fieldNames: tr.fieldNames,
        payloadHash: tr.payloadHash,
        prevHash: "0",
        hash: `h-${tr.id}`,
      })),
    );
    await t.db
      .insert(demandePauses)
      .values({ demandeId: demande.id, demandeeLe: demande.recueLe, recueLe: demande.recueLe, objet: "Confirmer votre adresse" });
    // The receipt e-mailed to Léa (the other young person's message stays out of her pack).
    for (const j of [lea, other]) {
      await t.db.insert(mailMessages).values({
        structureId: j.structureId,
        jeuneId: j.id,
        kind: "droits.accuse",
        to: "lea@exemple.fr",
        subject: "Accusé de réception",
        text: "",
        status: "envoye",
        sentAt: new Date(),
      });
    }

    // One pathway row of each kind for Léa and for the other young person (an ended contract: the demo may already hold an open one).
    for (const j of [lea, other]) {
      const [c] = await t.db
        .insert(contrats)
        .values({
          structureId: j.structureId,
          jeuneId: j.id,
          type: "PACEA",
          signeLe: "2024-01-05",
          debut: "2024-01-05",
          finPrevue: "2025-12-31",
          finReelle: "2025-06-30",
          motifSortie: "emploi",
        })
        .returning();
      await t.db.insert(contratEvenements).values({
        contratId: c!.id,
        jeuneId: j.id,
        type: "sortie",
        dateEffet: "2025-06-30",
        motif: "emploi",
        etat: { finReelle: "2025-06-30" },
      });
      await t.db.insert(phases).values({
        structureId: j.structureId,
        jeuneId: j.id,
        contratId: c!.id,
        type: "diagnostic",
        debut: "2024-01-05",
        fin: "2024-02-29",
        objectifs: "Faire le point",
      });
      await t.db.insert(actionsJeune).values({
        structureId: j.structureId,
        jeuneId: j.id,
        contratId: c!.id,
        categorie: "formation",
        libelle: "Atelier numérique",
        debut: "2024-03-01",
      });
      const [s] = await t.db
        .insert(seances)
        .values({
          structureId: j.structureId,
          type: "atelier",
          titre: "Atelier CV",
          debut: new Date("2024-03-04T09:00:00Z"),
          fin: new Date("2024-03-04T11:00:00Z"),
        })
        .returning();
      await t.db.insert(participations).values({
        structureId: j.structureId,
        seanceId: s!.id,
        jeuneId: j.id,
        presence: "absent_excuse",
        motifAbsence: `Rendez-vous médical, prévenu par ${camille!.name}`,
      });
      await t.db.insert(allocationDecisions).values({
        structureId: j.structureId,
        jeuneId: j.id,
        contratId: c!.id,
        dispositif: "PACEA",
        mois: "2024-04",
        montantCents: 30000,
        entrees: { demandeCents: 30000 },
        regleVersion: "pacea.allocation.plafond@2021-01-01",
        explication: "Allocation PACEA",
      });
      await t.db.insert(sanctions).values({
        structureId: j.structureId,
        jeuneId: j.id,
        contratId: c!.id,
        dateFait: "2024-05-02",
        motif: "Absence non justifiée",
        regime: "cej_2022",
        palier: "reduction_quart_mois",
        palierIndex: 0,
        baremeEnVigueurDepuis: "2022-03-01",
        statut: "abandonnee",
      });
    }

    // A document sent for a request and a pack asked from Mon espace, for Léa and for the other young person.
    for (const j of [lea, other]) {
      const [d] = await t.db
        .select({ id: demandesDroits.id })
        .from(demandesDroits)
        .where(eq(demandesDroits.structureId, j.structureId))
        .limit(1);
      await t.db.insert(demandeDocuments).values({
        demandeId: j.id === lea.id ? demande.id : d!.id,
        jeuneId: j.id,
        structureId: j.structureId,
        filename: "piece-identite.pdf",
        contentType: "application/pdf",
        sizeBytes: 2048,
      });
      await t.db.insert(accessPackJobs).values({ jeuneId: j.id, structureId: j.structureId, status: "expire" });
    }

    pack = await buildAccessPack(t.db, demande);
    json = accessPackJson(pack);
  });

  it("contains every row linked to the person, in every table with a jeune_id", async () => {
    const id = lea.id;
    const own = {
      jeunes: [id],
      users: (await t.db.select({ id: users.id }).from(users).where(eq(users.jeuneId, id))).map((r) => r.id),
      affectations: (await t.db.select({ id: affectations.id }).from(affectations).where(eq(affectations.jeuneId, id))).map((r) => r.id),
      consultations: (await t.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.jeuneId, id))).map(
        (r) => r.id,
      ),
      demandes: (await t.db.select({ id: demandesDroits.id }).from(demandesDroits).where(eq(demandesDroits.jeuneId, id))).map((r) => r.id),
      audit: (await t.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.jeuneId, id))).map((r) => r.id),
      transmissions: (await t.db.select({ id: transmissions.id }).from(transmissions).where(eq(transmissions.jeuneId, id))).map(
        (r) => r.id,
      ),
      ledger: (await t.db.select({ id: transmissionLedger.id }).from(transmissionLedger).where(eq(transmissionLedger.jeuneId, id))).map(
        (r) => r.id,
      ),
      contrats: (await t.db.select({ id: contrats.id }).from(contrats).where(eq(contrats.jeuneId, id))).map((r) => r.id),
      contratEvenements: (
        await t.db.select({ id: contratEvenements.id }).from(contratEvenements).where(eq(contratEvenements.jeuneId, id))
      ).map((r) => r.id),
      phases: (await t.db.select({ id: phases.id }).from(phases).where(eq(phases.jeuneId, id))).map((r) => r.id),
      actions: (await t.db.select({ id: actionsJeune.id }).from(actionsJeune).where(eq(actionsJeune.jeuneId, id))).map((r) => r.id),
      participations: (await t.db.select({ id: participations.id }).from(participations).where(eq(participations.jeuneId, id))).map(
        (r) => r.id,
      ),
      allocations: (
        await t.db.select({ id: allocationDecisions.id }).from(allocationDecisions).where(eq(allocationDecisions.jeuneId, id))
      ).map((r) => r.id),
      sanctions: (await t.db.select({ id: sanctions.id }).from(sanctions).where(eq(sanctions.jeuneId, id))).map((r) => r.id),
      documents: (await t.db.select({ id: demandeDocuments.id }).from(demandeDocuments).where(eq(demandeDocuments.jeuneId, id))).map(
        (r) => r.id,
      ),
      packs: (await t.db.select({ id: accessPackJobs.id }).from(accessPackJobs).where(eq(accessPackJobs.jeuneId, id))).map((r) => r.id),
    };
    for (const list of Object.values(own)) expect(list.length).toBeGreaterThan(0);
    expect(pack.parcours.contrats.map((c) => c.id).sort()).toEqual([...own.contrats].sort());
    expect(pack.parcours.contrats.flatMap((c) => c.evenements.map((e) => e.id)).sort()).toEqual([...own.contratEvenements].sort());
    expect(pack.parcours.contrats.flatMap((c) => c.phases.map((p) => p.id)).sort()).toEqual([...own.phases].sort());
    expect(pack.parcours.actions.map((a) => a.id).sort()).toEqual([...own.actions].sort());
    expect(pack.parcours.seances.map((p) => p.participationId).sort()).toEqual([...own.participations].sort());
    expect(pack.parcours.allocations.map((a) => a.id).sort()).toEqual([...own.allocations].sort());
    expect(pack.parcours.sanctions.map((s) => s.id).sort()).toEqual([...own.sanctions].sort());
    // A colleague named in a free text of the pathway is masked.
    expect(pack.parcours.seances.find((p) => p.presence === "absent_excuse")?.motifAbsence).toContain(TIERS);
    const evenements = (
      await t.db.select({ id: demandeEvenements.id }).from(demandeEvenements).where(inArray(demandeEvenements.demandeId, own.demandes))
    ).map((r) => r.id);
    const pauses = (
      await t.db.select({ id: demandePauses.id }).from(demandePauses).where(inArray(demandePauses.demandeId, own.demandes))
    ).map((r) => r.id);

    for (const uuid of [...own.jeunes, ...own.users, ...own.affectations, ...own.demandes, ...pauses, ...own.transmissions])
      expect(json).toContain(uuid);
    expect(pack.transmissions.map((tr) => tr.id).sort()).toEqual([...own.transmissions].sort());
    expect(pack.transmissions.flatMap((tr) => tr.evenements.map((e) => e.id)).sort()).toEqual([...own.ledger].sort());
    const courriels = (await t.db.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.jeuneId, id))).map((r) => r.id);
    expect(courriels).toHaveLength(1);
    expect(pack.courriels.map((c) => c.id)).toEqual(courriels);
    expect(pack.jeune.id).toBe(id);
    expect(pack.comptes.map((c) => c.id).sort()).toEqual([...own.users].sort());
    expect(pack.affectations.map((a) => a.id).sort()).toEqual([...own.affectations].sort());
    expect(pack.consultations.map((c) => c.id).sort()).toEqual([...own.consultations].sort());
    expect(pack.demandes.map((d) => d.id).sort()).toEqual([...own.demandes].sort());
    expect(pack.demandes.flatMap((d) => d.evenements.map((e) => e.id)).sort()).toEqual([...evenements].sort());
    expect(pack.historique.map((h) => h.id).sort()).toEqual([...own.audit].sort());
    // Documents: metadata only (the bytes live in stored_files, never read by the pack).
    expect(pack.demandes.flatMap((d) => d.documents.map((doc) => doc.id)).sort()).toEqual([...own.documents].sort());
    expect(Object.keys(pack.demandes.flatMap((d) => d.documents)[0]!).sort()).toEqual(
      ["contentType", "envoyeLe", "filename", "id", "sizeBytes", "supprimeLe"].sort(),
    );
    expect(pack.telechargements.map((p) => p.id).sort()).toEqual([...own.packs].sort());
    // The stored alert flags of the file (derived, filled by the seed): the day they hold for.
    const [stored] = await t.db.select({ on: alertState.computedOn }).from(alertState).where(eq(alertState.jeuneId, id));
    expect(pack.alertes?.calculeesLe).toBe(stored?.on);
    // Numeric ids (bigserial) are searched as JSON members of the serialised pack too.
    for (const n of [...own.consultations, ...own.audit]) expect(json).toMatch(new RegExp(`"id": ${n}[,\\n]`));
    // Every column of the jeunes row (ciphertext and keyed hash replaced by the decrypted NIR).
    for (const column of Object.keys(lea).filter((k) => k !== "nirEncrypted" && k !== "nirHmac")) expect(pack.jeune).toHaveProperty(column);
  });

  it("covers every table that has a jeune_id column (a new one must be added to the pack and to this test)", async () => {
    const result = (await t.db.execute(
      sql`select table_name from information_schema.columns where column_name = 'jeune_id' and table_schema = 'public' order by table_name`,
    )) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { table_name: string }[];
    expect(rows.map((r) => r.table_name)).toEqual([
      "access_pack_jobs",
      "actions_jeune",
      "affectations",
      "alert_state",
      "allocation_decisions",
      "audit_log",
      "consultations",
      "contrat_evenements",
      "contrats",
      "demande_documents",
      "demandes_droits",
      "mail_messages",
      "participations",
      "phases",
      "sanctions",
      "transmission_ledger",
      "transmissions",
      "users",
    ]);
  });

  it("holds nothing about any other young person", async () => {
    const id = lea.id;
    const others = {
      jeunes: await t.db.select({ id: jeunes.id, email: jeunes.email, telephone: jeunes.telephone }).from(jeunes).where(ne(jeunes.id, id)),
      users: await t.db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(isNotNull(users.jeuneId), ne(users.jeuneId, id))),
      affectations: (await t.db.select({ id: affectations.id }).from(affectations).where(ne(affectations.jeuneId, id))).map((r) => r.id),
      consultations: (await t.db.select({ id: consultations.id }).from(consultations).where(ne(consultations.jeuneId, id))).map(
        (r) => r.id,
      ),
      demandes: (await t.db.select({ id: demandesDroits.id }).from(demandesDroits).where(ne(demandesDroits.jeuneId, id))).map((r) => r.id),
      audit: (
        await t.db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(isNotNull(auditLog.jeuneId), ne(auditLog.jeuneId, id)))
      ).map((r) => r.id),
      transmissions: (await t.db.select({ id: transmissions.id }).from(transmissions).where(ne(transmissions.jeuneId, id))).map(
        (r) => r.id,
      ),
      ledger: (await t.db.select({ id: transmissionLedger.id }).from(transmissionLedger).where(ne(transmissionLedger.jeuneId, id))).map(
        (r) => r.id,
      ),
      contrats: (await t.db.select({ id: contrats.id }).from(contrats).where(ne(contrats.jeuneId, id))).map((r) => r.id),
      actions: (await t.db.select({ id: actionsJeune.id }).from(actionsJeune).where(ne(actionsJeune.jeuneId, id))).map((r) => r.id),
      participations: (await t.db.select({ id: participations.id }).from(participations).where(ne(participations.jeuneId, id))).map(
        (r) => r.id,
      ),
      allocations: (
        await t.db.select({ id: allocationDecisions.id }).from(allocationDecisions).where(ne(allocationDecisions.jeuneId, id))
      ).map((r) => r.id),
      sanctions: (await t.db.select({ id: sanctions.id }).from(sanctions).where(ne(sanctions.jeuneId, id))).map((r) => r.id),
      documents: (await t.db.select({ id: demandeDocuments.id }).from(demandeDocuments).where(ne(demandeDocuments.jeuneId, id))).map(
        (r) => r.id,
      ),
      packs: (await t.db.select({ id: accessPackJobs.id }).from(accessPackJobs).where(ne(accessPackJobs.jeuneId, id))).map((r) => r.id),
    };
    for (const list of Object.values(others)) expect(list.length).toBeGreaterThan(0);
    for (const uuid of [
      ...others.contrats,
      ...others.actions,
      ...others.participations,
      ...others.allocations,
      ...others.sanctions,
      ...others.documents,
      ...others.packs,
    ])
      expect(json).not.toContain(uuid);

    for (const j of others.jeunes) {
      expect(json).not.toContain(j.id);
      if (j.email) expect(json).not.toContain(j.email);
      if (j.telephone) expect(json).not.toContain(j.telephone);
    }
    for (const u of others.users) {
      expect(json).not.toContain(u.id);
      expect(json).not.toContain(u.email);
    }
    for (const uuid of [...others.affectations, ...others.demandes, ...others.transmissions]) expect(json).not.toContain(uuid);
    // bigserial ids restart in each table: compare them table by table.
    const consultationIds = new Set(pack.consultations.map((c) => c.id));
    const auditIds = new Set(pack.historique.map((h) => h.id));
    for (const n of others.consultations) expect(consultationIds.has(n)).toBe(false);
    for (const n of others.audit) expect(auditIds.has(n)).toBe(false);
    const ledgerIds = new Set(pack.transmissions.flatMap((tr) => tr.evenements.map((e) => e.id)));
    for (const n of others.ledger) expect(ledgerIds.has(n)).toBe(false);
  });

  it("gives the NIR in clear and never a password hash or session version", async () => {
    expect(lea.nirEncrypted).toBeTruthy();
    const nir = decryptNir(lea.nirEncrypted!);
    expect(pack.jeune.nir).toBe(nir);
    expect(json).toContain(nir);
    expect(json).not.toContain(lea.nirEncrypted!);
    expect(json).not.toContain(lea.nirHmac!);
    const accounts = await t.db.select({ hash: users.passwordHash }).from(users).where(isNotNull(users.passwordHash));
    for (const a of accounts) expect(json).not.toContain(a.hash!);
    expect(json).not.toMatch(/passwordHash|password_hash|sessionVersion|session_version/);
    expect(pack.comptes[0]).toMatchObject({ email: "lea.dupont@exemple.fr", name: "Léa Dupont", role: "jeune" });
  });

  it("masks colleagues and other young people named in free texts, and keeps the person's own details", () => {
    expect(pack.jeune.commentaire).toBe(`Vue avec ${TIERS}. Connaît ${TIERS} (tél. ${TIERS}). Joignable au 06 12 34 56 78.`);
    expect(pack.jeune.sante).toBe(`Suivi par un médecin, voir avec ${TIERS}.`);
    expect(pack.affectations.find((a) => a.motif.startsWith("Congé"))?.motif).toBe(`Congé de ${TIERS}`);
    // Structured fields keep the staff who acted: the person is entitled to know who.
    expect(pack.affectations.find((a) => a.motif.startsWith("Congé"))).toMatchObject({ de: "Camille Martin", vers: "Julien Roche" });
    expect(json).not.toContain(`${other.prenoms} ${other.nomNaissance}`);
    expect(json).not.toMatch(/Julien Roche\. Connaît/);
  });

  it("states purposes, legal bases, recipients, retention end and source", () => {
    expect(pack.finalites.length).toBeGreaterThan(3);
    const cej = pack.finalites.find((f) => f.id === "cej")!;
    expect(cej.vousConcerne).toBe(true);
    expect(cej.legalBasis.article).toBe("RGPD, art. 6-1-e");
    expect(cej.recipients.some((r) => r.name.startsWith("France Travail"))).toBe(true);
    expect(pack.finalites.find((f) => f.id === "pacea")!.vousConcerne).toBe(false);
    expect(pack.conservation.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(pack.conservation.basis).toBe("age");
    expect(pack.source).toContain("collectées auprès de vous par votre mission locale");
  });

  it("renders a readable A4 PDF with one section per category", async () => {
    const pdf = await renderAccessPackPdf(pack);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe("Vos données à la mission locale");
    const [page] = doc.getPages();
    expect(Math.round(page!.getWidth())).toBe(595);
    const headings = accessPackSections(pack).map((s) => s.heading);
    expect(headings).toEqual(
      expect.arrayContaining([
        "Qui vous êtes",
        "Comment vous joindre",
        "Qui a ouvert votre dossier",
        "Vos demandes sur vos données",
        "Combien de temps vos données sont gardées",
        "D'où viennent vos données",
      ]),
    );
    // The pathway, in plain words: the ended PACEA with its exit motive, the excused absence, the allowance month.
    const sections = accessPackSections(pack);
    const text = (heading: string) => JSON.stringify(sections.find((s) => s.heading === heading));
    expect(text("Vos contrats (PACEA, CEJ)")).toContain("Accès à l'emploi");
    expect(text("Vos rendez-vous et ateliers")).toContain("Présence : Absent excusé");
    expect(text("Votre allocation")).toContain("avril 2024");
    expect(text("Les manquements et sanctions")).toContain("Absence non justifiée");
  });

  it("prints the person's names in other alphabets as typed", async (ctx) => {
    ctx.skip(!PDFTOTEXT, NO_PDFTOTEXT);
    for (const n of UNICODE_NAMES) {
      const jeune = { ...pack.jeune, prenoms: n.prenoms, nomNaissance: n.nom, nomUsage: null };
      const text = readingText(await renderAccessPackPdf({ ...pack, jeune }));
      expect(text).toContain(`Nom de naissance : ${n.nom} Nom d'usage : Non renseigné Prénoms : ${n.prenoms} `);
    }
  });
});
