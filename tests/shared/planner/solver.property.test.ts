import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "@iot/shared/rng";
import type { VehicleType, VrpInstance, VrpSolution } from "@iot/shared/planner/solver/instance";
import { solveVrp } from "@iot/shared/planner/solver/sisr";

/**
 * An instance with a planted feasible plan: random customers are dealt to
 * the vehicles of a mixed fleet (two types, one with a range), the planted
 * routes are driven, and every window, capacity and range is set so that the
 * planted plan keeps them, with some slack. So a complete feasible plan is
 * known to exist, and the solver must find one.
 */
function planted(seed: number): { inst: VrpInstance; plan: number[][] } {
  const rng = createRng(seed);
  const customers = rng.int(8, 40);
  const vehicles = rng.int(2, 5);
  const n = customers + 1;
  const x = [50];
  const y = [50];
  for (let c = 1; c < n; c++) {
    x.push(rng.int(0, 100));
    y.push(rng.int(0, 100));
  }
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      dist[i * n + j] =
        Math.round(10 * Math.hypot((x[i] as number) - (x[j] as number), (y[i] as number) - (y[j] as number))) / 10;
  const demand = new Float64Array(n);
  const service = new Float64Array(n);
  const ready = new Float64Array(n);
  const due = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const plan: number[][] = Array.from({ length: vehicles }, () => []);
  for (let c = 1; c < n; c++) {
    demand[c] = rng.int(1, 9);
    service[c] = rng.int(0, 10);
    (plan[rng.int(0, vehicles - 1)] as number[]).push(c);
  }
  // Drive the planted routes; windows around the planted arrival times.
  let capacity = 1;
  let longest = 0;
  let end = 0;
  const lengths: number[] = [];
  for (const route of plan) {
    let t = 0;
    let d = 0;
    let load = 0;
    let prev = 0;
    for (const c of route) {
      d += dist[prev * n + c] as number;
      t = t + (service[prev] as number) + (dist[prev * n + c] as number);
      ready[c] = Math.max(0, t - rng.int(0, 60));
      due[c] = t + rng.int(0, 60);
      load += demand[c] as number;
      prev = c;
    }
    d += dist[prev * n] as number;
    end = Math.max(end, t + (service[prev] as number) + (dist[prev * n] as number));
    capacity = Math.max(capacity, load);
    longest = Math.max(longest, d);
    lengths.push(d);
  }
  due[0] = end + rng.int(0, 50);
  // Type 0: electric, with a range that the shortest planted routes keep; type 1: unlimited.
  const sorted = lengths.slice().sort((a, b) => a - b);
  const electric = Math.max(1, Math.floor(vehicles / 2));
  const range = sorted[electric - 1] as number;
  const types: VehicleType[] = [
    { count: electric, capacity, range, fixedCost: 50, costPerDistance: 1, costPerTime: 0.2 },
    {
      count: vehicles - electric,
      capacity,
      range: Number.POSITIVE_INFINITY,
      fixedCost: 80,
      costPerDistance: 1.3,
      costPerTime: 0.2,
    },
  ];
  const inst: VrpInstance = { n, dist, time: dist, demand, service, ready, due, vehicles: types };
  void longest;
  return { inst, plan };
}

/** Everything wrong with a solution: customers missing or twice, fleet size, capacity, range, windows. */
function violations(inst: VrpInstance, s: VrpSolution): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  const used = new Map<string, number>();
  for (const r of s.routes) {
    const key = `${r.vehicleType}/${r.vehicle}`;
    if (used.has(key)) out.push(`vehicle ${key} twice`);
    used.set(key, 1);
    const vt = inst.vehicles[r.vehicleType];
    if (!vt || r.vehicle < 0 || r.vehicle >= vt.count) out.push(`no vehicle ${key}`);
    let load = 0;
    let d = 0;
    let t = inst.ready[0] as number;
    let prev = 0;
    for (const c of [...r.customers, 0]) {
      if (c !== 0) {
        if (seen.has(c)) out.push(`customer ${c} twice`);
        seen.add(c);
      }
      load += inst.demand[c] as number;
      d += inst.dist[prev * inst.n + c] as number;
      t = Math.max(
        inst.ready[c] as number,
        t + (inst.service[prev] as number) + (inst.time[prev * inst.n + c] as number),
      );
      if (t > (inst.due[c] as number) + 1e-6) out.push(`late at ${c}`);
      prev = c;
    }
    if (vt && load > vt.capacity + 1e-9) out.push(`${key} over capacity`);
    if (vt && d > vt.range + 1e-6) out.push(`${key} over range`);
  }
  for (const c of s.unassigned) {
    if (seen.has(c)) out.push(`customer ${c} planned and unplanned`);
    seen.add(c);
  }
  if (seen.size !== inst.n - 1) out.push("customers missing");
  return out;
}

describe("the routing solver on instances with a planted feasible plan", () => {
  it("plans every customer and keeps capacity, range, time windows and the fleet", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { inst } = planted(seed);
        const s = solveVrp(inst, { seed, maxIterations: 5_000 });
        expect(violations(inst, s)).toEqual([]);
        expect(s.unassigned).toEqual([]);
      }),
      { numRuns: 30, seed: 6 },
    );
  });

  it("keeps fixed customers on their vehicle in their order and still plans the rest", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { inst, plan } = planted(seed);
        // Fix the first planted route of the unlimited type (type 1) to vehicle 0 of that type.
        const electric = inst.vehicles[0]?.count ?? 0;
        const route = plan[electric] ?? [];
        const fixedPart = route.slice(0, 2);
        inst.fixed = fixedPart.map((customer) => ({ customer, vehicleType: 1, vehicle: 0 }));
        const s = solveVrp(inst, { seed, maxIterations: 300 });
        expect(violations(inst, s)).toEqual([]);
        const mine = s.routes.find((r) => r.vehicleType === 1 && r.vehicle === 0);
        if (fixedPart.length > 0) {
          expect(mine).toBeDefined();
          const at = fixedPart.map((c) => mine?.customers.indexOf(c) ?? -1);
          expect(at.every((i) => i >= 0)).toBe(true);
          expect(at).toEqual(at.slice().sort((a, b) => a - b));
        }
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it("gives the same plan for the same seed and iteration cap", () => {
    const { inst } = planted(424_242);
    expect(solveVrp(inst, { seed: 5, maxIterations: 300 })).toEqual(solveVrp(inst, { seed: 5, maxIterations: 300 }));
  });
});
