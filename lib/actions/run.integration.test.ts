import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { auditLog, settings } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { DomainError } from "@/lib/errors/domain-error";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { runAction, type ActionDefinition } from "./run";

const schema = z.object({ note: z.string().min(3, "Trois caractères au moins.") });

/** Writes a setting row, then does whatever `then` says: the transaction must hold all or nothing. */
function definition(then: "succeed" | "throw" | "domain-error" | "details"): ActionDefinition<typeof schema, { id: string }> {
  return {
    name: "test.write",
    schema,
    capability: "settings.manage",
    dossier: { none: "a test write on settings" },
    async handler({ tx, input }) {
      const [row] = await tx
        .insert(settings)
        .values({ key: `test.${then}`, effectiveFrom: "2030-01-01", value: { note: input.note }, source: "test" })
        .returning({ id: settings.id });
      if (then === "throw") throw new Error("boom after the insert");
      if (then === "domain-error") throw new DomainError("conflict");
      if (then === "details") throw new DomainError("conflict", { details: { kind: "conflict", version: 7, fields: [] } });
      return {
        data: { id: row!.id },
        audit: { action: "test.write", targetType: "setting", targetId: row!.id, after: input, structureId: null },
      };
    },
  };
}

describe("runAction", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
  });

  const counts = async () => {
    const [s] = await t.db.select({ n: count() }).from(settings);
    const [a] = await t.db.select({ n: count() }).from(auditLog);
    return { settings: s!.n, audit: a!.n };
  };

  it("writes the row and its audit entry together, with hashes and no values", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const result = await runAction(definition("succeed"), { note: "secret note" }, admin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, result.data.id));
    expect(entry).toMatchObject({ action: "test.write", actorId: admin.id, actorRole: "admin" });
    expect(entry!.afterHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry)).not.toContain("secret note");
  });

  it("leaves no partial row and no audit entry when the handler throws mid-way", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const before = await counts();
    const result = await runAction(definition("throw"), { note: "valid" }, admin);
    expect(result).toMatchObject({ ok: false, code: "unexpected" });
    expect(await counts()).toEqual(before);
  });

  it("rolls back on a domain error and returns its French message", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const before = await counts();
    const result = await runAction(definition("domain-error"), { note: "valid" }, admin);
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    if (!result.ok) expect(result.message).toMatch(/modifié par quelqu'un d'autre/);
    expect(result).not.toHaveProperty("details");
    expect(await counts()).toEqual(before);
  });

  it("returns a domain error's typed details beside its message, and still writes nothing", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const before = await counts();
    const result = await runAction(definition("details"), { note: "valid" }, admin);
    expect(result).toEqual({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/modifié par quelqu'un d'autre/),
      fieldErrors: {},
      details: { kind: "conflict", version: 7, fields: [] },
    });
    expect(await counts()).toEqual(before);
  });

  it("returns field errors for bad input and writes nothing", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const before = await counts();
    const result = await runAction(definition("succeed"), { note: "x" }, admin);
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { note: ["Trois caractères au moins."] } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a role without the capability, and an anonymous caller, before parsing", async () => {
    const conseiller = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const before = await counts();
    expect(await runAction(definition("succeed"), { note: "valid" }, conseiller)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await runAction(definition("succeed"), { note: "valid" }, null)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await counts()).toEqual(before);
  });
});
