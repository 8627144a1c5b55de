import { describe, expect, it } from "vitest";
import {
  acceptProposal,
  carrierKpi,
  endRound,
  MAX_PLAN_STOPS,
  recordProposal,
  revealFloor,
  setPlan,
  startRound,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { advanceTo, greedyPlan, must, region } from "./fixtures.js";

const end = (g: PlannerGame) => must(endRound(g));
const code = (r: { ok: boolean; rejection?: { code: string } }) => (r.ok ? "ok" : r.rejection?.code);

describe("setPlan", () => {
  const g = must(startRound(region(), 1));
  const c1 = g.carriers.p1!;
  const plan = greedyPlan(c1);

  it("replaces the plan and announces it; the input is not touched", () => {
    const before = JSON.stringify(g);
    const r = setPlan(g, "p1", plan);
    expect(r.ok && r.events).toEqual([{ type: "plan-set", player: "p1", source: "edit" }]);
    const next = must(r);
    expect(JSON.stringify(g)).toBe(before);
    expect(next.carriers.p1?.plan).toEqual(plan);
    expect(next.carriers.p1?.plan).not.toBe(plan);
    expect(next.carriers.p2).toBe(g.carriers.p2);
    expect(carrierKpi(next, "p1")?.unplanned).toEqual([]);
    expect(carrierKpi(next, "nobody")).toBeNull();
  });

  it("allows over capacity and lateness (they show in the KPIs)", () => {
    const all = c1.scenario.orders.map((o) => o.id);
    const next = must(setPlan(g, "p1", { routes: [{ vehicle: "c1-v1", orders: all }] }));
    const kpi = carrierKpi(next, "p1");
    expect(kpi?.overCapacity).toBe(1);
    expect(kpi?.deliveries).toBe(15);
  });

  it("rejects each structural error with its code and detail", () => {
    const v = c1.scenario.fleet[0]!.id;
    const w = c1.scenario.fleet[1]!.id;
    const cases: [unknown, string, Record<string, string | number>?][] = [
      [{ routes: [{ vehicle: "c2-v1", orders: [] }] }, "NOT_YOUR_VEHICLE", { vehicle: "c2-v1" }],
      [{ routes: [{ vehicle: "ghost", orders: [] }] }, "NOT_YOUR_VEHICLE", { vehicle: "ghost" }],
      [
        {
          routes: [
            { vehicle: v, orders: [] },
            { vehicle: v, orders: [] },
          ],
        },
        "DOUBLE_VEHICLE",
        { vehicle: v },
      ],
      [{ routes: [{ vehicle: v, orders: ["c2-o1"] }] }, "UNKNOWN_ORDER", { order: "c2-o1" }],
      [
        {
          routes: [
            { vehicle: v, orders: ["c1-o1"] },
            { vehicle: w, orders: ["c1-o1"] },
          ],
        },
        "DOUBLE_ORDER",
        { order: "c1-o1" },
      ],
      [{ routes: [{ vehicle: v, orders: Array(MAX_PLAN_STOPS + 1).fill("c1-o1") }] }, "TOO_MANY_STOPS", { max: 200 }],
    ];
    for (const [p, c, detail] of cases) {
      const r = setPlan(g, "p1", p as typeof plan);
      expect(r, c).toEqual({ ok: false, rejection: { code: c, detail } });
    }
    expect(code(setPlan(g, "nobody", plan))).toBe("UNKNOWN_PLAYER");
    expect(code(setPlan(region(), "p1", plan))).toBe("NOT_IN_ROUND");
    expect(code(setPlan(end(g), "p1", plan))).toBe("NOT_IN_ROUND");
  });
});

describe("the assistant's proposal", () => {
  const g1 = must(startRound(region(), 1));
  const g2 = advanceTo(g1, 2, end);
  const proposal = greedyPlan(g2.carriers.p1!);

  it("is not allowed by hand in round 1", () => {
    expect(code(recordProposal(g1, "p1", proposal))).toBe("ASSISTANT_NOT_ALLOWED");
    expect(code(acceptProposal(g1, "p1"))).toBe("ASSISTANT_NOT_ALLOWED");
  });

  it("is recorded, accepted and counted; edits after accepting are counted", () => {
    expect(code(acceptProposal(g2, "p1"))).toBe("NO_PROPOSAL");
    const rec = recordProposal(g2, "p1", proposal);
    expect(rec.ok && rec.events).toEqual([]);
    const g = must(rec);
    expect(g.carriers.p1?.proposal).toEqual(proposal);
    expect(g.carriers.p1?.usage.asked).toEqual([0, 1, 0, 0]);
    expect(g.carriers.p1?.plan).toEqual({ routes: [] });
    const acc = acceptProposal(g, "p1");
    expect(acc.ok && acc.events).toEqual([{ type: "plan-set", player: "p1", source: "proposal" }]);
    const accepted = must(acc);
    expect(accepted.carriers.p1?.plan).toEqual(proposal);
    expect(accepted.carriers.p1?.usage.accepted).toEqual([0, 1, 0, 0]);
    const edited = must(setPlan(accepted, "p1", { routes: proposal.routes.slice(1) }));
    expect(edited.carriers.p1?.usage.editsAfterAccept).toEqual([0, 1, 0, 0]);
    // A plan set without having accepted is not an edit of the proposal.
    expect(must(setPlan(g, "p1", proposal)).carriers.p1?.usage.editsAfterAccept).toEqual([0, 0, 0, 0]);
  });

  it("must still pass the plan checks when accepted", () => {
    const bad = must(recordProposal(g2, "p1", { routes: [{ vehicle: "c2-v1", orders: [] }] }));
    expect(code(acceptProposal(bad, "p1"))).toBe("NOT_YOUR_VEHICLE");
    expect(code(recordProposal(g2, "p1", { routes: [{ vehicle: "x", orders: Array(201).fill("a") }] }))).toBe(
      "TOO_MANY_STOPS",
    );
    expect(code(recordProposal(g2, "nobody", proposal))).toBe("UNKNOWN_PLAYER");
    expect(code(recordProposal(end(g2), "p1", proposal))).toBe("NOT_IN_ROUND");
  });
});

describe("revealFloor", () => {
  const g = must(startRound(region(), 1));
  const c1 = g.carriers.p1!;
  const withFloor = c1.scenario.orders.find((o) => o.floor);
  const without = c1.scenario.orders.find((o) => !o.floor)!;

  it("makes floor knowledge known and counts what it found", () => {
    expect(withFloor).toBeDefined();
    const found = must(revealFloor(g, "p1", withFloor!.id));
    expect(found.carriers.p1?.revealed).toEqual([withFloor!.id]);
    expect(found.carriers.p1?.usage.floorFound).toBe(1);
    expect(found.carriers.p1?.usage.floorOrders).toBe(c1.scenario.orders.filter((o) => o.floor).length);
    expect(revealFloor(found, "p1", withFloor!.id)).toEqual({ ok: true, game: found, events: [] });
    const nothing = must(revealFloor(g, "p1", without.id));
    expect(nothing.carriers.p1?.usage.floorFound).toBe(0);
  });

  it("rejects another carrier's order, an unknown player and a game between rounds", () => {
    expect(revealFloor(g, "p1", "c2-o1")).toEqual({
      ok: false,
      rejection: { code: "UNKNOWN_ORDER", detail: { order: "c2-o1" } },
    });
    expect(code(revealFloor(g, "nobody", "c1-o1"))).toBe("UNKNOWN_PLAYER");
    expect(code(revealFloor(end(g), "p1", "c1-o1"))).toBe("NOT_IN_ROUND");
  });
});
