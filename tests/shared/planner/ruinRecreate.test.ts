import { describe, expect, it } from "vitest";
import { instanceFromPoints } from "@iot/shared/planner/solver/instance";
import { recreate, type State } from "@iot/shared/planner/solver/ruinRecreate";
import { emptyRoute, refresh } from "@iot/shared/planner/solver/route";
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
    const untimed = grid();
    const timed = grid(1e9);
    for (let seed = 1; seed <= 10; seed++) {
      const a = plan(untimed, seed);
      const b = plan(timed, seed);
      expect(a.unassigned).toEqual(b.unassigned);
      expect(a.routes.map((r) => r.seq)).toEqual(b.routes.map((r) => r.seq));
      expect(a.routes.map((r) => [r.load, r.distance])).toEqual(b.routes.map((r) => [r.load, r.distance]));
    }
  });
});
