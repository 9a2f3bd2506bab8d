import { expect, test } from "@playwright/test";

test.describe("operations", () => {
  test("/api/health answers anonymous probes with the database's state and nothing else", async ({ request }) => {
    const res = await request.get("/api/health", { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers()["cache-control"]).toContain("no-store");
    expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers()["set-cookie"]).toBeUndefined();
    expect(res.headers()["x-powered-by"]).toBeUndefined();
  });
});
