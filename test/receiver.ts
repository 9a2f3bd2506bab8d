/**
 * A local recipient (France Travail, CPAM, ASP…) for tests of the HTTPS channel: a Node `http` server on
 * 127.0.0.1 (port chosen by the system) that behaves like the real endpoint would.
 * Modes: `accept` (2xx `{ "accuse": "<id>" }`, records each document once per Idempotency-Key and answers a
 * repeated key with the first acknowledgement), `reject` (a 4xx), `fail` (a 5xx), `hang` (never answers),
 * `store-hang` (stores the document like `accept`, then never answers: the sender cannot know it arrived).
 * `delayMs` holds every answer that long (a slow recipient).
 * `stop()` then `start()` reopens it on the same port, as when a recipient goes down and comes back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceiverMode = "accept" | "reject" | "fail" | "hang" | "store-hang";

export interface ReceivedDocument {
  idempotencyKey: string;
  ack: string;
  /** The parsed JSON body, as the recipient would store it. */
  document: Record<string, unknown>;
}

export interface Receiver {
  /** Base URL, e.g. http://127.0.0.1:41234/transmissions */
  readonly url: string;
  readonly port: number;
  mode: ReceiverMode;
  /** Status used in `reject` (default 422) and `fail` (default 503) modes. */
  rejectStatus: number;
  failStatus: number;
  /** Milliseconds before each answer (default 0). */
  delayMs: number;
  /** Documents accepted, one per idempotency key, in arrival order. */
  readonly documents: ReceivedDocument[];
  /** Every request that reached the server (all modes, duplicates included). */
  readonly requests: { idempotencyKey: string | undefined; authorization: string | undefined; mode: ReceiverMode }[];
  /** Documents stored under this key (the receiver deduplicates, so 0 or 1). */
  countFor(idempotencyKey: string): number;
  /** Accepted requests under this key, repeats included: more than 1 means Sillage sent it again. */
  hitsFor(idempotencyKey: string): number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReceiver(options: { token: string; prefix?: string; path?: string }): Promise<Receiver> {
  const path = options.path ?? "/transmissions";
  const prefix = options.prefix ?? "ACK";
  const byKey = new Map<string, ReceivedDocument>();
  const hits = new Map<string, number>();
  let port = 0;
  let server: Server | null = null;
  let serial = 0;

  const receiver: Receiver = {
    get url() {
      return `http://127.0.0.1:${port}${path}`;
    },
    get port() {
      return port;
    },
    mode: "accept",
    rejectStatus: 422,
    failStatus: 503,
    delayMs: 0,
    documents: [],
    requests: [],
    countFor: (key) => receiver.documents.filter((d) => d.idempotencyKey === key).length,
    hitsFor: (key) => hits.get(key) ?? 0,
    async start() {
      if (server) return;
      server = createServer((req, res) => void handle(req, res));
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(port, "127.0.0.1", () => resolve());
      });
      port = (server.address() as AddressInfo).port;
    },
    async stop() {
      const s = server;
      if (!s) return;
      server = null;
      // Hung requests keep their sockets open: cut them, as a crashed recipient would.
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const key = header(req, "idempotency-key");
    const authorization = header(req, "authorization");
    const mode = receiver.mode;
    receiver.requests.push({ idempotencyKey: key, authorization, mode });
    if (mode === "hang") return; // never answers
    const delay = receiver.delayMs;
    const json = (status: number, body: unknown) => {
      if (mode === "store-hang") return; // stored (below), never answered
      const answer = () => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    };
    if (req.method !== "POST" || req.url !== path) return json(404, { erreur: "inconnu" });
    if (authorization !== `Bearer ${options.token}`) return json(401, { erreur: "jeton" });
    if (mode === "fail") return json(receiver.failStatus, { erreur: "indisponible" });
    if (mode === "reject") return json(receiver.rejectStatus, { erreur: "refusé" });
    if (!key) return json(400, { erreur: "Idempotency-Key manquante" });
    let document: Record<string, unknown>;
    try {
      document = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    } catch {
      return json(400, { erreur: "JSON invalide" });
    }
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const known = byKey.get(key);
    if (known) return json(200, { accuse: known.ack });
    serial += 1;
    const received: ReceivedDocument = { idempotencyKey: key, ack: `${prefix}-${String(serial).padStart(5, "0")}`, document };
    byKey.set(key, received);
    receiver.documents.push(received);
    return json(201, { accuse: received.ack });
  }

  await receiver.start();
  return receiver;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
