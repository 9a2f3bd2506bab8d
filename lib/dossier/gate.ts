/**
 * The dossier gate: the one place that decides whether a caller may open a young person's file, and
 * records that they did. Pages, downloads and writes call it (writes through `runAction`, downloads
 * through `runDownload`); none re-implements the portfolio / break-glass rule.
 *
 * - Another structure's file, a missing file and a malformed id look the same: not found.
 * - Inside the structure, outside the caller's portfolio: only after a reason was given
 *   (break-glass, valid BREAK_GLASS_TTL_MS), unless the act exempts the caller's role (a DPO
 *   handling a rights request) — then the act itself is the ground, and is what the consultation names.
 * - A young person reaches only their own file.
 * - Every opening for a page or a download is recorded as a consultation (what was opened, never the
 *   data seen); a write outside the portfolio is recorded too, so the person sees who touched the file.
 */
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Jeune, jeunes } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { type CivilDate, todayInParis } from "@/lib/calendar/civil-date";
import { latestReasonAt, recordConsultation } from "@/lib/consultations/access";
import type { ConsultationMotif } from "@/lib/consultations/motifs";
import { DomainError } from "@/lib/errors/domain-error";
import { portfolioCondition, structureConditions } from "@/lib/dossier/scope";

export type DossierPurpose = "page" | "write" | "download";

/** The states of a file beyond "actif": archived (kept for its retention) and anonymised (nothing left). */
export type DossierState = "actif" | "archive" | "anonymise";

/**
 * Roles an act opens a file for without a prior reason: the act is the ground (a DPO handling a rights
 * request, staff marking attendance at a séance of the structure). The consultation is still recorded,
 * outside the portfolio, named by the act (`onglet`) with the motif the young person reads. It opens
 * nothing else: only a reason given on a tab (break-glass) opens the file for pages.
 */
export interface DossierExemption {
  roles: readonly Role[];
  motif: ConsultationMotif;
}

export interface GateOptions {
  /** What the consultation records as opened (a tab slug, "modification", "acces"…). */
  onglet: string;
  /** States accepted besides "actif" (default: archived for pages and downloads, none for writes). */
  states?: readonly DossierState[];
  /** Message when the file's state refuses the act (default: a generic one per state). */
  stateMessage?: string;
  exempt?: DossierExemption;
  /** A write that is a deliberate view (revealing the NIR) is recorded even inside the portfolio. */
  recordAlways?: boolean;
  now?: Date;
  /** The civil day the portfolio is judged on (temporary assignments); default: `now` in Paris. */
  today?: CivilDate;
}

/**
 * The file's row as the gate reads it: every column but health and justice free texts (only whether
 * they are filled in) and the search index. A handler that must write those reads them itself.
 */
const { sante: _sante, situationJustice: _justice, searchText: _search, ...GATE_COLUMNS } = getTableColumns(jeunes);

export type GateJeune = Omit<Jeune, "sante" | "situationJustice" | "searchText"> & { hasSante: boolean; hasSituationJustice: boolean };

export type DossierGround = "portfolio" | "break_glass" | "exempt" | "self";

export interface OpenedDossier {
  /** The file's row as read by the gate (locked `for update` when opened for a write). */
  jeune: GateJeune;
  structureId: string;
  ground: DossierGround;
  horsPortefeuille: boolean;
  /** When the break-glass reason was given, if that is the ground. */
  reasonGivenAt: Date | null;
  today: CivilDate;
  now: Date;
}

export type GateResult =
  | { ok: true; dossier: OpenedDossier }
  | { ok: false; refusal: "not_found" }
  | { ok: false; refusal: "reason_required"; structureId: string }
  | { ok: false; refusal: "state"; state: DossierState; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATE_MESSAGES: Record<Exclude<DossierState, "actif">, string> = {
  archive: "Ce dossier est archivé : restaurez-le avant de le modifier. Rien n'a été enregistré.",
  anonymise: "Ce dossier a été anonymisé : plus rien ne peut y être fait. Rien n'a été enregistré.",
};

function stateOf(jeune: Pick<GateJeune, "statut" | "anonymisedAt">): DossierState {
  if (jeune.anonymisedAt) return "anonymise";
  return jeune.statut === "archive" ? "archive" : "actif";
}

/**
 * Opens a file for a purpose, or says why not. Records the consultation when the file opens (pages and
 * downloads always; writes when outside the portfolio). A page renders the refusal (the reason form, a
 * 404); runAction and runDownload turn it into an error that rolls their transaction back.
 */
export async function openDossier(
  db: DbOrTx,
  user: SessionUser,
  jeuneId: string,
  purpose: DossierPurpose,
  options: GateOptions,
): Promise<GateResult> {
  const result = await decideDossierAccess(db, user, jeuneId, purpose, options);
  if (!result.ok) return result;
  const { dossier } = result;
  if (dossier.ground !== "self" && (purpose !== "write" || dossier.horsPortefeuille || options.recordAlways)) {
    await recordConsultation(db, user, {
      jeuneId,
      structureId: dossier.structureId,
      onglet: options.onglet,
      horsPortefeuille: dossier.horsPortefeuille,
      motif: dossier.ground === "exempt" ? options.exempt?.motif : undefined,
    });
  }
  return result;
}

/** The gate's decision alone, nothing recorded: for the break-glass form, which records the reason itself. */
export async function decideDossierAccess(
  db: DbOrTx,
  user: SessionUser,
  jeuneId: string,
  purpose: DossierPurpose,
  options: GateOptions,
): Promise<GateResult> {
  if (!UUID.test(jeuneId)) return { ok: false, refusal: "not_found" };
  const now = options.now ?? new Date();
  const today = options.today ?? todayInParis(now);

  if (user.role === "jeune") {
    if (!user.jeuneId || user.jeuneId !== jeuneId) return { ok: false, refusal: "not_found" };
  }
  const portfolio = user.role === "jeune" ? null : portfolioCondition(user, today);
  const query = db
    .select({
      ...GATE_COLUMNS,
      hasSante: sql<boolean>`(${jeunes.sante} is not null and btrim(${jeunes.sante}) <> '')`,
      hasSituationJustice: sql<boolean>`(${jeunes.situationJustice} is not null and btrim(${jeunes.situationJustice}) <> '')`,
      inPortfolio: portfolio ? sql<boolean>`coalesce(${portfolio}, false)` : sql<boolean>`false`,
    })
    .from(jeunes)
    .where(and(eq(jeunes.id, jeuneId), ...(user.role === "jeune" ? [] : structureConditions(user))));
  const [row] = purpose === "write" ? await query.for("update", { of: jeunes }) : await query;
  if (!row) return { ok: false, refusal: "not_found" };
  const { inPortfolio, ...jeune } = row;

  const state = stateOf(jeune);
  const accepted: readonly DossierState[] = ["actif", ...(options.states ?? (purpose === "write" ? [] : ["archive"]))];
  if (!accepted.includes(state)) {
    return { ok: false, refusal: "state", state, message: options.stateMessage ?? STATE_MESSAGES[state as "archive" | "anonymise"] };
  }

  let ground: DossierGround;
  let reasonGivenAt: Date | null = null;
  if (user.role === "jeune") ground = "self";
  else if (inPortfolio) ground = "portfolio";
  else {
    reasonGivenAt = await latestReasonAt(db, user, jeuneId, now);
    if (reasonGivenAt) ground = "break_glass";
    else if (options.exempt?.roles.includes(user.role)) ground = "exempt";
    else return { ok: false, refusal: "reason_required", structureId: jeune.structureId };
  }

  const horsPortefeuille = ground === "break_glass" || ground === "exempt";
  return { ok: true, dossier: { jeune, structureId: jeune.structureId, ground, horsPortefeuille, reasonGivenAt, today, now } };
}

/** The DomainError a refusal becomes in a write or a download (the transaction then writes nothing). */
export function refusalError(result: Exclude<GateResult, { ok: true }>): DomainError {
  switch (result.refusal) {
    case "not_found":
      return new DomainError("not_found");
    case "reason_required":
      return new DomainError("reason_required");
    case "state":
      return new DomainError("conflict", { message: result.message });
  }
}
