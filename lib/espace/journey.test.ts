import { describe, expect, it } from "vitest";
import { FLOW_LIST } from "@/lib/data-map/flows";
import { describeRow, groupByDay, parseJourneyParams, sentData, shortReference, transferRule } from "./journey";
import { formatLineRef, parseLineRef } from "./ligne";

const at = new Date("2026-03-03T09:14:00Z");
const transfer = {
  kind: "envoi" as const,
  id: "0195f6a2-7c1e-7000-8000-000000000001",
  at,
  recipient: "franceTravail" as const,
  finality: "cej" as const,
  transferKind: "inscription" as const,
  fieldNames: ["contratType", "dateNaissance", "nomNaissance", "prenoms"],
  status: "accusee" as const,
  acknowledgement: "FT-88231",
  acknowledgedAt: at,
  nextAttemptAt: null,
};

describe("the timeline's parameters", () => {
  it("reads ?type and ?page, and falls back to the defaults on anything odd", () => {
    expect(parseJourneyParams({ type: "envois", page: "2" })).toEqual({ type: "envois", page: 2 });
    expect(parseJourneyParams({ type: ["a-venir", "x"], page: ["3"] })).toEqual({ type: "a-venir", page: 3 });
    for (const bad of [{ type: "drop table", page: "-1" }, { type: "", page: "1e9" }, { page: "abc" }, {}])
      expect(parseJourneyParams(bad)).toEqual({ type: "tout", page: 1 });
    // Pages are bounded: a deep offset never reaches the database.
    expect(parseJourneyParams({ page: "100000" }).page).toBe(1);
  });
});

describe("line references", () => {
  it("round-trip for the three kinds and refuse anything else", () => {
    for (const ref of [
      { kind: "envoi", id: transfer.id },
      { kind: "consultation", id: "42" },
      { kind: "modification", id: "9007199254740993" },
    ] as const)
      expect(parseLineRef(formatLineRef(ref))).toEqual(ref);
    for (const bad of [
      "envoi:42",
      "consultation:0",
      "consultation:-1",
      "modification:1:2",
      "jeune:1",
      "consultation:",
      "",
      null,
      7,
      "x".repeat(100),
    ])
      expect(parseLineRef(bad)).toBeNull();
  });
});

describe("a transfer in plain words", () => {
  it("says what was sent, to whom, why and by which rule, with the acknowledgement", () => {
    const line = describeRow(transfer);
    expect(line.title).toBe("Envoyé à France Travail");
    expect(line.sentences).toEqual([
      "Votre mission locale a envoyé à France Travail : votre nom, vos prénoms, votre date de naissance et votre contrat CEJ.",
      "France Travail est l'organisme qui aide à trouver un emploi.",
      "Pourquoi : vous inscrire.",
      "France Travail a bien reçu vos données le 3 mars 2026 à 10 h 14 (numéro de réception FT-88231).",
    ]);
    expect(line.rule).toBe("La règle : loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi.");
    expect(line.day).toBe("2026-03-03");
    expect(line.refParam).toBe(`envoi:${transfer.id}`);
  });

  it("puts a held or retried transfer under « à venir » with its warning", () => {
    const held = describeRow({
      ...transfer,
      kind: "a_venir",
      status: "retenue",
      recipient: "asp",
      finality: "allocation",
      transferKind: "paiement",
    });
    expect(held).toMatchObject({ icon: "a_venir", title: "Envoi bloqué pour l'ASP", ref: { kind: "envoi" } });
    expect(held.warning).toMatch(/vos données sont bloquées pour un temps/);
    const retry = describeRow({ ...transfer, kind: "a_venir", status: "echec_temporaire", nextAttemptAt: at });
    expect(retry.warning).toBe("Le premier essai n'a pas marché. Un nouvel essai est prévu le 3 mars 2026 à 10 h 14.");
  });

  it("has a rule for every flow of the data map, short enough to read", () => {
    for (const flow of FLOW_LIST) {
      const rule = transferRule(flow.recipient, flow.finality);
      expect(rule).toMatch(/^La règle : /);
      expect(rule!.length).toBeLessThan(120);
    }
    expect(shortReference("Décret n° 2015-59 du 26 janvier 2015 (traitement I-Milo), art. 1 bis, modifié")).toBe(
      "décret n° 2015-59 du 26 janvier 2015",
    );
  });

  it("never names a field it does not know as anything but its label", () => {
    expect(sentData(["nirEncrypted", "iban", "bic"], "allocation")).toBe("votre numéro de sécurité sociale et votre compte bancaire");
  });
});

describe("an opening and a change in plain words", () => {
  it("gives the role and structure, and the reason outside the portfolio", () => {
    const line = describeRow({
      kind: "consultation",
      id: "7",
      at,
      role: "dpo",
      structure: "Mission locale de Lyon",
      ownCounsellor: false,
      onglet: "historique",
      horsPortefeuille: true,
      motif: "controle_dpo",
    });
    expect(line.sentences).toEqual([
      "Par le délégué à la protection des données (DPO), qui vérifie que vos données sont protégées, Mission locale de Lyon.",
      "Ce qui a été regardé : l'historique de votre dossier.",
      "Cette personne ne vous suit pas d'habitude. Elle a dû donner une raison.",
      "La raison : vérifier que votre dossier est bien protégé.",
    ]);
  });

  it("names the changed fields from the audit labels, without the staff-only ones", () => {
    const line = describeRow({
      kind: "modification",
      id: "8",
      at,
      role: "conseiller",
      action: "jeune.update",
      fields: ["telephone", "commentaire", "sante", "situationJustice", "adresse"],
    });
    expect(line.title).toBe("Votre dossier a été modifié");
    expect(line.sentences).toEqual([
      "Par un conseiller ou une conseillère de la mission locale.",
      "Ce qui a changé : téléphone et adresse.",
    ]);
    const contract = describeRow({ kind: "modification", id: "9", at, role: null, action: "contrat.prolongation", fields: ["finPrevue"] });
    expect(contract.sentences).toEqual(["Par Sillage, automatiquement.", "Ce qui a changé : fin prévue."]);
  });

  it("groups lines by Paris day, newest first as given", () => {
    const late = describeRow({ ...transfer, at: new Date("2026-03-03T23:30:00Z") });
    const groups = groupByDay([late, describeRow(transfer)]);
    expect(groups.map((g) => g.label)).toEqual(["Le 4 mars 2026", "Le 3 mars 2026"]);
  });
});
