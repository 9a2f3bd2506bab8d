import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLog, invitations, mailMessages, users } from "@/db/schema";
import { isDomainError } from "@/lib/errors/domain-error";
import { useTestDatabase } from "@/test/db";
import { ADMIN_EXISTS, bootstrapFirstAdmin } from "./bootstrap";
import { findInvitation } from "./invitations";

describe("first-admin bootstrap", () => {
  const t = useTestDatabase();
  const origin = "https://sillage.example.org";
  const sent: { to: string; text: string }[] = [];
  const send = async (m: { to: string; text: string }) => {
    sent.push(m);
    return { messageId: "x" };
  };
  const rows = async () => ({
    users: (await t.db.select({ n: count() }).from(users))[0]?.n,
    invitations: (await t.db.select({ n: count() }).from(invitations))[0]?.n,
  });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => (isDomainError(e) ? e.message : String(e)),
    );

  it("refuses a malformed address or name, and writes nothing", async () => {
    expect(await refusal(bootstrapFirstAdmin(t.db, { email: "pas-une-adresse", name: "A" }, { origin, send }))).toMatch(/--email/);
    expect(await refusal(bootstrapFirstAdmin(t.db, {}, { origin, send }))).toMatch(/--name/);
    expect(await rows()).toEqual({ users: 0, invitations: 0 });
  });

  it("creates the first admin on an empty database and gives a working link, sent by e-mail", async () => {
    const result = await bootstrapFirstAdmin(t.db, { email: " Premiere.Admin@Exemple.fr ", name: "Claire  Dupont" }, { origin, send });
    expect(result.link).toMatch(/^https:\/\/sillage\.example\.org\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(result.mailSent).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe("premiere.admin@exemple.fr");
    expect(sent[0]!.text).toContain(result.link);
    const [admin] = await t.db.select().from(users).where(eq(users.id, result.id));
    expect(admin).toMatchObject({ role: "admin", name: "Claire Dupont", structureId: null, active: true, passwordHash: null });
    const token = result.link.split("/").pop()!;
    expect((await findInvitation(t.db, token))?.user.id).toBe(result.id);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, result.id));
    expect(entry).toMatchObject({ action: "compte.invitation", actorId: null });
  });

  it("refuses once an active admin exists, and writes nothing", async () => {
    const before = await rows();
    expect(await refusal(bootstrapFirstAdmin(t.db, { email: "second@exemple.fr", name: "Second Admin" }, { origin, send }))).toBe(
      ADMIN_EXISTS,
    );
    expect(await rows()).toEqual(before);
  });

  it("keeps the account when the e-mail cannot leave: the printed link is enough", async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.role, "admin"));
    const failing = async () => {
      throw new Error("ECONNREFUSED");
    };
    const result = await bootstrapFirstAdmin(t.db, { email: "relais@exemple.fr", name: "Relais Admin" }, { origin, send: failing });
    expect(result.mailSent).toBe(false);
    // The message stays in the outbox: the worker tries it again.
    const [queued] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, "relais@exemple.fr"));
    expect(queued).toMatchObject({ status: "echec_temporaire", attempts: 1, structureId: null, kind: "compte.invitation" });
    expect((await findInvitation(t.db, result.link.split("/").pop()!))?.user.email).toBe("relais@exemple.fr");
  });
});
