import { describe, expect, it } from "vitest";
import { FINALITY_LIST } from "./finalities";
import { flowsOfFinality } from "./flows";
import { ACRONYMS, explainsAcronym, usesAcronym, type Acronym } from "./glossary";
import { buildNotice, type NoticeModel } from "./notice";
import { TEST_CONTEXT } from "./test-context";

/** Every text of the notice in reading order (object keys are built in that order). */
function texts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => (k === "id" || k === "right" || k === "availability" ? [] : texts(v)));
  return [];
}

describe("buildNotice", () => {
  const notice: NoticeModel = buildNotice(TEST_CONTEXT);

  it("has one section per finality, in data-map order, titled as the data map says", () => {
    expect(notice.finalities.map((f) => f.id)).toEqual(FINALITY_LIST.map((f) => f.id));
    expect(notice.finalities.map((f) => f.title)).toEqual(FINALITY_LIST.map((f) => f.falc.title));
  });

  it("answers the five questions for every finality, with its legal references", () => {
    for (const f of notice.finalities) {
      expect(f.why.length, f.id).toBeGreaterThan(0);
      expect(f.data.length, f.id).toBeGreaterThan(0);
      expect(f.retention.length, f.id).toBeGreaterThan(0);
      expect(f.rights.length, f.id).toBe(6);
      expect(f.further, f.id).toMatch(/^Pour aller plus loin : base légale, .*\(RGPD.*art\. 6-1-[ce]\)/);
    }
  });

  it("names the recipients of each flow of the finality", () => {
    for (const f of notice.finalities) {
      expect(f.recipients.length, f.id).toBe(flowsOfFinality(f.id).length);
    }
    const c2s = notice.finalities.find((f) => f.id === "c2s");
    expect(c2s?.recipients[0]?.who).toMatch(/Assurance maladie/);
    const stats = notice.finalities.find((f) => f.id === "statistiques");
    for (const r of stats?.recipients ?? []) expect(r.what).toMatch(/sans votre nom/);
  });

  it("explains every acronym at its first use", () => {
    const all = texts(notice);
    for (const acronym of Object.keys(ACRONYMS) as Acronym[]) {
      const first = all.find((t) => usesAcronym(t, acronym));
      if (first) expect(explainsAcronym(first, acronym), `${acronym} first used unexplained in: ${first}`).toBe(true);
    }
  });

  it("sets sensitive data and the counsellor's notes apart, as never sent", () => {
    const accompagnement = notice.finalities.find((f) => f.id === "accompagnement");
    expect(accompagnement?.dataNeverSent).toHaveLength(4);
    expect(accompagnement?.dataNeverSent.join(" ")).toMatch(/santé.*justice.*notes de votre conseiller/s);
    expect(accompagnement?.dataNeverSentIntro).toMatch(/jamais envoyées/);
    expect(accompagnement?.data.join(" ")).not.toMatch(/santé|justice|notes de votre conseiller|RQTH/);
    const c2s = notice.finalities.find((f) => f.id === "c2s");
    expect(c2s?.dataNeverSent).toEqual([]);
    expect(c2s?.dataNeverSentIntro).toBe("");
  });

  it("derives the rights: no portability anywhere, no objection to a legal obligation", () => {
    for (const f of notice.finalities) expect(f.rights.find((r) => r.right === "portabilite")?.answer, f.id).toBe("Non");
    expect(notice.finalities.find((f) => f.id === "droits")?.rights.find((r) => r.right === "opposition")?.answer).toBe("Non");
    expect(notice.finalities.find((f) => f.id === "cej")?.rights.find((r) => r.right === "opposition")?.answer).toBe("Dans certains cas");
  });

  it("computes retention from the settings, not from code", () => {
    const cej = notice.finalities.find((f) => f.id === "cej");
    expect(cej?.retention.join(" ")).toContain("jusqu'à vos 28 ans");
    expect(cej?.retention.join(" ")).toContain("10 ans après la fin de votre contrat");
    const moved = buildNotice({
      ...TEST_CONTEXT,
      retention: { ...TEST_CONTEXT.retention!, dossierAnneesApresAgeMax: 3, cejAnneesApresFin: 5 },
    });
    const cej2 = moved.finalities.find((f) => f.id === "cej");
    expect(cej2?.retention.join(" ")).toContain("jusqu'à vos 29 ans");
    expect(cej2?.retention.join(" ")).toContain("5 ans après la fin de votre contrat");
  });

  it("still reads well when the retention setting has no value", () => {
    const notice2 = buildNotice({ ...TEST_CONTEXT, retention: null });
    const retention = notice2.finalities.flatMap((f) => f.retention).join(" ");
    expect(retention).toContain("la durée prévue par la loi");
    expect(retention).not.toMatch(/\d+ ans/);
  });

  it("dates the C2S from the setting: since when it applies, or from when it will", () => {
    const since = notice.finalities.find((f) => f.id === "c2s")?.why.join(" ");
    expect(since).toContain("depuis le mercredi 1er juillet 2026");
    const before = buildNotice({ ...TEST_CONTEXT, today: "2026-03-01" })
      .finalities.find((f) => f.id === "c2s")
      ?.why.join(" ");
    expect(before).toContain("à partir du mercredi 1er juillet 2026");
    const unknown = buildNotice({ ...TEST_CONTEXT, c2sStartDate: null })
      .finalities.find((f) => f.id === "c2s")
      ?.why.join(" ");
    expect(unknown).not.toMatch(/juillet/);
  });

  it("tells how to exercise rights, the deadline, the CNIL and the court", () => {
    expect(notice.rights.ask.join(" ")).toMatch(/conseiller/);
    expect(notice.rights.ask.join(" ")).toMatch(/délégué à la protection des données \(DPO\)/);
    expect(notice.rights.delays.join(" ")).toMatch(/un mois/);
    expect(notice.rights.delays.join(" ")).toMatch(/prolongé de deux mois/);
    expect(notice.complaint.cnil).toContain("CNIL (Commission nationale de l'informatique et des libertés)");
    expect(notice.complaint.postal).toBe("Par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07");
    expect(notice.complaint.online).toContain("cnil.fr");
    expect(notice.complaint.court).toMatch(/juge/);
  });

  it("names the three joint controllers", () => {
    expect(notice.controllers.list).toHaveLength(3);
    expect(notice.controllers.list.join(" ")).toMatch(/mission locale.*France Travail.*DSIML/s);
    expect(notice.controllers.further).toMatch(/2026-11/);
  });
});
