import "server-only";
import { notFound, redirect } from "next/navigation";
import { type Db, getDb } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { type GateOptions, type GateResult, type OpenedDossier, openDossier } from "./gate";

export interface OpenedDossierPage extends OpenedDossier {
  db: Db;
  jeuneId: string;
}

/**
 * The gate for a dossier sub-page: a file of the caller's structure (else 404, a malformed id too), a
 * reason already given when it is outside their portfolio (else back to `reasonPath`, which asks for
 * it), and the consultation recorded for `onglet`. The page gets the file's row: no need to select it again.
 */
export async function openDossierPage(
  user: SessionUser,
  rawId: string,
  onglet: string,
  reasonPath = `/jeunes/${rawId}`,
  options: Omit<GateOptions, "onglet"> = {},
): Promise<OpenedDossierPage> {
  const db = await getDb();
  const result = await openDossier(db, user, rawId, "page", { ...options, onglet, states: options.states ?? ["archive", "anonymise"] });
  if (!result.ok) {
    if (result.refusal === "reason_required") redirect(reasonPath);
    notFound();
  }
  return { ...result.dossier, db, jeuneId: rawId };
}

/** The gate for the dossier page itself, which renders the reason form instead of redirecting. */
export async function gateDossierPage(user: SessionUser, rawId: string, onglet: string): Promise<GateResult> {
  return openDossier(await getDb(), user, rawId, "page", { onglet, states: ["archive", "anonymise"] });
}
