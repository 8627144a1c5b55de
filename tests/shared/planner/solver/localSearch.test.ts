import { describe, expect, it } from "vitest";
import { createRng } from "@iot/shared/rng";
import { instanceFromPoints, type VrpInstance } from "@iot/shared/planner/solver/instance";
import { localSearch } from "@iot/shared/planner/solver/localSearch";
import { emptyRoute, refresh, routeCost, type WorkRoute } from "@iot/shared/planner/solver/route";

const euclid = (dx: number, dy: number) => Math.hypot(dx, dy);
const OPTIONS = { granularity: 20, maxMoves: 1_000, swap: true };

function neighboursOf(inst: VrpInstance): Int32Array[] {
  return Array.from({ length: inst.n }, (_, c) => {
    const others = Array.from({ length: inst.n - 1 }, (_, i) => i + 1).filter((o) => o !== c);
    others.sort((a, b) => (inst.dist[c * inst.n + a] as number) - (inst.dist[c * inst.n + b] as number));
    return Int32Array.from(others);
  });
}

function route(inst: VrpInstance, seq: number[], vehicle = 0): WorkRoute {
  const r = emptyRoute(0, vehicle);
  r.seq = seq.slice();
  refresh(inst, r);
  return r;
}

const total = (inst: VrpInstance, routes: readonly WorkRoute[]) => routes.reduce((a, r) => a + routeCost(inst, r), 0);

/** The cheapest plan of two routes of at most `capacity` over customers 1..n-1, by trying every order and split. */
function bruteForce(inst: VrpInstance, capacity: number): number {
  const customers = Array.from({ length: inst.n - 1 }, (_, i) => i + 1);
  const d = (a: number, b: number) => inst.dist[a * inst.n + b] as number;
  const tour = (seq: number[]) =>
    seq.reduce((a, c, i) => a + d(i === 0 ? 0 : (seq[i - 1] as number), c), 0) +
    (seq.length ? d(seq[seq.length - 1] as number, 0) : 0);
  const load = (seq: number[]) => seq.reduce((a, c) => a + (inst.demand[c] as number), 0);
  let best = Number.POSITIVE_INFINITY;
  const permute = (done: number[], rest: number[]) => {
    if (rest.length === 0) {
      for (let cut = 0; cut <= done.length; cut++) {
        const a = done.slice(0, cut);
        const b = done.slice(cut);
        if (load(a) <= capacity && load(b) <= capacity) best = Math.min(best, tour(a) + tour(b));
      }
      return;
    }
    rest.forEach((c, i) => permute([...done, c], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], customers);
  return best;
}

describe("local search: swap", () => {
  it("swaps customers between full vehicles, where no relocate fits and no tail exchange is within capacity", () => {
    // Two rows of three stops above the depot; each truck is full (5 of 5) and has the other row's middle stop.
    // No relocate fits; the loads before each stop (3, 4 and 1, 2) never match, so no exchange of tails fits either.
    const inst = instanceFromPoints({
      x: [0, -10, 0, 10, -10, 0, 10],
      y: [0, 10, 10, 10, 12, 12, 12],
      demand: [0, 3, 1, 1, 1, 1, 3],
      metric: euclid,
      vehicles: [{ count: 2, capacity: 5, range: Infinity, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
    });
    const mixed = [route(inst, [1, 5, 3], 0), route(inst, [4, 2, 6], 1)];
    const out = localSearch(inst, mixed, neighboursOf(inst), OPTIONS);
    expect(out).not.toBeNull();
    expect(total(inst, out?.routes ?? mixed)).toBeCloseTo(bruteForce(inst, 5), 9);
    for (const r of out?.routes ?? []) expect(r.load).toBeLessThanOrEqual(5);
  });
});

describe("local search: settled routes", () => {
  it("gives the same routes with the routes of an earlier finished call marked settled as without", () => {
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rng = createRng(seed);
      const n = rng.int(10, 40);
      const inst = instanceFromPoints({
        x: [50, ...Array.from({ length: n - 1 }, () => rng.int(0, 100))],
        y: [50, ...Array.from({ length: n - 1 }, () => rng.int(0, 100))],
        demand: [0, ...Array.from({ length: n - 1 }, () => rng.int(1, 5))],
        metric: euclid,
        vehicles: [{ count: 8, capacity: 20, range: Infinity, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
      });
      const near = neighboursOf(inst);
      // A plan dealt in the customers' order, four to a route (20 units at most), then searched to its end.
      const routes: WorkRoute[] = [];
      for (let c = 1; c < n; c += 4)
        routes.push(
          route(
            inst,
            Array.from({ length: Math.min(4, n - c) }, (_, i) => c + i),
            routes.length,
          ),
        );
      const settled = new WeakSet<WorkRoute>();
      const first = localSearch(inst, routes, near, OPTIONS, settled)?.routes ?? routes;
      // Called again on the plan it ended with (only doing away with a route may still find something).
      expect(localSearch(inst, first, near, OPTIONS, settled)?.routes.map((r) => r.seq) ?? null).toEqual(
        localSearch(inst, first, near, OPTIONS)?.routes.map((r) => r.seq) ?? null,
      );
      // One customer moves from one route to the end of another (capacity kept): the rest stay settled.
      const from = first.findIndex((r) => r.seq.length > 1);
      const u = first[from]?.seq[0] ?? 0;
      const to = first.findIndex((r, i) => i !== from && r.load + (inst.demand[u] as number) <= 20);
      if (from < 0 || to < 0) continue;
      const moved = first.slice();
      const src = first[from] as WorkRoute;
      const dst = first[to] as WorkRoute;
      moved[from] = route(inst, src.seq.slice(1), src.vehicle);
      moved[to] = route(inst, [...dst.seq, u], dst.vehicle);
      const withSettled = localSearch(inst, moved, near, OPTIONS, settled);
      const without = localSearch(inst, moved, near, OPTIONS);
      expect(withSettled?.routes.map((r) => r.seq) ?? null, `seed ${seed}`).toEqual(
        without?.routes.map((r) => r.seq) ?? null,
      );
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });
});
