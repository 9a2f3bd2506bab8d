import { notFound } from "next/navigation";
import { connection } from "next/server";

/**
 * A page whose render fails, for the end-to-end tests of the error pages only: it exists when
 * SILLAGE_E2E_FAULTS=1 (set by scripts/e2e-server.mjs), and is a 404 everywhere else.
 */
export default async function SimulatedFault() {
  await connection();
  if (process.env.SILLAGE_E2E_FAULTS !== "1") notFound();
  throw new Error("Panne simulée pour les tests de bout en bout");
}
