/**
 * HTTPS channel to a recipient (France Travail, CNAM/CPAM, ASP): one JSON POST per transfer.
 *
 * Request: `POST <url>` with the body `transmissionDocument(t)` (the whitelisted payload, its field names and
 * keyed hash), `Authorization: Bearer <token>` and `Idempotency-Key: <t.idempotencyKey>` — the recipient
 * must answer a repeated key with the acknowledgement it gave the first time (delivery is at-least-once).
 *
 * Answer → outcome (`mapHttpResponse`, `mapFetchError`):
 * - 2xx with a JSON body `{ "accuse": "<id>" }` (letters, digits, `.` `_` `:` `-`, at most 100 characters)
 *   → acknowledged with that id. A 2xx without a usable id is retried: the idempotency key makes it safe.
 * - 408 Request Timeout, 425 Too Early, 429 Too Many Requests → retried (the recipient says "later").
 * - other 4xx (and 3xx: redirects are not followed, the token must not travel elsewhere) → refused for
 *   good (`rejetee`): the data or the configuration must be fixed by a person.
 * - 5xx, network error, timeout (AbortSignal.timeout) → retried with backoff by the worker.
 * Error strings are technical only (HTTP status, error code): never the body, which could quote the payload.
 */
import type { Transmission } from "@/db/schema";
import { transmissionDocument, type SendResult, type TransmissionAdapter } from "./adapters";

export interface HttpsAdapterOptions {
  url: string;
  token: string;
  timeoutMs: number;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** What a recipient may send back as its identifier of the transfer. */
const ACK = /^[A-Za-z0-9._:-]{1,100}$/;
/** An acknowledgement is small; a larger body is not one (and is not read further). */
const MAX_BODY_BYTES = 16 * 1024;
const RETRYABLE_4XX = new Set([408, 425, 429]);

/** Outcome of an HTTP answer (status + body text). Pure. */
export function mapHttpResponse(status: number, body: string): SendResult {
  if (status >= 200 && status < 300) {
    const ack = ackOf(body);
    return ack ? { ok: true, ack } : { ok: false, permanent: false, error: `HTTP ${status} sans accusé de réception valide` };
  }
  if (RETRYABLE_4XX.has(status)) return { ok: false, permanent: false, error: `HTTP ${status}` };
  if (status >= 300 && status < 400) return { ok: false, permanent: true, error: `HTTP ${status} (redirection non suivie)` };
  if (status >= 400 && status < 500) return { ok: false, permanent: true, error: `HTTP ${status}` };
  return { ok: false, permanent: false, error: `HTTP ${status}` };
}

function ackOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      const ack = (parsed as Record<string, unknown>).accuse;
      if (typeof ack === "string" && ACK.test(ack)) return ack;
    }
  } catch {
    // Not JSON: no acknowledgement.
  }
  return null;
}

/** Outcome of a request that got no answer: always retried; the text names the error class or code only. */
export function mapFetchError(error: unknown, timeoutMs: number): SendResult {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError") return { ok: false, permanent: false, error: `délai dépassé (${timeoutMs} ms)` };
  if (name === "AbortError") return { ok: false, permanent: false, error: "requête interrompue" };
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" && /^[A-Z0-9_]{2,40}$/.test(cause.code) ? cause.code : name || "inconnue";
  return { ok: false, permanent: false, error: `réseau: ${code}` };
}

async function readLimited(response: Response): Promise<string | null> {
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) {
    await response.body?.cancel();
    return null;
  }
  const buffer = await response.arrayBuffer();
  return buffer.byteLength > MAX_BODY_BYTES ? null : new TextDecoder().decode(buffer);
}

export function httpsAdapter(options: HttpsAdapterOptions): TransmissionAdapter {
  const doFetch = options.fetch ?? fetch;
  return {
    async send(t: Transmission): Promise<SendResult> {
      let response: Response;
      let body: string | null;
      try {
        // One signal for the whole exchange: a recipient that sends headers then stalls is a timeout too.
        const signal = AbortSignal.timeout(options.timeoutMs);
        response = await doFetch(options.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            Authorization: `Bearer ${options.token}`,
            "Idempotency-Key": t.idempotencyKey,
            "User-Agent": "Sillage-transmissions/1",
          },
          body: JSON.stringify(transmissionDocument(t)),
          redirect: "manual",
          signal,
        });
        body = await readLimited(response);
      } catch (error) {
        return mapFetchError(error, options.timeoutMs);
      }
      if (body === null) {
        return response.ok
          ? { ok: false, permanent: false, error: `HTTP ${response.status} réponse trop volumineuse` }
          : mapHttpResponse(response.status, "");
      }
      return mapHttpResponse(response.status, body);
    },
  };
}
