import { describe, expect, it } from "vitest";
import {
  addRefusal,
  cancelRefusal,
  capacityRefusal,
  closeRefusal,
  frozenReason,
  inscritsLabel,
  presenceRefusal,
  seanceState,
} from "./rules";

const now = new Date("2026-11-25T10:00:00Z");
const past = new Date("2026-11-24T08:00:00Z");
const future = new Date("2026-11-26T08:00:00Z");

describe("capacity", () => {
  it("lets young people join a collective séance up to its capacity", () => {
    expect(addRefusal({ type: "atelier", capacite: 3 }, 2)).toBeNull();
    expect(addRefusal({ type: "atelier", capacite: 3 }, 3)).toContain("complète");
    expect(addRefusal({ type: "information_collective", capacite: null }, 50)).toBeNull();
  });

  it("keeps an individual rendez-vous to one young person", () => {
    expect(addRefusal({ type: "rendez_vous_individuel", capacite: null }, 1)).toContain("un seul jeune");
  });

  it("refuses a capacity below the registered count", () => {
    expect(capacityRefusal(2, 2)).toBeNull();
    expect(capacityRefusal(5, 0)).toBeNull();
    expect(capacityRefusal(1, 2)).toContain("au moins 2");
  });

  it("says how many are registered", () => {
    expect(inscritsLabel(1, null)).toBe("1 inscrit");
    expect(inscritsLabel(3, 12)).toBe("3 inscrits / 12 places");
    expect(inscritsLabel(0, 1)).toBe("0 inscrit / 1 place");
  });
});

describe("séance state", () => {
  it("is cancelled before closed, and frozen in both", () => {
    expect(seanceState({ annuleeLe: null, clotureeLe: null })).toBe("planifiee");
    expect(seanceState({ annuleeLe: now, clotureeLe: null })).toBe("annulee");
    expect(seanceState({ annuleeLe: null, clotureeLe: now })).toBe("cloturee");
    expect(frozenReason({ annuleeLe: null, clotureeLe: null })).toBeNull();
    expect(frozenReason({ annuleeLe: now, clotureeLe: null })).toContain("annulée");
    expect(frozenReason({ annuleeLe: null, clotureeLe: now })).toContain("clôturée");
  });

  it("closes only a started séance where nobody is still expected", () => {
    const open = { annuleeLe: null, clotureeLe: null, debut: past };
    expect(closeRefusal(open, ["present", "absent_excuse", "absent_non_excuse"], now)).toBeNull();
    expect(closeRefusal(open, [], now)).toBeNull();
    expect(closeRefusal(open, ["present", "prevu"], now)).toContain("Un participant est encore « prévu »");
    expect(closeRefusal(open, ["prevu", "prevu"], now)).toContain("2 participants");
    expect(closeRefusal({ ...open, debut: future }, ["present"], now)).toContain("pas encore commencé");
    expect(closeRefusal({ ...open, clotureeLe: now }, ["present"], now)).toContain("clôturée");
  });

  it("accepts only excused absences before the start", () => {
    expect(presenceRefusal("absent_excuse", future, now)).toBeNull();
    expect(presenceRefusal("present", future, now)).toContain("pas encore commencé");
    expect(presenceRefusal("absent_non_excuse", future, now)).toContain("pas encore commencé");
    expect(presenceRefusal("present", past, now)).toBeNull();
  });
});

describe("cancelling", () => {
  it("is refused once the séance took place", () => {
    expect(cancelRefusal(["prevu", "absent_excuse"])).toBeNull();
    expect(cancelRefusal(["prevu", "present"])).toContain("Clôturez-la");
    expect(cancelRefusal(["absent_non_excuse"])).toContain("Clôturez-la");
  });
});
