import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { isPublicPath } from "@/lib/auth/permissions";
import { useTestDatabase } from "@/test/db";
import { healthResponse } from "./health";

describe("/api/health", () => {
  useTestDatabase();

  it("answers 200 {status: ok} when the database answers, and nothing more", async () => {
    const res = await healthResponse();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 503 when the database is unreachable or refuses the query, never throws", async () => {
    const unreachable = async (): Promise<Db> => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    };
    const failing = async () => ({ execute: async () => Promise.reject(new Error("terminating connection")) }) as unknown as Db;
    for (const open of [unreachable, failing]) {
      const res = await healthResponse(open);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "indisponible" });
    }
  });

  it("is public: a load balancer has no session", () => {
    expect(isPublicPath("/api/health")).toBe(true);
  });
});
