import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { auditLog, consultations, demandesDroits, jeunes, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runDownload } from "@/lib/actions/download";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { parseCsv } from "@/lib/csv";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { accessPackDownload, demandeLetterDownload, dossierLetterDownload } from "./documents";
import { registreDownload } from "./registre-download";

const CAMILLE = "conseillere.lyon@sillage.demo";
const JULIEN = "conseiller.lyon@sillage.demo";
const INES = "conseillere.marseille@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const DIRECTRICE = "directrice.lyon@sillage.demo";

describe("rights request downloads", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  /** Léa's access request (Léa is in Camille's portfolio, not in Julien's). */
  let lea: { id: string; demandeId: string; numero: string };

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 10, extras: true });
    const [row] = await t.db
      .select({ id: jeunes.id, demandeId: demandesDroits.id, numero: demandesDroits.numero })
      .from(demandesDroits)
      .innerJoin(jeunes, eq(jeunes.id, demandesDroits.jeuneId))
      .where(and(eq(jeunes.email, "lea.dupont@exemple.fr"), eq(demandesDroits.type, "acces")));
    lea = row!;
  });

  const consultationsOf = (jeuneId: string) => t.db.select().from(consultations).where(eq(consultations.jeuneId, jeuneId));
  const auditsOf = (action: string, targetId: string) =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));
  const letter = (user: SessionUser, jeuneId: string, demandeId: string, document = "accuse-reception.pdf") =>
    runDownload(dossierLetterDownload, { id: jeuneId, demandeId, document }, user);

  describe("a letter from the dossier", () => {
    it("gives the receipt to the young person's counsellor as a PDF attachment, with a consultation of the Droits tab", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const before = await consultationsOf(lea.id);
      const response = await letter(camille, lea.id, lea.demandeId);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="accuse-reception-${lea.numero}.pdf"`);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString("latin1"),
      ).toBe("%PDF-");

      const after = await consultationsOf(lea.id);
      expect(after).toHaveLength(before.length + 1);
      expect(after.find((c) => !before.some((b) => b.id === c.id))).toMatchObject({
        userId: camille.id,
        onglet: "droits",
        horsPortefeuille: false,
      });
      const audit = await auditsOf("droits.document", lea.demandeId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorId: camille.id,
        jeuneId: lea.id,
        meta: { numero: lea.numero, document: "accuse-reception.pdf" },
      });
    });

    it("asks a colleague outside the portfolio for a reason first, writing nothing; then opens it as a break-glass", async () => {
      const julien = await sessionUserFor(t.db, JULIEN);
      const consulted = (await consultationsOf(lea.id)).length;
      const audited = (await auditsOf("droits.document", lea.demandeId)).length;
      const refused = await letter(julien, lea.id, lea.demandeId);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toBe("Ouvrez d'abord le dossier en indiquant le motif de votre consultation.");
      expect(await consultationsOf(lea.id)).toHaveLength(consulted);
      expect(await auditsOf("droits.document", lea.demandeId)).toHaveLength(audited);

      // The reason given on the dossier page (break-glass) opens the file for the download too.
      await t.db.insert(consultations).values({
        jeuneId: lea.id,
        structureId: julien.structureId!,
        userId: julien.id,
        userRole: julien.role,
        onglet: "identite",
        horsPortefeuille: true,
        motif: "remplacement",
      });
      expect((await letter(julien, lea.id, lea.demandeId)).status).toBe(200);
      const mine = (await consultationsOf(lea.id)).filter((c) => c.userId === julien.id && c.onglet === "droits");
      expect(mine).toEqual([expect.objectContaining({ horsPortefeuille: true })]);
    });

    it("is not found in another structure, for a request of another young person, or for a letter not yet sent", async () => {
      const ines = await sessionUserFor(t.db, INES);
      const consulted = (await consultationsOf(lea.id)).length;
      const elsewhere = await letter(ines, lea.id, lea.demandeId);
      expect(elsewhere.status).toBe(404);
      expect(await elsewhere.text()).toBe("Document introuvable.");
      expect(await consultationsOf(lea.id)).toHaveLength(consulted);

      const camille = await sessionUserFor(t.db, CAMILLE);
      const [camilleRow] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
      const [other] = await t.db
        .select()
        .from(jeunes)
        .where(and(eq(jeunes.conseillerId, camilleRow!.id), ne(jeunes.id, lea.id)));
      const otherConsulted = (await consultationsOf(other!.id)).length;
      expect((await letter(camille, other!.id, lea.demandeId)).status).toBe(404);
      // The gate had opened the other file: the refusal rolls its consultation back.
      expect(await consultationsOf(other!.id)).toHaveLength(otherConsulted);

      expect((await letter(camille, lea.id, lea.demandeId, "reponse.pdf")).status).toBe(404);
      expect((await letter(camille, lea.id, lea.demandeId, "autre.pdf")).status).toBe(404);
      expect((await letter(camille, "pas-un-id", lea.demandeId)).status).toBe(404);
    });

    it("is refused without a session (401) and to roles without rights intake (403)", async () => {
      expect((await letter(null as unknown as SessionUser, lea.id, lea.demandeId)).status).toBe(401);
      expect((await letter(await sessionUserFor(t.db, "admin@sillage.demo"), lea.id, lea.demandeId)).status).toBe(403);
    });
  });

  describe("a letter from the rights queue", () => {
    it("gives the receipt to the DPO, audited, without opening the file", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const consulted = (await consultationsOf(lea.id)).length;
      const audited = (await auditsOf("droits.document", lea.demandeId)).length;
      const response = await runDownload(demandeLetterDownload, { id: lea.demandeId, document: "accuse-reception.pdf" }, dpo);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="accuse-reception-${lea.numero}.pdf"`);
      expect(await consultationsOf(lea.id)).toHaveLength(consulted);
      expect(await auditsOf("droits.document", lea.demandeId)).toHaveLength(audited + 1);

      const camille = await sessionUserFor(t.db, CAMILLE);
      expect((await runDownload(demandeLetterDownload, { id: lea.demandeId, document: "accuse-reception.pdf" }, camille)).status).toBe(403);
      const marseille = await sessionUserFor(t.db, "directeur.marseille@sillage.demo");
      expect((await runDownload(demandeLetterDownload, { id: lea.demandeId, document: "accuse-reception.pdf" }, marseille)).status).toBe(
        404,
      );
    });
  });

  describe("the access pack", () => {
    it("gives the DPO the JSON pack, as a consultation 'acces' outside the portfolio, audited with field names", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const response = await runDownload(accessPackDownload, { id: lea.demandeId, document: "dossier-acces.json" }, dpo);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="dossier-acces-${lea.numero}.json"`);
      const pack = JSON.parse(await response.text()) as { jeune: { id: string; nomNaissance: string } };
      expect(pack.jeune).toMatchObject({ id: lea.id, nomNaissance: "DUPONT" });
      const seen = (await consultationsOf(lea.id)).filter((c) => c.userId === dpo.id && c.onglet === "acces");
      expect(seen).toEqual([expect.objectContaining({ horsPortefeuille: true })]);
      const audit = await auditsOf("droits.access_pack", lea.demandeId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ jeuneId: lea.id, meta: { numero: lea.numero, document: "dossier-acces.json" } });
      expect(audit[0]!.fields).toContain("jeune");
    });

    it("is refused to the director (403) and not found for a request that is not an access request", async () => {
      const directrice = await sessionUserFor(t.db, DIRECTRICE);
      expect((await runDownload(accessPackDownload, { id: lea.demandeId, document: "dossier-acces.pdf" }, directrice)).status).toBe(403);
      const [rectification] = await t.db.select().from(demandesDroits).where(eq(demandesDroits.type, "rectification"));
      const dpo = await sessionUserFor(t.db, DPO);
      expect((await runDownload(accessPackDownload, { id: rectification!.id, document: "dossier-acces.json" }, dpo)).status).toBe(404);
    });
  });

  describe("the register of requests", () => {
    it("is a CSV, never cached, and its export is audited", async () => {
      const directrice = await sessionUserFor(t.db, DIRECTRICE);
      const response = await runDownload(registreDownload, {}, directrice);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="registre-demandes-droits-${today}.csv"`);
      const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
      expect(rows[0]?.[0]).toBe("Numéro");
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "droits.registre_export"), eq(auditLog.actorId, directrice.id)));
      expect(audit).toHaveLength(1);
      expect(audit[0]!.meta).toEqual({ lignes: rows.length - 1 });

      expect((await runDownload(registreDownload, {}, await sessionUserFor(t.db, CAMILLE))).status).toBe(403);
    });
  });
});
