import { describe, expect, it } from "vitest";
import type { Disruption } from "@iot/shared/planner/scenario";
import { hm } from "@iot/shared/planner/scenario";
import type { Carrier, PlannerGame } from "@iot/shared/planner/game/index";
import { checkPlan } from "@iot/shared/planner/game/plan";
import { playCalibrationGame, playRegion, UNDER_TEST } from "@iot/shared/planner/sim/calibration";
import {
  assistantPlanner,
  EXPERT_OFFERS,
  expertPlanner,
  HAND_REPLAN_MINUTES,
  nearestPlanner,
  partnerPlanner,
} from "@iot/shared/planner/sim/planners";
import { SIM_PLANNERS } from "@iot/shared/planner/sim/roster";
import { openSimTable, SIM_CLOCK_STEP_MINUTES, simGame, type SimTable } from "@iot/shared/planner/sim/table";

/** Small budgets: these tests check how the planners play, not how well the solver plans. */
const quick = { difficulty: 1 as const, iterations: 300, partners: 1, referenceIterations: 300 };
const spec = (name: string) => SIM_PLANNERS.find((s) => s.name === name) as (typeof SIM_PLANNERS)[number];
const carrierOf = (g: PlannerGame, p = UNDER_TEST) => g.carriers[p] as Carrier;

describe("scripted planners", () => {
  it("each plays a whole game: four rounds, a result per round, a plan the rules accept, the same game for the same seed", () => {
    for (const s of SIM_PLANNERS) {
      const a = playCalibrationGame(s, 5, quick);
      expect(a.game.phase, s.name).toBe("finished");
      expect(a.game.results.filter((r) => r.player === UNDER_TEST).map((r) => r.round)).toEqual([1, 2, 3, 4]);
      expect(checkPlan(carrierOf(a.game), carrierOf(a.game).plan), s.name).toBeNull();
      expect(playCalibrationGame(s, 5, quick).profile, s.name).toEqual(a.profile);
    }
  });

  it("use the assistant, the drivers and the exchange as designed", () => {
    const usage = (name: string) => carrierOf(playCalibrationGame(spec(name), 6, quick).game).usage;
    for (const name of ["random", "nearest"]) {
      const u = usage(name);
      expect(u.asked, name).toEqual([0, 0, 0, 0]);
      expect(u.floorFound, name).toBe(0);
    }
    const random = usage("random");
    expect([random.offersMade, random.offersTaken]).toEqual([0, 1]);
    const nearest = usage("nearest");
    expect(nearest.offersMade + nearest.offersTaken).toBe(0);
    const assistant = usage("assistant");
    expect(assistant.asked.map((n) => n > 0)).toEqual([false, true, true, true]);
    expect(assistant.floorFound).toBe(0);
    expect(assistant.offersMade).toBe(0);
    expect(assistant.offersTaken).toBeLessThanOrEqual(1);
    const expert = usage("expert");
    expect(expert.asked.map((n) => n > 0)).toEqual([false, true, true, true]);
    expect(expert.floorFound).toBe(expert.floorOrders);
    expect(expert.offersMade).toBe(EXPERT_OFFERS);
  });

  it("exchange as designed: the expert and the assistant planner take only gains for the region, the blind planner takes unseen, also into a loss", () => {
    const taken = (name: string) =>
      [1, 2, 3, 4, 5, 6].flatMap((seed) =>
        playCalibrationGame(spec(name), seed, { ...quick, partners: 2 }).game.exchanges.filter(
          (x) => x.to === UNDER_TEST,
        ),
      );
    const expert = taken("expert");
    expect(expert.length).toBeGreaterThan(0);
    // The assistant planner, too, takes only gains (at most one per game), from offers it did not ask for.
    const assistant = taken("assistant");
    expect(assistant.length).toBeLessThanOrEqual(6);
    for (const x of [...expert, ...assistant]) {
      expect(
        [x.km, x.co2Kg, x.cost].every((d) => d <= 0),
        JSON.stringify(x),
      ).toBe(true);
      expect(x.km + x.co2Kg + x.cost).toBeLessThan(0);
    }
    const random = taken("random");
    expect(random).toHaveLength(6);
    expect(random.some((x) => x.km > 0 || x.co2Kg > 0 || x.cost > 0)).toBe(true);
  });
});

/** A region of two carriers on seed 9 whose day-3 disruptions are replaced by `make(carrier)`. */
function regionWith(make: (c: Carrier) => Disruption[]): SimTable {
  const { sim } = openSimTable([UNDER_TEST, "partner-1"], 1, 9, 300, 300);
  const game = simGame(sim);
  const carriers = Object.fromEntries(
    game.players.map((p) => {
      const c = game.carriers[p] as Carrier;
      return [p, { ...c, scenario: { ...c.scenario, disruptions: make(c) } }];
    }),
  );
  sim.table = { ...sim.table, game: { ...game, carriers } };
  return sim;
}

/** Disruptions at times no generated day has: a driver absent at 12:47, a breakdown at 14:02 and a rush order at 15:31. */
function unusualDay(c: Carrier): Disruption[] {
  const fleet = c.scenario.fleet;
  const template = c.scenario.orders[0] as Carrier["scenario"]["orders"][number];
  return [
    { at: hm(12, 47), kind: "driver-absent", vehicle: (fleet[fleet.length - 1] as { id: string }).id },
    { at: hm(14, 2), kind: "breakdown", vehicle: (fleet[0] as { id: string }).id },
    {
      at: hm(15, 31),
      kind: "rush-order",
      order: { ...template, id: `${template.id}-rush`, ready: hm(15, 31), due: hm(18) },
    },
  ];
}

describe("scripted planners and the day's disruptions", () => {
  it("replan after the disruptions the game holds: by hand a hand's time after each, always the assistant at once", () => {
    const hand = playRegion(regionWith(unusualDay), [nearestPlanner(), partnerPlanner()], 9);
    expect(carrierOf(hand).usage.replans.map((r) => r.at)).toEqual([hm(12, 47), hm(14, 2), hm(15, 31)]);
    const open = carrierOf(hand).usage.replans.filter((r) => r.orders.length > 0);
    expect(open.map((r) => r.kind)).toContain("rush-order");
    for (const r of open) {
      // By hand every open order is placed, so the replan is the first step at or after the hand's time.
      expect(r.replannedAt, `${r.kind} at ${r.at}`).not.toBeNull();
      expect(r.replannedAt as number).toBeGreaterThanOrEqual(r.at + HAND_REPLAN_MINUTES);
      expect(r.replannedAt as number).toBeLessThan(r.at + HAND_REPLAN_MINUTES + SIM_CLOCK_STEP_MINUTES);
    }
    const assisted = playRegion(regionWith(unusualDay), [assistantPlanner(), partnerPlanner()], 9);
    const u = carrierOf(assisted).usage;
    expect(u.replans.map((r) => r.at)).toEqual([hm(12, 47), hm(14, 2), hm(15, 31)]);
    // Round 3: asked and taken at its start and once after each of the three disruptions (each in its own step).
    expect([u.asked[2], u.accepted[2]]).toEqual([4, 4]);
  });

  it("the expert plays a day without disruptions, and replans after a lone traffic jam", () => {
    const calm = playRegion(
      regionWith(() => []),
      [expertPlanner(), partnerPlanner()],
      9,
    );
    expect(carrierOf(calm).usage.replans).toEqual([]);
    const jam: Disruption = {
      at: hm(8, 13),
      kind: "traffic-jam",
      from: "groningen",
      to: "assen",
      factor: 3,
      until: hm(10),
    };
    const jammed = playRegion(
      regionWith(() => [jam]),
      [expertPlanner(), partnerPlanner()],
      9,
    );
    expect(carrierOf(jammed).usage.replans.map((r) => [r.kind, r.at])).toEqual([["traffic-jam", hm(8, 13)]]);
    expect(carrierOf(jammed).usage.asked[2]).toBeGreaterThanOrEqual(2);
  });
});
