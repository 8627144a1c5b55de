import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSolomon } from "@iot/shared/planner/formats/solomon";
import { solveVrp } from "@iot/shared/planner/solver/sisr";
import { createRng } from "@iot/shared/rng";
import { instanceFromPoints, type VrpInstance } from "@iot/shared/planner/solver/instance";
import { localSearch, settledRoutes } from "@iot/shared/planner/solver/localSearch";
import { emptyRoute, isUntimed, refresh, routeCost, type WorkRoute } from "@iot/shared/planner/solver/route";

const euclid = (dx: number, dy: number) => Math.hypot(dx, dy);
const OPTIONS = { granularity: 20, maxMoves: 1_000 };
/** The same with the swap of two customers between routes (on where the fleet binds, see `sisr.ts`). */
const SWAP = { ...OPTIONS, swap: true };

function neighboursOf(inst: VrpInstance): Int32Array[] {
  return Array.from({ length: inst.n }, (_, c) => {
    const others = Array.from({ length: inst.n - 1 }, (_, i) => i + 1).filter((o) => o !== c);
    others.sort((a, b) => (inst.dist[c * inst.n + a] as number) - (inst.dist[c * inst.n + b] as number));
    return Int32Array.from(others);
  });
}

function route(inst: VrpInstance, seq: number[], fixed = 0, type = 0, vehicle = 0): WorkRoute {
  const r = emptyRoute(type, vehicle);
  r.seq = seq.slice();
  r.fixed = fixed;
  refresh(inst, r);
  return r;
}

/**
 * Customers with `demand` (the depot's first) at random points of a 100 x 100
 * square around the depot at its centre; one vehicle type, distance its only cost.
 */
function scattered(
  rng: ReturnType<typeof createRng>,
  demand: number[],
  fleet: { count: number; capacity: number },
): VrpInstance {
  const n = demand.length;
  return instanceFromPoints({
    x: [50, ...Array.from({ length: n - 1 }, () => rng.int(0, 100))],
    y: [50, ...Array.from({ length: n - 1 }, () => rng.int(0, 100))],
    demand,
    metric: euclid,
    vehicles: [{ ...fleet, range: Infinity, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
  });
}

const total = (inst: VrpInstance, routes: readonly WorkRoute[]) => routes.reduce((a, r) => a + routeCost(inst, r), 0);

describe("local search", () => {
  it("uncrosses a route around a square (2-opt) and keeps every stop once", () => {
    // Depot in the middle of a square; visiting the corners crosswise is 4 diagonals plus 2 sides.
    const inst = instanceFromPoints({
      x: [0, -1, 1, -1, 1],
      y: [0, -1, 1, 1, -1],
      demand: [0, 1, 1, 1, 1],
      metric: euclid,
      vehicles: [{ count: 1, capacity: 10, range: Infinity, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
    });
    const crossing = [route(inst, [1, 2, 3, 4])];
    const out = localSearch(inst, crossing, neighboursOf(inst), OPTIONS);
    expect(out).not.toBeNull();
    const seq = out?.routes[0]?.seq ?? [];
    expect([...seq].sort()).toEqual([1, 2, 3, 4]);
    // Around the square: two half-diagonals from the depot and three sides.
    expect(total(inst, out?.routes ?? [])).toBeCloseTo(2 * Math.SQRT2 + 3 * 2, 9);
    expect(out?.gain).toBeCloseTo(total(inst, crossing) - total(inst, out?.routes ?? []), 9);
    // The input routes are never changed.
    expect(crossing[0]?.seq).toEqual([1, 2, 3, 4]);
  });

  it("on random plans: never worse, every customer once, capacity, range and windows kept, fixed fronts untouched", () => {
    let improved = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const rng = createRng(seed);
      const n = rng.int(6, 30);
      const x = [50, ...Array.from({ length: n - 1 }, () => rng.int(0, 100))];
      const y = [50, ...Array.from({ length: n - 1 }, () => rng.int(0, 100))];
      const inst = instanceFromPoints({
        x,
        y,
        demand: [0, ...Array.from({ length: n - 1 }, () => rng.int(1, 5))],
        service: [0, ...Array.from({ length: n - 1 }, () => rng.int(0, 10))],
        metric: euclid,
        vehicles: [
          { count: 3, capacity: 40, range: Infinity, fixedCost: 10, costPerDistance: 1, costPerTime: 0.1 },
          { count: 2, capacity: 25, range: 400, fixedCost: 5, costPerDistance: 0.8, costPerTime: 0.1 },
        ],
      });
      // A feasible random plan: customers dealt to vehicles in random order; windows wide around it.
      const order = Array.from({ length: n - 1 }, (_, i) => i + 1).sort(() => rng.int(0, 2) - 1);
      const routes: WorkRoute[] = [];
      const per = Math.ceil(order.length / 3);
      for (let v = 0; v * per < order.length; v++) {
        const r = route(inst, order.slice(v * per, (v + 1) * per), v === 0 ? Math.min(2, per) : 0, v < 3 ? 0 : 1, v);
        routes.push(r);
      }
      // Windows so that the plan as dealt is on time, with some slack either side.
      for (const r of routes) {
        r.seq.forEach((c, i) => {
          inst.ready[c] = Math.max(0, (r.earliest[i + 1] as number) - rng.int(0, 80));
          inst.due[c] = (r.earliest[i + 1] as number) + rng.int(0, 80);
        });
      }
      const start = routes.map((r) => route(inst, r.seq, r.fixed, r.type, r.vehicle));
      const fronts = start.map((r) => ({ vehicle: r.vehicle, front: r.seq.slice(0, r.fixed) }));
      const out = localSearch(inst, start, neighboursOf(inst), OPTIONS);
      const result = out?.routes ?? start;
      if (out) improved++;
      expect(total(inst, result)).toBeLessThanOrEqual(total(inst, start) + 1e-9);
      expect(result.flatMap((r) => r.seq).sort((a, b) => a - b)).toEqual(order.slice().sort((a, b) => a - b));
      for (const r of result) {
        const vt = inst.vehicles[r.type];
        const check = route(inst, r.seq, r.fixed, r.type, r.vehicle);
        expect(refresh(inst, check), `seed ${seed}: windows`).toBe(true);
        expect(check.load).toBeLessThanOrEqual(vt?.capacity ?? 0);
        expect(check.distance).toBeLessThanOrEqual((vt?.range ?? 0) + 1e-9);
      }
      for (const { vehicle, front } of fronts) {
        if (front.length === 0) continue;
        const r = result.find((x) => x.vehicle === vehicle && x.type === 0);
        expect(r?.seq.slice(0, front.length), `seed ${seed}: fixed front`).toEqual(front);
      }
    }
    // Random plans leave room: most are improved, so the checks above are of plans that moved.
    expect(improved).toBeGreaterThan(100);
  });

  it("does away with a route: Solomon C202 (seed 1) no longer ends with one cluster split over two trucks", () => {
    const file = path.resolve(import.meta.dirname, "../../../../shared/benchmarks/vrptw/solomon/C202.txt");
    const inst = parseSolomon(readFileSync(file, "utf8")).instance;
    const s = solveVrp(inst, { seed: 1, maxIterations: 30_000 });
    // Before: 626.8 on 4 routes (32/18/17/33 stops); the best known plan is 589.1 on 3.
    expect(s.routes).toHaveLength(3);
    expect(s.distance).toBeLessThan(589.2);
  });
});

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
    const mixed = [route(inst, [1, 5, 3], 0, 0, 0), route(inst, [4, 2, 6], 0, 0, 1)];
    const out = localSearch(inst, mixed, neighboursOf(inst), SWAP);
    expect(out).not.toBeNull();
    expect(total(inst, out?.routes ?? mixed)).toBeCloseTo(bruteForce(inst, 5), 9);
    for (const r of out?.routes ?? []) expect(r.load).toBeLessThanOrEqual(5);
  });
});

/**
 * The largest distance one exchange of two customers of different routes
 * saves, each put at its cheapest place in the other's route (SWAP*, Vidal
 * 2022), both routes within capacity; found by trying every pair and place.
 */
function bestExchange(inst: VrpInstance, routes: readonly WorkRoute[], capacity: number): number {
  const d = (a: number, b: number) => inst.dist[a * inst.n + b] as number;
  const tour = (seq: readonly number[]) =>
    seq.reduce((a, c, i) => a + d(i === 0 ? 0 : (seq[i - 1] as number), c), 0) +
    (seq.length ? d(seq[seq.length - 1] as number, 0) : 0);
  const cheapest = (seq: number[], c: number) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= seq.length; i++) best = Math.min(best, tour([...seq.slice(0, i), c, ...seq.slice(i)]));
    return best;
  };
  let saved = 0;
  for (const a of routes)
    for (const b of routes) {
      if (a === b) continue;
      for (const u of a.seq)
        for (const v of b.seq) {
          const qu = inst.demand[u] as number;
          const qv = inst.demand[v] as number;
          if (a.load - qu + qv > capacity || b.load - qv + qu > capacity) continue;
          const after =
            cheapest(
              a.seq.filter((c) => c !== u),
              v,
            ) +
            cheapest(
              b.seq.filter((c) => c !== v),
              u,
            );
          saved = Math.max(saved, tour(a.seq) + tour(b.seq) - after);
        }
    }
  return saved;
}

describe("local search: swap to the cheapest places", () => {
  it("on random full plans leaves no exchange of two customers, each to its cheapest place in the other route, that saves distance", () => {
    let exchanged = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed);
      // At most 20 customers: with 20 neighbours tried per customer, every customer is a neighbour.
      const n = rng.int(10, 21);
      const demand = [0, ...Array.from({ length: n - 1 }, () => rng.int(1, 9))];
      const routes = rng.int(2, 4);
      const capacity = Math.ceil(demand.reduce((a, q) => a + q, 0) / routes) + 4;
      const points = scattered(rng, demand, { count: routes, capacity });
      // Time decides nothing here (as solveVrp marks such an instance): the swap tries the cheapest places.
      const inst: VrpInstance = { ...points, untimed: isUntimed(points) };
      expect(inst.untimed).toBe(true);
      // A random plan within capacity: customers dealt in random order to the first vehicle with room.
      const seqs: number[][] = Array.from({ length: routes }, () => []);
      const loads = new Array<number>(routes).fill(0);
      const order = Array.from({ length: n - 1 }, (_, i) => i + 1);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      let dealt = true;
      for (const c of order) {
        const v = loads.findIndex((l) => l + (demand[c] as number) <= capacity);
        if (v < 0) dealt = false;
        else {
          (seqs[v] as number[]).push(c);
          loads[v] = (loads[v] as number) + (demand[c] as number);
        }
      }
      if (!dealt) continue;
      const plan = seqs.map((s, v) => route(inst, s, 0, 0, v));
      const out = localSearch(inst, plan, neighboursOf(inst), { ...SWAP, maxMoves: 100_000 });
      const routesOut = out?.routes ?? plan;
      expect(bestExchange(inst, routesOut, capacity)).toBeLessThan(1e-6);
      exchanged++;
    }
    expect(exchanged).toBeGreaterThanOrEqual(30);
  });
});

describe("local search: settled routes", () => {
  it("gives the same routes with the routes of an earlier finished call marked settled as without", () => {
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rng = createRng(seed);
      const n = rng.int(10, 40);
      const inst = scattered(rng, [0, ...Array.from({ length: n - 1 }, () => rng.int(1, 5))], {
        count: 8,
        capacity: 20,
      });
      const near = neighboursOf(inst);
      // A plan dealt in the customers' order, four to a route (20 units at most), then searched to its end.
      const routes: WorkRoute[] = [];
      for (let c = 1; c < n; c += 4)
        routes.push(
          route(
            inst,
            Array.from({ length: Math.min(4, n - c) }, (_, i) => c + i),
            0,
            0,
            routes.length,
          ),
        );
      const settled = settledRoutes();
      const first = localSearch(inst, routes, near, SWAP, settled)?.routes ?? routes;
      // Called again on the plan it ended with (only doing away with a route may still find something).
      expect(localSearch(inst, first, near, SWAP, settled)?.routes.map((r) => r.seq) ?? null).toEqual(
        localSearch(inst, first, near, SWAP)?.routes.map((r) => r.seq) ?? null,
      );
      // One customer moves from one route to the end of another (capacity kept): the rest stay settled.
      const from = first.findIndex((r) => r.seq.length > 1);
      const u = first[from]?.seq[0] ?? 0;
      const to = first.findIndex((r, i) => i !== from && r.load + (inst.demand[u] as number) <= 20);
      if (from < 0 || to < 0) continue;
      const moved = first.slice();
      const src = first[from] as WorkRoute;
      const dst = first[to] as WorkRoute;
      moved[from] = route(inst, src.seq.slice(1), 0, 0, src.vehicle);
      moved[to] = route(inst, [...dst.seq, u], 0, 0, dst.vehicle);
      const withSettled = localSearch(inst, moved, near, SWAP, settled);
      const without = localSearch(inst, moved, near, SWAP);
      expect(withSettled?.routes.map((r) => r.seq) ?? null, `seed ${seed}`).toEqual(
        without?.routes.map((r) => r.seq) ?? null,
      );
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });
});
