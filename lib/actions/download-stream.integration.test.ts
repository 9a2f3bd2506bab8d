import { and, eq, sql } from "drizzle-orm";
import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, jeunes, transmissions } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import type { SessionUser } from "@/lib/auth/session-user";
import { parseCsv } from "@/lib/csv";
import { parseTransmissionParams } from "@/lib/transmissions/admin-params";
import { transmissionExportPages } from "@/lib/transmissions/admin-queries";
import { transmissionsDownload } from "@/lib/transmissions/export-download";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { runDownload } from "./download";

const onPostgres = process.env.SILLAGE_TEST_DB === "postgres";
/** 50 000 rows on PostgreSQL (set-based insert); fewer on in-process PGlite, which is slower per row. */
const ROWS = onPostgres ? 50_000 : 5_000;
/** The bound stated in the README: the live heap grows by less than this while the whole export is read. */
const HEAP_BOUND_BYTES = 16 * 1024 * 1024;

// A full collection before each sample, so the measure is what the export keeps alive, not garbage not yet collected.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

describe("a streamed CSV export", () => {
  const t = useTestDatabase();
  let dpo: SessionUser;

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 4 });
    dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const [jeune] = await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.structureId, dpo.structureId!)).limit(1);
    // Set-based: one statement whatever ROWS; every third row shares its instant with two others (keyset ties).
    await t.db.execute(sql`insert into transmissions
        (id, structure_id, jeune_id, recipient, finality, kind, idempotency_key, payload, field_names, payload_hash, status, created_at)
      select gen_random_uuid(), ${dpo.structureId}::uuid, ${jeune!.id}::uuid, 'franceTravail', 'cej', 'inscription', 'bulk-' || g, '{}'::jsonb,
        array['nomNaissance', 'prenoms'], md5(g::text), 'accusee', timestamptz '2026-11-01 10:00:00.123456+00' - (g / 3) * interval '1 millisecond'
      from generate_series(1, ${ROWS}) g`);
  }, 120_000);

  it(`exports ${ROWS} rows with the live heap growing by less than 16 MB, no transaction left open, the export audited`, async () => {
    const [{ n: expected } = { n: 0 }] = await t.db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(transmissions)
      .where(eq(transmissions.structureId, dpo.structureId!));
    // Measured from before the download is asked for: a body built whole would count too.
    gc();
    const baseline = process.memoryUsage().heapUsed;
    const response = await runDownload(transmissionsDownload, {}, dpo);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");

    // The audit entry committed before the first byte, with the number of rows.
    const [entry] = await t.db
      .select({ meta: auditLog.meta })
      .from(auditLog)
      .where(and(eq(auditLog.action, "transmissions.export"), eq(auditLog.actorId, dpo.id)));
    expect(entry?.meta).toMatchObject({ lignes: expected });

    let peak = 0;
    let bytes = 0;
    let records = 0;
    let first = "";
    let chunks = 0;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks += 1;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (chunks === 1) first = text;
      records += text.split("\r\n").length - 1;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      if (chunks === 2 && onPostgres) {
        // Between two pages nothing holds a transaction open on the database.
        const open = await t.db.execute(
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
        );
        expect(Number((open as unknown as { n: number }[])[0]?.n ?? (open as { rows: { n: number }[] }).rows?.[0]?.n)).toBe(0);
      }
    }
    expect(first.startsWith("\uFEFFCréée le;Mission locale;")).toBe(true);
    expect(records).toBe(expected + 1);
    expect(chunks).toBeGreaterThan(ROWS / 1000);
    console.info(`streamed export: ${expected} rows, ${(bytes / 1e6).toFixed(1)} MB, heap peak +${(peak / 1e6).toFixed(1)} MB`);
    expect(peak).toBeLessThan(HEAP_BOUND_BYTES);
  }, 300_000);

  it("keyset pages return every row once, in order, across ties of the same instant", async () => {
    const ids: string[] = [];
    const filters = parseTransmissionParams({});
    let previous: Date | null = null;
    let count = 0;
    for await (const page of transmissionExportPages(dpo, filters, 7)) {
      for (const row of page) {
        if (previous) expect(row.createdAt.getTime()).toBeLessThanOrEqual(previous.getTime());
        previous = row.createdAt;
        if (count < 300) ids.push(row.id);
        count += 1;
      }
      if (count >= 300) break; // stopping early closes the generator: no query stays pending
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(300);
  });

  it("a client that stops reading cancels the stream cleanly; the CSV parses as toCsv writes it", async () => {
    const response = await runDownload(transmissionsDownload, { destinataire: "franceTravail" }, dpo);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    // The header comes first, then one chunk per page of records.
    const header = decoder.decode((await reader.read()).value);
    const page = decoder.decode((await reader.read()).value);
    await reader.cancel();
    expect(header.startsWith("\uFEFF")).toBe(true);
    const head = parseCsv(header + page.split("\r\n").slice(0, 2).join("\r\n"));
    expect(head[0]?.[0]).toBe("Créée le");
    expect(head[1]).toHaveLength(16);
    // The database still answers (nothing left locked by the abandoned download).
    expect(await t.db.$count(transmissions)).toBeGreaterThanOrEqual(ROWS);
  });
});
