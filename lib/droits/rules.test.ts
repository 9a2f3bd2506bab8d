import { describe, expect, it } from "vitest";
import { DEMANDE_STATUTS } from "./labels";
import {
  ACTION_TARGET,
  DEMANDE_ACTIONS,
  availableActions,
  canTransition,
  clockOf,
  extensionRefusal,
  formatNumero,
  isOpen,
  nextStatuses,
  parseNumero,
  refusalOf,
  responseRefusal,
  urgencyLabel,
  urgencyOf,
  type DemandeState,
} from "./rules";

describe("numbering", () => {
  it("formats year-NNNN, padded to four digits, wider past 9999", () => {
    expect(formatNumero(2026, 42)).toBe("2026-0042");
    expect(formatNumero(2026, 1)).toBe("2026-0001");
    expect(formatNumero(2026, 12345)).toBe("2026-12345");
  });

  it("refuses nonsense and parses back", () => {
    expect(() => formatNumero(2026, 0)).toThrow(RangeError);
    expect(() => formatNumero(26, 1)).toThrow(RangeError);
    expect(parseNumero("2026-0042")).toEqual({ year: 2026, sequence: 42 });
    expect(parseNumero("2026-42")).toBeNull();
  });
});

describe("state machine", () => {
  it("follows reçue → identité à vérifier → en cours → (prolongée) → répondue → close", () => {
    expect(nextStatuses("recue")).toEqual(["identite_a_verifier", "en_cours", "repondue"]);
    expect(canTransition("identite_a_verifier", "en_cours")).toBe(true);
    expect(canTransition("en_cours", "prolongee")).toBe(true);
    expect(canTransition("prolongee", "repondue")).toBe(true);
    expect(canTransition("repondue", "close")).toBe(true);
  });

  it("never goes back, never skips the answer, and a closed request is final", () => {
    expect(canTransition("repondue", "en_cours")).toBe(false);
    expect(canTransition("en_cours", "close")).toBe(false);
    expect(canTransition("prolongee", "prolongee")).toBe(false);
    expect(canTransition("prolongee", "identite_a_verifier")).toBe(false);
    expect(nextStatuses("close")).toEqual([]);
    for (const s of DEMANDE_STATUTS) expect(canTransition("close", s)).toBe(false);
  });

  it("every action leads to a status the machine allows from where it is offered", () => {
    const states: DemandeState[] = DEMANDE_STATUTS.flatMap((statut) =>
      [false, true].flatMap((pauseOuverte) =>
        [false, true].flatMap((prolongee) =>
          [false, true].map((identiteVerifiee) => ({ statut, pauseOuverte, prolongee, identiteVerifiee })),
        ),
      ),
    );
    for (const state of states)
      for (const action of availableActions(state))
        expect(canTransition(state.statut, ACTION_TARGET[action]), `${state.statut} ${action}`).toBe(true);
  });

  const state = (over: Partial<DemandeState>): DemandeState => ({
    statut: "en_cours",
    pauseOuverte: false,
    prolongee: false,
    identiteVerifiee: true,
    ...over,
  });

  it("offers the DPO the right steps", () => {
    expect(availableActions(state({ statut: "recue", identiteVerifiee: false }))).toEqual([
      "demander_complement",
      "verifier_identite",
      "repondre",
    ]);
    expect(availableActions(state({ statut: "identite_a_verifier", pauseOuverte: true, identiteVerifiee: false }))).toEqual([
      "complement_recu",
      "repondre",
    ]);
    expect(availableActions(state({}))).toEqual(["demander_complement", "prolonger", "repondre"]);
    expect(availableActions(state({ statut: "prolongee", prolongee: true }))).toEqual(["repondre"]);
    expect(availableActions(state({ statut: "repondue" }))).toEqual(["clore"]);
    expect(availableActions(state({ statut: "close" }))).toEqual([]);
  });

  it("explains refusals in French", () => {
    expect(refusalOf("prolonger", state({ statut: "en_cours", prolongee: true }))).toMatch(/une seule prolongation/);
    expect(refusalOf("complement_recu", state({}))).toBe("Aucun complément d'identité n'est attendu.");
    expect(refusalOf("clore", state({}))).toBe("Seule une demande répondue peut être close.");
    expect(refusalOf("demander_complement", state({ statut: "identite_a_verifier", pauseOuverte: true }))).toMatch(/déjà demandé/);
    for (const action of DEMANDE_ACTIONS) expect(refusalOf(action, state({ statut: "close" }))).not.toBeNull();
  });

  it("only refuses before identity is verified; accepts once it is", () => {
    expect(responseRefusal("acceptee", false)).toMatch(/Vérifiez d'abord l'identité/);
    expect(responseRefusal("partielle", false)).not.toBeNull();
    expect(responseRefusal("refusee", false)).toBeNull();
    expect(responseRefusal("acceptee", true)).toBeNull();
  });

  it("counts answered and closed requests as done", () => {
    expect(DEMANDE_STATUTS.filter(isOpen)).toEqual(["recue", "identite_a_verifier", "en_cours", "prolongee"]);
  });
});

describe("clock of a request", () => {
  it("keeps the first deadline next to the extended one", () => {
    expect(clockOf({ recueLe: "2026-01-31", pauses: [], prolongee: false })).toEqual({
      echeance: "2026-03-02",
      premiereEcheance: "2026-03-02",
      suspended: false,
    });
    expect(clockOf({ recueLe: "2026-01-31", pauses: [], prolongee: true })).toEqual({
      echeance: "2026-04-28",
      premiereEcheance: "2026-03-02",
      suspended: false,
    });
  });

  it("is suspended while identity information is awaited, and restarts on receipt", () => {
    expect(clockOf({ recueLe: "2026-04-14", pauses: [{ from: "2026-04-20", to: null }], prolongee: false })).toEqual({
      echeance: null,
      premiereEcheance: null,
      suspended: true,
    });
    expect(clockOf({ recueLe: "2026-04-14", pauses: [{ from: "2026-04-20", to: "2026-04-30" }], prolongee: false }).echeance).toBe(
      "2026-06-01",
    );
  });

  it("refuses an extension decided after the first deadline, allows it on the day", () => {
    const clock = clockOf({ recueLe: "2026-01-31", pauses: [], prolongee: false });
    expect(extensionRefusal(clock, "2026-03-02")).toBeNull();
    expect(extensionRefusal(clock, "2026-03-03")).toEqual({ premiereEcheance: "2026-03-02" });
    expect(
      extensionRefusal(clockOf({ recueLe: "2026-01-31", pauses: [{ from: "2026-02-01", to: null }], prolongee: false }), "2026-02-02"),
    ).toEqual({ premiereEcheance: null });
  });
});

describe("urgency", () => {
  it("says how late or how close, in words", () => {
    expect(urgencyLabel(urgencyOf("en_cours", "2026-03-02", "2026-03-04"))).toBe("En retard de 2 jours");
    expect(urgencyLabel(urgencyOf("en_cours", "2026-03-02", "2026-03-03"))).toBe("En retard de 1 jour");
    expect(urgencyOf("en_cours", "2026-03-10", "2026-03-05")).toEqual({ kind: "proche", days: 5 });
    expect(urgencyLabel(urgencyOf("en_cours", "2026-03-10", "2026-03-05"))).toBe("J-5");
    expect(urgencyLabel(urgencyOf("recue", "2026-03-05", "2026-03-05"))).toBe("Dernier jour");
    expect(urgencyOf("en_cours", "2026-03-12", "2026-03-05").kind).toBe("proche");
    expect(urgencyOf("en_cours", "2026-03-13", "2026-03-05").kind).toBe("normale");
    expect(urgencyOf("identite_a_verifier", null, "2026-03-05").kind).toBe("suspendue");
    expect(urgencyOf("repondue", "2026-01-01", "2026-03-05").kind).toBe("terminee");
  });
});
