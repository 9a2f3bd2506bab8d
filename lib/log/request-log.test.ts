import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "./logger";
import { installRequestLog, requestLine } from "./request-log";
import { maskPath, routeMatcher } from "./route-pattern";

const UUID = "0193a2b4-7c1d-7e2f-8a3b-4c5d6e7f8091";

describe("route patterns", () => {
  it("masks ids, numbers, tokens, e-mail-like and long segments, and drops the query", () => {
    expect(maskPath(`/jeunes/${UUID}/parcours?onglet=historique&q=Dupont`)).toBe("/jeunes/[id]/parcours");
    expect(maskPath("/invitation/Zk3c9v0Qm1_abcdefghijklmnopqrs")).toBe("/invitation/[id]");
    expect(maskPath("/essais/42")).toBe("/essais/[id]");
    expect(maskPath("/x/lea.dupont%40exemple.fr")).toBe("/x/[id]");
    expect(maskPath("/portefeuille")).toBe("/portefeuille");
  });

  it("uses the build's route table when there is one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sillage-routes-"));
    const file = path.join(dir, "routes-manifest.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        staticRoutes: [{ page: "/portefeuille", regex: "^/portefeuille(?:/)?$" }],
        dynamicRoutes: [{ page: "/jeunes/[id]/parcours", regex: "^/jeunes/([^/]+?)/parcours(?:/)?$" }],
      }),
    );
    const match = routeMatcher(file);
    expect(match(`/jeunes/${UUID}/parcours?x=1`)).toBe("/jeunes/[id]/parcours");
    expect(match("/jeunes/dupont/parcours")).toBe("/jeunes/[id]/parcours");
    expect(match("/portefeuille/")).toBe("/portefeuille");
    expect(match(`/inconnue/${UUID}`)).toBe("/inconnue/[id]");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the request line", () => {
  afterEach(() => vi.restoreAllMocks());

  it("holds the request id, method, route pattern, status and duration, nothing of the URL", () => {
    const line = requestLine(
      { method: "GET", url: `/jeunes/${UUID}?q=lea.dupont@exemple.fr` },
      { statusCode: 404, getHeader: (name: string) => (name === "x-request-id" ? "req-1" : undefined) } as never,
      12.4,
      maskPath,
    );
    expect(line).toEqual({ requestId: "req-1", method: "GET", route: "/jeunes/[id]", status: 404, durationMs: 12 });
    expect(JSON.stringify(line)).not.toMatch(/dupont|0193a2b4/);
    expect(
      requestLine(
        { method: "GET", url: "/_next/static/chunks/a.js" },
        { statusCode: 200, getHeader: () => undefined } as never,
        1,
        maskPath,
      ),
    ).toBeNull();
  });

  it("is written once per request of a real Node server, with the status the handler set", async () => {
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    installRequestLog(maskPath);
    const server = createServer((_req, res) => {
      res.setHeader("X-Request-Id", "req-abc");
      res.statusCode = 503;
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/jeunes/${UUID}?nom=Dupont`);
    await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const lines = info.mock.calls.filter((c) => c[1] === "request").map((c) => c[0] as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: "req-abc", method: "GET", route: "/jeunes/[id]", status: 503 });
    expect(typeof lines[0]!.durationMs).toBe("number");
  });
});
