import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, consultations, jeunes, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { addDays, todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { endAfterMonths } from "./contrats";
import { formatLongCivilDate } from "@/lib/format/fr";
import { signContrat } from "./contrat-writes";
import { addPhase } from "./phase-writes";
import type { SessionUser } from "@/lib/auth/session-user";
import { runDownload } from "@/lib/actions/download";
import { recapitulatifDownload } from "./recapitulatif";

const CAMILLE = "conseillere.lyon@sillage.demo";

/** The route's answer: a PDF attachment, or the refusal's status. */
type Downloaded = { kind: "not_found" } | { kind: "reason_required" } | { kind: "ok"; filename: string; pdf: Uint8Array };

async function download(user: SessionUser, id: string, contratId: string): Promise<Downloaded> {
  const response = await runDownload(recapitulatifDownload, { id, contratId }, user);
  if (response.status === 404) return { kind: "not_found" };
  if (response.status === 403) return { kind: "reason_required" };
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  const filename = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "";
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
  return { kind: "ok", filename, pdf: new Uint8Array(await response.arrayBuffer()) };
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sillage-recap-"));
  try {
    const file = path.join(dir, "r.pdf");
    await writeFile(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const hasPdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].some((p) => existsSync(p));

describe("contract summary PDF", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 4 });
  });

  const camillesJeune = async (email: string) => {
    const [j] = await t.db.select().from(jeunes).where(eq(jeunes.email, email));
    return j!;
  };

  it("summarises a PACEA with its phases and signature boxes, as an audited download", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    const tom = await camillesJeune("tom.girard@exemple.fr");
    const start = addDays(today, -30);
    const signed = await runAction(
      signContrat,
      { jeuneId: tom.id, type: "PACEA", signeLe: start, debut: start, finPrevue: endAfterMonths(start, 12) },
      camille,
    );
    if (!signed.ok) throw new Error(signed.message);
    const phase = await runAction(
      addPhase,
      {
        contratId: signed.data.contratId,
        type: "diagnostic",
        debut: start,
        fin: addDays(start, 29),
        objectifs: "Définir un projet dans la restauration",
      },
      camille,
    );
    expect(phase.ok).toBe(true);

    const result = await download(camille, tom.id, signed.data.contratId);
    if (result.kind !== "ok") throw new Error(result.kind);
    expect(result.filename).toBe(`recapitulatif-pacea-${start}.pdf`);
    expect(result.filename).not.toMatch(/girard/i);
    const doc = await PDFDocument.load(result.pdf);
    expect(doc.getTitle()).toBe("Récapitulatif du contrat PACEA");
    if (hasPdftotext) {
      const text = await pdfText(result.pdf);
      for (const expected of [
        "Mission locale de Lyon",
        "cerfa n° 15656",
        "GIRARD",
        "Tom",
        formatLongCivilDate(tom.dateNaissance),
        "Camille Martin",
        `Signé le ${formatLongCivilDate(start)}`,
        "Durée prévue 12 mois",
        "Phase 1 - Diagnostic",
        "Définir un projet dans la restauration",
        "Le jeune et son représentant légal",
        "Date et signature",
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).not.toContain(tom.email!);
      expect(text).not.toContain(tom.telephone!);
    }
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "contrat.recapitulatif"), eq(auditLog.targetId, signed.data.contratId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ jeuneId: tom.id, actorId: camille.id });
    const seen = await t.db
      .select()
      .from(consultations)
      .where(and(eq(consultations.jeuneId, tom.id), eq(consultations.onglet, "parcours")));
    expect(seen).toHaveLength(1);
  });

  it("states the CEJ engagements (15 to 20 hours a week)", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    const lea = await camillesJeune("lea.dupont@exemple.fr");
    const signed = await runAction(
      signContrat,
      { jeuneId: lea.id, type: "CEJ", signeLe: today, debut: today, finPrevue: endAfterMonths(today, 12) },
      camille,
    );
    if (!signed.ok) throw new Error(signed.message);
    const result = await download(camille, lea.id, signed.data.contratId);
    if (result.kind !== "ok") throw new Error(result.kind);
    await PDFDocument.load(result.pdf);
    if (hasPdftotext) {
      const text = await pdfText(result.pdf);
      expect(text).toContain("15 à 20 heures d'activités par semaine");
      expect(text).toContain("DUPONT");
      expect(text).not.toContain("Phases et objectifs");
    }
  });

  it("is not found for another structure, and asks for a reason outside the portfolio", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    const lea = await camillesJeune("lea.dupont@exemple.fr");
    const [contrat] = await t.db
      .select({ id: auditLog.targetId })
      .from(auditLog)
      .where(and(eq(auditLog.action, "contrat.signature"), eq(auditLog.jeuneId, lea.id)));
    const ines = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    expect(await download(ines, lea.id, contrat!.id!)).toEqual({ kind: "not_found" });
    const julien = await sessionUserFor(t.db, "conseiller.lyon@sillage.demo");
    expect(await download(julien, lea.id, contrat!.id!)).toEqual({ kind: "reason_required" });
    // A contract id of another young person does not leak through a dossier the caller may open.
    const [camilleRow] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
    const [other] = await t.db
      .select()
      .from(jeunes)
      .where(and(eq(jeunes.conseillerId, camilleRow!.id), eq(jeunes.email, "tom.girard@exemple.fr")));
    expect(await download(camille, other!.id, contrat!.id!)).toEqual({ kind: "not_found" });
  });
});
