/**
 * Hostile text through the real write path (runAction → schema → handler): a NUL or a text-direction
 * control comes back as a French error on its field, and nothing reaches the database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { actionsJeune, auditLog, demandesDroits, jeunes } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { createAction } from "@/lib/actions-jeune/writes";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { addDays, addMonths, todayInParis } from "@/lib/calendar/civil-date";
import { recordDeskDemande } from "@/lib/droits/intake-writes";
import { createJeune } from "@/lib/jeunes/writes";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { UNSAFE_CHAR_MESSAGES } from "./fields";

const TODAY = todayInParis(new Date());

describe("hostile text in forms", () => {
  const t = useTestDatabase();
  let camille: SessionUser;
  let leaId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 3 });
    camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    leaId = lea!.id;
  });

  const rows = async (table: typeof jeunes | typeof actionsJeune | typeof demandesDroits | typeof auditLog) =>
    Number((await t.db.select({ n: count() }).from(table))[0]!.n);

  const jeune = (overrides: Record<string, string>) => ({
    nomNaissance: "Haddad",
    prenoms: "Yasmine",
    dateNaissance: addDays(addMonths(TODAY, -12 * 19), -30),
    sexe: "F",
    nationalite: "francaise",
    protectionJuridique: "aucune",
    dispositif: "CEJ",
    antenneId: camille.antenneId!,
    conseillerId: camille.id,
    ...overrides,
  });

  it("createJeune: a NUL in the name and a right-to-left override in the first name are field errors, nothing stored", async () => {
    const [before, auditBefore] = [await rows(jeunes), await rows(auditLog)];
    const result = await runAction(createJeune, jeune({ nomNaissance: "Haddad\u0000", prenoms: "Yasmine\u202e" }), camille);
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { nomNaissance: [UNSAFE_CHAR_MESSAGES.control], prenoms: [UNSAFE_CHAR_MESSAGES.bidi] },
    });
    expect(await rows(jeunes)).toBe(before);
    expect(await rows(auditLog)).toBe(auditBefore);

    const isolate = await runAction(createJeune, jeune({ nomUsage: "\u2066Haddad\u2069" }), camille);
    expect(isolate).toMatchObject({ ok: false, fieldErrors: { nomUsage: [UNSAFE_CHAR_MESSAGES.bidi] } });
    expect(await rows(jeunes)).toBe(before);
  });

  it("createJeune: names in any script are stored as typed", async () => {
    const result = await runAction(createJeune, jeune({ nomNaissance: "Nguyễn", prenoms: "محمد Thị Ánh" }), camille);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await t.db.select().from(jeunes).where(eq(jeunes.id, result.data.id));
    expect(row).toMatchObject({ nomNaissance: "NGUYỄN", prenoms: "محمد Thị Ánh" });
  });

  it("an action's comment with an isolate or a NUL is refused on that field", async () => {
    const before = await rows(actionsJeune);
    const input = { jeuneId: leaId, libelle: "Atelier CV", categorie: "emploi", statut: "a_faire", debut: TODAY };
    for (const [commentaire, message] of [
      ["Rappeler \u2066lundi\u2069", UNSAFE_CHAR_MESSAGES.bidi],
      ["Rappeler\u0000", UNSAFE_CHAR_MESSAGES.control],
    ] as const) {
      const result = await runAction(createAction, { ...input, commentaire }, camille);
      expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { commentaire: [message] } });
    }
    expect(await rows(actionsJeune)).toBe(before);
  });

  it("a rights request whose text holds a right-to-left override is refused on that field", async () => {
    const before = await rows(demandesDroits);
    const result = await runAction(
      recordDeskDemande,
      { jeuneId: leaId, type: "acces", objet: "Copie de mon dossier\u202e", recueLe: TODAY, identiteVerifiee: "on" },
      camille,
    );
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { objet: [UNSAFE_CHAR_MESSAGES.bidi] } });
    expect(await rows(demandesDroits)).toBe(before);
  });
});
