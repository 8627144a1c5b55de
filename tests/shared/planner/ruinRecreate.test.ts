import { describe, expect, it } from "vitest";
import { instanceFromPoints } from "@iot/shared/planner/solver/instance";
import { derive, recreate, ruin, sortForInsertion, type State } from "@iot/shared/planner/solver/ruinRecreate";
import { emptyRoute, isUntimed, refresh, type WorkRoute } from "@iot/shared/planner/solver/route";
import { createRng } from "@iot/shared/rng";

const euclid = (dx: number, dy: number) => Math.hypot(dx, dy);

describe("recreate", () => {
  // Two customers either side of the depot; a vehicle takes one of them (capacity 1), three vehicles available.
  const inst = instanceFromPoints({
    x: [0, -10, 10],
    y: [0, 0, 0],
    demand: [0, 1, 1],
    metric: euclid,
    vehicles: [{ count: 3, capacity: 1, range: Infinity, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
  });
  // The empty route that prices opening a vehicle, refreshed as the solver does.
  const opening = emptyRoute(0, 0);
  refresh(inst, opening);
  const empties = [opening];
  const planWithCustomer1 = (): State => {
    const r = emptyRoute(0, 0);
    r.seq = [1];
    refresh(inst, r);
    return { routes: [r], unassigned: [], cost: 0, owned: new Set() };
  };

  it("opens a vehicle for a customer that fits in no route", () => {
    const s = planWithCustomer1();
    recreate(inst, s, [2], createRng(1), 0, empties);
    expect(s.unassigned).toEqual([]);
    expect(s.routes.map((r) => r.seq)).toEqual([[1], [2]]);
  });

  it("with a cap on routes, leaves it out instead, and never changes the plan it came from", () => {
    const s = planWithCustomer1();
    const before = s.routes[0];
    recreate(inst, s, [2], createRng(1), 0, empties, 1);
    expect(s.unassigned).toEqual([2]);
    expect(s.routes.map((r) => r.seq)).toEqual([[1]]);
    expect(s.routes[0]).toBe(before);
  });

  it("under the cap, an emptied route counts as closed: it may be used again only while the cap allows", () => {
    // Customer 1's route was emptied by a ruin (still in the plan, no customers); a second route serves nobody yet.
    const gone = emptyRoute(0, 0);
    refresh(inst, gone);
    const s: State = { routes: [gone], unassigned: [], cost: 0, owned: new Set() };
    recreate(inst, s, [1, 2], createRng(3), 0, empties, 1);
    expect(s.unassigned).toHaveLength(1);
    expect(s.routes.filter((r) => r.seq.length > 0)).toHaveLength(1);
  });
});

describe("recreate where capacity alone limits a route", () => {
  /** 40 customers on a seeded grid, demand 1-4, capacity 10, 8 vehicles; `due` for every node when given. */
  const grid = (due?: number) => {
    const rng = createRng(11);
    const n = 41;
    return instanceFromPoints({
      x: [0, ...Array.from({ length: n - 1 }, () => rng.int(-50, 50))],
      y: [0, ...Array.from({ length: n - 1 }, () => rng.int(-50, 50))],
      demand: [0, ...Array.from({ length: n - 1 }, () => rng.int(1, 4))],
      metric: euclid,
      ...(due === undefined ? {} : { due: new Array<number>(n).fill(due) }),
      vehicles: [{ count: 8, capacity: 10, range: Infinity, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
    });
  };
  const plan = (inst: ReturnType<typeof grid>, seed: number): State => {
    const opening = emptyRoute(0, 0);
    refresh(inst, opening);
    const s: State = { routes: [], unassigned: [], cost: 0, owned: new Set() };
    recreate(
      inst,
      s,
      Array.from({ length: inst.n - 1 }, (_, i) => i + 1),
      createRng(seed),
      0.05,
      [opening],
    );
    return s;
  };

  it("places every customer as with time windows that never bind (its quick path prices distance alone)", () => {
    // Flagged as solveVrp flags it, so recreate takes its quick path.
    const points = grid();
    const untimed = { ...points, untimed: isUntimed(points) };
    expect(untimed.untimed).toBe(true);
    const timed = grid(1e9);
    expect(isUntimed(timed)).toBe(false);
    for (let seed = 1; seed <= 10; seed++) {
      const a = plan(untimed, seed);
      const b = plan(timed, seed);
      expect(a.unassigned).toEqual(b.unassigned);
      expect(a.routes.map((r) => r.seq)).toEqual(b.routes.map((r) => r.seq));
      expect(a.routes.map((r) => r.load)).toEqual(b.routes.map((r) => r.load));
      // The quick path adds each insertion's distance to the sum; refresh sums the route again.
      a.routes.forEach((r, i) => expect(r.distance).toBeCloseTo((b.routes[i] as WorkRoute).distance, 9));
      for (const r of a.routes) {
        const again = { ...r, seq: r.seq.slice(), earliest: [], latest: [] };
        refresh(untimed, again);
        expect([again.load, again.distance]).toEqual([r.load, expect.closeTo(r.distance, 9)]);
        expect(r.latest.length).toBeGreaterThanOrEqual(r.seq.length + 2);
        expect(r.latest.slice(0, r.seq.length + 2).every((t) => t === Number.POSITIVE_INFINITY)).toBe(true);
      }
    }
  });

  it("on integer distances (CVRPLIB's), keeps the very sums refresh makes", () => {
    const points = grid();
    const rounded = { ...points, dist: points.dist.map(Math.round), untimed: true };
    for (let seed = 1; seed <= 10; seed++) {
      for (const r of plan(rounded, seed).routes) {
        const again = { ...r, seq: r.seq.slice(), earliest: [], latest: [] };
        refresh(rounded, again);
        expect([r.load, r.distance]).toEqual([again.load, again.distance]);
      }
    }
  });

  it("ruins and recreates a derived plan without changing the plan it came from, each route's load and distance as refresh makes them", () => {
    const points = grid();
    // Integer distances, as CVRPLIB's: the sums kept are exactly refresh's.
    const inst = { ...points, dist: points.dist.map(Math.round), untimed: true };
    const opening = emptyRoute(0, 0);
    refresh(inst, opening);
    // Nearest first, as the solver orders each customer's neighbours.
    const near = Array.from({ length: inst.n }, (_, c) =>
      Int32Array.from(
        Array.from({ length: inst.n - 1 }, (_, i) => i + 1)
          .filter((o) => o !== c)
          .sort((a, b) => (inst.dist[c * inst.n + a] as number) - (inst.dist[c * inst.n + b] as number)),
      ),
    );
    const rng = createRng(21);
    let current = plan(inst, 4);
    for (let iter = 0; iter < 200; iter++) {
      const snapshot = structuredClone(current.routes.map((r) => ({ ...r })));
      const next = derive(current);
      const removed = ruin(inst, next, near, new Set(), rng, new Int32Array(inst.n));
      recreate(inst, next, [...removed, ...next.unassigned], rng, 0.01, [opening]);
      expect(current.routes.map((r) => ({ ...r }))).toEqual(snapshot);
      for (const r of next.routes) {
        const again = { ...r, seq: r.seq.slice(), earliest: [], latest: [] };
        refresh(inst, again);
        expect([r.load, r.distance]).toEqual([again.load, again.distance]);
        expect(r.latest.slice(0, r.seq.length + 2).every((t) => t === Number.POSITIVE_INFINITY)).toBe(true);
      }
      if (next.unassigned.length === 0) current = next;
    }
  });
});

describe("sortForInsertion", () => {
  it("orders as a stable sort by demand or by distance from the depot would, ties kept in their order", () => {
    const rng = createRng(5);
    const n = 30;
    // Demands 1-3 and distances on a small grid: many ties.
    const inst = instanceFromPoints({
      x: [0, ...Array.from({ length: n - 1 }, () => rng.int(-3, 3))],
      y: [0, ...Array.from({ length: n - 1 }, () => rng.int(-3, 3))],
      demand: [0, ...Array.from({ length: n - 1 }, () => rng.int(1, 3))],
      metric: (dx, dy) => Math.abs(dx) + Math.abs(dy),
      vehicles: [{ count: 3, capacity: 10, range: Infinity, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
    });
    const fromDepot = (c: number) => inst.dist[c] as number;
    const seen = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const customers = Array.from({ length: 12 }, () => rng.int(1, n - 1));
      const sorted = customers.slice();
      sortForInsertion(inst, sorted, createRng(seed));
      // The order drawn is the first draw of the same seed.
      const pick = createRng(seed).int(0, 10);
      const order = pick < 4 ? "random" : pick < 8 ? "demand" : pick < 10 ? "far" : "near";
      seen.add(order);
      const reference = customers.slice();
      if (order === "demand") reference.sort((a, b) => (inst.demand[b] as number) - (inst.demand[a] as number));
      else if (order === "far") reference.sort((a, b) => fromDepot(b) - fromDepot(a));
      else if (order === "near") reference.sort((a, b) => fromDepot(a) - fromDepot(b));
      if (order === "random")
        expect(sorted.slice().sort((a, b) => a - b)).toEqual(customers.slice().sort((a, b) => a - b));
      else expect(sorted).toEqual(reference);
    }
    expect([...seen].sort()).toEqual(["demand", "far", "near", "random"]);
  });
});
