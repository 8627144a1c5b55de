import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "@iot/shared/planner/evaluate";
import {
  acceptOffer,
  acceptProposal,
  advanceClock,
  assess,
  endRound,
  newPlannerGame,
  offerOrder,
  previewOffer,
  recordProposal,
  revealFloor,
  setPlan,
  startRound,
  withdrawOffer,
  type Carrier,
  type PlannerGame,
  type PlannerResult,
  type PlannerRound,
} from "@iot/shared/planner/game/index";
import { greedyPlan } from "./fixtures.js";

/** Orders of a day at difficulty 1. */
const DAY_ORDERS = 15;

/** What is wrong with the game's invariants, or null. */
function invariantError(g: PlannerGame): string | null {
  const all: string[] = [];
  let rush = 0;
  for (const p of g.players) {
    const c = g.carriers[p] as Carrier;
    const orders = new Set(c.scenario.orders.map((o) => o.id));
    const fleet = new Set(c.scenario.fleet.map((v) => v.id));
    all.push(...orders);
    rush += c.scenario.disruptions.slice(0, c.applied).filter((d) => d.kind === "rush-order").length;
    const seen = new Set<string>();
    const vehicles = new Set<string>();
    for (const r of c.plan.routes) {
      if (!fleet.has(r.vehicle) || vehicles.has(r.vehicle)) return `${p}: vehicle ${r.vehicle}`;
      vehicles.add(r.vehicle);
      for (const o of r.orders) {
        if (!orders.has(o) || seen.has(o)) return `${p}: order ${o} unknown or in two places`;
        seen.add(o);
      }
      const locked = r.orders.map((o) => c.locked.includes(o));
      if (locked.some((l, i) => l && i > 0 && !locked[i - 1])) return `${p}: locked stops not at the front`;
      if (c.unavailable.includes(r.vehicle) && locked.some((l) => !l)) return `${p}: open stop on ${r.vehicle}`;
    }
    for (const o of c.locked) if (!seen.has(o)) return `${p}: locked ${o} not planned`;
  }
  if (new Set(all).size !== all.length) return "an order is at two carriers";
  if (all.length !== g.players.length * DAY_ORDERS + rush) return `${all.length} orders in the region`;
  for (const f of g.offers) {
    const c = g.carriers[f.from] as Carrier;
    if (f.status === "open" && !c.scenario.orders.some((o) => o.id === f.order)) return `open offer ${f.id} lost`;
  }
  return null;
}

/** A plan with one order moved to another place (any vehicle, any position), or a plan with another carrier's order. */
function mutate(c: Carrier, other: Carrier, a: number, b: number): Plan {
  const plan: Plan = { routes: c.plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.slice() })) };
  const orders = c.scenario.orders;
  if (orders.length === 0) return plan;
  const order = a % 11 === 0 ? (other.scenario.orders[0]?.id ?? "x") : orders[a % orders.length]!.id;
  const vehicle =
    b % 13 === 0 ? (other.scenario.fleet[0]?.id ?? "y") : c.scenario.fleet[b % c.scenario.fleet.length]!.id;
  for (const r of plan.routes) r.orders = r.orders.filter((o) => o !== order);
  let route = plan.routes.find((r) => r.vehicle === vehicle);
  if (!route) plan.routes.push((route = { vehicle, orders: [] }));
  route.orders.splice(b % (route.orders.length + 1), 0, order);
  return plan;
}

type Command = [number, number, number, number];

/** Runs one command: returns the result (a rejection or a new game). */
function step(g: PlannerGame, [kind, a, b, c]: Command): PlannerResult | { ok: true; game: PlannerGame; events: [] } {
  const players = g.players;
  const p = players[a % players.length] as string;
  const q = players[b % players.length] as string;
  const me = g.carriers[p] as Carrier;
  const them = g.carriers[q] as Carrier;
  const anyOrder =
    [...me.scenario.orders, ...them.scenario.orders][c % (me.scenario.orders.length + them.scenario.orders.length)]
      ?.id ?? "z";
  const offer = g.offers.length > 0 && c % 5 !== 0 ? (g.offers[c % g.offers.length]?.id ?? "f0") : "f0";
  // Between rounds most commands start the next round, so that random play reaches every round.
  if (g.phase !== "round" && a % 4 !== 0) return startRound(g, (g.round + 1) as PlannerRound);
  switch (kind) {
    case 0:
      return startRound(g, (c % 7 === 0 ? 1 + (c % 4) : g.round + 1) as PlannerRound);
    case 1:
      return endRound(g);
    case 2:
    case 3:
      return setPlan(g, p, mutate(me, them, b, c));
    case 4:
      return setPlan(g, p, greedyPlan(me));
    case 5:
      return recordProposal(g, p, c % 2 === 0 ? greedyPlan(me) : mutate(me, them, b, c));
    case 6:
      return acceptProposal(g, p);
    case 7:
      return revealFloor(g, p, anyOrder);
    case 8:
    case 9:
      return advanceClock(g, g.clock + (c % 240) - 20);
    case 10:
      return offerOrder(g, p, anyOrder);
    case 11:
      return withdrawOffer(g, p, offer);
    case 12: {
      const preview = previewOffer(g, offer, q);
      return preview.ok ? { ok: true, game: g, events: [] } : preview;
    }
    default:
      return acceptOffer(g, q, offer);
  }
}

describe("planner rules under random play", () => {
  it("never corrupt the game, and rejections change nothing", () => {
    const command = fc.tuple(fc.nat(14), fc.nat(999), fc.nat(999), fc.nat(999));
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(command, { minLength: 30, maxLength: 90 }),
        (seed, n, commands) => {
          const players = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P${i}` }));
          const created = newPlannerGame({ players, difficulty: 1, seed });
          if (!created.ok) return false;
          let g = created.game;
          for (const cmd of commands) {
            const before = JSON.stringify(g);
            const clock = g.clock;
            const round = g.round;
            const r = step(g, cmd);
            expect(JSON.stringify(g), "the input is never changed").toBe(before);
            if (!r.ok) continue;
            g = r.game;
            if (g.round === 3 && round === 3) expect(g.clock).toBeGreaterThanOrEqual(clock);
            expect(invariantError(g)).toBeNull();
            expect(JSON.parse(JSON.stringify(g))).toStrictEqual(g);
          }
          for (const profile of Object.values(assess(g))) {
            for (const v of Object.values(profile)) {
              expect(v === null || (Number.isInteger(v) && v >= 0 && v <= 100)).toBe(true);
            }
          }
          return true;
        },
      ),
      { seed: 20_240_611, numRuns: 40 },
    );
  });
});
