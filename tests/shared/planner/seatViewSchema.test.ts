import { describe, expect, it } from "vitest";
import { advanceClock, endRound, newPlannerGame, startRound, type PlannerGame } from "@iot/shared/planner/game/index";
import { generateScenario } from "@iot/shared/planner/generator";
import { hm } from "@iot/shared/planner/scenario";
import { plannerSeatView } from "@iot/shared/planner/seatView";
import { disruptionSchema, plannerSeatViewSchema } from "@iot/shared/planner/seatViewSchema";

const must = (r: { ok: true; game: PlannerGame } | { ok: false }): PlannerGame => {
  if (!r.ok) throw new Error("rejected");
  return r.game;
};

describe("the seat view's disruptions", () => {
  it("checks every kind the catalogue draws, and refuses a kind it does not know", () => {
    for (let seed = 1; seed <= 60; seed++) {
      for (const d of generateScenario(seed, 4).disruptions) expect(disruptionSchema.safeParse(d).success).toBe(true);
    }
    expect(disruptionSchema.safeParse({ at: hm(8), kind: "alien-landing", town: "assen" }).success).toBe(false);
    expect(disruptionSchema.safeParse({ at: hm(8), kind: "road-closure", town: "assen" }).success).toBe(false);
  });

  it("carries the day's disruptions as they come, and the client's check takes the view", () => {
    let g = must(newPlannerGame({ players: [{ id: "p1", name: "Planner" }], difficulty: 4, seed: 11 }));
    for (const r of [1, 2] as const) g = must(endRound(must(startRound(g, r))));
    g = must(startRound(g, 3));
    const table = (game: PlannerGame) => ({ game, roundEndsAt: 0, roundLeftMs: 0, tickAt: 0, roundSeconds: 0 });
    const early = plannerSeatView(table(g), "p1");
    expect(early.carrier?.disruptions).toEqual([]);
    const late = plannerSeatView(table(must(advanceClock(g, hm(18)))), "p1");
    expect(late.carrier?.disruptions).toHaveLength(6);
    expect(plannerSeatViewSchema.safeParse(late).success).toBe(true);
  });
});
