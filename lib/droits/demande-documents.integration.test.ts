import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import {
  auditLog,
  consultations,
  demandeDocuments,
  demandeEvenements,
  demandePauses,
  demandesDroits,
  jeunes,
  settings,
  storedFiles,
} from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runDownload } from "@/lib/actions/download";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { addDays, todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { demandePieceDownload } from "./document-download";
import { DOCUMENT_MESSAGES, MAX_DOCUMENT_BYTES } from "./document-rules";
import { purgeRequestDocuments } from "./document-store";
import { DOCUMENT_NOT_EXPECTED, sendDemandeDocument } from "./document-writes";
import { closeDemande } from "./transition-writes";

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]);

describe("documents sent by the young person for a rights request", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let lea: SessionUser;
  let tom: SessionUser;
  let dpo: SessionUser;
  /** Léa's request awaiting a proof of identity (open pause), and one of hers that awaits nothing. */
  let awaiting: string;
  let notAwaiting: string;
  let tomsRequest: string;

  async function newDemande(jeuneId: string, numero: string, paused: boolean) {
    const [j] = await t.db.select().from(jeunes).where(eq(jeunes.id, jeuneId));
    const [d] = await t.db
      .insert(demandesDroits)
      .values({
        numero,
        structureId: j!.structureId,
        jeuneId,
        type: "acces",
        canal: "courrier",
        objet: "Copie de mes données",
        recueLe: addDays(today, -3),
        statut: paused ? "identite_a_verifier" : "recue",
        echeance: paused ? null : addDays(today, 27),
      })
      .returning();
    if (paused)
      await t.db
        .insert(demandePauses)
        .values({ demandeId: d!.id, demandeeLe: addDays(today, -2), objet: "Une copie de votre pièce d'identité." });
    return d!.id;
  }

  const send = (user: SessionUser | null, demandeId: string, name: string, bytes: Uint8Array, size?: number) =>
    runAction(sendDemandeDocument, { demandeId, document: { name, bytes, size } }, user);
  const counts = async () => ({
    files: (await t.db.select({ n: count() }).from(storedFiles))[0]!.n,
    documents: (await t.db.select({ n: count() }).from(demandeDocuments))[0]!.n,
  });

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 6 });
    lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    tom = await sessionUserFor(t.db, "tom.girard@exemple.fr");
    dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    awaiting = await newDemande(lea.jeuneId!, "2099-0001", true);
    notAwaiting = await newDemande(lea.jeuneId!, "2099-0002", false);
    tomsRequest = await newDemande(tom.jeuneId!, "2099-0003", true);
  });

  it("stores a PDF apart from the row, with an event for the person and an audit entry without the name", async () => {
    const result = await send(lea, awaiting, "carte-identite-lea.pdf", PDF);
    expect(result).toMatchObject({ ok: true, data: { filename: "carte-identite-lea.pdf" } });
    if (!result.ok) return;
    const [doc] = await t.db.select().from(demandeDocuments).where(eq(demandeDocuments.id, result.data.id));
    expect(doc).toMatchObject({ contentType: "application/pdf", sizeBytes: PDF.length, jeuneId: lea.jeuneId, deletedAt: null });
    const [file] = await t.db.select().from(storedFiles).where(eq(storedFiles.id, doc!.fileId!));
    expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);
    const events = await t.db.select().from(demandeEvenements).where(eq(demandeEvenements.demandeId, awaiting));
    expect(events.map((e) => e.type)).toContain("document_envoye");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "droits.piece_envoyee"), eq(auditLog.targetId, awaiting)));
    expect(entry).toBeTruthy();
    expect(JSON.stringify(entry)).not.toContain("carte-identite-lea");
  });

  it("keeps a PNG named .pdf as the PNG its bytes are", async () => {
    const result = await send(lea, awaiting, "scan.pdf", PNG);
    expect(result).toMatchObject({ ok: true, data: { filename: "scan.png" } });
    if (!result.ok) return;
    const [doc] = await t.db.select().from(demandeDocuments).where(eq(demandeDocuments.id, result.data.id));
    expect(doc!.contentType).toBe("image/png");
  });

  it("refuses an executable renamed .pdf, an empty file and one over 5 MB, with the message on the field and nothing stored", async () => {
    const before = await counts();
    const exe = await send(lea, awaiting, "facture.pdf", EXE);
    expect(exe).toMatchObject({ ok: false, fieldErrors: { document: [DOCUMENT_MESSAGES.wrongType] } });
    const big = await send(lea, awaiting, "photo.jpg", new Uint8Array(0), MAX_DOCUMENT_BYTES + 1);
    expect(big).toMatchObject({ ok: false, fieldErrors: { document: [DOCUMENT_MESSAGES.tooBig] } });
    const none = await runAction(sendDemandeDocument, { demandeId: awaiting }, lea);
    expect(none).toMatchObject({ ok: false, fieldErrors: { document: [DOCUMENT_MESSAGES.missing] } });
    expect(await counts()).toEqual(before);
  });

  it("is only for the young person of the request, while a document is awaited", async () => {
    const before = await counts();
    // Tom on Léa's request: the same answer as a request that does not exist.
    expect(await send(tom, awaiting, "a.pdf", PDF)).toMatchObject({ ok: false, code: "not_found" });
    expect(await send(tom, "0190a1b2-0000-7000-8000-000000000000", "a.pdf", PDF)).toMatchObject({ ok: false, code: "not_found" });
    // Staff cannot send in the person's place; nobody signed in neither.
    expect(await send(dpo, awaiting, "a.pdf", PDF)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await send(null, awaiting, "a.pdf", PDF)).toMatchObject({ ok: false });
    // A request that awaits nothing.
    expect(await send(lea, notAwaiting, "a.pdf", PDF)).toMatchObject({ ok: false, message: DOCUMENT_NOT_EXPECTED });
    expect(await counts()).toEqual(before);
    // Tom on his own request: fine.
    expect(await send(tom, tomsRequest, "a.pdf", PDF)).toMatchObject({ ok: true });
  });

  it("is downloaded by the DPO only, as an attachment of its checked type, audited, with a consultation", async () => {
    const [doc] = await t.db.select().from(demandeDocuments).where(eq(demandeDocuments.contentType, "image/png"));
    const params = { id: awaiting, pieceId: doc!.id };
    const before = (await t.db.select({ n: count() }).from(consultations).where(eq(consultations.jeuneId, lea.jeuneId!)))[0]!.n;
    const response = await runDownload(demandePieceDownload, params, dpo);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="piece-demande-2099-0001-[0-9a-f]{8}\.png"$/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(PNG))).toBe(true);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "droits.piece"), eq(auditLog.targetId, awaiting)));
    expect(audits).toHaveLength(1);
    const after = (await t.db.select({ n: count() }).from(consultations).where(eq(consultations.jeuneId, lea.jeuneId!)))[0]!.n;
    expect(after).toBe(before + 1);

    // The director reads requests but does not download identity proofs; the young person neither; Marseille's DPO does not find it.
    expect((await runDownload(demandePieceDownload, params, await sessionUserFor(t.db, "directrice.lyon@sillage.demo"))).status).toBe(403);
    expect((await runDownload(demandePieceDownload, params, lea)).status).toBe(403);
    const otherDpo = { ...dpo, structureId: (await sessionUserFor(t.db, "conseillere.marseille@sillage.demo")).structureId };
    expect((await runDownload(demandePieceDownload, params, otherDpo)).status).toBe(404);
    // A document of another request under this request's id is not found.
    const [toms] = await t.db.select().from(demandeDocuments).where(eq(demandeDocuments.demandeId, tomsRequest));
    expect((await runDownload(demandePieceDownload, { id: awaiting, pieceId: toms!.id }, dpo)).status).toBe(404);
  });

  it("loses its bytes in the closing transaction; the row stays as the trace", async () => {
    // The DPO answers, then closes (the steps of the workflow).
    const docs = await t.db.select().from(demandeDocuments).where(eq(demandeDocuments.demandeId, awaiting));
    expect(docs.length).toBe(2);
    await t.db.update(demandePauses).set({ recueLe: today }).where(eq(demandePauses.demandeId, awaiting));
    await t.db
      .update(demandesDroits)
      .set({ statut: "repondue", issue: "acceptee", reponseMotif: "Copie envoyée", reponduLe: today, identiteVerifieeLe: today })
      .where(eq(demandesDroits.id, awaiting));
    const [d] = await t.db.select().from(demandesDroits).where(eq(demandesDroits.id, awaiting));
    const closed = await runAction(closeDemande, { demandeId: awaiting, version: String(d!.version) }, dpo);
    expect(closed).toMatchObject({ ok: true });
    const after = await t.db.select().from(demandeDocuments).where(eq(demandeDocuments.demandeId, awaiting));
    expect(after).toHaveLength(2);
    for (const doc of after) {
      expect(doc.fileId).toBeNull();
      expect(doc.deletedAt).not.toBeNull();
      expect(
        await t.db
          .select({ id: storedFiles.id })
          .from(storedFiles)
          .where(eq(storedFiles.id, docs.find((x) => x.id === doc.id)!.fileId!)),
      ).toEqual([]);
    }
    expect((await runDownload(demandePieceDownload, { id: awaiting, pieceId: after[0]!.id }, dpo)).status).toBe(404);
  });

  it("is purged from an open request after the days of the setting, and kept before", async () => {
    const [doc] = await t.db.select().from(demandeDocuments).where(eq(demandeDocuments.demandeId, tomsRequest));
    expect(doc!.fileId).not.toBeNull();
    const [rule] = await t.db.select().from(settings).where(eq(settings.key, "droits.documents.conservation"));
    expect(rule!.value).toEqual({ jours: 90 });
    expect(await purgeRequestDocuments(t.db, new Date(doc!.createdAt.getTime() + 89 * 86_400_000))).toEqual({ deleted: 0 });
    // (+1 ms: PostgreSQL keeps microseconds that a JavaScript date drops.)
    expect(await purgeRequestDocuments(t.db, new Date(doc!.createdAt.getTime() + 90 * 86_400_000 + 1))).toEqual({ deleted: 1 });
    const [gone] = await t.db.select().from(demandeDocuments).where(eq(demandeDocuments.id, doc!.id));
    expect(gone).toMatchObject({ fileId: null });
    expect(gone!.deletedAt).not.toBeNull();
    expect((await t.db.select({ n: count() }).from(storedFiles))[0]!.n).toBe(0);
  });
});
