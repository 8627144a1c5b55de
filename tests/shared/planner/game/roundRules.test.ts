import { describe, expect, it } from "vitest";
import {
  acceptProposal,
  advanceClock,
  assistantContext,
  bringsDisruptions,
  canAskAssistant,
  endRound,
  isLastRound,
  LAST_ROUND,
  nextStep,
  offerOrder,
  offersExchange,
  recordProposal,
  roundRule,
  roundsWith,
  ROUND_RULES,
  ruleUnderWay,
  runsDayClock,
  startRound,
  type Carrier,
  type NextStep,
  type PlannerGame,
  type PlannerRound,
  type RoundDayStart,
  type RoundRule,
} from "@iot/shared/planner/game/index";
import { advanceTo, greedyPlan, must, region } from "./fixtures.js";

const end = (g: PlannerGame) => must(endRound(g));
const code = (r: { ok: boolean; rejection?: { code: string } }) => (r.ok ? "ok" : r.rejection?.code);
const ROUNDS: readonly PlannerRound[] = [1, 2, 3, 4];

/** Round `round` under way on a fresh region (the rounds before ended with their plans unchanged). */
const inRound = (round: PlannerRound) => advanceTo(region(), round, end);

/** The game just before round `round` starts: "waiting" for round 1, else "review" after the round before. */
const before = (round: PlannerRound) => (round === 1 ? region() : end(inRound((round - 1) as PlannerRound)));

describe("ROUND_RULES", () => {
  it("is the four rounds of docs/planner-game.md, in order", () => {
    // Written out by hand from the game's contract: a wrong entry in the table fails here.
    const expected: RoundRule[] = [
      {
        round: 1,
        assistant: false,
        dayClock: false,
        disruptions: false,
        exchange: false,
        emptyPlan: true,
        day: "keep",
      },
      {
        round: 2,
        assistant: true,
        dayClock: false,
        disruptions: false,
        exchange: false,
        emptyPlan: false,
        day: "keep",
      },
      {
        round: 3,
        assistant: true,
        dayClock: true,
        disruptions: true,
        exchange: false,
        emptyPlan: false,
        day: "restart",
      },
      {
        round: 4,
        assistant: true,
        dayClock: false,
        disruptions: false,
        exchange: true,
        emptyPlan: false,
        day: "replay",
      },
    ];
    expect(ROUND_RULES).toEqual(expected);
    expect(LAST_ROUND).toBe(4);
    expect(roundsWith("assistant")).toEqual([2, 3, 4]);
    expect(roundsWith("dayClock")).toEqual([3]);
    expect(roundsWith("disruptions")).toEqual([3]);
    expect(roundsWith("exchange")).toEqual([4]);
  });

  it("cannot be changed by its callers", () => {
    expect(Object.isFrozen(ROUND_RULES)).toBe(true);
    expect(ROUND_RULES.every((r) => Object.isFrozen(r))).toBe(true);
    expect(() => {
      (ROUND_RULES[0] as { assistant: boolean }).assistant = true;
    }).toThrow(TypeError);
    expect(roundRule(1)?.assistant).toBe(false);
  });

  it("looks a round up by its number, and nothing else", () => {
    for (const r of ROUNDS) expect(roundRule(r)?.round).toBe(r);
    for (const x of [0, 5, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(roundRule(x)).toBeNull();
    expect(ROUNDS.filter(isLastRound)).toEqual([4]);
    expect(isLastRound(0)).toBe(false);
    expect(isLastRound(5)).toBe(false);
  });
});

describe("the table agrees with the rules, round by round", () => {
  it("canAskAssistant is exactly where recordProposal and acceptProposal are allowed", () => {
    const allowed: PlannerRound[] = [];
    for (const r of ROUNDS) {
      const g = inRound(r);
      const plan = greedyPlan(g.carriers.p1 as Carrier);
      const recorded = recordProposal(g, "p1", plan);
      expect(canAskAssistant(g)).toBe(recorded.ok);
      if (recorded.ok) {
        allowed.push(r);
        expect(code(acceptProposal(recorded.game, "p1"))).toBe("ok");
      } else {
        expect(code(recorded)).toBe("ASSISTANT_NOT_ALLOWED");
        expect(code(acceptProposal(g, "p1"))).toBe("ASSISTANT_NOT_ALLOWED");
      }
      // Between rounds nobody asks the assistant, whatever the round's rule.
      expect(canAskAssistant(end(g))).toBe(false);
      expect(code(recordProposal(end(g), "p1", plan))).toBe("NOT_IN_ROUND");
    }
    expect(allowed).toEqual([2, 3, 4]);
  });

  it("runsDayClock is exactly where advanceClock moves the clock, and the assistant then plans from it", () => {
    const running: PlannerRound[] = [];
    for (const r of ROUNDS) {
      const g = inRound(r);
      const moved = advanceClock(g, g.clock + 60);
      expect(runsDayClock(g)).toBe(moved.ok);
      if (moved.ok) {
        running.push(r);
        expect(moved.game.clock).toBe(g.clock + 60);
      } else expect(code(moved)).toBe("WRONG_ROUND");
      expect(assistantContext(g, "p1").now !== undefined).toBe(roundRule(r)?.dayClock);
      expect(runsDayClock(end(g))).toBe(false);
    }
    expect(running).toEqual([3]);
    expect(runsDayClock(region())).toBe(false);
  });

  it("bringsDisruptions is exactly where the day's disruptions arrive", () => {
    const disrupted: PlannerRound[] = [];
    for (const r of ROUNDS) {
      const g = inRound(r);
      const dayEnd = Math.max(...g.players.map((p) => (g.carriers[p] as Carrier).scenario.dayEnd));
      const result = advanceClock(g, dayEnd);
      const arrived = result.ok ? result.events.filter((e) => e.type === "disruption").length : 0;
      expect(bringsDisruptions(g)).toBe(arrived > 0);
      if (arrived > 0) {
        disrupted.push(r);
        // Every disruption of every carrier arrives once the day is over.
        const all = g.players.reduce((a, p) => a + (g.carriers[p] as Carrier).scenario.disruptions.length, 0);
        expect(arrived).toBe(all);
      }
    }
    expect(disrupted).toEqual([3]);
  });

  it("offersExchange is exactly where orders can be offered", () => {
    const open: PlannerRound[] = [];
    for (const r of ROUNDS) {
      const g = inRound(r);
      const order = (g.carriers.p1 as Carrier).scenario.orders[0]?.id as string;
      const offered = offerOrder(g, "p1", order);
      expect(offersExchange(g)).toBe(offered.ok);
      if (offered.ok) open.push(r);
      else expect(code(offered)).toBe("WRONG_ROUND");
      expect(offersExchange(end(g))).toBe(false);
    }
    expect(open).toEqual([4]);
  });

  it("emptyPlan and day say how startRound treats the plan, the clock and the day", () => {
    const emptied: PlannerRound[] = [];
    const days: RoundDayStart[] = [];
    for (const r of ROUNDS) {
      const g = before(r);
      const c = g.carriers.p1 as Carrier;
      const [v1, v2] = c.scenario.fleet.map((v) => v.id) as [string, string];
      const [o1, o2, o3] = c.scenario.orders.map((o) => o.id) as [string, string, string];
      const dayStart = c.scenario.dayStart;
      // A day that has moved on: v1 went out after driving o1, v2 set off for o3, a hold on v2.
      const moved: PlannerGame = {
        ...g,
        clock: dayStart + 120,
        carriers: {
          ...g.carriers,
          p1: {
            ...c,
            plan: {
              routes: [
                { vehicle: v1, orders: [o1] },
                { vehicle: v2, orders: [o3, o2] },
              ],
            },
            applied: 1,
            unavailable: [v1],
            locked: [o1, o3],
            holds: { [v2]: [{ after: 1, until: dayStart + 120 }] },
          },
        },
      };
      const started = must(startRound(moved, r));
      const s = started.carriers.p1 as Carrier;
      expect(s.plan.routes.length === 0).toBe(roundRule(r)?.emptyPlan);
      if (s.plan.routes.length === 0) emptied.push(r);
      let day: RoundDayStart;
      if (started.clock === moved.clock) {
        expect(s).toMatchObject({ applied: 1, unavailable: [v1], locked: [o1, o3], holds: moved.carriers.p1?.holds });
        day = "keep";
      } else if (s.applied === 0) {
        expect(started.clock).toBe(dayStart);
        expect(s).toMatchObject({ unavailable: [], locked: [], holds: {} });
        day = "restart";
      } else {
        expect(started.clock).toBe(dayStart);
        // The vehicle that went out keeps what it drove; the rest of the day is open again.
        expect(s).toMatchObject({ applied: 1, unavailable: [v1], locked: [o1], holds: {} });
        day = "replay";
      }
      expect(day).toBe(roundRule(r)?.day);
      days.push(day);
    }
    expect(emptied).toEqual([1]);
    expect(days).toEqual(["keep", "keep", "restart", "replay"]);
  });
});

describe("nextStep", () => {
  it("walks waiting, round 1, review, ... round 4, finished", () => {
    let g = region();
    const steps: [string, number, NextStep | null][] = [];
    for (let step = nextStep(g); step; step = nextStep(g)) {
      steps.push([g.phase, g.round, step]);
      g = must(step.kind === "end" ? endRound(g) : startRound(g, step.round));
      expect(steps.length).toBeLessThan(20);
    }
    expect(steps).toEqual([
      ["waiting", 0, { kind: "start", round: 1 }],
      ["round", 1, { kind: "end" }],
      ["review", 1, { kind: "start", round: 2 }],
      ["round", 2, { kind: "end" }],
      ["review", 2, { kind: "start", round: 3 }],
      ["round", 3, { kind: "end" }],
      ["review", 3, { kind: "start", round: 4 }],
      ["round", 4, { kind: "end" }],
    ]);
    expect(g.phase).toBe("finished");
    expect(g.round).toBe(LAST_ROUND);
    expect(nextStep(g)).toBeNull();
  });

  it("takes a client's view of phase and round as well", () => {
    expect(nextStep({ phase: "waiting", round: 0 })).toEqual({ kind: "start", round: 1 });
    expect(nextStep({ phase: "review", round: 3 })).toEqual({ kind: "start", round: 4 });
    expect(nextStep({ phase: "review", round: 4 })).toBeNull();
    expect(nextStep({ phase: "finished", round: 4 })).toBeNull();
    expect(nextStep({ phase: "round", round: 0 })).toBeNull();
    expect(nextStep({ phase: "", round: 0 })).toBeNull();
    expect(ruleUnderWay({ phase: "round", round: 2 })?.round).toBe(2);
    expect(ruleUnderWay({ phase: "review", round: 2 })).toBeNull();
    expect(canAskAssistant({ phase: "round", round: 2 })).toBe(true);
    expect(canAskAssistant({ phase: "round", round: 1 })).toBe(false);
    expect(runsDayClock({ phase: "round", round: 3 })).toBe(true);
    expect(runsDayClock({ phase: "review", round: 3 })).toBe(false);
    expect(offersExchange({ phase: "round", round: 4 })).toBe(true);
    expect(offersExchange({ phase: "finished", round: 4 })).toBe(false);
    expect(bringsDisruptions({ phase: "round", round: 3 })).toBe(true);
    expect(bringsDisruptions({ phase: "round", round: 4 })).toBe(false);
  });
});
