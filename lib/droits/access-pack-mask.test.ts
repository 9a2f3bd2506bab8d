import { describe, expect, it } from "vitest";
import { TIERS, createThirdPartyMasker, nameVariants } from "./access-pack-mask";

const mask = createThirdPartyMasker({
  others: [
    { fullName: "Camille Martin" },
    { nomNaissance: "NGUYEN", prenoms: "Zoé" },
    { nomNaissance: "DUPONT", prenoms: "Hugo" },
    { nomNaissance: "BENALI", nomUsage: "ROCHE", prenoms: "Aïcha Marie" },
  ],
  own: [{ nomNaissance: "DUPONT", prenoms: "Léa", fullName: "Léa Dupont" }],
  keepEmails: ["lea.dupont@exemple.fr", "dpo@ml-lyon.demo"],
  keepPhones: ["06 12 34 56 78"],
});

describe("third-party masking in the access pack", () => {
  it("masks colleagues and other young people, in either order, whatever the case, accents or hyphens", () => {
    expect(mask("Vu avec Camille Martin puis MARTIN Camille.")).toBe(`Vu avec ${TIERS} puis ${TIERS}.`);
    expect(mask("Venue avec son amie zoe nguyen, puis NGUYEN-Zoé")).toBe(`Venue avec son amie ${TIERS}, puis ${TIERS}`);
    expect(mask("Cousine d'Aïcha Roche et d'Aicha Marie Benali")).toBe(`Cousine d'${TIERS} et d'${TIERS}`);
    expect(mask("Son frère Hugo  Dupont l'accompagne")).toBe(`Son frère ${TIERS} l'accompagne`);
  });

  it("keeps the person's own name, even a surname shared with another young person", () => {
    expect(mask("Léa Dupont a signé. DUPONT Léa, Mme Dupont.")).toBe("Léa Dupont a signé. DUPONT Léa, Mme Dupont.");
  });

  it("only masks whole names, not words that contain them", () => {
    expect(mask("Camille Martinez et Camille Martin")).toBe(`Camille Martinez et ${TIERS}`);
  });

  it("masks e-mail addresses and phone numbers that are not the person's own", () => {
    expect(mask("Écrire à lea.dupont@exemple.fr ou au DPO dpo@ml-lyon.demo, pas à zoe.n@exemple.fr")).toBe(
      `Écrire à lea.dupont@exemple.fr ou au DPO dpo@ml-lyon.demo, pas à ${TIERS}`,
    );
    expect(mask("Tél. 06.12.34.56.78 ; sa mère : 07 98 76 54 32 ou +33 6 11 22 33 44")).toBe(
      `Tél. 06.12.34.56.78 ; sa mère : ${TIERS} ou ${TIERS}`,
    );
  });

  it("leaves null and texts without third parties unchanged", () => {
    expect(mask(null)).toBeNull();
    expect(mask("CDI chez un transporteur depuis le 3 mars 2026")).toBe("CDI chez un transporteur depuis le 3 mars 2026");
  });

  it("lists the written forms of a name", () => {
    expect(nameVariants({ fullName: "Camille Martin" })).toEqual(["camille martin", "martin camille"]);
    expect(nameVariants({ nomNaissance: "NGUYEN", prenoms: "Zoé" })).toEqual(["zoe nguyen", "nguyen zoe"]);
  });
});
