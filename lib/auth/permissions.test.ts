import { describe, expect, it } from "vitest";
import { ACCOUNT_MANAGEMENT, CAPABILITIES, can, isAllowedPath, isPublicPath, mayManageRole } from "./permissions";
import { ROLES, ROLE_HOME } from "./roles";

describe("permissions", () => {
  it("only the admin manages settings and users", () => {
    expect(ROLES.filter((r) => can(r, "settings.manage"))).toEqual(["admin"]);
    expect(ROLES.filter((r) => can(r, "users.manage"))).toEqual(["admin"]);
    expect(ROLES.filter((r) => can(r, "structures.manage"))).toEqual(["admin"]);
  });

  it("young people have no staff capability", () => {
    const ownCapabilities = ["self.read", "sessions.own"];
    const staffCapabilities = Object.keys(CAPABILITIES).filter((c) => !ownCapabilities.includes(c)) as (keyof typeof CAPABILITIES)[];
    expect(staffCapabilities.filter((c) => can("jeune", c))).toEqual([]);
  });

  it("every signed-in person reaches their own sessions, each in their own area", () => {
    for (const role of ROLES) expect(can(role, "sessions.own"), role).toBe(true);
    for (const role of ROLES) expect(isAllowedPath(role, role === "jeune" ? "/mon-espace/connexions" : "/compte"), role).toBe(true);
    expect(isAllowedPath("jeune", "/compte")).toBe(false);
    expect(isAllowedPath("conseiller", "/mon-espace/connexions")).toBe(false);
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

  it("opens the accounts list to the director, not the rest of /admin", () => {
    expect(isAllowedPath("directeur", "/admin/comptes")).toBe(true);
    expect(isAllowedPath("directeur", "/admin/comptes/0190aaaa-0000-7000-8000-000000000000")).toBe(true);
    expect(isAllowedPath("directeur", "/admin")).toBe(false);
    expect(isAllowedPath("directeur", "/admin/parametres")).toBe(false);
    expect(isAllowedPath("directeur", "/admin/comptesx")).toBe(false);
    for (const role of ["conseiller", "dpo", "jeune"] as const) expect(isAllowedPath(role, "/admin/comptes"), role).toBe(false);
    expect(isAllowedPath("admin", "/admin/comptes")).toBe(true);
  });

  it("a director manages counsellors only; only the admin changes roles and structures", () => {
    expect(ROLES.filter((r) => can(r, "comptes.manage"))).toEqual(["admin", "directeur"]);
    expect(ROLES.filter((r) => can(r, "comptes.role"))).toEqual(["admin"]);
    expect(ACCOUNT_MANAGEMENT.directeur).toEqual(["conseiller"]);
    expect(mayManageRole("directeur", "directeur")).toBe(false);
    expect(mayManageRole("directeur", "admin")).toBe(false);
    expect(mayManageRole("admin", "jeune")).toBe(false);
    for (const role of ["conseiller", "dpo", "jeune"] as const) expect(ACCOUNT_MANAGEMENT[role]).toEqual([]);
  });

  it("knows which paths are public", () => {
    expect(isPublicPath("/connexion")).toBe(true);
    expect(isPublicPath("/portefeuille")).toBe(false);
    expect(isPublicPath("/connexions-secretes")).toBe(false);
  });
});
