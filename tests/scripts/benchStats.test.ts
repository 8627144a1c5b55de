import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { percentile, procStats, slope } from "../../scripts/benchStats.js";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles of a sorted array", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.5)).toBe(50);
    expect(percentile(xs, 0.99)).toBe(99);
    expect(percentile(xs, 1)).toBe(100);
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([1.234], 0.99)).toBe(1.2);
  });

  it("reads CPU time and memory of a live process from /proc", () => {
    const s = procStats(process.pid, readFileSync);
    expect(s.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(s.peakRssBytes).toBeGreaterThanOrEqual(s.rssBytes);
    expect(s.cpuSeconds).toBeGreaterThan(0);
  });

  it("fits a least-squares slope", () => {
    expect(slope([0, 1, 2, 3], [10, 12, 14, 16])).toBeCloseTo(2, 9);
    expect(slope([0, 1, 2], [5, 5, 5])).toBe(0);
    expect(slope([1], [3])).toBe(0);
  });
});
