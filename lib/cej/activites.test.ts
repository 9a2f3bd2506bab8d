import { describe, expect, it } from "vitest";
import { actionActivity, actionKind, actionStatus, participationActivity, presenceStatus, type ActionCategorieCode } from "./activites";
import { isInWeek, isoWeekOf } from "@/lib/calendar/iso-week";

describe("action → gauge activity", () => {
  it("counts employment and training as 'action emploi-formation', every other category as 'autre action'", () => {
    const all: ActionCategorieCode[] = [
      "emploi",
      "formation",
      "sante",
      "logement",
      "citoyennete",
      "loisirs_sport",
      "projet_pro",
      "demarches",
      "autre",
    ];
    expect(Object.fromEntries(all.map((c) => [c, actionKind(c)]))).toEqual({
      emploi: "action_emploi_formation",
      formation: "action_emploi_formation",
      sante: "autre_action",
      logement: "autre_action",
      citoyennete: "autre_action",
      loisirs_sport: "autre_action",
      projet_pro: "autre_action",
      demarches: "autre_action",
      autre: "autre_action",
    });
  });

  it("validates only finished actions a counsellor qualified; finished but unqualified stays declared", () => {
    expect(actionStatus("a_faire", false)).toBe("prevue");
    expect(actionStatus("en_cours", false)).toBe("prevue");
    expect(actionStatus("terminee", false)).toBe("prevue");
    expect(actionStatus("terminee", true)).toBe("realisee");
    expect(actionStatus("annulee", false)).toBe("annulee");
  });

  it("dates the action on its start and keeps its duration for display only", () => {
    const a = actionActivity({
      id: "a",
      categorie: "formation",
      statut: "terminee",
      debut: "2026-11-23",
      qualifieeLe: new Date("2026-11-24T10:00:00Z"),
      libelle: "CACES",
      dureeMinutes: 420,
    });
    expect(a).toMatchObject({
      kind: "action_emploi_formation",
      statut: "realisee",
      date: "2026-11-23",
      durationMinutes: 420,
      source: "action",
      qualifiee: true,
    });
  });
});

describe("séance attendance → gauge activity", () => {
  it("maps attendance, and a cancelled séance wins over any attendance", () => {
    expect(presenceStatus("prevu", false)).toBe("prevue");
    expect(presenceStatus("present", false)).toBe("realisee");
    expect(presenceStatus("absent_excuse", false)).toBe("absent_excuse");
    expect(presenceStatus("absent_non_excuse", false)).toBe("absent_non_excuse");
    for (const p of ["prevu", "present", "absent_excuse", "absent_non_excuse"] as const) expect(presenceStatus(p, true)).toBe("annulee");
  });

  const seance = (debut: string, type: "atelier" | "information_collective" | "rendez_vous_individuel" = "atelier") =>
    participationActivity({
      id: "p",
      presence: "present",
      seanceType: type,
      seanceDebut: new Date(debut),
      seanceFin: new Date(new Date(debut).getTime() + 90 * 60_000),
      seanceAnnuleeLe: null,
      titre: "Atelier CV",
    });

  it("keeps the séance type as the kind", () => {
    expect(seance("2026-11-24T09:00:00Z", "information_collective").kind).toBe("information_collective");
    expect(seance("2026-11-24T09:00:00Z", "rendez_vous_individuel").kind).toBe("rendez_vous_individuel");
    expect(seance("2026-11-24T09:00:00Z").durationMinutes).toBe(90);
  });

  it("dates a séance by its Paris civil date, across midnight in winter (UTC+1) and summer (UTC+2)", () => {
    // Sunday 29 Nov 2026, 23:30 in Paris = 22:30 UTC; Monday 00:30 in Paris = Sunday 23:30 UTC.
    expect(seance("2026-11-29T22:30:00Z").date).toBe("2026-11-29");
    expect(seance("2026-11-29T23:30:00Z").date).toBe("2026-11-30");
    expect(seance("2026-11-29T23:00:00Z").date).toBe("2026-11-30");
    // Summer: midnight in Paris is 22:00 UTC the day before.
    expect(seance("2026-06-30T21:59:00Z").date).toBe("2026-06-30");
    expect(seance("2026-06-30T22:00:00Z").date).toBe("2026-07-01");
    // DST change night (29 March 2026, 02:00 → 03:00): 00:30 UTC is 01:30 CET on the 29th.
    expect(seance("2026-03-29T00:30:00Z").date).toBe("2026-03-29");
  });

  it("puts a séance at 00:30 Monday (Paris) in the new ISO week, not the previous one", () => {
    const activity = seance("2026-11-29T23:30:00Z");
    expect(isInWeek(activity.date, isoWeekOf("2026-11-30"))).toBe(true);
    expect(isInWeek(activity.date, isoWeekOf("2026-11-29"))).toBe(false);
  });
});
