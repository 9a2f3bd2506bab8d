/**
 * `npm run admin:bootstrap -- --email prenom.nom@exemple.fr --name "Prénom Nom"`: on a fresh database, migrates
 * it, creates the first admin account and prints its one-time invitation link (also sent by e-mail).
 * With the embedded PGlite database, stop the app first: one process at a time opens its folder.
 */
import { parseArgs } from "node:util";
import { getDatabase, migrateDatabase } from "@/db/client";
import { ADMIN_EXISTS, bootstrapFirstAdmin } from "@/lib/comptes/bootstrap";
import { isDomainError } from "@/lib/errors/domain-error";
import { formatDateTime } from "@/lib/format/fr";
import { DEFAULT_APP_URL } from "@/lib/http/origin";

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
  const handle = await getDatabase();
  try {
    await migrateDatabase(handle);
    const origin = process.env.APP_URL?.trim() || DEFAULT_APP_URL;
    const result = await bootstrapFirstAdmin(handle.db, values, { origin });
    console.info("Compte administrateur créé. Lien pour choisir le mot de passe (une seule utilisation) :");
    console.info(result.link);
    console.info(`Valable jusqu'au ${formatDateTime(result.expiresAt)}.`);
    console.info(result.mailSent ? "Le même lien part par e-mail." : "L'e-mail n'a pas pu partir : transmettez ce lien vous-même.");
    if (!process.env.APP_URL) console.info(`APP_URL n'est pas défini : le lien commence par ${DEFAULT_APP_URL}.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (isDomainError(error)) {
    console.error(error.message === ADMIN_EXISTS ? ADMIN_EXISTS : `Rien n'a été créé.\n${error.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
