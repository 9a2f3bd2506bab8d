import { describe, expect, it } from "vitest";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";

const EMAIL = "camille.martin@ml-lyon.fr";

describe("password policy", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem("cheval agrafe batterie correcte", EMAIL)).toBeNull();
    expect(passwordProblem("Sillage-demo-2026", EMAIL)).toBeNull();
  });

  it("refuses fewer than 12 characters, counted as the person sees them", () => {
    expect(passwordProblem("", EMAIL)).toBe(PASSWORD_MESSAGES.required);
    expect(passwordProblem("Court-2026!", EMAIL)).toBe(PASSWORD_MESSAGES.tooShort);
    expect(passwordProblem("Douze-lettre", EMAIL)).toBeNull();
    // Eleven emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblem("🙂".repeat(11), EMAIL)).toBe(PASSWORD_MESSAGES.tooShort);
  });

  it("refuses more than 256 characters", () => {
    expect(passwordProblem("a-b".repeat(86), EMAIL)).toBe(PASSWORD_MESSAGES.tooLong);
    expect(passwordProblem("a-b".repeat(85), EMAIL)).toBeNull();
  });

  it("refuses the common passwords of the bundled list, whatever the case", () => {
    expect(passwordProblem("qwerty123456", EMAIL)).toBe(PASSWORD_MESSAGES.common);
    expect(passwordProblem("PasswordPassword", EMAIL)).toBe(PASSWORD_MESSAGES.common);
    expect(passwordProblem("1QAZ2WSX3EDC", EMAIL)).toBe(PASSWORD_MESSAGES.common);
  });

  it("refuses a password containing the address's local part", () => {
    expect(passwordProblem("camille.martin2026", EMAIL)).toBe(PASSWORD_MESSAGES.email);
    expect(passwordProblem("Mon-CAMILLE.MARTIN!", EMAIL)).toBe(PASSWORD_MESSAGES.email);
    // A two-letter local part is too short to refuse anything by.
    expect(passwordProblem("jolie phrase de passe", "jo@ml.fr")).toBeNull();
  });
});
