import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCvrplib } from "@iot/shared/planner/formats/cvrplib";
import { parseSolomon } from "@iot/shared/planner/formats/solomon";
import type { VrpInstance, VrpSolution } from "@iot/shared/planner/solver/instance";
import { solveVrp } from "@iot/shared/planner/solver/sisr";

const BENCH = path.resolve(import.meta.dirname, "../../../../shared/benchmarks");
const read = (p: string) => readFileSync(path.join(BENCH, p), "utf8");

/** An independent check of a solution: every customer once, capacity, range and every time window. */
function violations(inst: VrpInstance, s: VrpSolution): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  const used = new Map<number, number>();
  for (const r of s.routes) {
    used.set(r.vehicleType, (used.get(r.vehicleType) ?? 0) + 1);
    const vt = inst.vehicles[r.vehicleType];
    if (!vt) out.push("unknown type");
    let load = 0;
    let dist = 0;
    let t = inst.ready[0] as number;
    let prev = 0;
    for (const c of [...r.customers, 0]) {
      if (c !== 0) {
        if (seen.has(c)) out.push(`customer ${c} twice`);
        seen.add(c);
      }
      load += inst.demand[c] as number;
      dist += inst.dist[prev * inst.n + c] as number;
      t = Math.max(
        inst.ready[c] as number,
        t + (inst.service[prev] as number) + (inst.time[prev * inst.n + c] as number),
      );
      if (t > (inst.due[c] as number) + 1e-6) out.push(`late at ${c}`);
      prev = c;
    }
    if (vt && load > vt.capacity) out.push("over capacity");
    if (vt && dist > vt.range) out.push("over range");
  }
  for (const [type, n] of used)
    if (n > (inst.vehicles[type]?.count ?? 0)) out.push(`too many vehicles of type ${type}`);
  for (const c of s.unassigned) seen.add(c);
  if (seen.size !== inst.n - 1) out.push("customers missing");
  return out;
}

describe("benchmark parsers", () => {
  it("read every shipped CVRPLIB and Solomon file", () => {
    for (const set of ["A", "B", "P", "X"]) {
      for (const f of readdirSync(path.join(BENCH, "cvrp", set)).filter((x) => x.endsWith(".vrp"))) {
        const p = parseCvrplib(read(`cvrp/${set}/${f}`));
        expect(p.instance.n).toBe(Number(/-n(\d+)-/.exec(f)?.[1]));
      }
    }
    const solomon = readdirSync(path.join(BENCH, "vrptw", "solomon")).filter((x) => x.endsWith(".txt"));
    expect(solomon).toHaveLength(56);
    for (const f of solomon) expect(parseSolomon(read(`vrptw/solomon/${f}`)).instance.n).toBe(101);
    expect(parseSolomon(read("vrptw/solomon/C101.txt"), 25).instance.n).toBe(26);
  });

  it("rounds CVRPLIB distances to the nearest whole number and truncates Solomon's to one decimal", () => {
    const a = parseCvrplib(read("cvrp/A/A-n32-k5.vrp"));
    // Nodes 1 (82,76) and 2 (96,44): sqrt(14^2 + 32^2) = 34.93 -> 35.
    expect(a.instance.dist[1]).toBe(35);
    const s = parseSolomon(read("vrptw/solomon/C101.txt"));
    // Depot (40,50) to customer 1 (45,68): 18.68 -> 18.6.
    expect(s.instance.dist[1]).toBe(18.6);
  });

  it("refuse malformed files with a clear error", () => {
    expect(() => parseCvrplib("NAME : x\nDIMENSION : 3\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : GEO\n")).toThrow(/EUC_2D/);
    expect(() => parseCvrplib("NAME : x\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\n")).toThrow(/DIMENSION/);
    expect(() =>
      parseCvrplib(
        "NAME : x\nDIMENSION : 3\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 x\n",
      ),
    ).toThrow(/not a number/);
    expect(() =>
      parseCvrplib(
        "NAME : x\nDIMENSION : 2\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\n2 11\nDEPOT_SECTION\n1\n-1\nEOF\n",
      ),
    ).toThrow(/capacity/);
    expect(() => parseSolomon("R101\n\nVEHICLE\n")).toThrow(/NUMBER/);
    expect(() => parseSolomon(read("vrptw/solomon/C101.txt"), 500)).toThrow(/customers/);
  });
});

describe("the routing solver", () => {
  it("returns a feasible plan for capacity and time windows", () => {
    for (const file of ["cvrp/A/A-n32-k5.vrp", "cvrp/P/P-n40-k5.vrp"]) {
      const p = parseCvrplib(read(file));
      const s = solveVrp(p.instance, { seed: 3, maxIterations: 3_000 });
      expect(violations(p.instance, s)).toEqual([]);
      expect(s.unassigned).toEqual([]);
    }
    const r = parseSolomon(read("vrptw/solomon/R101.txt"), 50);
    const s = solveVrp(r.instance, { seed: 3, maxIterations: 3_000 });
    expect(violations(r.instance, s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
    // Close to the published optimum of R101 with 50 customers (1044.0) even in a short run.
    expect(s.distance).toBeLessThan(1044.0 * 1.05);
  });

  it("is deterministic for a seed and an iteration cap", () => {
    const p = parseCvrplib(read("cvrp/A/A-n45-k6.vrp"));
    const a = solveVrp(p.instance, { seed: 11, maxIterations: 2_000 });
    const b = solveVrp(p.instance, { seed: 11, maxIterations: 2_000 });
    expect(a).toEqual(b);
  });

  it("stops at its time limit by the clock it is given", () => {
    const p = parseCvrplib(read("cvrp/A/A-n45-k6.vrp"));
    let clock = 0;
    let calls = 0;
    const s = solveVrp(p.instance, {
      seed: 1,
      timeLimitMs: 100,
      now: () => {
        calls++;
        return (clock += 10);
      },
    });
    // One clock reading to start, then one every 16 iterations: 100 ms at 10 ms a reading is 10 readings.
    expect(calls).toBeLessThanOrEqual(12);
    expect(s.unassigned).toEqual([]);
  });

  it("keeps what the planner fixed and plans the rest", () => {
    const p = parseCvrplib(read("cvrp/A/A-n32-k5.vrp"));
    p.instance.fixed = [
      { customer: 5, vehicleType: 0, vehicle: 2 },
      { customer: 9, vehicleType: 0, vehicle: 2 },
    ];
    const s = solveVrp(p.instance, { seed: 2, maxIterations: 2_000 });
    const route = s.routes.find((r) => r.vehicle === 2);
    expect(route?.customers).toContain(5);
    expect(route?.customers).toContain(9);
    expect((route?.customers.indexOf(5) ?? 1) < (route?.customers.indexOf(9) ?? 0)).toBe(true);
    expect(violations(p.instance, s)).toEqual([]);
  });

  it("reports customers it cannot plan instead of breaking a constraint", () => {
    const p = parseCvrplib(read("cvrp/A/A-n32-k5.vrp"), 2);
    const s = solveVrp(p.instance, { seed: 1, maxIterations: 500 });
    expect(s.unassigned.length).toBeGreaterThan(0);
    expect(violations(p.instance, s)).toEqual([]);
  });
});
