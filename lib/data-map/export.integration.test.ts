import { beforeAll, describe, expect, it, vi } from "vitest";
import { PDFDocument } from "pdf-lib";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { parseCsv } from "@/lib/csv";
import { runDownload } from "@/lib/actions/download";
import type { SessionUser } from "@/lib/auth/session-user";
import { registerCsvDownload, registerPdfDownload, type RegisterExportFormat } from "./export";
import { FINALITY_LIST } from "./finalities";
import { listDpoContacts, loadDataMapContext, registerControllerFor } from "./queries";

const now = new Date("2026-11-25T09:00:00Z");

/** The route's answer at instant `now` (only Date is faked: the database's timers run). */
async function registerExport(user: SessionUser | null, format: RegisterExportFormat): Promise<Response> {
  vi.useFakeTimers({ toFake: ["Date"], now });
  try {
    return await runDownload(format === "csv" ? registerCsvDownload : registerPdfDownload, {}, user);
  } finally {
    vi.useRealTimers();
  }
}

describe("data map against the database", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
  });

  it("reads today's retention rules and the C2S start date from the settings", async () => {
    const ctx = await loadDataMapContext(t.db, "2026-11-25");
    expect(ctx.retention).toMatchObject({ dossierAgeMaxAns: 25, dossierAnneesApresAgeMax: 2, cejAnneesApresFin: 10 });
    expect(ctx.c2sStartDate).toBe("2026-07-01");
  });

  it("announces the next C2S start date before it applies, and has no retention before the décret", async () => {
    const ctx = await loadDataMapContext(t.db, "2015-01-01");
    expect(ctx.c2sStartDate).toBe("2026-07-01");
    expect(ctx.retention).toBeNull();
  });

  it("lists the DPO mailbox of every mission locale for the public notice", async () => {
    expect(await listDpoContacts(t.db)).toEqual([
      { name: "Mission locale de Lyon", dpoEmail: "dpo@ml-lyon.demo" },
      { name: "Mission locale de Marseille", dpoEmail: "dpo@ml-marseille.demo" },
    ]);
  });

  it("makes the reader's mission locale the controller; the admin's register covers every structure", async () => {
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    expect(await registerControllerFor(t.db, dpo)).toEqual({ structureName: "Mission locale de Lyon", dpoEmail: "dpo@ml-lyon.demo" });
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    expect(await registerControllerFor(t.db, admin)).toEqual({ structureName: null, dpoEmail: null });
  });

  it("refuses the export without a session (401) and to a counsellor (403), in plain text", async () => {
    const anonymous = await registerExport(null, "csv");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const conseiller = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    for (const format of ["csv", "pdf"] as const) {
      const refused = await registerExport(conseiller, format);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toMatch(/^Accès refusé/);
    }
    const jeune = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    expect((await registerExport(jeune, "pdf")).status).toBe(403);
  });

  it("gives the DPO a CSV with a BOM, the header row and one row per finality", async () => {
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const response = await registerExport(dpo, "csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="registre-traitements-2026-11-25.csv"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8"));
    expect(rows[0]?.slice(0, 2)).toEqual(["Finalité", "Base légale"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(FINALITY_LIST.map((f) => f.name));
    expect(rows[1]?.join(" ")).toContain("la veille des 28 ans");
  });

  it("gives the director and the admin a PDF", async () => {
    for (const email of ["directrice.lyon@sillage.demo", "admin@sillage.demo"]) {
      const user = await sessionUserFor(t.db, email);
      const response = await registerExport(user, "pdf");
      expect(response.status, email).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
      expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);
    }
  });
});
