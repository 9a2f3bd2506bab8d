import { describe, expect, it } from "vitest";
import { formatDuration, holdText, targetReference } from "./labels";

describe("retention labels", () => {
  it("shows a target by a reference, never more than the id's random tail", () => {
    expect(targetReference("jeune", "0193a2f4-5b6c-7d8e-9f01-23456789abcd")).toBe("Dossier 6789ABCD");
    expect(targetReference("consultation", "4127")).toBe("Consultation n° 4127");
    expect(targetReference("user_session", "0193a2f4-5b6c-7d8e-9f01-aaaabbbbcccc")).toBe("Session BBBBCCCC");
  });
  it("words the holds and the durations", () => {
    expect(holdText("limitation,fse")).toBe("Limitation en cours (RGPD, art. 18) ; Audits du FSE possibles");
    expect(holdText(null)).toBe("");
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(400)).toBe("moins d'une seconde");
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
  });
});
