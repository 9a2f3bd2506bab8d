/** `npm run ledger:verify`: checks the transmission ledger's hash chain, stores the result; exits 1 if it was altered. */
import { getDatabase } from "@/db/client";
import { describeVerification } from "@/lib/transmissions/ledger";
import { recordLedgerVerification } from "@/lib/transmissions/ledger-check";

async function main() {
  const handle = await getDatabase();
  try {
    const result = await recordLedgerVerification(handle.db);
    if (result.ok) console.info(describeVerification(result));
    else console.error(describeVerification(result));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Vérification impossible : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
