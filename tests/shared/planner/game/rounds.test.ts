import { describe, expect, it } from "vitest";
import {
  acceptProposal,
  carrierKpi,
  endRound,
  leaderboard,
  recordProposal,
  roundScore,
  setPlan,
  soloTrip,
  startRound,
  summarize,
  CO2_EUR_PER_KG,
  type KpiSummary,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { driveMinutes, roadKm } from "@iot/shared/planner/geo";
import { DEPOT, DEPOT_LOADING_MIN, town } from "@iot/shared/planner/region";
import { VEHICLES } from "@iot/shared/planner/vehicles";
import { advanceTo, greedyPlan, must, region } from "./fixtures.js";

const end = (g: PlannerGame) => must(endRound(g));

describe("endRound", () => {
  it("records every carrier's result and the leaderboard, then finishes after round 4", () => {
    let g = must(startRound(region(3), 1));
    g = must(setPlan(g, "p1", greedyPlan(g.carriers.p1!)));
    const r = endRound(g);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.game.phase).toBe("review");
    expect(r.game.results.map((x) => [x.round, x.player])).toEqual([
      [1, "p1"],
      [1, "p2"],
      [1, "p3"],
    ]);
    const p1 = r.game.results[0]!;
    expect(p1.kpi.deliveries).toBe(15);
    expect(p1.kpi.cost).toBe(carrierKpi(g, "p1")?.cost);
    expect(p1.score).toBe(roundScore(p1.kpi));
    expect(p1.assistant).toBeNull();
    // p2 and p3 planned nothing: every order goes alone, so they score worse than p1, and share a place.
    expect(r.game.results[1]?.kpi.unplanned).toBe(15);
    expect(r.events).toEqual([{ type: "round-ended", round: 1, leaderboard: leaderboard(r.game, 1) }]);
    const board = leaderboard(r.game, 1);
    expect(board.map((s) => [s.player, s.place])).toEqual([
      ["p1", 1],
      ["p2", 2],
      ["p3", 3],
    ]);
    expect(board[0]).toMatchObject({ name: "Planner 1", score: p1.score, cost: p1.kpi.cost, late: p1.kpi.late });
    expect(leaderboard(r.game, 2)).toEqual([]);
    const g4 = advanceTo(r.game, 4, end);
    const last = endRound(g4);
    expect(last.ok && last.game.phase).toBe("finished");
    expect(last.ok && last.events.map((e) => e.type)).toEqual(["round-ended", "game-finished"]);
    expect(endRound(must(last))).toEqual({ ok: false, rejection: { code: "NOT_IN_ROUND" } });
    expect(endRound(region())).toEqual({ ok: false, rejection: { code: "NOT_IN_ROUND" } });
  });

  it("gives equal scores the same place", () => {
    const g = end(must(startRound(region(3), 1)));
    const tied = { ...g, results: g.results.map((r) => ({ ...r, score: r.player === "p3" ? 1 : 5 })) };
    expect(leaderboard(tied, 1).map((s) => [s.player, s.place])).toEqual([
      ["p3", 1],
      ["p1", 2],
      ["p2", 2],
    ]);
  });

  it("evaluates the assistant's proposal the same way as the plan", () => {
    let g = advanceTo(must(startRound(region(), 1)), 2, end);
    const proposal = greedyPlan(g.carriers.p1!);
    g = must(acceptProposal(must(recordProposal(g, "p1", proposal)), "p1"));
    const r = end(g).results.find((x) => x.round === 2 && x.player === "p1")!;
    expect(r.assistant).toEqual(r.kpi);
    expect(r.assistantScore).toBe(r.score);
  });
});

describe("round score", () => {
  it("prices unplanned orders as solo trips (hand-checked)", () => {
    const g = must(startRound(region(1), 1));
    const c = g.carriers.p1!;
    const o = c.scenario.orders[0]!;
    const km = 2 * roadKm(DEPOT, town(o.town));
    const spec = VEHICLES["diesel-rigid"];
    const trip = soloTrip(o);
    expect(trip.km).toBeCloseTo(km, 6);
    // The rigid truck's rates (vehicles.ts): EUR 110 a day, EUR 0.45 per km, EUR 34 per driver hour (the dock, the drive, unloading).
    const hours = (DEPOT_LOADING_MIN + driveMinutes(km) + o.serviceMin) / 60;
    expect(trip.cost).toBeCloseTo(110 + 0.45 * km + 34 * hours, 6);
    expect(trip.co2Kg).toBeCloseTo((km * spec.co2GramPerKm) / 1000, 6);
    const s = summarize(c, carrierKpi(g, "p1")!);
    const solo = c.scenario.orders.reduce((a, x) => a + soloTrip(x).cost, 0);
    expect(s.soloCost).toBeCloseTo(solo, 1);
    const k: KpiSummary = {
      cost: 1000,
      km: 0,
      co2Kg: 100,
      late: 1,
      minutesLate: 30,
      unplanned: 0,
      deliveries: 10,
      overCapacity: 1,
      overRange: 0,
      orders: 10,
      soloCost: 0,
      soloCo2Kg: 0,
    };
    expect(roundScore(k)).toBe((1000 + CO2_EUR_PER_KG * 100 + 30 + 250) / 10);
  });
});
