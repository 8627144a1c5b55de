import { describe, expect, it } from "vitest";
import { assistantProblem } from "@iot/shared/planner/assistant";
import {
  assistantContext,
  newPlannerGame,
  setPlan,
  startRound,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { plannerSeatView } from "@iot/shared/planner/seatView";
import { plannerSeatViewSchema } from "@iot/shared/planner/seatViewSchema";
import { solveVrp } from "@iot/shared/planner/solver/sisr";

const must = (r: { ok: true; game: PlannerGame } | { ok: false }): PlannerGame => {
  if (!r.ok) throw new Error("rejected");
  return r.game;
};

const table = (game: PlannerGame) => ({ game, roundEndsAt: 0, roundLeftMs: 0, tickAt: 0, roundSeconds: 0 });

describe("breaks in the seat view", () => {
  it("every route of the planner's own plan carries its breaks and breaches, which the client's check requires", () => {
    let seen = 0;
    for (let seed = 1; seed <= 6; seed++) {
      let g = must(newPlannerGame({ players: [{ id: "p1", name: "Planner" }], difficulty: 4, seed }));
      g = must(startRound(g, 1));
      const day = g.carriers.p1?.scenario;
      if (!day) throw new Error("no carrier");
      const { instance, toPlan } = assistantProblem(day, assistantContext(g, "p1"));
      g = must(setPlan(g, "p1", toPlan(solveVrp(instance, { seed, maxIterations: 100 }))));
      const view = plannerSeatView(table(g), "p1");
      const kpi = view.carrier?.kpi;
      if (!kpi) throw new Error("no carrier");
      expect(plannerSeatViewSchema.safeParse(view).success, `seed ${seed}`).toBe(true);
      expect(kpi.breaks).toBe(kpi.routes.reduce((a, r) => a + r.breaks.length, 0));
      seen += kpi.breaks;
      // A view whose route lost its breaks is refused.
      const broken = structuredClone(view);
      const route = broken.carrier?.kpi.routes[0] as unknown as Record<string, unknown>;
      delete route.breaks;
      expect(plannerSeatViewSchema.safeParse(broken).success).toBe(false);
    }
    // The days are what the test claims: 60-order days take breaks.
    expect(seen).toBeGreaterThan(0);
  });
});
