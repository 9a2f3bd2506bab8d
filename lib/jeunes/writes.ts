import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { antennes, jeunes, users, type Jeune } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { changedFields } from "@/lib/audit/write";
import { assertSameStructure, structureScope, type SessionUser } from "@/lib/auth/session-user";
import { recordHash } from "@/lib/crypto/keys";
import { decryptNir, encryptNir, nirIndex } from "@/lib/crypto/nir-vault";
import { DomainError } from "@/lib/errors/domain-error";
import { displayName } from "./labels";
import { findDuplicates, identityKey, lockIdentity, searchTextFor, type DuplicateIdentity } from "./duplicates";
import { validateNir } from "./rules";
import {
  BOOLEAN_FIELDS,
  EDITABLE_FIELDS,
  SENSITIVE_FIELDS,
  createJeuneSchema,
  updateJeuneSchema,
  type CreateJeuneInput,
  type EditableField,
} from "./schema";
import { structureConditions } from "@/lib/dossier/scope";
import { ALERT_STATE, alertStateOf } from "./alert-state";

// ---------------------------------------------------------------------------------------------
// The dossier's editable values, one shape for the row, the input, the diff and the audit hashes
// ---------------------------------------------------------------------------------------------

/** Editable fields as stored; `nir` holds the keyed hash (nir_hmac), never the number. */
export type JeuneData = Pick<Jeune, Exclude<EditableField, "nir">> & { nir: string | null };

type FieldValue = JeuneData[EditableField];

/** What the form's values and hashes are read from: the editable columns, the NIR's keyed hash and the id. */
export type JeuneFormRow = Pick<Jeune, "id" | "nirHmac" | Exclude<EditableField, "nir">>;

function dataOfRow(row: JeuneFormRow): JeuneData {
  const data = {} as Record<EditableField, FieldValue>;
  for (const field of EDITABLE_FIELDS) data[field] = field === "nir" ? row.nirHmac : row[field];
  return data as JeuneData;
}

function dataOfInput(input: CreateJeuneInput, nirHmac: string | null): JeuneData {
  const data = {} as Record<EditableField, FieldValue>;
  for (const field of EDITABLE_FIELDS) data[field] = field === "nir" ? nirHmac : input[field];
  return data as JeuneData;
}

/** What the form shows for a stored value ("on" for a ticked box). */
function formString(field: EditableField, value: FieldValue): string {
  if (BOOLEAN_FIELDS.has(field)) return value === true ? "on" : "";
  return typeof value === "string" ? value : "";
}

/** The values the edit form starts from; the NIR and nothing else is left out. */
export function formValuesOfRow(row: JeuneFormRow): Record<string, string> {
  const data = dataOfRow(row);
  return Object.fromEntries(EDITABLE_FIELDS.filter((f) => f !== "nir").map((f) => [f, formString(f, data[f])]));
}

/** Keyed hash of one field of one dossier: lets the form say what it started from without carrying values. */
function fieldHash(jeuneId: string, field: EditableField, value: FieldValue): string {
  return recordHash({ jeuneId, field, value: value ?? null }).slice(0, 32);
}

/** The edit form's "etatInitial": a keyed hash per field (JSON), safe to put in a hidden input. */
export function fieldHashes(row: JeuneFormRow): string {
  const data = dataOfRow(row);
  return JSON.stringify(Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, fieldHash(row.id, f, data[f])])));
}

function parseFieldHashes(raw: string | undefined): Partial<Record<EditableField, string>> | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    const out: Partial<Record<EditableField, string>> = {};
    for (const field of EDITABLE_FIELDS) {
      const v = (parsed as Record<string, unknown>)[field];
      if (typeof v === "string") out[field] = v;
    }
    return out;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks shared by creation and modification
// ---------------------------------------------------------------------------------------------

/**
 * Antenne and conseiller come from the browser: both must belong to the dossier's structure (a forged
 * id from another structure is refused on its field, before anything is written). A counsellor who
 * left, or a deactivated antenne, stays acceptable on a dossier that already had them, so an unrelated
 * edit is not blocked.
 */
async function assertAssignment(
  tx: Tx,
  structureId: string,
  input: { antenneId: string | null; conseillerId: string | null },
  current: { conseillerId: string | null; antenneId: string | null },
) {
  const fieldErrors: Record<string, string[]> = {};
  const [antenne] = input.antenneId
    ? await tx
        .select({ id: antennes.id, active: antennes.active })
        .from(antennes)
        .where(and(eq(antennes.id, input.antenneId), eq(antennes.structureId, structureId)))
    : [];
  if (!antenne || (!antenne.active && antenne.id !== current.antenneId))
    fieldErrors.antenneId = ["Choisissez une antenne de votre mission locale dans la liste."];
  const [conseiller] = input.conseillerId
    ? await tx
        .select({ id: users.id, active: users.active })
        .from(users)
        .where(and(eq(users.id, input.conseillerId), eq(users.structureId, structureId), eq(users.role, "conseiller")))
    : [];
  if (!conseiller || (!conseiller.active && conseiller.id !== current.conseillerId)) {
    fieldErrors.conseillerId = ["Choisissez un conseiller ou une conseillère de votre mission locale dans la liste."];
  }
  if (Object.keys(fieldErrors).length > 0) throw new DomainError("invalid_input", { fieldErrors });
}

/**
 * Refuses to create a second dossier for the same person. Same NIR in the structure: never allowed.
 * Same name and birth date in the structure (homonyms exist), or any match in another structure
 * (a young person who moved): allowed only when the user confirms this very warning, proven by a
 * keyed token over what was checked. Returns whether the user confirmed one.
 */
async function guardDuplicates(
  tx: Tx,
  user: SessionUser,
  structureId: string,
  identity: DuplicateIdentity,
  options: { excludeId?: string; confirmation?: string; creating: boolean },
): Promise<boolean> {
  await lockIdentity(tx, identity);
  const found = await findDuplicates(tx, structureId, identity, { excludeId: options.excludeId });
  const [first] = found.inStructure;
  const elsewhere = found.elsewhere.byNir || found.elsewhere.byIdentite;
  if (!first && !elsewhere) return false;

  const candidate = first
    ? {
        id: first.id,
        nom: displayName(first),
        dateNaissance: first.dateNaissance,
        conseiller: first.conseiller,
        archive: first.archive,
      }
    : null;
  const verb = options.creating ? "Rien n'a été créé." : "Rien n'a été enregistré.";

  if (first?.byNir) {
    throw new DomainError("duplicate", {
      message: `Un dossier avec ce numéro de sécurité sociale existe déjà dans votre mission locale. ${verb}`,
      fieldErrors: {
        nir: [
          "Ce numéro de sécurité sociale est déjà enregistré dans un autre dossier de votre mission locale : ouvrez ce dossier plutôt que d'en créer un second.",
        ],
      },
      details: { kind: "duplicate", scope: "structure", by: "nir", candidate, token: null },
    });
  }

  const token = recordHash({
    purpose: "jeune-doublon",
    userId: user.id,
    excludeId: options.excludeId ?? null,
    key: identityKey(identity.nomNaissance, identity.prenoms),
    dateNaissance: identity.dateNaissance,
    nirHmac: identity.nirHmac,
    inStructure: found.inStructure.map((c) => c.id).sort(),
    elsewhere: found.elsewhere,
  });
  if (options.confirmation === token) return true;

  throw new DomainError("duplicate", {
    message: first
      ? `Un dossier existe déjà dans votre mission locale pour une personne de même nom et de même date de naissance. ${verb}`
      : `Un dossier existe déjà dans une autre mission locale. ${verb}`,
    details: first
      ? { kind: "duplicate", scope: "structure", by: "identite", candidate, token }
      : { kind: "duplicate", scope: "ailleurs", by: found.elsewhere.byNir ? "nir" : "identite", candidate: null, token },
  });
}

// ---------------------------------------------------------------------------------------------
// Création
// ---------------------------------------------------------------------------------------------

/** Create form: a new dossier in the caller's structure, after the duplicate check. */
export const createJeune: ActionDefinition<typeof createJeuneSchema, { id: string }> = {
  name: "jeune.create",
  schema: createJeuneSchema,
  capability: "jeunes.write",
  dossier: { none: "creates the file: the new young person is in the creator's structure (and portfolio, for a counsellor)" },
  refreshes: [alertStateOf((_input, data) => [data.id])],
  async handler({ tx, user, input }) {
    const structureId = structureScope(user);
    if (!structureId) throw new DomainError("forbidden");
    await assertAssignment(tx, structureId, input, { conseillerId: null, antenneId: null });

    const nirHmac = input.nir ? nirIndex(input.nir) : null;
    const confirmed = await guardDuplicates(
      tx,
      user,
      structureId,
      { nomNaissance: input.nomNaissance, prenoms: input.prenoms, dateNaissance: input.dateNaissance, nirHmac },
      { confirmation: input.confirmerDoublon, creating: true },
    );

    const data = dataOfInput(input, nirHmac);
    const { nir: _hmac, ...columns } = data;
    const [row] = await tx
      .insert(jeunes)
      .values({
        ...columns,
        structureId,
        nirEncrypted: input.nir ? encryptNir(input.nir) : null,
        nirHmac,
        searchText: searchTextFor(data),
      })
      .returning({ id: jeunes.id });
    if (!row) throw new DomainError("unexpected");

    return {
      data: { id: row.id },
      audit: {
        action: "jeune.create",
        targetType: "jeune",
        targetId: row.id,
        jeuneId: row.id,
        structureId,
        fields: changedFields(EMPTY_DATA, data),
        after: data,
        meta: { doublonConfirme: confirmed },
      },
    };
  },
  revalidate: () => ["/portefeuille"],
};

const EMPTY_DATA: Record<string, unknown> = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, BOOLEAN_FIELDS.has(f) ? false : null]));

// ---------------------------------------------------------------------------------------------
// Modification
// ---------------------------------------------------------------------------------------------

async function loadForUpdate(db: DbOrTx, user: SessionUser, id: string): Promise<Jeune | undefined> {
  const [row] = await db
    .select()
    .from(jeunes)
    .where(and(eq(jeunes.id, id), ...structureConditions(user)));
  return row;
}

/**
 * Someone saved the dossier after this form was loaded: nothing is written. The answer lists the fields
 * that changed since (against the keyed hashes the form started from), with the value now saved except
 * for the NIR, health and justice fields (just "modifié"), and the version to confirm against.
 */
function conflictError(current: Jeune, submitted: JeuneData, initial: Partial<Record<EditableField, string>> | null): DomainError {
  const now = dataOfRow(current);
  const youChanged = (f: EditableField) => !initial?.[f] || fieldHash(current.id, f, submitted[f]) !== initial[f];
  const changed = EDITABLE_FIELDS.filter((f) =>
    initial?.[f] ? fieldHash(current.id, f, now[f]) !== initial[f] : JSON.stringify(now[f]) !== JSON.stringify(submitted[f]),
  );
  return new DomainError("conflict", {
    details: {
      kind: "conflict",
      version: current.version,
      fields: changed.map((name) => ({
        name,
        current: SENSITIVE_FIELDS.has(name) ? null : formString(name, now[name]),
        youChanged: youChanged(name),
      })),
    },
  });
}

/** A stored NIR must stay consistent with a corrected sex or birth date (messages carry no digit of it). */
function assertStoredNirMatches(row: Jeune, after: JeuneData) {
  if (!row.nirEncrypted || after.nir !== row.nirHmac) return;
  if (after.sexe === row.sexe && after.dateNaissance === row.dateNaissance) return;
  const check = validateNir(decryptNir(row.nirEncrypted), { sex: after.sexe, birthDate: after.dateNaissance });
  if (check.ok) return;
  const what = check.code === "sex" ? "au sexe indiqué" : "à la date de naissance indiquée";
  throw new DomainError("invalid_input", {
    fieldErrors: {
      nir: [
        `Le numéro de sécurité sociale enregistré ne correspond pas ${what}. Corrigez la saisie, ou ressaisissez le numéro s'il était faux.`,
      ],
    },
  });
}

export const updateJeune: ActionDefinition<typeof updateJeuneSchema, { id: string }> = {
  name: "jeune.update",
  schema: updateJeuneSchema,
  capability: "jeunes.write",
  // Same rule as reading: outside one's portfolio, only after giving a reason (the gate, before this).
  dossier: { jeuneIds: (input) => [input.id], states: ["archive"] },
  refreshes: [ALERT_STATE],
  async handler({ tx, user, input }) {
    const row = await loadForUpdate(tx, user, input.id);
    assertSameStructure(user, row?.structureId);
    if (!row) throw new DomainError("not_found");

    const before = dataOfRow(row);
    const typedHmac = input.nir ? nirIndex(input.nir) : null;
    const submittedHmac = input.nir ? typedHmac : input.supprimerNir ? null : before.nir;
    const submitted = dataOfInput(input, submittedHmac);
    const initial = parseFieldHashes(input.etatInitial);

    const expectedVersion = input.versionVue ?? input.version;
    if (row.version !== expectedVersion) throw conflictError(row, submitted, initial);

    // Only the fields the user changed are written: confirming over someone else's save keeps what
    // they changed in fields this user left alone.
    const after: JeuneData = { ...before };
    for (const f of EDITABLE_FIELDS) {
      if (!initial?.[f] || fieldHash(row.id, f, submitted[f]) !== initial[f])
        (after as Record<EditableField, FieldValue>)[f] = submitted[f];
    }
    const fields = changedFields(before, after);
    if (fields.length === 0) return { data: { id: row.id }, audit: [] };

    await assertAssignment(tx, row.structureId, after, { conseillerId: row.conseillerId, antenneId: row.antenneId });
    assertStoredNirMatches(row, after);

    let confirmed = false;
    const identityChanged =
      identityKey(after.nomNaissance, after.prenoms) !== identityKey(before.nomNaissance, before.prenoms) ||
      after.dateNaissance !== before.dateNaissance ||
      (after.nir !== null && after.nir !== before.nir);
    if (identityChanged) {
      confirmed = await guardDuplicates(
        tx,
        user,
        row.structureId,
        { nomNaissance: after.nomNaissance, prenoms: after.prenoms, dateNaissance: after.dateNaissance, nirHmac: after.nir },
        { excludeId: row.id, confirmation: input.confirmerDoublon, creating: false },
      );
    }

    const { nir: nirHmac, ...columns } = after;
    const nirColumns = nirHmac === before.nir ? {} : { nirHmac, nirEncrypted: nirHmac && input.nir ? encryptNir(input.nir) : null };
    const updated = await tx
      .update(jeunes)
      .set({ ...columns, ...nirColumns, searchText: searchTextFor(after), version: sql`${jeunes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(jeunes.id, row.id), eq(jeunes.structureId, row.structureId), eq(jeunes.version, expectedVersion)))
      .returning({ id: jeunes.id });
    if (updated.length === 0) {
      // Saved by someone else between our read and our write.
      const current = await loadForUpdate(tx, user, row.id);
      if (!current) throw new DomainError("not_found");
      throw conflictError(current, submitted, initial);
    }

    return {
      data: { id: row.id },
      audit: {
        action: "jeune.update",
        targetType: "jeune",
        targetId: row.id,
        jeuneId: row.id,
        structureId: row.structureId,
        fields,
        before,
        after,
        meta: { doublonConfirme: confirmed, ecrasementConfirme: input.versionVue !== undefined },
      },
    };
  },
  revalidate: (input) => ["/portefeuille", `/jeunes/${input.id}`],
};
