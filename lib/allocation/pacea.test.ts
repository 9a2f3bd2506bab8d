import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPaceaAllowance, paceaCeilingCents, type PaceaPayment } from "./pacea";

const RSA_2026 = 65169; // décret 2026-220, from 1 April 2026
const base = { rsaCents: RSA_2026, multiplier: 6 };

describe("paceaCeilingCents", () => {
  it("6 × 651,69 € = 3 910,14 €", () => {
    expect(paceaCeilingCents(RSA_2026, 6)).toBe(391014);
  });

  it("keeps the multiplier configurable (former 3× rule)", () => {
    expect(paceaCeilingCents(RSA_2026, 3)).toBe(195507);
    expect(paceaCeilingCents(100, 1.5)).toBe(150);
  });

  it("rejects nonsense", () => {
    expect(() => paceaCeilingCents(0, 6)).toThrow(RangeError);
    expect(() => paceaCeilingCents(RSA_2026, 0)).toThrow(RangeError);
  });
});

describe("checkPaceaAllowance", () => {
  it("allows a request under the ceiling and reports what is left", () => {
    const result = checkPaceaAllowance({
      ...base,
      month: "2026-11",
      requestedCents: 50000,
      previousPayments: [{ month: "2026-05", cents: 100000 }],
    });
    expect(result).toEqual({
      ok: true,
      allowedCents: 50000,
      ceilingCents: 391014,
      usedCents: 100000,
      remainingCents: 291014,
      window: { from: "2025-12", to: "2026-11" },
    });
  });

  it("allows exactly the remaining amount", () => {
    const result = checkPaceaAllowance({
      ...base,
      month: "2026-11",
      requestedCents: 91014,
      previousPayments: [{ month: "2026-01", cents: 300000 }],
    });
    expect(result).toMatchObject({ ok: true, allowedCents: 91014, remainingCents: 91014 });
  });

  it("refuses above the remaining ceiling and says how much can be asked", () => {
    const result = checkPaceaAllowance({
      ...base,
      month: "2026-11",
      requestedCents: 91015,
      previousPayments: [{ month: "2026-01", cents: 300000 }],
    });
    expect(result).toMatchObject({ ok: false, code: "ceiling_exceeded", remainingCents: 91014 });
    expect(result.ok === false && result.message).toBe(
      "Le montant demandé (910,15\u00a0€) dépasse le plafond de l'allocation PACEA : 3\u202f000,00\u00a0€ déjà versés entre décembre 2025 et novembre 2026, sur 3\u202f910,14\u00a0€ possibles en 12 mois glissants. Vous pouvez demander au plus 910,14\u00a0€ pour novembre 2026.",
    );
  });

  it("refuses when the ceiling is reached", () => {
    const result = checkPaceaAllowance({
      ...base,
      month: "2026-11",
      requestedCents: 1,
      previousPayments: [{ month: "2026-06", cents: 391014 }],
    });
    expect(result).toMatchObject({ ok: false, code: "ceiling_reached", remainingCents: 0 });
    expect(result.ok === false && result.message).toContain("Aucune allocation n'est possible pour novembre 2026");
  });

  it("rolling: a payment 12 months before no longer counts, 11 months before still does", () => {
    const full = [{ month: "2025-11", cents: 391014 }];
    expect(checkPaceaAllowance({ ...base, month: "2026-11", requestedCents: 391014, previousPayments: full }).ok).toBe(true);
    expect(checkPaceaAllowance({ ...base, month: "2026-10", requestedCents: 1, previousPayments: full }).ok).toBe(false);
  });

  it("a payment recorded for a later month also limits this month (every window holding it)", () => {
    const result = checkPaceaAllowance({
      ...base,
      month: "2026-03",
      requestedCents: 100000,
      previousPayments: [{ month: "2027-02", cents: 391014 }],
    });
    expect(result).toMatchObject({ ok: false, code: "ceiling_reached", window: { from: "2026-03", to: "2027-02" } });
  });

  it("adds up several payments of the same month", () => {
    const result = checkPaceaAllowance({
      ...base,
      month: "2026-11",
      requestedCents: 10000,
      previousPayments: [
        { month: "2026-10", cents: 20000 },
        { month: "2026-10", cents: 30000 },
      ],
    });
    expect(result).toMatchObject({ ok: true, usedCents: 50000 });
  });

  it("refuses a zero, negative or fractional request", () => {
    for (const requestedCents of [0, -100, 10.5]) {
      expect(checkPaceaAllowance({ ...base, month: "2026-11", requestedCents, previousPayments: [] })).toMatchObject({
        ok: false,
        code: "invalid_amount",
      });
    }
  });

  it("property: granting every allowed request never puts any 12-month window over the ceiling", () => {
    const request = fc.record({ month: fc.integer({ min: 0, max: 35 }), cents: fc.integer({ min: 1, max: 200000 }) });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        const paid: PaceaPayment[] = [];
        for (const r of requests) {
          const month = `${2025 + Math.floor(r.month / 12)}-${String((r.month % 12) + 1).padStart(2, "0")}`;
          const result = checkPaceaAllowance({ ...base, month, requestedCents: r.cents, previousPayments: paid });
          if (result.ok) paid.push({ month, cents: result.allowedCents });
          else expect(result.remainingCents).toBeLessThan(r.cents);
        }
        const byIndex = new Map<number, number>();
        for (const p of paid) {
          const i = Number(p.month.slice(0, 4)) * 12 + Number(p.month.slice(5, 7)) - 1;
          byIndex.set(i, (byIndex.get(i) ?? 0) + p.cents);
        }
        for (let first = 2024 * 12; first <= 2028 * 12; first++) {
          let sum = 0;
          for (let m = first; m < first + 12; m++) sum += byIndex.get(m) ?? 0;
          expect(sum).toBeLessThanOrEqual(391014);
        }
      }),
    );
  });
});
