import { describe, expect, it } from "vitest";
import { mfaRequired, mfaStep } from "./mfa-gate";

const at = new Date("2026-12-01T10:00:00Z");

describe("mfa gate", () => {
  it("admins and DPOs always need a second factor, other staff when their structure asks, young people never", () => {
    expect(mfaRequired({ role: "admin", structureMfaRequired: false })).toBe(true);
    expect(mfaRequired({ role: "dpo", structureMfaRequired: false })).toBe(true);
    expect(mfaRequired({ role: "conseiller", structureMfaRequired: false })).toBe(false);
    expect(mfaRequired({ role: "directeur", structureMfaRequired: true })).toBe(true);
    expect(mfaRequired({ role: "jeune", structureMfaRequired: true })).toBe(false);
  });

  it("a required account without a factor enrols, an enrolled one verifies, a checked session is open", () => {
    expect(mfaStep({ role: "dpo", structureMfaRequired: false, enrolled: false, mfaAt: null })).toBe("enrol");
    expect(mfaStep({ role: "dpo", structureMfaRequired: false, enrolled: true, mfaAt: null })).toBe("verify");
    expect(mfaStep({ role: "dpo", structureMfaRequired: false, enrolled: true, mfaAt: at })).toBe("open");
    // Single sign-on whose provider asserted MFA: mfa_at is set at sign-in, even without a TOTP here.
    expect(mfaStep({ role: "admin", structureMfaRequired: false, enrolled: false, mfaAt: at })).toBe("open");
  });

  it("a factor chosen without obligation is checked too; no factor and no obligation is open", () => {
    expect(mfaStep({ role: "conseiller", structureMfaRequired: false, enrolled: true, mfaAt: null })).toBe("verify");
    expect(mfaStep({ role: "conseiller", structureMfaRequired: false, enrolled: false, mfaAt: null })).toBe("open");
    expect(mfaStep({ role: "conseiller", structureMfaRequired: true, enrolled: false, mfaAt: null })).toBe("enrol");
    expect(mfaStep({ role: "jeune", structureMfaRequired: true, enrolled: true, mfaAt: null })).toBe("open");
  });
});
