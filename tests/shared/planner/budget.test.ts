import { describe, expect, it } from "vitest";
import { budget, CLOCK_EVERY } from "@iot/shared/planner/solver/budget";

describe("search budget", () => {
  it("by iterations: the share used, then null at the cap, without a clock", () => {
    const at = budget({ maxIterations: 4 });
    expect([0, 1, 2, 3, 4].map(at)).toEqual([0, 0.25, 0.5, 0.75, null]);
  });

  it("by time: the share holds between clock reads instead of falling back to 0", () => {
    // A fake clock: 0 at the start, then 50 ms further at every read (a 1000 ms limit).
    let t = 0;
    let reads = 0;
    const at = budget({
      timeLimitMs: 1000,
      now: () => {
        reads++;
        const now = t;
        t += 50;
        return now;
      },
    });
    const shares: number[] = [];
    for (let iter = 0; iter < 3 * CLOCK_EVERY; iter++) shares.push(at(iter) as number);
    // Read at the start and at iterations 0, 16 and 32 only.
    expect(reads).toBe(4);
    expect(shares.slice(0, CLOCK_EVERY)).toEqual(new Array<number>(CLOCK_EVERY).fill(0.05));
    expect(shares.slice(CLOCK_EVERY, 2 * CLOCK_EVERY)).toEqual(new Array<number>(CLOCK_EVERY).fill(0.1));
    expect(shares[2 * CLOCK_EVERY + 5]).toBeCloseTo(0.15, 12);
  });

  it("by time: null once the limit has passed; with both, the larger share and the first stop", () => {
    let t = 0;
    const at = budget({ timeLimitMs: 100, now: () => (t += 60) - 60 });
    expect(at(0)).toBeCloseTo(0.6, 12);
    expect(at(CLOCK_EVERY)).toBeNull();
    let u = 0;
    const both = budget({ timeLimitMs: 1000, maxIterations: 20, now: () => (u += 10) - 10 });
    expect(both(0)).toBeCloseTo(0.01, 12);
    expect(both(10)).toBe(0.5);
    expect(both(20)).toBeNull();
  });

  it("refuses a budget with no end", () => {
    expect(() => budget({})).toThrow(RangeError);
    expect(() => budget({ timeLimitMs: 100 })).toThrow(RangeError);
  });
});
