import { describe, expect, it } from "vitest";
import { CNIL_COMPLAINT, buildExtensionNotice, buildReceipt, buildResponseLetter, letterToText, type LetterContext } from "./letters";

const ctx: LetterContext = {
  structure: { name: "Mission locale de Lyon", commune: "Lyon", dpoEmail: "dpo@ml-lyon.demo" },
  jeune: { prenoms: "Léa", nomNaissance: "DUPONT", nomUsage: null, adresse: "12 rue des Lilas", codePostal: "69008", commune: "Lyon" },
  demande: { numero: "2026-0042", type: "acces", recueLe: "2026-01-31", finalite: null },
};

const allText = (letter: ReturnType<typeof buildReceipt>) =>
  [letter.subject, ...letter.sections.flatMap((s) => [s.heading ?? "", ...s.paragraphs])].join("\n");

describe("receipt", () => {
  it("is dated and gives the number, the receipt date and the deadline", () => {
    const letter = buildReceipt(ctx, { echeance: "2026-03-02", today: "2026-02-02" });
    expect(letter.subject).toBe(
      "Accusé de réception de votre demande n° 2026-0042 reçue le samedi 31 janvier 2026, réponse au plus tard le lundi 2 mars 2026",
    );
    expect(letter.placeAndDate).toBe("Lyon, le lundi 2 février 2026");
    expect(letter.recipient).toEqual(["Léa DUPONT", "12 rue des Lilas", "69008 Lyon"]);
    expect(allText(letter)).toContain("voir les données que nous avons sur vous (droit d'accès)");
    expect(allText(letter)).toContain("gratuite");
  });

  it("names the finality of an objection", () => {
    const letter = buildReceipt(
      { ...ctx, demande: { ...ctx.demande, type: "opposition", finalite: "cej" } },
      { echeance: "2026-03-02", today: "2026-02-02" },
    );
    expect(allText(letter)).toContain("Contrat d'engagement jeune (CEJ)");
  });
});

describe("response letter", () => {
  it("a refusal states its reasons, the CNIL complaint and the court", () => {
    const letter = buildResponseLetter(ctx, {
      issue: "refusee",
      motif: "Vos données sont nécessaires au suivi de votre contrat d'engagement jeune.",
      reponduLe: "2026-02-20",
    });
    const text = allText(letter);
    expect(text).toContain("Nous ne pouvons pas accepter votre demande.");
    expect(letter.sections.find((s) => s.heading === "Pourquoi")?.paragraphs).toEqual([
      "Vos données sont nécessaires au suivi de votre contrat d'engagement jeune.",
    ]);
    expect(text).toContain("CNIL");
    expect(text).toContain("www.cnil.fr/plaintes");
    expect(text).toContain("tribunal judiciaire");
    expect(text).toContain("dpo@ml-lyon.demo");
    expect(letter.subject).toBe("Réponse à votre demande n° 2026-0042 : refusée");
  });

  it("an acceptance says what was done, and still gives the remedies", () => {
    const letter = buildResponseLetter(ctx, {
      issue: "acceptee",
      motif: "Votre adresse est corrigée.\n\nVos autres données sont exactes.",
      reponduLe: "2026-02-20",
    });
    expect(letter.sections.find((s) => s.heading === "Ce que nous avons fait")?.paragraphs).toEqual([
      "Votre adresse est corrigée.",
      "Vos autres données sont exactes.",
    ]);
    expect(allText(letter)).toContain(CNIL_COMPLAINT);
    expect(letterToText(letter)).toMatch(/^Bonjour Léa,\n\n/);
  });
});

describe("extension notice", () => {
  it("gives the reasons and the new deadline", () => {
    const letter = buildExtensionNotice(ctx, {
      motif: "Votre demande concerne plusieurs organismes.",
      echeance: "2026-04-28",
      today: "2026-02-10",
    });
    expect(allText(letter)).toContain("Pourquoi : Votre demande concerne plusieurs organismes.");
    expect(letter.subject).toContain("mardi 28 avril 2026");
  });
});

describe("answer to an objection", () => {
  it("states the data map's rule for the finality, in plain words, with the article", () => {
    const opposition = { ...ctx, demande: { ...ctx.demande, type: "opposition" as const, finalite: "droits" } };
    const letter = buildResponseLetter(opposition, {
      issue: "refusee",
      motif: "La loi nous oblige à garder la trace des demandes.",
      reponduLe: "2026-02-10",
    });
    const text = allText(letter);
    expect(text).toContain("La règle pour cette utilisation de vos données");
    expect(text).toContain("Non, parce que la loi oblige la mission locale à le faire.");
    expect(text).toContain("Opposition : Non applicable à un traitement fondé sur une obligation légale (RGPD, art. 21-1).");
    // Other rights carry no such section.
    expect(
      allText(buildResponseLetter(ctx, { issue: "acceptee", motif: "Voici la copie de vos données.", reponduLe: "2026-02-10" })),
    ).not.toContain("La règle pour cette utilisation");
  });
});
