import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { useTestDatabase } from "@/test/db";
import { auditLog } from "@/db/schema";

describe("migrations", () => {
  const t = useTestDatabase();

  it("creates the core tables", async () => {
    const rows = await t.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const names = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { table_name: string }[] }).rows).map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(["structures", "antennes", "users", "jeunes", "audit_log", "settings"]));
  });

  it("refuses to update or delete audit entries", async () => {
    await t.db.insert(auditLog).values({ action: "test.append", targetType: "test" });
    await expect(t.db.update(auditLog).set({ action: "tampered" })).rejects.toThrow();
    await expect(t.db.delete(auditLog)).rejects.toThrow();
    const rows = await t.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(["test.append"]);
  });
});
