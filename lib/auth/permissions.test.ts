import { describe, expect, it } from "vitest";
import { CAPABILITIES, can, isAllowedPath, isPublicPath } from "./permissions";
import { ROLES, ROLE_HOME } from "./roles";

describe("permissions", () => {
  it("only the admin manages settings and users", () => {
    expect(ROLES.filter((r) => can(r, "settings.manage"))).toEqual(["admin"]);
    expect(ROLES.filter((r) => can(r, "users.manage"))).toEqual(["admin"]);
    expect(ROLES.filter((r) => can(r, "structures.manage"))).toEqual(["admin"]);
  });

  it("young people have no staff capability", () => {
    const staffCapabilities = Object.keys(CAPABILITIES).filter((c) => c !== "self.read") as (keyof typeof CAPABILITIES)[];
    expect(staffCapabilities.filter((c) => can("jeune", c))).toEqual([]);
  });

  it("every role may enter its own home", () => {
    for (const role of ROLES) expect(isAllowedPath(role, ROLE_HOME[role]), role).toBe(true);
  });

  it("guards areas by prefix, not by substring", () => {
    expect(isAllowedPath("conseiller", "/admin")).toBe(false);
    expect(isAllowedPath("conseiller", "/admin/parametres")).toBe(false);
    expect(isAllowedPath("conseiller", "/administratif")).toBe(true);
    expect(isAllowedPath("jeune", "/jeunes/123")).toBe(false);
    expect(isAllowedPath("dpo", "/portefeuille")).toBe(false);
  });

  it("knows which paths are public", () => {
    expect(isPublicPath("/connexion")).toBe(true);
    expect(isPublicPath("/portefeuille")).toBe(false);
    expect(isPublicPath("/connexions-secretes")).toBe(false);
  });
});
