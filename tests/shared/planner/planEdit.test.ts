import { describe, expect, it } from "vitest";
import { assign, move, unassign } from "@iot/shared/planner/planEdit";

const plan = {
  routes: [
    { vehicle: "v1", orders: ["a", "b", "c"] },
    { vehicle: "v2", orders: ["d"] },
  ],
};

describe("plan editing", () => {
  it("assigns an order to the end of a truck, taking it off any other truck", () => {
    expect(assign(plan, "a", "v2").routes).toEqual([
      { vehicle: "v1", orders: ["b", "c"] },
      { vehicle: "v2", orders: ["d", "a"] },
    ]);
    expect(assign(plan, "e", "v3").routes.at(-1)).toEqual({ vehicle: "v3", orders: ["e"] });
    expect(plan.routes[0]?.orders).toEqual(["a", "b", "c"]);
  });

  it("moves a stop within its route, clamped at both ends", () => {
    expect(move(plan, "b", -1).routes[0]?.orders).toEqual(["b", "a", "c"]);
    expect(move(plan, "c", 1).routes[0]?.orders).toEqual(["a", "b", "c"]);
    expect(move(plan, "a", -5).routes[0]?.orders).toEqual(["a", "b", "c"]);
  });

  it("takes an order off its truck", () => {
    expect(unassign(plan, "d").routes).toEqual([
      { vehicle: "v1", orders: ["a", "b", "c"] },
      { vehicle: "v2", orders: [] },
    ]);
  });
});
