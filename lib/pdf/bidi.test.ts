import { describe, expect, it } from "vitest";
import { visualRuns } from "./bidi";

const runs = (text: string) => visualRuns(text).map((r) => `${r.rtl ? "R" : "L"}:${r.text}`);

describe("visualRuns", () => {
  it("leaves left-to-right text in one run", () => {
    expect(runs("Łukasz Wiśniewski, 12 rue")).toEqual(["L:Łukasz Wiśniewski, 12 rue"]);
  });

  it("keeps an all-Arabic name in one right-to-left run (fontkit shapes and reverses it)", () => {
    expect(runs("ليلى حداد")).toEqual(["R:ليلى حداد"]);
  });

  it("cuts an Arabic name out of a French line; the spaces around it stay left to right", () => {
    expect(runs("Nom : ليلى حداد, né le 3 mars")).toEqual(["L:Nom : ", "R:ليلى حداد", "L:, né le 3 mars"]);
  });

  it("draws two Arabic words split by a number right to left, the number itself left to right", () => {
    expect(runs("حداد 12 ليلى")).toEqual(["R: ليلى", "L:12", "R:حداد "]);
  });

  it("keeps Arabic-Indic digits in their order", () => {
    expect(runs("Tél : ٠٦١٢")).toEqual(["L:Tél : ", "L:٠٦١٢"]);
  });

  it("keeps combining marks with their letter", () => {
    expect(runs("Nom : لَيلى")).toEqual(["L:Nom : ", "R:لَيلى"]);
  });
});
