import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { antennes, auditLog, consultations, jeunes } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction, type ActionResult } from "@/lib/actions/run";
import { addDays, addMonths, todayInParis } from "@/lib/calendar/civil-date";
import { decryptNir, nirIndex } from "@/lib/crypto/nir-vault";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ErrorDetails } from "@/lib/errors/details";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { revealNir } from "./nir-reveal-writes";
import { nirKey } from "./rules";
import { fieldHashes, formValuesOfRow, createJeune, updateJeune } from "./writes";

// The handlers read the real clock (age rule, break-glass window): the data is built around it.
const TODAY = todayInParis(new Date());
const yearsAgo = (years: number, days = 0) => addDays(addMonths(TODAY, -12 * years), -days);

/** The typed details of a refusal, of the kind the test expects. */
function detailsOf<K extends ErrorDetails["kind"]>(result: ActionResult<unknown>, kind: K): Extract<ErrorDetails, { kind: K }> {
  if (result.ok || result.details?.kind !== kind) throw new Error(`expected ${kind} details, got ${result.ok ? "success" : result.code}`);
  return result.details as Extract<ErrorDetails, { kind: K }>;
}

function nirFor(sex: "F" | "M", birthDate: string, commune = "69123", order = "456"): string {
  const first13 = `${sex === "F" ? 2 : 1}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${commune}${order}`;
  return first13 + nirKey(first13);
}

describe("création et modification d'un dossier jeune", () => {
  const t = useTestDatabase();
  let camille: SessionUser; // conseillère, Lyon 8e
  let julien: SessionUser; // conseiller, Lyon Villeurbanne
  let nadia: SessionUser; // directrice, Lyon
  let ines: SessionUser; // conseillère, Marseille
  let dpo: SessionUser;
  let lyonAntenne: string;
  let marseilleAntenne: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 4 });
    camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    julien = await sessionUserFor(t.db, "conseiller.lyon@sillage.demo");
    nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    ines = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    lyonAntenne = camille.antenneId!;
    marseilleAntenne = ines.antenneId!;
  });

  const countJeunes = async () => (await t.db.select({ n: count() }).from(jeunes))[0]!.n;
  const load = async (id: string) => (await t.db.select().from(jeunes).where(eq(jeunes.id, id)))[0]!;

  function input(overrides: Record<string, string> = {}) {
    return {
      nomNaissance: "Nouvelle",
      prenoms: "Inès",
      dateNaissance: yearsAgo(19, 30),
      sexe: "F",
      nationalite: "francaise",
      telephone: "06 01 02 03 04",
      email: "ines.nouvelle@exemple.fr",
      codePostal: "69008",
      commune: "Lyon",
      protectionJuridique: "aucune",
      dispositif: "CEJ",
      antenneId: lyonAntenne,
      conseillerId: camille.id,
      sante: "Suivi médical régulier",
      ...overrides,
    };
  }

  /** What the edit form posts for an unchanged dossier, plus the changes. */
  async function editForm(id: string, changes: Record<string, string> = {}) {
    const row = await load(id);
    return { ...formValuesOfRow(row), id, version: String(row.version), etatInitial: fieldHashes(row), ...changes };
  }

  async function create(user: SessionUser, overrides: Record<string, string> = {}) {
    const result = await runAction(
      createJeune,
      input({ conseillerId: user.id, antenneId: user.antenneId ?? lyonAntenne, ...overrides }),
      user,
    );
    if (!result.ok) throw new Error(`creation failed: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
    return result.data.id;
  }

  it("creates the dossier, stores the NIR encrypted with its keyed hash, audits field names only", async () => {
    const birth = yearsAgo(19, 30);
    const nir = nirFor("F", birth);
    const result = await runAction(
      createJeune,
      input({ dateNaissance: birth, nir: nir.replace(/(\d{3})/g, "$1 "), nomUsage: "Martin-Lœuvre" }),
      camille,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const row = await load(result.data.id);
    expect(row).toMatchObject({
      structureId: camille.structureId,
      nomNaissance: "NOUVELLE",
      nomUsage: "MARTIN-LŒUVRE",
      prenoms: "Inès",
      dateNaissance: birth,
      conseillerId: camille.id,
      antenneId: lyonAntenne,
      version: 1,
      searchText: "martin loeuvre nouvelle ines",
      nirHmac: nirIndex(nir),
    });
    expect(row.nirEncrypted).not.toContain(nir);
    expect(decryptNir(row.nirEncrypted!)).toBe(nir);

    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.create"), eq(auditLog.targetId, row.id)));
    expect(audit).toMatchObject({ jeuneId: row.id, structureId: camille.structureId, actorId: camille.id });
    expect(audit!.fields).toEqual(expect.arrayContaining(["nomNaissance", "prenoms", "dateNaissance", "nir", "sante", "telephone"]));
    expect(audit!.fields).not.toContain("commentaire");
    expect(audit!.afterHash).toMatch(/^[0-9a-f]{64}$/);
    const json = JSON.stringify(audit).toLowerCase();
    for (const secret of ["nouvelle", "inès", "ines", nir, nir.slice(0, 13), "suivi médical", "06 01 02 03 04"])
      expect(json).not.toContain(secret);
  });

  it("refuses a second dossier with the same name and birth date in the structure, shows it, writes nothing", async () => {
    const birth = yearsAgo(20, 3);
    const firstId = await create(camille, { nomNaissance: "Doublon", prenoms: "Léa", dateNaissance: birth });
    const before = await countJeunes();

    // Same person typed differently: case, accents, spaces.
    const result = await runAction(
      createJeune,
      input({ nomNaissance: " doublon ", prenoms: "LEA", dateNaissance: birth, conseillerId: julien.id, antenneId: julien.antenneId! }),
      julien,
    );
    expect(result).toMatchObject({ ok: false, code: "duplicate" });
    if (result.ok) return;
    expect(result.message).toMatch(/même nom et de même date de naissance/);
    expect(result.details).toEqual({
      kind: "duplicate",
      scope: "structure",
      by: "identite",
      candidate: { id: firstId, nom: "DOUBLON Léa", dateNaissance: birth, conseiller: "Camille Martin", archive: false },
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(result.fieldErrors).toEqual({});
    expect(await countJeunes()).toBe(before);

    // A made-up confirmation is not one.
    const forged = await runAction(
      createJeune,
      input({ nomNaissance: "Doublon", prenoms: "Léa", dateNaissance: birth, confirmerDoublon: "0".repeat(64) }),
      camille,
    );
    expect(forged).toMatchObject({ ok: false, code: "duplicate" });
    expect(await countJeunes()).toBe(before);
  });

  it("creates the homonym once the user confirms that exact warning", async () => {
    const birth = yearsAgo(21, 8);
    await create(camille, { nomNaissance: "Homonyme", prenoms: "Adam", sexe: "M", dateNaissance: birth });
    const typed = input({ nomNaissance: "Homonyme", prenoms: "Adam", sexe: "M", dateNaissance: birth, telephone: "07 00 00 00 01" });
    const warned = await runAction(createJeune, typed, camille);
    if (warned.ok) throw new Error("expected a duplicate warning");
    const token = detailsOf(warned, "duplicate").token!;

    // Another user cannot reuse it.
    expect(await runAction(createJeune, { ...typed, conseillerId: julien.id, confirmerDoublon: token }, julien)).toMatchObject({
      ok: false,
      code: "duplicate",
    });

    const confirmed = await runAction(createJeune, { ...typed, confirmerDoublon: token }, camille);
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, confirmed.data.id));
    expect(audit!.meta).toMatchObject({ doublonConfirme: true });
  });

  it("never creates a second dossier with a NIR already used in the structure, even when forced", async () => {
    const birth = yearsAgo(18, 50);
    const nir = nirFor("M", birth, "69381", "001");
    const firstId = await create(camille, { nomNaissance: "Porteur", prenoms: "Hugo", sexe: "M", dateNaissance: birth, nir });
    const before = await countJeunes();

    // Different name (a typo, a usage name): the NIR alone identifies the person.
    const attempt = input({ nomNaissance: "Autre", prenoms: "Victor", sexe: "M", dateNaissance: birth, nir });
    const refused = await runAction(createJeune, attempt, nadia);
    expect(refused).toMatchObject({ ok: false, code: "duplicate" });
    if (refused.ok) return;
    expect(Object.keys(refused.fieldErrors)).toEqual(["nir"]);
    expect(refused.fieldErrors.nir?.[0]).toMatch(/déjà enregistré dans un autre dossier/);
    expect(refused.details).toMatchObject({ kind: "duplicate", scope: "structure", by: "nir", token: null, candidate: { id: firstId } });
    expect(JSON.stringify(refused)).not.toContain(nir.slice(0, 13));

    for (const confirmerDoublon of ["1", "on", "0".repeat(64)]) {
      expect(await runAction(createJeune, { ...attempt, confirmerDoublon }, nadia)).toMatchObject({ ok: false, code: "duplicate" });
    }
    expect(await countJeunes()).toBe(before);
  });

  it("says only « another mission locale » for a duplicate elsewhere, and creates after confirmation", async () => {
    const birth = yearsAgo(22, 12);
    const nir = nirFor("F", birth, "13055", "777");
    const lyonId = await create(camille, { nomNaissance: "Voyageuse", prenoms: "Zoé", dateNaissance: birth, nir });
    const before = await countJeunes();

    const typed = input({
      nomNaissance: "Voyageuse",
      prenoms: "Zoé",
      dateNaissance: birth,
      nir,
      antenneId: marseilleAntenne,
      conseillerId: ines.id,
    });
    const result = await runAction(createJeune, typed, ines);
    expect(result).toMatchObject({
      ok: false,
      code: "duplicate",
      message: "Un dossier existe déjà dans une autre mission locale. Rien n'a été créé.",
    });
    if (result.ok) return;
    const feedback = detailsOf(result, "duplicate");
    expect(feedback).toEqual({
      kind: "duplicate",
      scope: "ailleurs",
      by: "nir",
      candidate: null,
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(result.fieldErrors).toEqual({});
    const body = JSON.stringify(result);
    for (const leak of [lyonId, "Camille", "Lyon", "VOYAGEUSE"]) expect(body).not.toContain(leak);
    expect(await countJeunes()).toBe(before);

    const confirmed = await runAction(createJeune, { ...typed, confirmerDoublon: feedback.token! }, ines);
    expect(confirmed.ok).toBe(true);
  });

  it("refuses a deactivated antenne to a new dossier; a dossier that has it keeps it through an edit", async () => {
    const id = await create(camille, { nomNaissance: "Antennedesactivee", email: "antenne.desactivee@exemple.fr" });
    await t.db.update(antennes).set({ active: false }).where(eq(antennes.id, lyonAntenne));
    try {
      const refused = await runAction(createJeune, input({ nomNaissance: "Autre", email: "autre.antenne@exemple.fr" }), camille);
      expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
      if (!refused.ok) expect(refused.fieldErrors.antenneId?.[0]).toMatch(/antenne de votre mission locale/);
      const edited = await runAction(updateJeune, await editForm(id, { commune: "Villeurbanne", codePostal: "69100" }), camille);
      expect(edited.ok).toBe(true);
      expect((await load(id)).antenneId).toBe(lyonAntenne);
    } finally {
      await t.db.update(antennes).set({ active: true }).where(eq(antennes.id, lyonAntenne));
    }
  });

  it("refuses an antenne or a conseiller of another structure (forged ids), writing nothing", async () => {
    const before = await countJeunes();
    const badAntenne = await runAction(createJeune, input({ nomNaissance: "Forge", antenneId: marseilleAntenne }), camille);
    expect(badAntenne).toMatchObject({ ok: false, code: "invalid_input" });
    if (!badAntenne.ok) expect(badAntenne.fieldErrors.antenneId?.[0]).toMatch(/antenne de votre mission locale/);

    const badConseiller = await runAction(createJeune, input({ nomNaissance: "Forge", conseillerId: ines.id }), camille);
    expect(badConseiller).toMatchObject({ ok: false, code: "invalid_input" });
    if (!badConseiller.ok) expect(badConseiller.fieldErrors.conseillerId?.[0]).toMatch(/de votre mission locale/);

    // A DPO of the structure is not a counsellor either.
    expect(await runAction(createJeune, input({ nomNaissance: "Forge", conseillerId: dpo.id }), camille)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await countJeunes()).toBe(before);

    const id = await create(camille, { nomNaissance: "Cible", prenoms: "Noah", sexe: "M" });
    const forgedUpdate = await runAction(
      updateJeune,
      await editForm(id, { antenneId: marseilleAntenne, telephone: "07 99 99 99 99" }),
      camille,
    );
    expect(forgedUpdate).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await load(id)).antenneId).toBe(lyonAntenne);
    expect((await load(id)).version).toBe(1);
  });

  it("is refused to roles without jeunes.write", async () => {
    for (const user of [dpo, await sessionUserFor(t.db, "admin@sillage.demo"), await sessionUserFor(t.db, "lea.dupont@exemple.fr")]) {
      expect(await runAction(createJeune, input(), user), user.email).toMatchObject({ ok: false, code: "forbidden" });
    }
  });

  it("updates the dossier, bumps the version, keeps search text in step, audits the changed field names", async () => {
    const id = await create(camille, { nomNaissance: "Modifiable", prenoms: "Jade" });
    const result = await runAction(updateJeune, await editForm(id, { nomUsage: "Usage", telephone: "0711223344", rqth: "on" }), camille);
    expect(result).toMatchObject({ ok: true, data: { id } });
    const row = await load(id);
    expect(row).toMatchObject({
      nomUsage: "USAGE",
      telephone: "07 11 22 33 44",
      rqth: true,
      version: 2,
      searchText: "usage modifiable jade",
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.update"), eq(auditLog.targetId, id)));
    expect(audit).toMatchObject({ jeuneId: id, structureId: camille.structureId, fields: ["nomUsage", "rqth", "telephone"] });
    expect(audit!.beforeHash).not.toBe(audit!.afterHash);
    expect(JSON.stringify(audit)).not.toContain("07 11 22 33 44");

    // Saving an unchanged form writes nothing.
    expect((await runAction(updateJeune, await editForm(id), camille)).ok).toBe(true);
    expect((await load(id)).version).toBe(2);
  });

  it("refuses a stale version with the list of fields changed meanwhile, overwrites nothing, then merges on confirmation", async () => {
    const id = await create(camille, { nomNaissance: "Concurrence", prenoms: "Lou", telephone: "06 00 00 00 01", email: "lou@exemple.fr" });
    const camilleForm = await editForm(id); // Camille opens the form (version 1)

    // Meanwhile the director saves a new phone number and a health note.
    const nadiaSave = await runAction(updateJeune, await editForm(id, { telephone: "06 00 00 00 02", sante: "Nouveau suivi" }), nadia);
    expect(nadiaSave.ok).toBe(true);

    // Camille saves her change of e-mail from the old version.
    const stale = await runAction(updateJeune, { ...camilleForm, email: "lou.concurrence@exemple.fr" }, camille);
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    if (stale.ok) return;
    expect(stale.message).toMatch(/Rien n'a été écrasé/);
    expect(stale.fieldErrors).toEqual({});
    const conflict = detailsOf(stale, "conflict");
    expect(conflict).toEqual({
      kind: "conflict",
      version: 2,
      fields: [
        { name: "telephone", current: "06 00 00 00 02", youChanged: false },
        { name: "sante", current: null, youChanged: false },
      ],
    });
    expect(JSON.stringify(stale)).not.toContain("Nouveau suivi");
    expect(await load(id)).toMatchObject({ version: 2, email: "lou@exemple.fr", telephone: "06 00 00 00 02", sante: "Nouveau suivi" });

    // She has seen the list and confirms: her e-mail is saved, the director's changes stay.
    const confirmed = await runAction(
      updateJeune,
      { ...camilleForm, email: "lou.concurrence@exemple.fr", versionVue: String(conflict.version) },
      camille,
    );
    expect(confirmed.ok).toBe(true);
    expect(await load(id)).toMatchObject({
      version: 3,
      email: "lou.concurrence@exemple.fr",
      telephone: "06 00 00 00 02",
      sante: "Nouveau suivi",
    });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.update"), eq(auditLog.targetId, id)));
    expect(audits.map((a) => a.fields)).toEqual([["sante", "telephone"], ["email"]]);
  });

  it("answers not found for a dossier of another structure, whatever the role", async () => {
    const marseilleId = await create(ines, { nomNaissance: "Marseillaise", prenoms: "Emma", antenneId: marseilleAntenne });
    const form = await editForm(marseilleId, { telephone: "07 12 12 12 12", antenneId: lyonAntenne, conseillerId: camille.id });
    for (const user of [camille, nadia]) {
      expect(await runAction(updateJeune, form, user), user.email).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await load(marseilleId)).toMatchObject({ version: 1, telephone: "06 01 02 03 04", structureId: ines.structureId });
  });

  it("does not let a Marseille counsellor update a Lyon dossier", async () => {
    const lyonId = await create(camille, { nomNaissance: "Lyonnaise", prenoms: "Chloé" });
    const result = await runAction(
      updateJeune,
      await editForm(lyonId, { antenneId: marseilleAntenne, conseillerId: ines.id, email: "x@exemple.fr" }),
      ines,
    );
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await load(lyonId)).toMatchObject({ version: 1, conseillerId: camille.id });
  });

  it("lets a counsellor update a dossier outside their portfolio only after giving a reason", async () => {
    const id = await create(camille, { nomNaissance: "Portefeuille", prenoms: "Rayan", sexe: "M" });
    const form = await editForm(id, { telephone: "07 55 55 55 55" });
    const refused = await runAction(updateJeune, form, julien);
    expect(refused).toMatchObject({ ok: false, code: "reason_required" });
    if (!refused.ok) expect(refused.message).toMatch(/indiquez pourquoi vous le consultez/);
    expect((await load(id)).version).toBe(1);

    await t.db.insert(consultations).values({
      jeuneId: id,
      structureId: julien.structureId!,
      userId: julien.id,
      userRole: "conseiller",
      onglet: "identite",
      horsPortefeuille: true,
      motif: "remplacement",
    });
    expect((await runAction(updateJeune, form, julien)).ok).toBe(true);
    expect((await load(id)).telephone).toBe("07 55 55 55 55");
  });

  it("keeps, replaces or deletes the NIR as asked, and checks a stored NIR against a corrected identity", async () => {
    const birth = yearsAgo(17, 20);
    const nir = nirFor("M", birth, "69266", "010");
    const id = await create(camille, { nomNaissance: "Numero", prenoms: "Enzo", sexe: "M", dateNaissance: birth, nir });

    // Left empty: kept.
    expect((await runAction(updateJeune, await editForm(id, { commune: "Villeurbanne" }), camille)).ok).toBe(true);
    expect((await load(id)).nirHmac).toBe(nirIndex(nir));

    // Sex corrected without retyping: the stored NIR no longer matches.
    const mismatch = await runAction(updateJeune, await editForm(id, { sexe: "F" }), camille);
    expect(mismatch).toMatchObject({ ok: false, code: "invalid_input" });
    if (!mismatch.ok) {
      expect(mismatch.fieldErrors.nir?.[0]).toMatch(/enregistré ne correspond pas au sexe indiqué/);
      expect(JSON.stringify(mismatch)).not.toContain(nir.slice(0, 5));
    }

    // Retyped: replaced.
    const other = nirFor("M", birth, "69266", "011");
    expect((await runAction(updateJeune, await editForm(id, { nir: other }), camille)).ok).toBe(true);
    let row = await load(id);
    expect(row.nirHmac).toBe(nirIndex(other));
    expect(decryptNir(row.nirEncrypted!)).toBe(other);

    // Deleted.
    expect((await runAction(updateJeune, await editForm(id, { supprimerNir: "on" }), camille)).ok).toBe(true);
    row = await load(id);
    expect(row).toMatchObject({ nirHmac: null, nirEncrypted: null });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.update"), eq(auditLog.targetId, id)));
    expect(audits.map((a) => a.fields)).toEqual([["commune"], ["nir"], ["nir"]]);
  });

  it("checks duplicates when the identity changes on update", async () => {
    const birth = yearsAgo(23, 5);
    await create(camille, { nomNaissance: "Existant", prenoms: "Théo", sexe: "M", dateNaissance: birth });
    const id = await create(camille, { nomNaissance: "Different", prenoms: "Théo", sexe: "M", dateNaissance: birth });
    const result = await runAction(updateJeune, await editForm(id, { nomNaissance: "Existant" }), camille);
    expect(result).toMatchObject({ ok: false, code: "duplicate" });
    expect((await load(id)).nomNaissance).toBe("DIFFERENT");
  });

  it("reveals the NIR only to an allowed caller, recording a consultation and an audit entry without the number", async () => {
    const birth = yearsAgo(20, 70);
    const nir = nirFor("F", birth, "69123", "321");
    const id = await create(camille, { nomNaissance: "Secret", prenoms: "Manon", dateNaissance: birth, nir });
    const consultationsOf = async (userId: string) =>
      t.db
        .select()
        .from(consultations)
        .where(and(eq(consultations.jeuneId, id), eq(consultations.userId, userId)));

    const shown = await runAction(revealNir, { jeuneId: id }, camille);
    expect(shown).toEqual({
      ok: true,
      data: { nir: nir.replace(/^(\d)(\d{2})(\d{2})(\d{2})(\d{3})(\d{3})(\d{2})$/, "$1 $2 $3 $4 $5 $6 $7") },
    });
    expect(await consultationsOf(camille.id)).toMatchObject([{ onglet: "nir", horsPortefeuille: false, structureId: camille.structureId }]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.nir_reveal"), eq(auditLog.jeuneId, id)));
    expect(audit).toMatchObject({ actorId: camille.id, fields: ["nir"], structureId: camille.structureId });
    expect(JSON.stringify(audit)).not.toContain(nir.slice(5, 13));

    // Outside the portfolio without a reason, another structure, or a DPO without reason: nothing.
    expect(await runAction(revealNir, { jeuneId: id }, julien)).toMatchObject({ ok: false, code: "reason_required" });
    expect(await runAction(revealNir, { jeuneId: id }, dpo)).toMatchObject({ ok: false, code: "reason_required" });
    expect(await runAction(revealNir, { jeuneId: id }, ines)).toMatchObject({ ok: false, code: "not_found" });
    expect(await consultationsOf(julien.id)).toEqual([]);
    expect(await consultationsOf(ines.id)).toEqual([]);

    // With a reason given, the substitute may see it; the consultation says "hors portefeuille".
    await t.db.insert(consultations).values({
      jeuneId: id,
      structureId: julien.structureId!,
      userId: julien.id,
      userRole: "conseiller",
      onglet: "identite",
      horsPortefeuille: true,
      motif: "rendez_vous",
    });
    expect((await runAction(revealNir, { jeuneId: id }, julien)).ok).toBe(true);
    expect((await consultationsOf(julien.id)).filter((c) => c.onglet === "nir")).toMatchObject([{ horsPortefeuille: true }]);

    // No NIR on file: said plainly, nothing recorded.
    const withoutNir = await create(camille, { nomNaissance: "Sansnir", prenoms: "Sarah" });
    expect(await runAction(revealNir, { jeuneId: withoutNir }, camille)).toMatchObject({
      ok: false,
      code: "not_found",
      message: "Aucun numéro de sécurité sociale n'est enregistré dans ce dossier.",
    });
  });

  it("lets only one of several simultaneous creations of the same person through", async () => {
    const birth = yearsAgo(24, 1);
    const typed = input({ nomNaissance: "Simultane", prenoms: "Kylian", sexe: "M", dateNaissance: birth });
    const attempts = [camille, julien, nadia, camille, julien, nadia].map((user) =>
      runAction(createJeune, { ...typed, conseillerId: user.role === "conseiller" ? user.id : camille.id }, user),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(5).fill("duplicate"));
    const same = await t.db
      .select({ id: jeunes.id })
      .from(jeunes)
      .where(and(eq(jeunes.dateNaissance, birth), eq(jeunes.nomNaissance, "SIMULTANE")));
    expect(same).toHaveLength(1);
  });
});
