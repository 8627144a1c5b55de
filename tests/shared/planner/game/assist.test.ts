import { describe, expect, it } from "vitest";
import { assistantProblem } from "@iot/shared/planner/assistant";
import { evaluatePlan } from "@iot/shared/planner/evaluate";
import {
  acceptProposal,
  advanceClock,
  assistantContext,
  endRound,
  evaluationOptions,
  recordProposal,
  startRound,
} from "@iot/shared/planner/game/index";
import { driveMinutes } from "@iot/shared/planner/geo";
import { hm } from "@iot/shared/planner/scenario";
import { solveVrp } from "@iot/shared/planner/solver/sisr";
import { advanceTo, handDay, handDayRound3, must, region, withScenario } from "./fixtures.js";

/** p1 on the hand-made day, in round 3 at 10:30: c1-v1 broke down at 08:00 after driving a1 and a2. */
const midDay = () => must(advanceClock(handDayRound3(), hm(10, 30)));

describe("what the assistant is told", () => {
  it("in round 3: the clock, the driven stops to keep, the trucks that are out and what the planner found", () => {
    const g = midDay();
    const ctx = assistantContext(g, "p1");
    expect(ctx.now).toBe(hm(10, 30));
    expect(ctx.unavailable).toEqual(["c1-v1"]);
    expect(ctx.revealed).toEqual([]);
    expect(ctx.keep?.routes.find((r) => r.vehicle === "c1-v1")?.orders).toEqual(["c1-a1", "c1-a2"]);
    expect(assistantContext(g, "nobody")).toEqual({});
  });

  it("before round 3 there is no clock to respect", () => {
    const g = must(startRound(withScenario(region(), "p1", handDay()), 1));
    expect(assistantContext(g, "p1").now).toBeUndefined();
  });

  it("plans open stops from the clock on: none of its stops starts before it, kept stops stay first", () => {
    const g = midDay();
    const carrier = g.carriers.p1!;
    const ctx = assistantContext(g, "p1");
    const { instance, toPlan } = assistantProblem(carrier.scenario, ctx);
    // Windows of open stops open at 10:30 at the earliest; a window already closed becomes [now, now].
    const ready = [...instance.ready].slice(1);
    const planned = carrier.scenario.orders.filter((o) => o.id !== "c1-a1" && o.id !== "c1-a2");
    planned.forEach((o, i) => {
      if (carrier.locked.includes(o.id)) expect(ready[i]).toBe(o.ready);
      else expect(ready[i]).toBeGreaterThanOrEqual(hm(10, 30));
    });
    const plan = toPlan(solveVrp(instance, { seed: 1, maxIterations: 2000 }));
    const kpi = evaluatePlan(carrier.scenario, plan, evaluationOptions(carrier));
    for (const r of kpi.routes)
      for (const s of r.stops)
        if (!carrier.locked.includes(s.order)) expect(s.start).toBeGreaterThanOrEqual(hm(10, 30));
    expect(kpi.unplanned).toEqual([]);
    // What the broken truck drove before it stopped stays its own and is not driven twice.
    expect(plan.routes.find((r) => r.vehicle === "c1-v1")?.orders).toEqual(["c1-a1", "c1-a2"]);
    expect(plan.routes.flatMap((r) => r.orders).filter((o) => o === "c1-a1" || o === "c1-a2")).toHaveLength(2);
    expect(plan.routes.find((r) => r.vehicle === "c1-v2")?.orders[0]).toBe("c1-a4");
    expect(must(acceptProposal(must(recordProposal(g, "p1", plan)), "p1")).carriers.p1?.plan).toEqual(plan);
    // Without the clock the solver would happily serve open stops in the morning.
    const morning = assistantProblem(carrier.scenario, { ...ctx, now: undefined });
    expect(Math.min(...[...morning.instance.ready].slice(1))).toBeLessThan(hm(10, 30));
  });
});

describe("the day's slow legs in the assistant's problem", () => {
  it("a closed town centre in force makes the solver plan legs to and from it at their slowed time, until it is over", () => {
    const closure = { at: hm(7), kind: "road-closure" as const, town: "emmen", factor: 2, until: hm(12) };
    const base = withScenario(region(), "p1", { ...handDay(), disruptions: [closure] });
    const g = must(
      advanceClock(
        advanceTo(must(startRound(base, 1)), 3, (x) => must(endRound(x))),
        hm(9),
      ),
    );
    const ctx = assistantContext(g, "p1");
    expect(ctx.slow?.length).toBeGreaterThan(0);
    const carrier = g.carriers.p1!;
    const slowed = assistantProblem(carrier.scenario, ctx).instance;
    const free = assistantProblem(carrier.scenario, { ...ctx, slow: [] }).instance;
    const n = free.n;
    const emmen = 1 + carrier.scenario.orders.findIndex((o) => o.town === "emmen");
    const assen = 1 + carrier.scenario.orders.findIndex((o) => o.town === "assen");
    expect(slowed.time[assen * n + emmen]).toBeCloseTo(2 * (free.time[assen * n + emmen] as number), 9);
    expect(slowed.time[emmen * n]).toBeCloseTo(2 * (free.time[emmen * n] as number), 9);
    // Out of the depot the dock time is not slowed, only the drive.
    const dock = (free.time[emmen] as number) - driveMinutes(free.dist[emmen] as number);
    expect(slowed.time[emmen]).toBeCloseTo(dock + 2 * driveMinutes(free.dist[emmen] as number), 9);
    expect(slowed.time[assen]).toBe(free.time[assen]);
    // After 12:00 the closure is over: the assistant is told nothing slow.
    expect(assistantContext(must(advanceClock(g, hm(12, 30))), "p1").slow).toBeUndefined();
  });
});
