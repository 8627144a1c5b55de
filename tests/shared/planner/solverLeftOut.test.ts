import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSolomon } from "@iot/shared/planner/formats/solomon";
import type { VrpInstance } from "@iot/shared/planner/solver/instance";
import { solveVrp } from "@iot/shared/planner/solver/sisr";

const BENCH = path.resolve(import.meta.dirname, "../../../../shared/benchmarks");
const rc208 = () => parseSolomon(readFileSync(path.join(BENCH, "vrptw/solomon/RC208.txt"), "utf8")).instance;

/** The instance without node `k` (its rows and columns gone, later nodes one lower). */
function withoutNode(inst: VrpInstance, k: number): VrpInstance {
  const keep = Array.from({ length: inst.n }, (_, i) => i).filter((i) => i !== k);
  const m = keep.length;
  const sub = (a: Float64Array) => {
    const out = new Float64Array(m * m);
    keep.forEach((i, a2) => keep.forEach((j, b2) => (out[a2 * m + b2] = a[i * inst.n + j] as number)));
    return out;
  };
  const pick = (a: Float64Array) => Float64Array.from(keep.map((i) => a[i] as number));
  const dist = sub(inst.dist);
  return {
    ...inst,
    n: m,
    dist,
    time: inst.time === inst.dist ? dist : sub(inst.time),
    demand: pick(inst.demand),
    service: pick(inst.service),
    ready: pick(inst.ready),
    due: pick(inst.due),
  };
}

/** Iterations of each run: enough for the search to settle on RC208, a fixed budget so both runs do the same work. */
const ITERATIONS = 20_000;

describe("customers the solver cannot plan", () => {
  it("RC208 with one customer whose window has closed before a truck can get there: the others are planned as well as without it", () => {
    const base = rc208();
    const k = 50;
    const impossible: VrpInstance = { ...base, ready: Float64Array.from(base.ready), due: Float64Array.from(base.due) };
    impossible.ready[k] = 0;
    impossible.due[k] = (base.time[k] as number) / 2;
    const withIt = solveVrp(impossible, { seed: 3, maxIterations: ITERATIONS });
    const without = solveVrp(withoutNode(base, k), { seed: 3, maxIterations: ITERATIONS });
    expect(withIt.unassigned).toEqual([k]);
    expect(without.unassigned).toEqual([]);
    expect(Number.isFinite(withIt.cost)).toBe(true);
    // Before, the left-out customer's growing penalty made the search accept every candidate: 875.5 against 793.5.
    expect(withIt.distance).toBeLessThan(without.distance * 1.02);
    console.log(
      `[RC208] with an impossible customer ${withIt.distance.toFixed(1)}, without it ${without.distance.toFixed(1)} (${ITERATIONS} iterations)`,
    );
  });
});
