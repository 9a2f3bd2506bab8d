import { describe, expect, it } from "vitest";
import { addDays, todayInParis } from "@/lib/calendar/civil-date";
import { attendanceSchema, createSeanceSchema } from "./schema";

const A = "0190a4c6-1111-7000-8000-000000000001";
const B = "0190a4c6-2222-7000-8000-000000000002";
const S = "0190a4c6-3333-7000-8000-000000000003";
const date = addDays(todayInParis(new Date()), 7);
const base = { type: "atelier", titre: "Atelier CV", date, heureDebut: "09:00", heureFin: "10:00", animateurId: A, capacite: "8" };

describe("createSeanceSchema", () => {
  it("turns the Paris date and times into instants and drops what the type does not use", () => {
    const r = createSeanceSchema.parse({ ...base, jeuneId: B, lieu: "  " });
    expect(r).toMatchObject({ capacite: 8, jeuneId: null, lieu: null });
    expect(r.fin.getTime() - r.debut.getTime()).toBe(3600_000);
    const rdv = createSeanceSchema.parse({ ...base, type: "rendez_vous_individuel", jeuneId: B });
    expect(rdv).toMatchObject({ capacite: null, jeuneId: B });
  });

  it("reports each problem on its field, in French", () => {
    const r = createSeanceSchema.safeParse({ ...base, titre: "", date: "2026-02-30", heureFin: "25:00", capacite: "0", animateurId: "x" });
    expect(r.success).toBe(false);
    const issues = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({
      titre: expect.stringContaining("titre"),
      capacite: "Il faut au moins une place.",
      animateurId: "Choisissez qui anime la séance.",
    });
    const dates = createSeanceSchema.safeParse({ ...base, date: "2026-02-30" });
    expect(dates.error!.issues[0]).toMatchObject({ path: ["date"], message: expect.stringContaining("n'existe pas") });
    const times = createSeanceSchema.safeParse({ ...base, heureDebut: "10:00", heureFin: "10:00" });
    expect(times.error!.issues[0]).toMatchObject({ path: ["heureFin"], message: "L'heure de fin doit être après l'heure de début." });
  });
});

describe("attendanceSchema", () => {
  it("reads one line per participant from the form names", () => {
    const r = attendanceSchema.parse({
      seanceId: S,
      [`version_${A}`]: "2",
      [`presence_${A}`]: "absent_excuse",
      [`motif_${A}`]: " Malade ",
      [`version_${B}`]: "1",
      [`motif_${B}`]: "x",
    });
    expect(r).toEqual({
      seanceId: S,
      lignes: [
        { participationId: A, version: 2, presence: "absent_excuse", motif: "Malade" },
        { participationId: B, version: 1, presence: undefined, motif: null },
      ],
    });
  });

  it("refuses an unknown presence next to its participant, and an empty form", () => {
    const r = attendanceSchema.safeParse({ seanceId: S, [`version_${A}`]: "1", [`presence_${A}`]: "prevu" });
    expect(r.error!.issues[0]).toMatchObject({ path: [`presence_${A}`] });
    expect(attendanceSchema.safeParse({ seanceId: S }).success).toBe(false);
    expect(attendanceSchema.safeParse({ seanceId: "nope", [`version_${A}`]: "1" }).success).toBe(false);
  });
});
