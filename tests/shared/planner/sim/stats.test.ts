import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageRanks, mean, pearson, sd, spearman, variance } from "@iot/shared/planner/sim/stats";

/** Spearman's textbook formula, valid without ties: 1 - 6 sum d^2 / (n (n^2 - 1)). */
function spearmanNoTies(xs: number[], ys: number[]): number {
  const rx = averageRanks(xs);
  const ry = averageRanks(ys);
  const n = xs.length;
  const d2 = rx.reduce((a, r, i) => a + (r - (ry[i] as number)) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe("calibration statistics", () => {
  it("gives tied values the mean of the ranks they span", () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
    expect(averageRanks([])).toEqual([]);
  });

  it("computes the mean and the sample spread (n - 1)", () => {
    expect(mean([2, 4, 9])).toBe(5);
    expect(mean([])).toBeNull();
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sd([5])).toBeNull();
  });

  it("ranks with ties: four levels against scores with a tie at the top", () => {
    // Ranks 1, 2, 3.5, 3.5 against 1, 2, 3, 4: covariance 4.5 over sqrt(5 x 4.5).
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 30])).toBeCloseTo(4.5 / Math.sqrt(5 * 4.5), 12);
    expect(spearman([0, 0, 1, 1], [5, 5, 9, 9])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [9, 4, 1])).toBeCloseTo(-1, 12);
  });

  it("is undefined (null) when one side is constant or the lists do not pair up", () => {
    expect(spearman([1, 2, 3], [7, 7, 7])).toBeNull();
    expect(spearman([1, 2], [1, 2, 3])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });

  it("agrees with the textbook formula without ties and ignores monotone rescaling", () => {
    const distinct = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(distinct, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (xs, seed) => {
        // The second list: the same values in an order drawn from the seed (distinct, so no ties).
        const ys = xs.map((_, i) => ((i * 7919 + seed) % 100_003) + i / 1000);
        const rho = spearman(xs, ys) as number;
        expect(rho).toBeCloseTo(spearmanNoTies(xs, ys), 9);
        expect(
          spearman(
            xs.map((x) => x ** 3 + 5),
            ys,
          ),
        ).toBeCloseTo(rho, 9);
        expect(rho).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(rho).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});
