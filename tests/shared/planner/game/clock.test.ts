import { describe, expect, it } from "vitest";
import { evaluatePlan } from "@iot/shared/planner/evaluate";
import {
  acceptProposal,
  advanceClock,
  carrierKpi,
  endRound,
  offerOrder,
  recordProposal,
  setPlan,
  situationKey,
  startRound,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { driveMinutes, roadKm } from "@iot/shared/planner/geo";
import { DEPOT, DEPOT_LOADING_MIN, town } from "@iot/shared/planner/region";
import { hm, type Disruption } from "@iot/shared/planner/scenario";
import { advanceTo, handDay, handDayRound3, must, region, withScenario } from "./fixtures.js";

const end = (g: PlannerGame) => must(endRound(g));
const code = (r: { ok: boolean; rejection?: { code: string } }) => (r.ok ? "ok" : r.rejection?.code);

const round3 = handDayRound3;

describe("advanceClock", () => {
  it("works in round 3 only and never turns the clock back", () => {
    const g = round3();
    expect(g.clock).toBe(hm(6, 30));
    expect(code(advanceClock(must(startRound(region(), 1)), hm(8)))).toBe("WRONG_ROUND");
    expect(code(advanceClock(end(g), hm(8)))).toBe("NOT_IN_ROUND");
    expect(code(advanceClock(g, Number.NaN))).toBe("BAD_MESSAGE");
    const later = must(advanceClock(g, hm(7, 10)));
    expect(later.clock).toBe(hm(7, 10));
    expect(must(advanceClock(later, hm(7))).clock).toBe(hm(7, 10));
    expect(must(advanceClock(later, hm(23))).clock).toBe(hm(19));
  });

  it("locks stops once their vehicle sets off, by the plan's own schedule (hand-checked)", () => {
    const g = round3();
    // c1-v1 leaves the depot just in time for Groningen at 07:00, unloads 10 minutes, sets off for Assen.
    const leaveAssen = hm(7) + 10;
    const arriveAssen = leaveAssen + driveMinutes(roadKm(town("groningen"), town("assen")));
    const leaveEmmen = arriveAssen + 30;
    const stops = carrierKpi(g, "p1")?.routes[0]?.stops ?? [];
    // Its day starts at the depot (the dock time, then the drive) so that it is in Groningen at 07:00.
    expect(stops[0]?.leave).toBeCloseTo(hm(7) - driveMinutes(roadKm(DEPOT, town("groningen"))) - DEPOT_LOADING_MIN, 1);
    expect(stops[1]?.leave).toBeCloseTo(leaveAssen, 1);
    expect(stops[2]?.leave).toBeCloseTo(leaveEmmen, 1);
    expect(must(advanceClock(g, leaveAssen - 1)).carriers.p1?.locked).toEqual(["c1-a1"]);
    expect(must(advanceClock(g, leaveAssen + 1)).carriers.p1?.locked).toEqual(["c1-a1", "c1-a2"]);
  });

  it("moves a broken vehicle's open stops to unplanned and brings the rush order in", () => {
    const g = round3();
    const r = advanceClock(g, hm(9));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const mine = r.events.filter((e) => e.type === "disruption" && e.player === "p1");
    expect(mine).toEqual([
      { type: "disruption", player: "p1", disruption: handDay().disruptions[0], moved: ["c1-a3"] },
      { type: "disruption", player: "p1", disruption: handDay().disruptions[1], moved: ["c1-rush-1"] },
    ]);
    const c = r.game.carriers.p1!;
    expect(c.unavailable).toEqual(["c1-v1"]);
    expect(c.applied).toBe(2);
    expect(c.plan.routes).toEqual([
      { vehicle: "c1-v1", orders: ["c1-a1", "c1-a2"] },
      { vehicle: "c1-v2", orders: ["c1-a4"] },
    ]);
    expect(c.scenario.orders.map((o) => o.id)).toContain("c1-rush-1");
    expect(carrierKpi(r.game, "p1")?.unplanned).toEqual(["c1-a3", "c1-rush-1"]);
    expect(c.usage.replans.map((x) => [x.kind, x.orders, x.replannedAt])).toEqual([
      ["breakdown", ["c1-a3"], null],
      ["rush-order", ["c1-rush-1"], null],
    ]);
    // Applied once: a later tick does not apply them again.
    const again = advanceClock(r.game, hm(9, 30));
    expect(again.ok && again.events.filter((e) => e.type === "disruption" && e.player === "p1")).toEqual([]);
    // A plan that leaves both open orders to hired trucks answers the disruptions, it does not replan them.
    const left = must(setPlan(r.game, "p1", c.plan));
    expect(left.carriers.p1?.usage.replans.map((x) => [x.answeredAt, x.replannedAt])).toEqual([
      [r.game.clock, null],
      [r.game.clock, null],
    ]);
  });

  it("keeps locked stops in place and vehicles that are out empty, and plans a replan from now on", () => {
    const g = must(advanceClock(round3(), hm(8)));
    expect(g.carriers.p1?.locked).toEqual(["c1-a1", "c1-a2"]);
    const routes = (...r: [string, string[]][]) => ({ routes: r.map(([vehicle, orders]) => ({ vehicle, orders })) });
    expect(setPlan(g, "p1", routes(["c1-v1", ["c1-a2", "c1-a1"]], ["c1-v2", ["c1-a4"]]))).toEqual({
      ok: false,
      rejection: { code: "LOCKED_STOP", detail: { order: "c1-a1" } },
    });
    expect(code(setPlan(g, "p1", routes(["c1-v1", ["c1-a2"]], ["c1-v2", ["c1-a1", "c1-a4"]])))).toBe("LOCKED_STOP");
    expect(code(setPlan(g, "p1", routes(["c1-v2", ["c1-a4"]])))).toBe("LOCKED_STOP");
    expect(setPlan(g, "p1", routes(["c1-v1", ["c1-a1", "c1-a2", "c1-a3"]], ["c1-v2", ["c1-a4"]]))).toEqual({
      ok: false,
      rejection: { code: "VEHICLE_UNAVAILABLE", detail: { vehicle: "c1-v1" } },
    });
    // A proposal that still counts on a vehicle gone out since: accepted as it can be driven now.
    const proposal = must(recordProposal(g, "p1", routes(["c1-v1", ["c1-a1", "c1-a2", "c1-a3"]])));
    const accepted = must(acceptProposal(proposal, "p1")).carriers.p1;
    expect(accepted?.plan.routes).toEqual([{ vehicle: "c1-v1", orders: ["c1-a1", "c1-a2"] }]);
    expect(code(setPlan(proposal, "p1", routes(["c1-v1", ["c1-a1", "c1-a2", "c1-a3"]])))).toBe("VEHICLE_UNAVAILABLE");
    const replanned = must(
      setPlan(g, "p1", routes(["c1-v1", ["c1-a1", "c1-a2"]], ["c1-v2", ["c1-a4"]], ["c1-v3", ["c1-a3"]])),
    );
    const c = replanned.carriers.p1!;
    expect(c.holds).toEqual({ "c1-v3": [{ after: 0, until: hm(8) }] });
    // c1-v3 could have left at 07:00 for Emmen; told at 08:00, it leaves at 08:00.
    const v3 = carrierKpi(replanned, "p1")?.routes.find((r) => r.vehicle === "c1-v3");
    expect(v3?.stops[0]?.leave).toBe(hm(8));
    expect(c.usage.replans[0]?.replannedAt).toBe(hm(8));
    expect(c.usage.replans[0]?.answeredAt).toBe(hm(8));
  });

  it("round 4 starts the day over: only the stops of vehicles that went out stay locked", () => {
    let g = must(advanceClock(round3(), hm(9)));
    g = must(setPlan(g, "p1", { routes: [...g.carriers.p1!.plan.routes, { vehicle: "c1-v3", orders: ["c1-a3"] }] }));
    g = must(advanceClock(g, hm(12)));
    expect(g.carriers.p1?.locked).toEqual(expect.arrayContaining(["c1-a1", "c1-a2", "c1-a4", "c1-a3"]));
    const g4 = must(startRound(end(g), 4));
    expect(g4.clock).toBe(hm(6, 30));
    expect(g4.carriers.p1?.locked).toEqual(["c1-a1", "c1-a2"]);
    expect(g4.carriers.p1?.holds).toEqual({});
    expect(g4.carriers.p1?.unavailable).toEqual(["c1-v1"]);
    expect(offerOrder(g4, "p1", "c1-a1")).toEqual({
      ok: false,
      rejection: { code: "ORDER_LOCKED", detail: { order: "c1-a1" } },
    });
    expect(offerOrder(g4, "p1", "c1-a4").ok).toBe(true);
  });
});

describe("traffic jams in the evaluation", () => {
  it("slow the legs on the corridor that set off while the jam lasts, in either direction", () => {
    const s = { ...handDay(), orders: [{ ...handDay().orders[0]!, town: "drachten" }, handDay().orders[1]!] };
    const plan = { routes: [{ vehicle: "c1-v1", orders: ["c1-a1"] }] };
    const free = evaluatePlan(s, plan);
    const jam = { from: "drachten", to: "depot", at: 0, until: hm(24), factor: 2 };
    const slow = evaluatePlan(s, plan, { jams: [jam] });
    const hours = (roadKm(DEPOT, town("drachten")) * 2) / 60;
    expect(slow.routes[0]!.driveHours - free.routes[0]!.driveHours).toBeCloseTo(hours, 3);
    const over = evaluatePlan(s, plan, { jams: [{ ...jam, at: hm(3), until: hm(4) }] });
    expect(over.routes[0]!.driveHours).toBe(free.routes[0]!.driveHours);
  });

  it("accepts a proposal made before stops were driven with those stops kept first on their vehicle", () => {
    const g = round3();
    // The assistant proposes at 06:30 to swap the vehicles' work; by the time the planner accepts, a1 is driven.
    const proposed = must(
      recordProposal(g, "p1", {
        routes: [
          { vehicle: "c1-v1", orders: ["c1-a4"] },
          { vehicle: "c1-v2", orders: ["c1-a1", "c1-a2", "c1-a3"] },
        ],
      }),
    );
    const later = must(advanceClock(proposed, hm(7)));
    expect(later.carriers.p1?.locked).toEqual(["c1-a1"]);
    const taken = must(acceptProposal(later, "p1")).carriers.p1;
    expect(taken?.plan.routes).toEqual([
      { vehicle: "c1-v1", orders: ["c1-a1", "c1-a4"] },
      { vehicle: "c1-v2", orders: ["c1-a2", "c1-a3"] },
    ]);
  });
});

describe("the catalogue's kinds in the rules", () => {
  /** Round 3 on the hand-made day with these disruptions instead of its own; c1-v2 drives a2 (Assen) alone. */
  const dayWith = (disruptions: Disruption[]): PlannerGame => {
    const g = withScenario(region(), "p1", { ...handDay(), disruptions });
    const r3 = advanceTo(must(startRound(g, 1)), 3, (x) => must(endRound(x)));
    return must(
      setPlan(r3, "p1", {
        routes: [
          { vehicle: "c1-v1", orders: ["c1-a1", "c1-a3"] },
          { vehicle: "c1-v2", orders: ["c1-a2"] },
        ],
      }),
    );
  };
  const stop = (g: PlannerGame, order: string) =>
    carrierKpi(g, "p1")
      ?.routes.flatMap((r) => r.stops)
      .find((s) => s.order === order);

  it("a window change moves the customer's window, the order stays where it is, and the situation changes", () => {
    const g = dayWith([{ at: hm(8), kind: "window-change", order: "c1-a3", ready: hm(14), due: hm(16) }]);
    const before = situationKey(g, "p1");
    const r = advanceClock(g, hm(8, 5));
    if (!r.ok) throw new Error("rejected");
    const o = r.game.carriers.p1?.scenario.orders.find((x) => x.id === "c1-a3");
    expect([o?.ready, o?.due]).toEqual([hm(14), hm(16)]);
    expect(r.game.carriers.p1?.plan).toEqual(g.carriers.p1?.plan);
    // The driver now waits in Emmen until 14:00.
    expect(stop(r.game, "c1-a3")?.start).toBe(hm(14));
    expect(stop(g, "c1-a3")?.start).toBeLessThan(hm(10));
    expect(r.events.filter((e) => e.type === "disruption" && e.player === "p1")).toHaveLength(1);
    expect(situationKey(r.game, "p1")).not.toBe(before);
  });

  it("a road closure slows every leg to and from its town while it lasts, and the situation changes", () => {
    const closure: Disruption = { at: hm(6, 45), kind: "road-closure", town: "emmen", factor: 2, until: hm(12) };
    const g = dayWith([closure]);
    const before = situationKey(g, "p1");
    const closed = must(advanceClock(g, hm(6, 50)));
    const leg = driveMinutes(roadKm(town("groningen"), town("emmen")));
    // Groningen -> Emmen sets off at about 07:10, inside the closure: twice the drive; Assen is not touched.
    expect(stop(closed, "c1-a3")!.arrival - stop(g, "c1-a3")!.arrival).toBeCloseTo(leg, 1);
    expect(stop(closed, "c1-a2")?.arrival).toBe(stop(g, "c1-a2")?.arrival);
    expect(situationKey(closed, "p1")).not.toBe(before);
    // Over by 12:00: a leg that sets off after it is not slowed.
    const over = dayWith([{ ...closure, at: hm(6, 35), until: hm(6, 40) }]);
    const after = must(advanceClock(over, hm(6, 45)));
    expect(stop(after, "c1-a3")?.arrival).toBe(stop(over, "c1-a3")?.arrival);
  });

  it("a traffic jam on a corridor slows every leg between its two ends, the depot's too", () => {
    // c1-v2 starts at the depot at 06:30 (the day's start) and sets off for Assen after its dock time.
    const jam: Disruption = {
      at: hm(6, 30),
      kind: "traffic-jam",
      from: "groningen",
      to: "assen",
      corridor: "a28",
      factor: 2,
      until: hm(9),
    };
    const g = dayWith([jam]);
    const jammed = must(advanceClock(g, hm(6, 31)));
    // c1-v2 drives from the depot to Assen on the A28: slowed, though the jam is named Groningen-Assen.
    const leg = driveMinutes(roadKm(DEPOT, town("assen")));
    expect(stop(jammed, "c1-a2")!.arrival - stop(g, "c1-a2")!.arrival).toBeCloseTo(leg, 1);
    // Groningen -> Emmen is not on the A28.
    expect(stop(jammed, "c1-a3")?.arrival).toBe(stop(g, "c1-a3")?.arrival);
  });
});
