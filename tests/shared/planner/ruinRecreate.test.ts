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
