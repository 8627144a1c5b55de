import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planDiff } from "@iot/shared/planner/planDiff";
import { insertBefore } from "@iot/shared/planner/planEdit";

const mine = {
  routes: [
    { vehicle: "v1", orders: ["a", "b", "c"] },
    { vehicle: "v2", orders: ["d"] },
  ],
};

describe("the proposal against the plan", () => {
  it("is empty for the same plan", () => {
    expect(planDiff(mine, structuredClone(mine))).toEqual([]);
  });

  it("names orders planned, dropped, moved to another truck and put in another sequence", () => {
    const proposal = {
      routes: [
        { vehicle: "v1", orders: ["b", "a"] },
        { vehicle: "v2", orders: ["c", "e"] },
      ],
    };
    expect(planDiff(mine, proposal)).toEqual([
      { kind: "resequenced", order: "a", vehicle: "v1" },
      { kind: "resequenced", order: "b", vehicle: "v1" },
      { kind: "moved", order: "c", from: "v1", to: "v2" },
      { kind: "dropped", order: "d", from: "v2" },
      { kind: "planned", order: "e", to: "v2" },
    ]);
  });

  it("lists exactly the orders whose truck or stop before differs (seeded)", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const planArb = fc
      .array(fc.constantFrom("v1", "v2", "none"), { minLength: ids.length, maxLength: ids.length })
      .chain((trucks) =>
        fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }).map((order) => ({
          routes: ["v1", "v2"].map((v) => ({ vehicle: v, orders: order.filter((_, i) => trucks[i] === v) })),
        })),
      );
    fc.assert(
      fc.property(planArb, planArb, (x, y) => {
        const changed = new Set(planDiff(x, y).map((c) => c.order));
        const where = (p: typeof x, o: string) => {
          const r = p.routes.find((q) => q.orders.includes(o));
          return r ? `${r.vehicle}/${r.orders[r.orders.indexOf(o) - 1] ?? ""}` : "";
        };
        for (const o of ids) expect(changed.has(o)).toBe(where(x, o) !== where(y, o));
        expect(planDiff(y, y)).toEqual([]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe("inserting a stop before another", () => {
  it("puts the order just before the stop, taking it off its truck first", () => {
    expect(insertBefore(mine, "d", "v1", "b").routes).toEqual([
      { vehicle: "v1", orders: ["a", "d", "b", "c"] },
      { vehicle: "v2", orders: [] },
    ]);
    expect(insertBefore(mine, "c", "v1", "a").routes[0]?.orders).toEqual(["c", "a", "b"]);
  });

  it("appends when the stop is not on that truck, adds a route for a truck without one, and ignores a drop on itself", () => {
    expect(insertBefore(mine, "a", "v2", "zz").routes[1]?.orders).toEqual(["d", "a"]);
    expect(insertBefore(mine, "x", "v3", "a").routes.at(-1)).toEqual({ vehicle: "v3", orders: ["x"] });
    expect(insertBefore(mine, "b", "v1", "b")).toEqual(mine);
    expect(mine.routes[0]?.orders).toEqual(["a", "b", "c"]);
  });
});
