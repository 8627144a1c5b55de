import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  againstReference,
  assess,
  COLLABORATION_NONE,
  computeReference,
  endRound,
  newPlannerGame,
  roundEfficiency,
  roundGreen,
  roundRecovery,
  setPlan,
  startRound,
  withReferences,
  type Carrier,
  type Exchange,
  type KpiSummary,
  type PlannerGame,
  type RoundResult,
} from "@iot/shared/planner/game/index";
import { greedyPlan, must, region } from "./fixtures.js";

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

/** A result of p1 in `round` with its reference plan's KPIs (null: none recorded). */
const result = (
  round: 1 | 2 | 3 | 4,
  k: Partial<KpiSummary>,
  ref: Partial<KpiSummary> | null,
  player = "p1",
): RoundResult => ({
  round,
  player,
  kpi: kpi(k),
  score: 0,
  assistant: null,
  assistantScore: null,
  reference: ref ? kpi(ref) : null,
  referenceScore: ref ? 0 : null,
});

/** A finished game of `players` planners with p1's results and usage as given (hand-made evidence). */
function handGame(results: RoundResult[], exchanges: Exchange[] = [], players = 2): PlannerGame {
  const g = region(players);
  const c = g.carriers.p1!;
  // Every order is on a truck (an exchanged order is planned by its new carrier here: the exchange saves what it says).
  const carrier: Carrier = {
    ...c,
    plan: greedyPlan(c),
    usage: {
      ...c.usage,
      asked: [0, 1, 0, 0],
      floorOrders: 4,
      floorFound: 2,
      replans: [
        { disruption: 0, kind: "breakdown", at: 600, orders: ["a"], replannedAt: 615 },
        { disruption: 1, kind: "traffic-jam", at: 610, orders: [], replannedAt: null },
        { disruption: 2, kind: "rush-order", at: 630, orders: ["b"], replannedAt: null },
      ],
    },
  };
  return { ...g, phase: "finished", round: 4, carriers: { ...g.carriers, p1: carrier }, results, exchanges };
}

const fourRounds = (): RoundResult[] => [
  result(1, { cost: 900, soloCost: 100, co2Kg: 100, deliveries: 9, late: 1 }, { cost: 800, co2Kg: 100 }),
  result(2, { cost: 800, co2Kg: 120 }, { cost: 800, co2Kg: 100 }),
  result(3, { cost: 800, km: 200, co2Kg: 160, late: 2 }, { cost: 700, co2Kg: 160 }),
  result(4, { cost: 800, km: 190, co2Kg: 152 }, { cost: 800, co2Kg: 152 }),
];

describe("assess: the worked example (docs/assessment.md)", () => {
  it("computes every competence from hand-made evidence", () => {
    const exchange: Exchange = { offer: "f1", from: "p1", to: "p2", order: "c1-o1", km: -10, co2Kg: -8, cost: -20 };
    expect(assess(handGame(fourRounds(), [exchange])).p1).toEqual({
      // Round 1: 100 EUR/order against 80 -> 50; round 2: 80 against 80 -> 100; round 3: 80 against 70 (14.3% above)
      // -> 71.4; round 4: 100. Mean 80.4 -> 80.
      efficiency: 80,
      // Round 1: 10 kg against 10, 1 late more than the reference (1 of 10): 90; round 2: 12 against 10 -> 60;
      // round 3: 16 against 16, 2 late more: 80; round 4: 100. Mean 82.5 -> 83.
      green: 83,
      // On time: 8 + 10 + 8 + 10 of 40 orders.
      service: 90,
      // Round 3: on time 0.8; speed: breakdown replanned after 15 of 60 minutes (0.75), rush order never (0):
      // 100 x (0.6 x 0.8 + 0.4 x 0.375) = 63.
      adaptivity: 63,
      // Region: 10 of 200 km and 8 of 160 kg saved (5%); carrier: half of EUR 20 over its own EUR 800 (1.25%).
      // Mean 3.125% of the 5% target: 50 + 50 x 0.625 = 81.25, rounded away from 50: 82.
      collaboration: 82,
      // Assistant asked in 1 of rounds 2-4; 2 of 4 floor items found; no edited proposal that did better:
      // 100 x (0.4 / 3 + 0.3 x 0.5 + 0) = 28.3 -> 28.
      digital: 28,
    });
  });

  it("leaves a disruption out of the replan speed when the assistant's reference could plan none of its orders", () => {
    const g = handGame(fourRounds());
    const c = g.carriers.p1!;
    const replans = c.usage.replans.map((r) => (r.kind === "rush-order" ? { ...r, plannable: false } : r));
    const game = { ...g, carriers: { ...g.carriers, p1: { ...c, usage: { ...c.usage, replans } } } };
    // Only the breakdown counts (0.75): 100 x (0.6 x 0.8 + 0.4 x 0.75) = 78.
    expect(assess(game).p1?.adaptivity).toBe(78);
    // A disruption that could be planned and was not still counts 0.
    const could = c.usage.replans.map((r) => (r.kind === "rush-order" ? { ...r, plannable: true } : r));
    const slow = { ...g, carriers: { ...g.carriers, p1: { ...c, usage: { ...c.usage, replans: could } } } };
    expect(assess(slow).p1?.adaptivity).toBe(63);
  });

  it("takes leaving the open orders to hired trucks as an answer only when the day misses nothing the reference would not", () => {
    const answered = (rounds: RoundResult[]) => {
      const g = handGame(rounds);
      const c = g.carriers.p1!;
      const replans = c.usage.replans.map((r) => (r.kind === "rush-order" ? { ...r, answeredAt: 640 } : r));
      return assess({ ...g, carriers: { ...g.carriers, p1: { ...c, usage: { ...c.usage, replans } } } }).p1?.adaptivity;
    };
    // Round 3 misses 2 beyond the reference: the rush order never planned counts 0, as before: 63.
    expect(answered(fourRounds())).toBe(63);
    // The reference misses the same 2: recovery 1, the rush order answered after 10 of 60 minutes:
    // 100 x (0.6 + 0.4 x (0.75 + 0.833) / 2) = 91.7 -> 92.
    const even = fourRounds().map((r) => (r.round === 3 ? { ...r, reference: { ...r.reference!, late: 2 } } : r));
    expect(answered(even)).toBe(92);
  });

  it("counts in adaptivity only the misses beyond the reference's, and nothing of an undrivable plan", () => {
    // 3 of 10 not on time where the assistant's plan for the same day also misses 2 of them: 1 beyond it.
    expect(roundRecovery(result(3, { late: 1, unplanned: 2, deliveries: 8 }, { unplanned: 2, deliveries: 8 }))).toBe(
      0.9,
    );
    // What no plan could deliver on time is no fault of the planner; doing better than the reference is no more than 1.
    expect(roundRecovery(result(3, { unplanned: 3, deliveries: 7 }, { unplanned: 3, deliveries: 7 }))).toBe(1);
    expect(roundRecovery(result(3, {}, { late: 2 }))).toBe(1);
    // An undrivable plan's on-time deliveries cannot be driven.
    expect(roundRecovery(result(3, { overRange: 1 }, { late: 2 }))).toBe(0);
    expect(roundRecovery(result(3, { drivingBreaches: 1 }, { late: 2 }))).toBe(0);
    // Without a reference: the on-time share.
    expect(roundRecovery(result(3, { late: 3 }, null))).toBe(0.7);
  });

  it("scores against the reference linearly and within bounds", () => {
    expect(againstReference(80, 80)).toBe(100);
    expect(againstReference(60, 80)).toBe(100);
    expect(againstReference(100, 80)).toBe(50);
    expect(againstReference(200, 80)).toBe(0);
    expect(againstReference(0, 0)).toBe(100);
    expect(againstReference(5, 0)).toBe(0);
  });
});

describe("assess: only what can be driven counts", () => {
  it("scores an undrivable plan below a drivable one, however cheap and green it looks", () => {
    // All orders on one electric truck: cheap and clean on paper, far over its range, most deliveries late.
    const undrivable = result(1, { cost: 500, co2Kg: 5, overRange: 1, late: 9, minutesLate: 900 }, { cost: 800 });
    // A drivable plan 30% above the reference's cost and CO2.
    const drivable = result(1, { cost: 1040, co2Kg: 130 }, { cost: 800, co2Kg: 100 });
    expect(roundEfficiency(undrivable)).toBe(0);
    expect(roundGreen(undrivable)).toBe(0);
    expect(roundEfficiency(drivable)).toBeCloseTo(40);
    expect(roundGreen(drivable)).toBeCloseTo(40);
    const overCapacity = result(1, { cost: 700, co2Kg: 80, overCapacity: 1 }, { cost: 800, co2Kg: 100 });
    expect(roundEfficiency(overCapacity)).toBe(0);
    // A driver over the daily driving limit (EU Regulation 561/2006): not drivable either.
    const overDriving = result(1, { cost: 700, co2Kg: 80, drivingBreaches: 1 }, { cost: 800, co2Kg: 100 });
    expect([roundEfficiency(overDriving), roundGreen(overDriving)]).toEqual([0, 0]);
  });

  it("on a generated day: every order on the electric truck scores 0, a drivable plan more", () => {
    let g = must(
      newPlannerGame({
        players: [
          { id: "p1", name: "A" },
          { id: "p2", name: "B" },
        ],
        difficulty: 2,
        seed: 7,
      }),
    );
    g = must(startRound(g, 1));
    const c1 = g.carriers.p1!;
    const electric = c1.scenario.fleet.find((v) => v.type === "electric-rigid")!;
    g = must(setPlan(g, "p1", { routes: [{ vehicle: electric.id, orders: c1.scenario.orders.map((o) => o.id) }] }));
    // p2 takes the assistant's plan for its day, with the last truck's stops driven in reverse.
    const assisted = computeReference(g, "p2")!.plan;
    const last = assisted.routes.at(-1)!;
    const reversed = { routes: [...assisted.routes.slice(0, -1), { ...last, orders: [...last.orders].reverse() }] };
    g = must(setPlan(g, "p2", reversed));
    g = must(endRound(withReferences(g)));
    const [r1, r2] = ["p1", "p2"].map((p) => g.results.find((r) => r.player === p)!);
    expect(r1!.kpi.overRange).toBeGreaterThan(0);
    expect(r2!.kpi.overCapacity + r2!.kpi.overRange).toBe(0);
    const profiles = assess(g);
    expect([profiles.p1?.efficiency, profiles.p1?.green]).toEqual([0, 0]);
    expect(profiles.p2?.efficiency).toBeGreaterThan(0);
    expect(profiles.p2?.green).toBeGreaterThan(0);
  });

  it("prices late minutes and unplanned orders into efficiency", () => {
    const ref = { cost: 800, co2Kg: 100 };
    const onTime = roundEfficiency(result(1, { cost: 800 }, ref)) as number;
    const late = roundEfficiency(result(1, { cost: 800, late: 2, minutesLate: 100 }, ref)) as number;
    const leftOut = roundEfficiency(result(1, { cost: 700, unplanned: 1, soloCost: 250 }, ref)) as number;
    expect(onTime).toBe(100);
    // 100 EUR of lateness over 10 orders: 12.5% above the reference.
    expect(late).toBeCloseTo(75);
    // Leaving an order out saves EUR 100 of route but its solo trip costs EUR 250.
    expect(leftOut).toBeLessThan(onTime);
  });

  it("does not count a round without a reference plan, and says not applicable when none has one", () => {
    const g = handGame([result(1, { cost: 900 }, null), result(2, { cost: 1000 }, { cost: 800 })]);
    // Only round 2 counts: 25% above -> 50.
    expect(assess(g).p1?.efficiency).toBe(50);
    expect(assess(handGame([result(1, { cost: 900 }, null)])).p1?.efficiency).toBeNull();
  });
});

describe("assess: the yardstick is the assistant's plan, asked or not", () => {
  it("measures a planner who never asks against the assistant's plan for the same day", () => {
    let g = must(startRound(region(2, 7), 1));
    // p1 plans greedily in fleet order, p2 leaves every order but one on the first truck: both never ask.
    g = must(setPlan(g, "p1", greedyPlan(g.carriers.p1!)));
    const p2 = g.carriers.p2!;
    const spread = p2.scenario.orders.map((o, i) => ({
      vehicle: p2.scenario.fleet[i % p2.scenario.fleet.length]!.id,
      orders: [o.id],
    }));
    const byVehicle = new Map<string, string[]>();
    for (const r of spread) byVehicle.set(r.vehicle, [...(byVehicle.get(r.vehicle) ?? []), ...r.orders]);
    g = must(setPlan(g, "p2", { routes: [...byVehicle].map(([vehicle, orders]) => ({ vehicle, orders })) }));
    expect(g.carriers.p1!.usage.asked.every((n) => n === 0)).toBe(true);
    g = must(endRound(withReferences(g)));
    const profiles = assess(g);
    for (const p of ["p1", "p2"]) {
      const r = g.results.find((x) => x.player === p)!;
      expect(r.reference).not.toBeNull();
      // The planner's own plan is not the yardstick: the assistant's is cheaper, so neither scores 100.
      expect(r.score).toBeGreaterThan(r.referenceScore as number);
      expect(profiles[p]?.efficiency).toBeLessThan(100);
    }
    // Without the assistant's plan the round has no yardstick at all (the old fallback was the region's best plan).
    const without = must(endRound(must(startRound(region(2, 7), 1))));
    expect(assess(without).p1?.efficiency).toBeNull();
  });
});

describe("assess: collaboration from the real gain", () => {
  const rounds = (player: string) => [
    result(3, { cost: 800, km: 200, co2Kg: 160 }, { cost: 800, co2Kg: 160 }, player),
    result(4, { cost: 800, km: 200, co2Kg: 160 }, { cost: 800, co2Kg: 160 }, player),
  ];
  const both = () => [...rounds("p1"), ...rounds("p2")];
  const exchange = (km: number, co2Kg: number, cost: number): Exchange => ({
    offer: "f1",
    from: "p1",
    to: "p2",
    order: "c1-o1",
    km,
    co2Kg,
    cost,
  });

  it("scores a worsening exchange below none, and a saving one above it, for both carriers", () => {
    // No exchange where an offer would have gained the region (`exchangeChance`): nothing gained, nothing lost.
    const chance = handGame(both());
    for (const p of ["p1", "p2"]) {
      const c = chance.carriers[p]!;
      chance.carriers[p] = { ...c, usage: { ...c.usage, exchangeChance: true } };
    }
    const none = assess(chance);
    const worse = assess(handGame(both(), [exchange(172, 120, 90)]));
    const better = assess(handGame(both(), [exchange(-8, -6, -30)]));
    for (const p of ["p1", "p2"]) {
      expect(none[p]?.collaboration).toBe(COLLABORATION_NONE);
      expect(worse[p]?.collaboration).toBeLessThan(COLLABORATION_NONE);
      expect(better[p]?.collaboration).toBeGreaterThan(COLLABORATION_NONE);
    }
    // 172 km more over 200 km of one's own is far past the 5% loss that scores 0.
    expect(worse.p1?.collaboration).toBe(0);
  });

  it("counts an exchanged order left unplanned as its solo trip", () => {
    // On paper the exchange saves 5 km, but the taker never plans the order: the region drives a solo trip for it.
    const g = handGame(both(), [exchange(-5, -4, -40)]);
    const c1 = g.carriers.p1!;
    const order = c1.scenario.orders[0]!;
    const p2 = g.carriers.p2!;
    const moved = {
      ...g,
      exchanges: [{ ...exchange(-5, -4, -40), order: order.id }],
      carriers: {
        ...g.carriers,
        p1: { ...c1, scenario: { ...c1.scenario, orders: c1.scenario.orders.slice(1) } },
        p2: { ...p2, scenario: { ...p2.scenario, orders: [...p2.scenario.orders, order] } },
      },
    };
    expect(assess(moved).p1?.collaboration).toBeLessThan(COLLABORATION_NONE);
  });

  it("is not applicable to a planner alone in the region or before round 4 ended", () => {
    expect(assess(handGame(rounds("p1"), [], 1)).p1?.collaboration).toBeNull();
    expect(assess(handGame([rounds("p1")[0]!])).p1?.collaboration).toBeNull();
  });
});

describe("assess: not applicable where the game gave no chance", () => {
  it("gives null for every competence before any round ended, and only for unplayed ones after round 1", () => {
    const g = region(3);
    expect(assess(g).p1).toEqual({
      efficiency: null,
      green: null,
      service: null,
      adaptivity: null,
      collaboration: null,
      digital: null,
    });
    const g1 = must(endRound(withReferences(must(startRound(g, 1)))));
    const p = assess(g1).p1!;
    expect(p.efficiency).not.toBeNull();
    expect(p.service).not.toBeNull();
    expect([p.adaptivity, p.collaboration, p.digital]).toEqual([null, null, null]);
    for (const profile of Object.values(assess(g1))) {
      for (const v of Object.values(profile)) {
        if (v === null) continue;
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe("assess: the evidence rules hold for any figures (seeded)", () => {
  const figures = fc.record({
    cost: fc.double({ min: 100, max: 20_000, noNaN: true }),
    co2Kg: fc.double({ min: 1, max: 2_000, noNaN: true }),
    late: fc.integer({ min: 0, max: 10 }),
    minutesLate: fc.double({ min: 0, max: 600, noNaN: true }),
    soloCost: fc.double({ min: 0, max: 2_000, noNaN: true }),
  });
  const breach = fc.record({
    overCapacity: fc.integer({ min: 0, max: 2 }),
    overRange: fc.integer({ min: 0, max: 2 }),
    drivingBreaches: fc.integer({ min: 0, max: 2 }),
  });

  it("never lets an undrivable plan beat a drivable one against the same reference", () => {
    fc.assert(
      fc.property(figures, figures, figures, breach, (ref, bad, good, b) => {
        fc.pre(b.overCapacity + b.overRange + b.drivingBreaches > 0);
        const undrivable = result(1, { ...bad, ...b }, ref);
        const drivable = result(1, good, ref);
        expect(roundEfficiency(undrivable)).toBeLessThanOrEqual(roundEfficiency(drivable) as number);
        expect(roundGreen(undrivable)).toBeLessThanOrEqual(roundGreen(drivable) as number);
      }),
      { seed: 20_261_201, numRuns: 300 },
    );
  });

  it("scores every exchange that adds km, CO2 and cost below none, and every saving one above it", () => {
    const change = fc.record({
      km: fc.double({ min: 0.001, max: 300, noNaN: true }),
      co2Kg: fc.double({ min: 0.001, max: 250, noNaN: true }),
      cost: fc.double({ min: 0.001, max: 500, noNaN: true }),
    });
    const rounds = (player: string) => [
      result(3, { cost: 800, km: 200, co2Kg: 160 }, { cost: 800, co2Kg: 160 }, player),
      result(4, { cost: 800, km: 200, co2Kg: 160 }, { cost: 800, co2Kg: 160 }, player),
    ];
    const results = [...rounds("p1"), ...rounds("p2")];
    fc.assert(
      fc.property(change, (d) => {
        const x = (sign: number): Exchange => ({
          offer: "f1",
          from: "p1",
          to: "p2",
          order: "c1-o1",
          km: sign * d.km,
          co2Kg: sign * d.co2Kg,
          cost: sign * d.cost,
        });
        const worse = assess(handGame(results, [x(1)]));
        const better = assess(handGame(results, [x(-1)]));
        for (const p of ["p1", "p2"]) {
          expect(worse[p]?.collaboration).toBeLessThan(COLLABORATION_NONE);
          expect(better[p]?.collaboration).toBeGreaterThan(COLLABORATION_NONE);
        }
      }),
      { seed: 20_261_202, numRuns: 200 },
    );
  });
});
