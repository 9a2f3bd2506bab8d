/**
 * Which channel each recipient's transfers take, from the environment (lib/env.ts, .env.example):
 * - `file-drop` (default): every recipient through the signed file drop (TRANSMISSIONS_DROP_DIR);
 * - `https`: France Travail, CNAM/CPAM and ASP each by a JSON POST to their own URL (lib/transmissions/https.ts);
 *   a recipient without a URL has no channel, so its transfers wait in the outbox (counted as `sansCanal`).
 */
import { env as readEnv, type Env } from "@/lib/env";
import type { RecipientId } from "@/lib/data-map/recipients";
import { fileDropAdapter, type AdapterFor, type TransmissionAdapter } from "./adapters";
import { httpsAdapter } from "./https";

type ChannelEnv = Pick<
  Env,
  | "TRANSMISSIONS_ADAPTER"
  | "TRANSMISSIONS_DROP_DIR"
  | "TRANSMISSIONS_HTTPS_URL_FRANCE_TRAVAIL"
  | "TRANSMISSIONS_HTTPS_URL_CNAM_CPAM"
  | "TRANSMISSIONS_HTTPS_URL_ASP"
  | "TRANSMISSIONS_HTTPS_TOKEN"
  | "TRANSMISSIONS_HTTPS_TIMEOUT_MS"
>;

/** The URL variable of each recipient reachable over HTTPS. */
export function httpsUrls(e: ChannelEnv): Partial<Record<RecipientId, string | undefined>> {
  return {
    franceTravail: e.TRANSMISSIONS_HTTPS_URL_FRANCE_TRAVAIL,
    cnamCpam: e.TRANSMISSIONS_HTTPS_URL_CNAM_CPAM,
    asp: e.TRANSMISSIONS_HTTPS_URL_ASP,
  };
}

/**
 * Whether "Envoyer maintenant" may deliver from the web instance that served it. With PostgreSQL there may be
 * several instances and the worker runs on its own: the file drop is then written by the worker only, so
 * TRANSMISSIONS_DROP_DIR lives on the worker's host alone. The HTTPS channel writes no file: any process may send.
 * With the embedded database the app process is the worker.
 */
export function webInstanceDelivers(e: Pick<Env, "DATABASE_URL" | "TRANSMISSIONS_ADAPTER"> = readEnv()): boolean {
  return !e.DATABASE_URL || e.TRANSMISSIONS_ADAPTER === "https";
}

/** The adapter factory the worker uses; built once per configuration, adapters reused across ticks. */
export function adapterForEnv(e: ChannelEnv = readEnv(), options: { dropDir?: string } = {}): AdapterFor {
  if (e.TRANSMISSIONS_ADAPTER !== "https") {
    const drop = fileDropAdapter({ dir: options.dropDir ?? e.TRANSMISSIONS_DROP_DIR });
    return () => drop;
  }
  const token = e.TRANSMISSIONS_HTTPS_TOKEN;
  const adapters = new Map<RecipientId, TransmissionAdapter>();
  for (const [recipient, url] of Object.entries(httpsUrls(e)) as [RecipientId, string | undefined][]) {
    if (url && token) adapters.set(recipient, httpsAdapter({ url, token, timeoutMs: e.TRANSMISSIONS_HTTPS_TIMEOUT_MS }));
  }
  return (recipient) => adapters.get(recipient);
}
