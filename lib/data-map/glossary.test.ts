import { describe, expect, it } from "vitest";
import { createAcronymExplainer, explainsAcronym, usesAcronym } from "./glossary";

describe("createAcronymExplainer", () => {
  it("spells an acronym out at its first use only", () => {
    const x = createAcronymExplainer();
    expect(x("L'ASP verse votre allocation.")).toBe("L'ASP (Agence de services et de paiement) verse votre allocation.");
    expect(x("L'ASP garde ces données.")).toBe("L'ASP garde ces données.");
  });

  it("leaves a text that already says what the acronym means", () => {
    const x = createAcronymExplainer();
    expect(x("Votre contrat d'engagement jeune (CEJ)")).toBe("Votre contrat d'engagement jeune (CEJ)");
    expect(x("Le CEJ dure un an.")).toBe("Le CEJ dure un an.");
  });

  it("does not match inside a longer word", () => {
    const x = createAcronymExplainer();
    expect(x("CEJX et ASPIRE")).toBe("CEJX et ASPIRE");
    expect(usesAcronym("l'allocation CEJ.", "CEJ")).toBe(true);
    expect(usesAcronym("RSAT", "RSA")).toBe(false);
  });

  it("explains several acronyms of one sentence", () => {
    const x = createAcronymExplainer();
    const out = x("la CNAM et la CPAM");
    expect(explainsAcronym(out, "CNAM")).toBe(true);
    expect(explainsAcronym(out, "CPAM")).toBe(true);
  });
});
