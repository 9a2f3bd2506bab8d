import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transmission } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import { startReceiver, type Receiver } from "@/test/receiver";
import { adapterForEnv } from "./channels";
import { httpsAdapter, mapFetchError, mapHttpResponse } from "./https";

const TOKEN = "jeton-de-test-0123456789";

function transfer(over: Partial<Transmission> = {}): Transmission {
  return {
    id: "0193a4b2-0000-7000-8000-000000000001",
    structureId: "0193a4b2-0000-7000-8000-0000000000aa",
    jeuneId: "0193a4b2-0000-7000-8000-0000000000bb",
    recipient: "franceTravail",
    finality: "cej",
    kind: "inscription",
    idempotencyKey: "contrat-signature:0193a4b2-0000-7000-8000-0000000000cc",
    payload: { nomNaissance: "DUPONT", contratType: "CEJ" },
    fieldNames: ["contratType", "nomNaissance"],
    payloadHash: "abc",
    status: "a_envoyer",
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    acknowledgement: null,
    createdAt: new Date("2026-11-02T09:00:00Z"),
    sentAt: null,
    acknowledgedAt: null,
    ...over,
  };
}

describe("mapHttpResponse", () => {
  it("2xx with an acknowledgement id is a success carrying that id", () => {
    expect(mapHttpResponse(200, '{"accuse":"FT-88231"}')).toEqual({ ok: true, ack: "FT-88231" });
    expect(mapHttpResponse(201, '{"accuse":"CPAM:2026.11_0001","autre":1}')).toEqual({ ok: true, ack: "CPAM:2026.11_0001" });
  });

  it("2xx without a usable id is retried, never taken as acknowledged", () => {
    for (const body of [
      "",
      "ok",
      "{}",
      '{"accuse":""}',
      '{"accuse":42}',
      '["FT-1"]',
      `{"accuse":"${"x".repeat(101)}"}`,
      '{"accuse":"FT 1 <script>"}',
    ]) {
      const result = mapHttpResponse(200, body);
      expect(result, body).toEqual({ ok: false, permanent: false, error: "HTTP 200 sans accusé de réception valide" });
    }
  });

  it("4xx is a refusal for good, except 408, 425 and 429 which ask to come back later", () => {
    expect(mapHttpResponse(400, '{"erreur":"IBAN de Léa DUPONT invalide"}')).toEqual({ ok: false, permanent: true, error: "HTTP 400" });
    expect(mapHttpResponse(401, "")).toEqual({ ok: false, permanent: true, error: "HTTP 401" });
    expect(mapHttpResponse(422, "")).toMatchObject({ ok: false, permanent: true });
    for (const status of [408, 425, 429])
      expect(mapHttpResponse(status, "")).toEqual({ ok: false, permanent: false, error: `HTTP ${status}` });
  });

  it("5xx is retried; a redirect is not followed and needs a person", () => {
    expect(mapHttpResponse(500, "stack trace with DUPONT")).toEqual({ ok: false, permanent: false, error: "HTTP 500" });
    expect(mapHttpResponse(503, "")).toEqual({ ok: false, permanent: false, error: "HTTP 503" });
    expect(mapHttpResponse(302, "")).toEqual({ ok: false, permanent: true, error: "HTTP 302 (redirection non suivie)" });
  });

  it("never copies the body into the error", () => {
    for (const status of [200, 302, 400, 500]) {
      const result = mapHttpResponse(status, '{"erreur":"DUPONT Léa 1990"}');
      expect(JSON.stringify(result)).not.toMatch(/DUPONT|1990/);
    }
  });
});

describe("mapFetchError", () => {
  it("a timeout, an abort and a network error are retried, named by class or code only", () => {
    expect(mapFetchError(new DOMException("x", "TimeoutError"), 500)).toEqual({
      ok: false,
      permanent: false,
      error: "délai dépassé (500 ms)",
    });
    expect(mapFetchError(new DOMException("x", "AbortError"), 500)).toEqual({ ok: false, permanent: false, error: "requête interrompue" });
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
    });
    expect(mapFetchError(refused, 500)).toEqual({ ok: false, permanent: false, error: "réseau: ECONNREFUSED" });
    const odd = new TypeError("fetch failed", { cause: { code: "Léa DUPONT" } });
    expect(mapFetchError(odd, 500)).toEqual({ ok: false, permanent: false, error: "réseau: TypeError" });
    expect(mapFetchError("string", 500)).toEqual({ ok: false, permanent: false, error: "réseau: inconnue" });
  });
});

describe("httpsAdapter against a local recipient", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver({ token: TOKEN, prefix: "FT" });
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("posts the document with the bearer token and the idempotency key, and returns the recipient's id", async () => {
    receiver.mode = "accept";
    const t = transfer();
    const result = await httpsAdapter({ url: receiver.url, token: TOKEN, timeoutMs: 2_000 }).send(t);
    expect(result).toEqual({ ok: true, ack: expect.stringMatching(/^FT-\d{5}$/) });
    const last = receiver.requests.at(-1)!;
    expect(last).toMatchObject({ idempotencyKey: t.idempotencyKey, authorization: `Bearer ${TOKEN}` });
    const doc = receiver.documents.find((d) => d.idempotencyKey === t.idempotencyKey)!;
    expect(doc.document).toMatchObject({
      id: t.id,
      recipient: "franceTravail",
      finality: "cej",
      fieldNames: t.fieldNames,
      payload: t.payload,
    });

    // The same key again: the recipient answers with the first acknowledgement and stores nothing new.
    const again = await httpsAdapter({ url: receiver.url, token: TOKEN, timeoutMs: 2_000 }).send(t);
    expect(again).toEqual(result);
    expect(receiver.countFor(t.idempotencyKey)).toBe(1);
  });

  it("a wrong token is a refusal for good (HTTP 401)", async () => {
    receiver.mode = "accept";
    expect(
      await httpsAdapter({ url: receiver.url, token: "mauvais-jeton-0123456789", timeoutMs: 2_000 }).send(
        transfer({ idempotencyKey: "k-401" }),
      ),
    ).toEqual({ ok: false, permanent: true, error: "HTTP 401" });
  });

  it("reject → permanent, fail → transient, hang → timeout, down → network error", async () => {
    // A timeout a loaded machine never reaches where the receiver answers; a short one where it hangs.
    const adapter = httpsAdapter({ url: receiver.url, token: TOKEN, timeoutMs: 5_000 });
    receiver.mode = "reject";
    expect(await adapter.send(transfer({ idempotencyKey: "k-r" }))).toEqual({ ok: false, permanent: true, error: "HTTP 422" });
    receiver.mode = "fail";
    expect(await adapter.send(transfer({ idempotencyKey: "k-f" }))).toEqual({ ok: false, permanent: false, error: "HTTP 503" });
    receiver.mode = "hang";
    const started = Date.now();
    expect(await httpsAdapter({ url: receiver.url, token: TOKEN, timeoutMs: 300 }).send(transfer({ idempotencyKey: "k-h" }))).toEqual({
      ok: false,
      permanent: false,
      error: "délai dépassé (300 ms)",
    });
    expect(Date.now() - started).toBeLessThan(4_000);
    await receiver.stop();
    // ECONNREFUSED, or UND_ERR_SOCKET when a kept-alive socket to the dead server is tried first.
    expect(await adapter.send(transfer({ idempotencyKey: "k-d" }))).toEqual({
      ok: false,
      permanent: false,
      error: expect.stringMatching(/^réseau: (ECONNREFUSED|UND_ERR_SOCKET|ECONNRESET)$/),
    });
    await receiver.start();
    receiver.mode = "accept";
    expect(await adapter.send(transfer({ idempotencyKey: "k-d" }))).toMatchObject({ ok: true });
  });
});

describe("adapterForEnv", () => {
  const base = {
    TRANSMISSIONS_DROP_DIR: ".data/depot-test",
    TRANSMISSIONS_HTTPS_URL_FRANCE_TRAVAIL: "http://127.0.0.1:9/ft",
    TRANSMISSIONS_HTTPS_URL_CNAM_CPAM: "http://127.0.0.1:9/cpam",
    TRANSMISSIONS_HTTPS_URL_ASP: undefined,
    TRANSMISSIONS_HTTPS_TOKEN: TOKEN,
    TRANSMISSIONS_HTTPS_TIMEOUT_MS: 1000,
  };

  it("file drop by default: one adapter for every recipient", () => {
    const adapterFor = adapterForEnv({ ...base, TRANSMISSIONS_ADAPTER: "file-drop" });
    expect(adapterFor("franceTravail")).toBeDefined();
    expect(adapterFor("etat")).toBe(adapterFor("franceTravail"));
  });

  it("https: one adapter per configured recipient, none for the others", () => {
    const adapterFor = adapterForEnv({ ...base, TRANSMISSIONS_ADAPTER: "https" });
    expect(adapterFor("franceTravail")).toBeDefined();
    expect(adapterFor("cnamCpam")).toBeDefined();
    expect(adapterFor("cnamCpam")).not.toBe(adapterFor("franceTravail"));
    expect(adapterFor("asp")).toBeUndefined();
    expect(adapterFor("etat")).toBeUndefined();
  });
});

describe("environment of the https channel", () => {
  const https = {
    TRANSMISSIONS_ADAPTER: "https",
    TRANSMISSIONS_HTTPS_URL_FRANCE_TRAVAIL: "https://ft.example/transmissions",
    TRANSMISSIONS_HTTPS_URL_CNAM_CPAM: "https://cpam.example/transmissions",
    TRANSMISSIONS_HTTPS_URL_ASP: "http://127.0.0.1:8080/asp",
    TRANSMISSIONS_HTTPS_TOKEN: TOKEN,
  };

  it("defaults to the file drop and a 10 s timeout", () => {
    expect(parseEnv({})).toMatchObject({ TRANSMISSIONS_ADAPTER: "file-drop", TRANSMISSIONS_HTTPS_TIMEOUT_MS: 10_000 });
    expect(parseEnv({ ...https, TRANSMISSIONS_HTTPS_TIMEOUT_MS: "2500" })).toMatchObject({
      TRANSMISSIONS_ADAPTER: "https",
      TRANSMISSIONS_HTTPS_TIMEOUT_MS: 2500,
    });
  });

  it("refuses an https channel without its token or URLs, naming the variable", () => {
    expect(() => parseEnv({ ...https, TRANSMISSIONS_HTTPS_TOKEN: undefined })).toThrow(/TRANSMISSIONS_HTTPS_TOKEN/);
    expect(() => parseEnv({ ...https, TRANSMISSIONS_HTTPS_URL_ASP: undefined })).toThrow(/TRANSMISSIONS_HTTPS_URL_ASP/);
    expect(() => parseEnv({ ...https, TRANSMISSIONS_HTTPS_TOKEN: "court" })).toThrow(/TRANSMISSIONS_HTTPS_TOKEN/);
  });

  it("accepts http:// only towards the loopback, and a bounded timeout", () => {
    expect(() => parseEnv({ ...https, TRANSMISSIONS_HTTPS_URL_ASP: "http://asp.example/x" })).toThrow(/TRANSMISSIONS_HTTPS_URL_ASP/);
    expect(() => parseEnv({ ...https, TRANSMISSIONS_HTTPS_URL_ASP: "pas une url" })).toThrow(/TRANSMISSIONS_HTTPS_URL_ASP/);
    expect(() => parseEnv({ ...https, TRANSMISSIONS_HTTPS_TIMEOUT_MS: "0" })).toThrow(/TRANSMISSIONS_HTTPS_TIMEOUT_MS/);
    expect(() => parseEnv({ ...https, TRANSMISSIONS_HTTPS_TIMEOUT_MS: "abc" })).toThrow(/TRANSMISSIONS_HTTPS_TIMEOUT_MS/);
  });
});
