import { describe, expect, it } from "vitest";
import {
  againstReference,
  assess,
  endRound,
  type Carrier,
  type KpiSummary,
  type PlannerGame,
  type RoundResult,
} from "@iot/shared/planner/game/index";
import { must, region } from "./fixtures.js";

const kpi = (k: Partial<KpiSummary>): KpiSummary => ({
  cost: 0,
  km: 0,
  co2Kg: 0,
  late: 0,
  minutesLate: 0,
  unplanned: 0,
  deliveries: 10,
  overCapacity: 0,
  overRange: 0,
  orders: 10,
  soloCost: 0,
  soloCo2Kg: 0,
  ...k,
});

const result = (round: 1 | 2 | 3 | 4, k: Partial<KpiSummary>, a: Partial<KpiSummary> | null, score = 0) => ({
  round,
  player: "p1",
  kpi: kpi(k),
  score,
  assistant: a ? kpi(a) : null,
  assistantScore: a ? score + 1 : null,
});

/** One planner with hand-made results and usage (the numbers in docs/planner-game.md's worked example). */
function handGame(): PlannerGame {
  const g = region(1);
  const c = g.carriers.p1!;
  const results: RoundResult[] = [
    result(1, { cost: 900, soloCost: 100, co2Kg: 100, deliveries: 9, late: 1 }, { cost: 800, co2Kg: 100 }),
    result(2, { cost: 800, co2Kg: 120 }, null),
    result(3, { cost: 800, km: 200, co2Kg: 160, late: 2 }, null),
    result(4, { cost: 800, km: 190, co2Kg: 152 }, null),
  ];
  const carrier: Carrier = {
    ...c,
    usage: {
      ...c.usage,
      asked: [0, 1, 0, 0],
      floorOrders: 4,
      floorFound: 2,
      offersMade: 1,
      replans: [
        { disruption: 0, kind: "breakdown", at: 600, orders: ["a"], replannedAt: 615 },
        { disruption: 1, kind: "traffic-jam", at: 610, orders: [], replannedAt: null },
        { disruption: 2, kind: "rush-order", at: 630, orders: ["b"], replannedAt: null },
      ],
    },
  };
  return {
    ...g,
    phase: "finished",
    round: 4,
    carriers: { p1: carrier },
    results,
    exchanges: [{ offer: "f1", from: "p1", to: "p9", order: "a", km: -10, co2Kg: -8, cost: -20 }],
  };
}

describe("assess", () => {
  it("computes every dimension of a hand-made case", () => {
    expect(assess(handGame()).p1).toEqual({
      // Round 1: 100 EUR/order against the assistant's 80 (25% above: 100 - 2 x 25 = 50); rounds 2-4 have no
      // proposal, so the best proposal in the game (80) is the reference: 80/80 -> 100. Mean 87.5 -> 88.
      efficiency: 88,
      // Round 1: 10 kg/order against 10 -> 100; round 2: 12 against 10 -> 60; round 3: 16 -> 0; round 4: 15.2 -> 0.
      green: 40,
      // On time: 8 + 10 + 8 + 10 of 40 orders.
      service: 90,
      // Round 3: on time 0.8; speed: breakdown replanned after 15 of 60 minutes (0.75), rush order never (0):
      // 100 x (0.6 x 0.8 + 0.4 x 0.375) = 63.
      adaptivity: 63,
      // One offer made (0.5 of the activity target); saved 10 of 200 km and 8 of 160 kg (5%: the full target):
      // 100 x (0.4 x 0.5 + 0.6 x 1) = 80.
      collaboration: 80,
      // Assistant asked in 1 of rounds 2-4; 2 of 4 floor items found; no edited proposal that did better:
      // 100 x (0.4 / 3 + 0.3 x 0.5 + 0) = 28.3 -> 28.
      digital: 28,
    });
  });

  it("rewards an edited proposal that beats the assistant", () => {
    const g = handGame();
    const c = g.carriers.p1!;
    const better = {
      ...g,
      results: g.results.map((r) =>
        r.round === 2 ? { ...r, score: 5, assistant: kpi({ cost: 800 }), assistantScore: 6 } : r,
      ),
      carriers: { p1: { ...c, usage: { ...c.usage, editsAfterAccept: [0, 2, 0, 0] } } },
    };
    // improve = 1 of 1 rounds with a proposal: 28 + 30.
    expect(assess(better).p1?.digital).toBe(58);
  });

  it("scores against the reference linearly and within bounds", () => {
    expect(againstReference(80, 80)).toBe(100);
    expect(againstReference(60, 80)).toBe(100);
    expect(againstReference(100, 80)).toBe(50);
    expect(againstReference(200, 80)).toBe(0);
    expect(againstReference(0, 0)).toBe(100);
    expect(againstReference(5, 0)).toBe(0);
  });

  it("stays defined and bounded for games that have barely started", () => {
    const zero = { efficiency: 0, green: 0, service: 0, adaptivity: 0, collaboration: 0, digital: expect.any(Number) };
    const g = region(3);
    expect(assess(g).p1).toEqual(zero);
    // Nobody asked the assistant: the region's best plan is the reference, and it scores 100.
    const g1 = must(endRound({ ...g, phase: "round", round: 1 }));
    const profiles = Object.values(assess(g1));
    expect(Math.max(...profiles.map((p) => p.efficiency))).toBe(100);
    for (const p of profiles) {
      for (const v of Object.values(p)) {
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
  });
});
