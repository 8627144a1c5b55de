import { describe, expect, it } from "vitest";
import { evaluatePlan, type Plan } from "@iot/shared/planner/evaluate";
import { generateScenario } from "@iot/shared/planner/generator";
import { driveMinutes, roadKm } from "@iot/shared/planner/geo";
import { DEPOT, DEPOT_LOADING_MIN, town } from "@iot/shared/planner/region";
import { hm, toInstance, type Order, type Scenario } from "@iot/shared/planner/scenario";
import { drive, EU_DRIVING_RULES, serve, startClock, type BreakTaken } from "@iot/shared/planner/solver/breaks";
import { costRates, VEHICLES } from "@iot/shared/planner/vehicles";
import { instanceFromPoints, type VrpInstance } from "@iot/shared/planner/solver/instance";
import { emptyRoute, insertionCost, refresh } from "@iot/shared/planner/solver/route";
import { solveVrp } from "@iot/shared/planner/solver/sisr";

/** Drive minutes of the legs depot -> towns -> depot, as the evaluation drives them. */
function legs(towns: string[]): number[] {
  const places = [DEPOT, ...towns.map(town), DEPOT];
  return places.slice(1).map((p, i) => driveMinutes(roadKm(places[i] as typeof p, p)));
}

const order = (id: string, t: string, extra: Partial<Order> = {}): Order => ({
  id,
  town: t,
  customer: id,
  pallets: 1,
  ready: hm(6),
  due: hm(21),
  serviceMin: 5,
  ...extra,
});

/** A day with wide windows from 06:00 to 22:00 and one diesel rigid truck. */
const day = (orders: Order[]): Scenario => ({
  id: "breaks",
  title: { nl: "x", en: "x" },
  dayStart: hm(6),
  dayEnd: hm(22),
  orders,
  fleet: [{ id: "r1", type: "diesel-rigid" }],
  disruptions: [],
});

const route = (...orders: string[]): Plan => ({ routes: [{ vehicle: "r1", orders }] });

describe("the driving-time steps", () => {
  it("a 5-hour drive stops for 45 minutes when 4.5 hours are driven", () => {
    const c = startClock(hm(8));
    const log: BreakTaken[] = [];
    drive(EU_DRIVING_RULES, c, 300, log, 0);
    expect(log).toEqual([{ start: hm(8) + 270, minutes: 45, after: 0, onRoad: true }]);
    expect(c.t).toBe(hm(8) + 300 + 45);
    expect([c.drivenSinceBreak, c.drivenToday]).toEqual([30, 300]);
  });

  it("driving exactly 4.5 hours needs no break yet; the next minute of driving does", () => {
    const c = startClock(0);
    const log: BreakTaken[] = [];
    drive(EU_DRIVING_RULES, c, 270, log, 0);
    expect(log).toEqual([]);
    drive(EU_DRIVING_RULES, c, 1, log, 1);
    expect(log).toEqual([{ start: 270, minutes: 45, after: 1, onRoad: true }]);
    expect(c.t).toBe(316);
  });

  it("six hours of work (driving and unloading) call for a break before the next unloading, from arriving", () => {
    const c = startClock(0);
    const log: BreakTaken[] = [];
    drive(EU_DRIVING_RULES, c, 60, log, 0);
    expect(serve(EU_DRIVING_RULES, c, 0, 240, log, 1)).toBe(60);
    drive(EU_DRIVING_RULES, c, 30, log, 1);
    // 60 + 240 + 30 = 330 minutes of work; 60 more minutes of unloading would make 390 > 360.
    const start = serve(EU_DRIVING_RULES, c, 340, 60, log, 2);
    expect(log).toEqual([{ start: 330, minutes: 45, after: 2, onRoad: false }]);
    // The wait for the window (330 -> 340) is part of the break.
    expect(start).toBe(375);
  });

  it("a wait of at least 45 minutes is the break and costs no time", () => {
    const c = startClock(0);
    const log: BreakTaken[] = [];
    drive(EU_DRIVING_RULES, c, 250, log, 0);
    expect(serve(EU_DRIVING_RULES, c, 300, 10, log, 1)).toBe(300);
    expect(log).toEqual([{ start: 250, minutes: 45, after: 1, onRoad: false }]);
    drive(EU_DRIVING_RULES, c, 250, log, 1);
    expect(log).toHaveLength(1);
  });
});

describe("breaks in the plan evaluation", () => {
  const orders = [
    order("h1", "harlingen"),
    order("e1", "emmen"),
    order("h2", "harlingen"),
    order("e2", "emmen"),
    order("h3", "harlingen"),
  ];
  const s = day(orders);

  it("a route with more than 4.5 hours of driving takes a 45-minute break on the road, which makes it later and dearer", () => {
    const l = legs(["harlingen", "emmen", "harlingen"]);
    const driving = l.reduce((a, b) => a + b, 0);
    expect(driving).toBeGreaterThan(270);
    expect(driving).toBeLessThan(540);
    const withBreaks = evaluatePlan(s, route("h1", "e1", "h2"));
    const without = evaluatePlan(s, route("h1", "e1", "h2"), { breaks: false });
    const r = withBreaks.routes[0];
    const bare = without.routes[0];
    // Loading (work, not driving) from 06:00, then 4.5 h of driving and two unloadings before the break.
    const breakStart = hm(6) + DEPOT_LOADING_MIN + 270 + 2 * 5;
    expect(r?.breaks).toEqual([{ start: Math.round(breakStart * 100) / 100, minutes: 45, after: 2, onRoad: true }]);
    expect(bare?.breaks).toEqual([]);
    // The break falls on the third leg: the first two stops are as before, the third 45 minutes later.
    expect(r?.stops[1]?.start).toBeCloseTo(bare?.stops[1]?.start ?? NaN, 2);
    expect(r?.stops[2]?.arrival).toBeCloseTo((bare?.stops[2]?.arrival ?? NaN) + 45, 2);
    expect(r?.workHours).toBeCloseTo((bare?.workHours ?? NaN) + 0.75, 3);
    expect(r?.driveHours).toBeCloseTo(driving / 60, 3);
    const perMinute = costRates(VEHICLES["diesel-rigid"]).costPerTime;
    expect(r?.cost).toBeCloseTo((bare?.cost ?? NaN) + 45 * perMinute, 1);
    expect(r?.breaches).toEqual([]);
    expect([withBreaks.breaks, withBreaks.breakMinutes, withBreaks.drivingBreaches]).toEqual([1, 45, 0]);
  });

  it("a route with more than 9 hours of driving is a breach, by the minutes over", () => {
    const driving = legs(["harlingen", "emmen", "harlingen", "emmen", "harlingen"]).reduce((a, b) => a + b, 0);
    expect(driving).toBeGreaterThan(540);
    const kpi = evaluatePlan(s, route("h1", "e1", "h2", "e2", "h3"));
    const r = kpi.routes[0];
    expect(r?.breaches).toEqual([{ code: "DAILY_DRIVING", minutes: Math.round((driving - 540) * 100) / 100 }]);
    expect(r?.breaks.length).toBe(2);
    expect(kpi.drivingBreaches).toBe(1);
    // Without the rules there is no limit.
    expect(evaluatePlan(s, route("h1", "e1", "h2", "e2", "h3"), { breaks: false }).drivingBreaches).toBe(0);
  });

  it("breaks that bring the truck back after the depot closes are a breach; a route late anyway is not", () => {
    const l = legs(["harlingen", "emmen", "harlingen"]);
    const bareBack = hm(6) + DEPOT_LOADING_MIN + l.reduce((a, b) => a + b, 0) + 3 * 5;
    const tight = { ...s, dayEnd: Math.ceil(bareBack) + 10 };
    const kpi = evaluatePlan(tight, route("h1", "e1", "h2"));
    expect(kpi.routes[0]?.breaches).toEqual([
      { code: "BREAKS_AFTER_DAY_END", minutes: Math.round((bareBack + 45 - tight.dayEnd) * 100) / 100 },
    ]);
    const tooTight = { ...s, dayEnd: Math.floor(bareBack) - 10 };
    expect(evaluatePlan(tooTight, route("h1", "e1", "h2")).routes[0]?.breaches).toEqual([]);
  });

  it("a truck held at a stop for 45 minutes or more has its break there", () => {
    const l = legs(["harlingen", "emmen", "harlingen"]);
    const doneAtHarlingen = hm(6) + DEPOT_LOADING_MIN + (l[0] as number) + 5;
    const until = Math.ceil(doneAtHarlingen) + 50;
    const r = evaluatePlan(s, route("h1", "e1", "h2"), { holds: { r1: [{ after: 1, until }] } }).routes[0];
    expect(r?.breaks[0]).toEqual({
      start: Math.round(doneAtHarlingen * 100) / 100,
      minutes: 45,
      after: 1,
      onRoad: false,
    });
    expect(r?.stops[1]?.leave).toBe(until);
    // The hold reset the counts: 125 + 125 + 84 minutes of driving after it need one more break after 4.5 h of driving and two unloadings.
    expect(r?.breaks).toHaveLength(2);
    expect(r?.breaks[1]?.start).toBeCloseTo(until + 270 + 2 * 5, 1);
  });

  it("a customer who makes the driver wait 45 minutes or more gives the break for free", () => {
    const l = legs(["harlingen", "emmen", "harlingen"]);
    const atEmmen = hm(6) + DEPOT_LOADING_MIN + (l[0] as number) + 5 + (l[1] as number);
    const waiting = day([
      order("h1", "harlingen"),
      order("e1", "emmen", { ready: atEmmen + 50 }),
      order("h2", "harlingen"),
    ]);
    const r = evaluatePlan(waiting, route("h1", "e1", "h2")).routes[0];
    expect(r?.breaks).toEqual([{ start: Math.round(atEmmen * 100) / 100, minutes: 45, after: 2, onRoad: false }]);
    expect(r?.stops[1]?.start).toBeCloseTo(atEmmen + 50, 1);
  });
});

/** Four customers 200 time units east and west of the depot on one line: one truck drives 800, two drive 400 each. */
function lineInstance(breaks: boolean): VrpInstance {
  const inst = instanceFromPoints({
    x: [0, 200, 201, -200, -201],
    y: [0, 0, 0, 0, 0],
    demand: [0, 1, 1, 1, 1],
    service: [0, 5, 5, 5, 5],
    due: [2000, 2000, 2000, 2000, 2000],
    metric: (dx, dy) => Math.hypot(dx, dy),
    vehicles: [
      { count: 2, capacity: 10, range: Number.POSITIVE_INFINITY, fixedCost: 100, costPerDistance: 1, costPerTime: 0 },
    ],
  });
  return breaks ? { ...inst, breaks: { ...EU_DRIVING_RULES } } : inst;
}

describe("breaks in the solver", () => {
  it("with the rules it never drives more than 9 hours in a route when two trucks can do it legally", () => {
    const unruled = solveVrp(lineInstance(false), { seed: 1, maxIterations: 300 });
    // Without the rules one truck is cheaper (the same distance, one fixed cost): the case the option exists for.
    expect(unruled.routes).toHaveLength(1);
    for (let seed = 1; seed <= 20; seed++) {
      const inst = lineInstance(true);
      const sol = solveVrp(inst, { seed, maxIterations: 300 });
      expect(sol.unassigned, `seed ${seed}`).toEqual([]);
      expect(sol.routes, `seed ${seed}`).toHaveLength(2);
      for (const r of sol.routes) {
        const w = emptyRoute(r.vehicleType, r.vehicle);
        w.seq = r.customers.slice();
        expect(refresh(inst, w), `seed ${seed}`).toBe(true);
        expect(w.breach, `seed ${seed}`).toBe(0);
      }
    }
  });

  it("an insertion whose window only a break would miss is refused, though the quick test lets it through", () => {
    const inst = instanceFromPoints({
      x: [0, 250, 260],
      y: [0, 0, 0],
      demand: [0, 1, 1],
      due: [2000, 2000, 265],
      metric: (dx, dy) => Math.hypot(dx, dy),
      vehicles: [
        { count: 1, capacity: 10, range: Number.POSITIVE_INFINITY, fixedCost: 0, costPerDistance: 1, costPerTime: 0 },
      ],
    });
    const ruled: VrpInstance = { ...inst, breaks: { ...EU_DRIVING_RULES } };
    const r = emptyRoute(0, 0);
    r.seq = [1];
    refresh(ruled, r);
    // After 250 + 10 = 260 of driving node 2 is reached in time; its window closes at 265, before the break
    // due at 270 of driving: so it fits. The drive back then takes a break on the road.
    expect(Number.isFinite(insertionCost(ruled, r, 2, 1))).toBe(true);
    // Put it first: 260 out, 10 back to node 1 = 270, then the break on the way home; still in time.
    expect(Number.isFinite(insertionCost(ruled, r, 2, 0))).toBe(true);
    const late: VrpInstance = { ...ruled, due: Float64Array.from([2000, 2000, 290]) };
    const r2 = emptyRoute(0, 0);
    r2.seq = [1];
    refresh(late, r2);
    // Node 2 after node 1 is in time; before node 1 too: no break is due on the way.
    expect(Number.isFinite(insertionCost(late, r2, 2, 1))).toBe(true);
    // With 40 of driving before the customers a break falls before node 2 (at 270): too late for 290.
    const far: VrpInstance = {
      ...ruled,
      ...instanceFromPoints({
        x: [0, 250, 280],
        y: [0, 0, 0],
        demand: [0, 1, 1],
        due: [2000, 2000, 300],
        metric: (dx, dy) => Math.hypot(dx, dy),
        vehicles: ruled.vehicles,
      }),
      breaks: { ...EU_DRIVING_RULES },
    };
    const r3 = emptyRoute(0, 0);
    r3.seq = [1];
    refresh(far, r3);
    const unruled: VrpInstance = { ...far, breaks: undefined } as VrpInstance;
    delete unruled.breaks;
    const r4 = emptyRoute(0, 0);
    r4.seq = [1];
    refresh(unruled, r4);
    // 280 of driving arrives at 280 <= 300 without breaks; with the break at 270 it arrives at 325.
    expect(Number.isFinite(insertionCost(unruled, r4, 2, 1))).toBe(true);
    expect(insertionCost(far, r3, 2, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("solver and evaluation agree on every start, every working day and the cost, breaks included, on 30 generated days", () => {
    let withBreaks = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const s = generateScenario(seed, ((seed % 4) + 1) as 1 | 2 | 3 | 4);
      const { instance, types } = toInstance(s, { floor: true });
      expect(instance.breaks).toBeDefined();
      const sol = solveVrp(instance, { seed, maxIterations: 200 });
      const plan: Plan = { routes: [] };
      for (const r of sol.routes) {
        const vehicle = s.fleet.filter((v) => v.type === types[r.vehicleType])[r.vehicle]?.id ?? "";
        plan.routes.push({ vehicle, orders: r.customers.map((c) => s.orders[c - 1]?.id ?? "") });
      }
      const kpi = evaluatePlan(s, plan, { floor: true });
      expect(kpi.cost, `seed ${seed}`).toBeCloseTo(sol.cost, 1);
      expect(kpi.drivingBreaches, `seed ${seed}`).toBe(0);
      sol.routes.forEach((r, i) => {
        const w = emptyRoute(r.vehicleType, r.vehicle);
        w.seq = r.customers.slice();
        refresh(instance, w);
        const rk = kpi.routes[i];
        if (rk && rk.breaks.length > 0) withBreaks++;
        rk?.stops.forEach((st, k) =>
          expect(st.start, `seed ${seed} route ${i} stop ${k}`).toBeCloseTo(w.earliest[k + 1] ?? NaN, 1),
        );
        expect(rk?.workHours, `seed ${seed} route ${i}`).toBeCloseTo(w.duration / 60, 3);
      });
    }
    // The days are what the test claims: many routes take breaks.
    expect(withBreaks).toBeGreaterThan(30);
  });
});
