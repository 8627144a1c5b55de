import { describe, expect, it } from "vitest";
import { assistPlan, deliverLate } from "@iot/shared/planner/assistant";
import { instanceFromPoints } from "@iot/shared/planner/solver/instance";
import { evaluatePlan } from "@iot/shared/planner/evaluate";
import { DISRUPTION_MIX } from "@iot/shared/planner/disruptions";
import { DIFFICULTY_ORDERS, generateScenario } from "@iot/shared/planner/generator";
import { driveMinutes } from "@iot/shared/planner/geo";
import { DEPOT_LOADING_MIN, TOWNS } from "@iot/shared/planner/region";
import { toInstance } from "@iot/shared/planner/scenario";
import { WORKSHOP_SCENARIOS } from "@iot/shared/planner/scenarios";
import { VEHICLES } from "@iot/shared/planner/vehicles";

describe("scenarios", () => {
  it("generates the same day for the same seed, sized by difficulty", () => {
    expect(generateScenario(5, 2)).toEqual(generateScenario(5, 2));
    expect(generateScenario(5, 2)).not.toEqual(generateScenario(6, 2));
    for (const d of [1, 2, 3, 4] as const) {
      const s = generateScenario(9, d);
      expect(s.orders).toHaveLength(DIFFICULTY_ORDERS[d]);
      const pallets = s.orders.reduce((a, o) => a + o.pallets, 0);
      const room = s.fleet.reduce((a, v) => a + VEHICLES[v.type].capacityPallets, 0);
      expect(room).toBeGreaterThanOrEqual(pallets);
      // The difficulty's disruptions from the catalogue (disruptions.test.ts checks the draw).
      const mix = DISRUPTION_MIX[d];
      expect(s.disruptions).toHaveLength(mix.vehicle + mix.order + mix.road);
      for (const o of s.orders) {
        expect(TOWNS.some((t) => t.id === o.town)).toBe(true);
        expect(o.ready).toBeLessThan(o.due);
        if (o.floor?.notBefore !== undefined) expect(o.floor.notBefore).toBeGreaterThan(o.ready);
      }
    }
  });

  it("has at least three hand-made workshop days with floor knowledge", () => {
    expect(WORKSHOP_SCENARIOS.length).toBeGreaterThanOrEqual(3);
    for (const s of WORKSHOP_SCENARIOS) {
      expect(s.orders.some((o) => o.floor)).toBe(true);
      expect(new Set(s.orders.map((o) => o.id)).size).toBe(s.orders.length);
      // Their disruptions come in time order and name the day's own trucks and orders.
      const times = s.disruptions.map((d) => d.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const d of s.disruptions) {
        if ("vehicle" in d) expect(s.fleet.some((v) => v.id === d.vehicle)).toBe(true);
        if (d.kind === "window-change") expect(s.orders.some((o) => o.id === d.order)).toBe(true);
      }
    }
  });

  it("the assistant plans every order of a 60-order day within capacity and range", () => {
    const s = generateScenario(42, 4);
    let first: number | null = null;
    const plan = assistPlan(s, { seed: 1, maxIterations: 400, onFirst: (p) => (first = p.routes.length) });
    expect(first).toBeGreaterThan(0);
    const kpi = evaluatePlan(s, plan, { floor: false });
    expect(kpi.problems).toEqual([]);
    expect(kpi.unplanned).toEqual([]);
    expect(kpi.overCapacity + kpi.overRange).toBe(0);
    expect(kpi.late).toBe(0);
  });

  it("keeps the planner's fixed routes when asked", () => {
    const s = WORKSHOP_SCENARIOS[0];
    if (!s) throw new Error("no scenario");
    const keep = { routes: [{ vehicle: "r1", orders: ["s5", "s10"] }] };
    const plan = assistPlan(s, { seed: 2, maxIterations: 300, keep });
    const r1 = plan.routes.find((r) => r.vehicle === "r1");
    expect(r1?.orders).toEqual(expect.arrayContaining(["s5", "s10"]));
    expect(evaluatePlan(s, plan, { floor: false }).unplanned).toEqual([]);
  });
});

describe("the solver's instance", () => {
  it("counts the dock time at the depot on every leg out of it, and not on the way back", () => {
    const s = generateScenario(4, 1);
    const { instance } = toInstance(s);
    const n = instance.n;
    for (let j = 1; j < n; j++) {
      const km = instance.dist[j] as number;
      expect(instance.time[j]).toBeCloseTo(driveMinutes(km) + DEPOT_LOADING_MIN, 9);
      expect(instance.time[j * n]).toBeCloseTo(driveMinutes(instance.dist[j * n] as number), 9);
    }
    expect(instance.time[1 * n + 2]).toBeCloseTo(driveMinutes(instance.dist[1 * n + 2] as number), 9);
  });
});

describe("deliverLate", () => {
  it("gives an order the solver left out the place that adds the fewest km where pallets and range allow", () => {
    const instance = instanceFromPoints({
      x: [0, 10, 20, 30, 5],
      y: [0, 0, 0, 0, 5],
      demand: [0, 1, 1, 1, 5],
      metric: (dx, dy) => Math.hypot(dx, dy),
      vehicles: [
        { count: 1, capacity: 5, range: Number.POSITIVE_INFINITY, fixedCost: 0, costPerDistance: 1, costPerTime: 0 },
      ],
    });
    const sol = {
      routes: [{ vehicleType: 0, vehicle: 0, customers: [1, 3] }],
      unassigned: [2, 4],
      cost: 60,
      distance: 60,
    };
    const out = deliverLate(instance, sol);
    // Customer 2 lies on the way from 1 to 3: no km extra there.
    expect(out.routes).toEqual([{ vehicleType: 0, vehicle: 0, customers: [1, 2, 3] }]);
    // Customer 4 (5 pallets) fits on no vehicle that is left: it stays unplanned rather than overloading one.
    expect(out.unassigned).toEqual([4]);
    expect(sol.routes[0]?.customers).toEqual([1, 3]);
  });
});
