import { describe, expect, it } from "vitest";
import {
  acceptOffer,
  assess,
  endRound,
  offerOrder,
  setPlan,
  startRound,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { renamePlanner } from "@iot/shared/planner/game/rename";
import { advanceTo, greedyPlan, must, region } from "./fixtures.js";

const end = (g: PlannerGame) => must(endRound(g));

/** Round 4 of a region of three on greedy plans, p1 having given an order to p2 and offered another. */
function played(): PlannerGame {
  let g = must(startRound(region(3), 1));
  for (const p of g.players) g = must(setPlan(g, p, greedyPlan(g.carriers[p]!)));
  g = advanceTo(g, 4, end);
  const [first, second] = g.carriers.p1!.plan.routes[0]!.orders;
  g = must(offerOrder(g, "p1", first!));
  g = must(acceptOffer(g, "p2", g.offers[0]!.id));
  return must(offerOrder(g, "p1", second!));
}

describe("renamePlanner", () => {
  it("moves a carrier to a new id everywhere and leaves no trace of the old one", () => {
    const game = played();
    const before = JSON.stringify(game);
    const renamed = renamePlanner(game, "p1", "session-new");
    const after = JSON.stringify(renamed);
    expect(after).not.toMatch(/"p1"/);
    expect(after.match(/"session-new"/g)?.length).toBe(before.match(/"p1"/g)?.length);
    expect(JSON.stringify(game)).toBe(before);
    expect(renamed.players).toEqual(["session-new", "p2", "p3"]);
    expect(renamed.carriers["session-new"]).toEqual(game.carriers.p1);
    expect(renamed.names["session-new"]).toBe("Planner 1");
    expect(renamed.exchanges[0]).toMatchObject({ from: "session-new", to: "p2" });
    expect(renamed.offers.map((o) => o.from)).toEqual(["session-new", "session-new"]);
  });

  it("keeps the game playing the same under the new id", () => {
    const game = played();
    const renamed = renamePlanner(game, "p2", "x");
    const plan = greedyPlan(game.carriers.p2!);
    const original = must(setPlan(game, "p2", plan));
    const moved = must(setPlan(renamed, "x", plan));
    expect(renamePlanner(original, "p2", "x")).toEqual(moved);
    const profiles = assess(end(renamed));
    expect(profiles.x).toEqual(assess(end(game)).p2);
  });

  it("refuses an unknown planner or a name in use", () => {
    const game = region(2);
    expect(() => renamePlanner(game, "nobody", "x")).toThrow(RangeError);
    expect(() => renamePlanner(game, "p1", "p2")).toThrow(RangeError);
    expect(() => renamePlanner(game, "p1", "")).toThrow(RangeError);
    expect(() => renamePlanner(game, "p1", "p1")).toThrow(RangeError);
  });
});
