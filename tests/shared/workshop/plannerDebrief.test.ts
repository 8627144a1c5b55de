import { describe, expect, it } from "vitest";
import {
  compareRounds,
  regionByRound,
  together,
  withPlaces,
  type PlannerDebriefLine,
  type PlannerRoundLine,
} from "@iot/shared/workshop/plannerDebrief";

const line = (
  round: number,
  cost: number,
  km: number,
  co2Kg: number,
  score: number,
): Omit<PlannerRoundLine, "place"> => ({
  round,
  cost,
  km,
  co2Kg,
  late: 1,
  minutesLate: 10,
  unplanned: round === 1 ? 2 : 0,
  deliveries: 15,
  orders: 15,
  score,
  assistantCost: null,
  assistantCo2Kg: null,
  assistantScore: null,
  referenceCost: null,
  referenceCo2Kg: null,
  referenceScore: null,
});

describe("the planner debrief", () => {
  const placed = withPlaces([
    [line(3, 1000, 100, 80, 70), line(4, 900, 90, 70, 60)],
    [line(3, 1200, 120, 90, 70), line(4, 1000, 100, 75, 65)],
  ]);
  const planners: PlannerDebriefLine[] = placed.map((rounds, seat) => ({
    seat,
    name: `P${seat}`,
    rounds,
    profile: null,
  }));

  it("places planners per round, sharing a place on equal scores", () => {
    expect(placed.map((rs) => rs.map((r) => r.place))).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });

  it("sums the region per round and compares round 4 with round 3", () => {
    const region = regionByRound(planners);
    expect(region).toEqual([
      { round: 3, cost: 2200, km: 220, co2Kg: 170 },
      { round: 4, cost: 1900, km: 190, co2Kg: 145 },
    ]);
    expect(together(region)).toEqual({
      kmRound3: 220,
      kmRound4: 190,
      co2KgRound3: 170,
      co2KgRound4: 145,
      kmSaved: 30,
      co2KgSaved: 25,
      kmSavedShare: 0.136,
      co2KgSavedShare: 0.147,
    });
    expect(together(region.slice(0, 1))).toBeNull();
  });

  it("compares the rounds over every table", () => {
    const tables = [{ planners, region: regionByRound(planners), together: null }];
    expect(compareRounds(tables)).toEqual([
      { round: 3, planners: 2, meanScore: 70, meanCost: 1100, meanCo2Kg: 85, late: 2, unplanned: 0 },
      { round: 4, planners: 2, meanScore: 62.5, meanCost: 950, meanCo2Kg: 72.5, late: 2, unplanned: 0 },
    ]);
  });
});
