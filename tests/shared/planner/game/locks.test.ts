import { describe, expect, it } from "vitest";
import { assistantProblem } from "@iot/shared/planner/assistant";
import { carrierView } from "@iot/shared/planner/carrierView";
import type { Plan } from "@iot/shared/planner/evaluate";
import {
  acceptProposal,
  advanceClock,
  assistantContext,
  endRound,
  locksInForce,
  newPlannerGame,
  proposalOutdated,
  recordProposal,
  setLock,
  setPlan,
  situationKey,
  startRound,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { parsePlannerPayload } from "@iot/shared/planner/protocol";
import { hm } from "@iot/shared/planner/scenario";
import { solveVrp } from "@iot/shared/planner/solver/sisr";
import { createRng, pick, shuffled } from "@iot/shared/rng";
import { advanceTo, greedyPlan, handDayRound3, must, region } from "./fixtures.js";

/** Round 2 with p1's greedy plan, one planner on a day of `difficulty` from region seed `seed`. */
function round2(seed = 7, difficulty: 1 | 2 = 1): PlannerGame {
  let g = must(newPlannerGame({ players: [{ id: "p1", name: "Planner 1" }], difficulty, seed }));
  g = must(startRound(g, 1));
  g = must(setPlan(g, "p1", greedyPlan(g.carriers.p1!)));
  return advanceTo(g, 2, (x) => must(endRound(x)));
}

/** The assistant's plan for p1 as the room would get it (an iteration budget, so the run is the same everywhere). */
function propose(g: PlannerGame, seed = 1): Plan {
  const { instance, toPlan } = assistantProblem(g.carriers.p1!.scenario, assistantContext(g, "p1"));
  return toPlan(solveVrp(instance, { seed, maxIterations: 400 }));
}

const routeOf = (plan: Plan, v: string) => plan.routes.find((r) => r.vehicle === v)?.orders ?? [];
const vehicleOf = (plan: Plan, o: string) => plan.routes.find((r) => r.orders.includes(o))?.vehicle ?? null;

describe("locking routes and stops", () => {
  it("refuses a bad lock with a typed rejection and changes nothing", () => {
    const g = round2();
    const plan = g.carriers.p1!.plan;
    const order = plan.routes[0]!.orders[0]!;
    expect(setLock(g, "p1", { vehicle: "c2-v1" }, true)).toEqual({
      ok: false,
      rejection: { code: "NOT_YOUR_VEHICLE", detail: { vehicle: "c2-v1" } },
    });
    expect(setLock(g, "p1", { order: "c2-o1" }, true)).toMatchObject({
      ok: false,
      rejection: { code: "UNKNOWN_ORDER" },
    });
    expect(setLock(g, "nobody", { order }, true)).toMatchObject({ ok: false, rejection: { code: "UNKNOWN_PLAYER" } });
    const off = must(
      setPlan(g, "p1", { routes: plan.routes.map((r) => ({ ...r, orders: r.orders.filter((o) => o !== order) })) }),
    );
    expect(setLock(off, "p1", { order }, true)).toEqual({
      ok: false,
      rejection: { code: "NOT_PLANNED", detail: { order } },
    });
    // Round 1 plans by hand: nothing to optimise, nothing to lock.
    const r1 = must(startRound(region(1), 1));
    expect(setLock(r1, "p1", { vehicle: "c1-v1" }, true)).toMatchObject({
      ok: false,
      rejection: { code: "ASSISTANT_NOT_ALLOWED" },
    });
    // A truck that is out cannot be locked.
    const broken = must(advanceClock(handDayRound3(), hm(10, 30)));
    expect(setLock(broken, "p1", { vehicle: "c1-v1" }, true)).toMatchObject({
      ok: false,
      rejection: { code: "VEHICLE_UNAVAILABLE" },
    });
    // Malformed messages never reach the rules.
    expect(parsePlannerPayload("lock", { vehicle: "c1-v1", order: "c1-o1", locked: true })).toBeNull();
    expect(parsePlannerPayload("lock", { locked: true })).toBeNull();
    expect(parsePlannerPayload("lock", { vehicle: "c1 v1", locked: true })).toBeNull();
    expect(parsePlannerPayload("lock", { vehicle: "c1-v1", locked: "yes" })).toBeNull();
    expect(parsePlannerPayload("lock", { order: "c1-o1", locked: false })).toEqual({ order: "c1-o1", locked: false });
  });

  it("locks and unlocks; the locks hold in their round only and a stop taken off every truck loses its lock", () => {
    let g = round2();
    const [r0, r1] = g.carriers.p1!.plan.routes;
    const stop = r1!.orders[0]!;
    g = must(setLock(g, "p1", { vehicle: r0!.vehicle }, true));
    g = must(setLock(g, "p1", { order: stop }, true));
    expect(carrierView(g, "p1")?.planLocks).toEqual({ routes: [r0!.vehicle], stops: [stop] });
    expect(must(setLock(g, "p1", { vehicle: r0!.vehicle }, false)).carriers.p1?.planLocks?.routes).toEqual([]);
    const off = must(
      setPlan(g, "p1", {
        routes: g.carriers.p1!.plan.routes.map((r) => ({ ...r, orders: r.orders.filter((o) => o !== stop) })),
      }),
    );
    expect(locksInForce(off.carriers.p1!, off.round).stops).toEqual([]);
    expect(off.carriers.p1?.planLocks?.stops).toEqual([]);
    const next = must(startRound(must(endRound(g)), 3));
    expect(carrierView(next, "p1")?.planLocks).toEqual({ routes: [], stops: [] });
  });

  it("changing locks, or what a locked route holds, changes the situation and outdates the proposal", () => {
    let g = round2();
    const before = situationKey(g, "p1");
    g = must(recordProposal(g, "p1", propose(g)));
    const [r0] = g.carriers.p1!.plan.routes;
    const locked = must(setLock(g, "p1", { vehicle: r0!.vehicle }, true));
    expect(situationKey(locked, "p1")).not.toBe(before);
    expect(proposalOutdated(locked, "p1")).toBe(true);
    expect(acceptProposal(locked, "p1")).toMatchObject({ ok: false, rejection: { code: "PROPOSAL_OUTDATED" } });
    // Unlocking brings the situation back.
    expect(situationKey(must(setLock(locked, "p1", { vehicle: r0!.vehicle }, false)), "p1")).toBe(before);
    // An edit of a locked route changes it; an edit elsewhere does not.
    const fresh = must(recordProposal(locked, "p1", propose(locked)));
    const reordered = {
      routes: fresh.carriers.p1!.plan.routes.map((r) =>
        r.vehicle === r0!.vehicle ? { ...r, orders: [...r.orders].reverse() } : r,
      ),
    };
    expect(proposalOutdated(must(setPlan(fresh, "p1", reordered)), "p1")).toBe(true);
    const other = fresh.carriers.p1!.plan.routes[1]!;
    const elsewhere = {
      routes: fresh.carriers.p1!.plan.routes.map((r) => (r === other ? { ...r, orders: [...r.orders].reverse() } : r)),
    };
    expect(proposalOutdated(must(setPlan(fresh, "p1", elsewhere)), "p1")).toBe(false);
  });

  it("refuses a proposal that does not keep what is locked (LOCK_BROKEN)", () => {
    let g = round2();
    const [r0, r1] = g.carriers.p1!.plan.routes;
    g = must(setLock(g, "p1", { vehicle: r0!.vehicle }, true));
    // A plan that moves the locked route's first stop to the other truck, recorded for the current situation.
    const moved = r0!.orders[0]!;
    const broken: Plan = {
      routes: [
        { vehicle: r0!.vehicle, orders: r0!.orders.slice(1) },
        { vehicle: r1!.vehicle, orders: [...r1!.orders, moved] },
      ],
    };
    expect(acceptProposal(must(recordProposal(g, "p1", broken)), "p1")).toEqual({
      ok: false,
      rejection: { code: "LOCK_BROKEN", detail: { item: r0!.vehicle } },
    });
    const stop = r1!.orders[0]!;
    g = must(setLock(must(setLock(g, "p1", { vehicle: r0!.vehicle }, false)), "p1", { order: stop }, true));
    const away: Plan = {
      routes: [
        { vehicle: r0!.vehicle, orders: [...r0!.orders, stop] },
        { vehicle: r1!.vehicle, orders: r1!.orders.filter((o) => o !== stop) },
      ],
    };
    expect(acceptProposal(must(recordProposal(g, "p1", away)), "p1")).toEqual({
      ok: false,
      rejection: { code: "LOCK_BROKEN", detail: { item: stop } },
    });
  });

  it("the assistant keeps every locked route as it is and every locked stop on its truck (seeded, 12 days)", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rng = createRng(seed);
      let g = round2(seed * 101, seed % 2 === 0 ? 2 : 1);
      const routes = g.carriers.p1!.plan.routes.filter((r) => r.orders.length > 0);
      const lockedRoute = pick(rng, routes);
      const others = routes.filter((r) => r !== lockedRoute);
      const stops = shuffled(
        rng,
        others.flatMap((r) => r.orders),
      ).slice(0, 3);
      // An unused truck locked empty stays unused.
      const used = new Set(g.carriers.p1!.plan.routes.map((r) => r.vehicle));
      const idle = g.carriers.p1!.scenario.fleet.find((v) => !used.has(v.id));
      g = must(setLock(g, "p1", { vehicle: lockedRoute.vehicle }, true));
      if (idle) g = must(setLock(g, "p1", { vehicle: idle.id }, true));
      for (const o of stops) g = must(setLock(g, "p1", { order: o }, true));
      const current = g.carriers.p1!.plan;
      const proposal = propose(g, seed);
      expect(routeOf(proposal, lockedRoute.vehicle)).toEqual(lockedRoute.orders);
      if (idle) expect(routeOf(proposal, idle.id)).toEqual([]);
      for (const o of stops) expect(vehicleOf(proposal, o)).toBe(vehicleOf(current, o));
      const all = proposal.routes.flatMap((r) => r.orders);
      expect(new Set(all).size).toBe(all.length);
      const accepted = must(acceptProposal(must(recordProposal(g, "p1", proposal)), "p1"));
      expect(accepted.carriers.p1?.plan).toEqual(proposal);
    }
  });

  it("in a running day, driven stops stay first and a locked stop stays on its truck, first of the open stops", () => {
    let g = must(advanceClock(handDayRound3(), hm(10, 30)));
    const v2 = routeOf(g.carriers.p1!.plan, "c1-v2");
    expect(g.carriers.p1!.locked).toContain(v2[0]);
    // Emmen on the third truck, locked there: one truck could do Emmen and the rush order in Roden, but it stays.
    g = must(setPlan(g, "p1", { routes: [...g.carriers.p1!.plan.routes, { vehicle: "c1-v3", orders: ["c1-a3"] }] }));
    g = must(setLock(g, "p1", { order: "c1-a3" }, true));
    const proposal = propose(g);
    expect(routeOf(proposal, "c1-v2").slice(0, v2.length)).toEqual(v2);
    expect(routeOf(proposal, "c1-v3")[0]).toBe("c1-a3");
    expect(must(acceptProposal(must(recordProposal(g, "p1", proposal)), "p1")).carriers.p1?.plan).toEqual(proposal);
  });
});
