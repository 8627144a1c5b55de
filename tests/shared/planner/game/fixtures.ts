import type { Plan } from "@iot/shared/planner/evaluate";
import { endRound, newPlannerGame, setPlan, startRound } from "@iot/shared/planner/game/index";
import type { Carrier, PlannerGame, PlannerResult, PlannerRound } from "@iot/shared/planner/game/index";
import { hm, type Scenario } from "@iot/shared/planner/scenario";
import { VEHICLES } from "@iot/shared/planner/vehicles";

/** The game of a successful result; fails the test with the rejection otherwise. */
export function must(result: PlannerResult): PlannerGame {
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.rejection)}`);
  return result.game;
}

/** A region of `n` planners p1..pn on the smallest days (15 orders each). */
export function region(n = 2, seed = 7): PlannerGame {
  const players = Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, name: `Planner ${i + 1}` }));
  return must(newPlannerGame({ players, difficulty: 1, seed }));
}

/** Starts rounds up to and including `round` (ending the ones before with their plans unchanged). */
export function advanceTo(game: PlannerGame, round: PlannerRound, end: (g: PlannerGame) => PlannerGame): PlannerGame {
  let g = game;
  for (let r = (g.round + 1) as PlannerRound; r <= round; r = (r + 1) as PlannerRound) {
    if (g.phase === "round") g = end(g);
    g = must(startRound(g, r));
  }
  return g;
}

/** Round 4 of a region of three (15 orders each), every carrier on its greedy plan ({@link greedyPlan}). */
export function round4(): PlannerGame {
  let g = must(startRound(region(3), 1));
  for (const p of g.players) g = must(setPlan(g, p, greedyPlan(g.carriers[p] as Carrier)));
  return advanceTo(g, 4, (x) => must(endRound(x)));
}

/** A plan that fills the carrier's available vehicles in fleet order, up to capacity, orders in day order. */
export function greedyPlan(carrier: Carrier): Plan {
  const out = new Set(carrier.unavailable);
  const vehicles = carrier.scenario.fleet.filter((v) => !out.has(v.id));
  const routes: Plan["routes"] = vehicles.map((v) => ({ vehicle: v.id, orders: [] }));
  let i = 0;
  let load = 0;
  for (const o of carrier.scenario.orders) {
    while (
      i < vehicles.length - 1 &&
      load + o.pallets > VEHICLES[(vehicles[i] as { type: "diesel-rigid" }).type].capacityPallets
    ) {
      i++;
      load = 0;
    }
    routes[i]?.orders.push(o.id);
    load += o.pallets;
  }
  return { routes: routes.filter((r) => r.orders.length > 0) };
}

/** The game with `player`'s day replaced (for hand-made cases). */
export function withScenario(game: PlannerGame, player: string, scenario: Scenario): PlannerGame {
  const c = game.carriers[player] as Carrier;
  return {
    ...game,
    clock: scenario.dayStart,
    carriers: {
      ...game.carriers,
      [player]: { ...c, scenario, usage: { ...c.usage, floorOrders: scenario.orders.filter((o) => o.floor).length } },
    },
  };
}

/**
 * A small hand-made day for carrier c1: four orders near
 * the depot (day from 06:30, windows from 07:00), three rigid trucks, a breakdown of c1-v1 at 08:00 and a rush
 * order at 09:00.
 */
export function handDay(): Scenario {
  const order = (id: string, town: string, serviceMin: number) => ({
    id,
    town,
    customer: id,
    pallets: 2,
    ready: hm(7),
    due: hm(17),
    serviceMin,
  });
  return {
    id: "hand",
    title: { nl: "hand", en: "hand" },
    dayStart: hm(6, 30),
    dayEnd: hm(19),
    orders: [
      order("c1-a1", "groningen", 10),
      order("c1-a2", "assen", 30),
      order("c1-a3", "emmen", 10),
      { ...order("c1-a4", "leek", 10), floor: { text: { nl: "x", en: "x" }, notBefore: hm(10) } },
    ],
    fleet: [
      { id: "c1-v1", type: "diesel-rigid" },
      { id: "c1-v2", type: "diesel-rigid" },
      { id: "c1-v3", type: "diesel-rigid" },
    ],
    disruptions: [
      { at: hm(8), kind: "breakdown", vehicle: "c1-v1" },
      { at: hm(9), kind: "rush-order", order: { ...order("c1-rush-1", "roden", 10), ready: hm(11) } },
    ],
  };
}

/**
 * Round 3 with p1 on the hand-made day (rounds 1 and 2 ended with the plans
 * unchanged): c1-v1 drives a1 (Groningen), a2 (Assen), a3 (Emmen); c1-v2 a4
 * (Leek); p2 plans greedily.
 */
export function handDayRound3(): PlannerGame {
  let g = must(startRound(withScenario(region(), "p1", handDay()), 1));
  g = must(
    setPlan(g, "p1", {
      routes: [
        { vehicle: "c1-v1", orders: ["c1-a1", "c1-a2", "c1-a3"] },
        { vehicle: "c1-v2", orders: ["c1-a4"] },
      ],
    }),
  );
  g = must(setPlan(g, "p2", greedyPlan(g.carriers.p2!)));
  return advanceTo(g, 3, (x) => must(endRound(x)));
}
