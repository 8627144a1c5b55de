/**
 * Scripted planners of known skill, for calibrating the assessment: they
 * play whole games through the game's own moves (see `table.ts`), each with
 * a fixed way of working, from blind to expert. What each is designed to be
 * better or worse at is stated in {@link SIM_PLANNERS}.
 */
import { pick, type Rng } from "../../rng.js";
import type { PlannerMoves } from "../game/definition.js";
import { regionGains, type OfferPreview } from "../game/exchange.js";
import { roundRule } from "../game/roundRules.js";
import type { Carrier, PlannerEvent, PlannerGame, PlannerRound } from "../game/types.js";
import type { Disruption } from "../scenario.js";
import {
  carefulInsertion,
  insertOpenByScore,
  nearestInsertion,
  nearestNeighbourPlan,
  openOrders,
  planScore,
  polish,
  randomPlacement,
} from "./handPlanning.js";
import type { SimMove } from "./table.js";

/** Game minutes a planner working by hand needs to replan after a disruption (a design choice of the nearest-neighbour planner). */
export const HAND_REPLAN_MINUTES = 20;
/** Longest a blind planner waits before replanning after a disruption, game minutes (drawn uniformly from 0 to this). */
export const RANDOM_REPLAN_MAX_MINUTES = 120;
/** Orders a collaborating planner offers in the exchange: those whose removal saves it the most. */
export const EXCHANGE_OFFERS = 2;
/** Orders the expert offers in the exchange, its costliest (more than a partner: each is a chance the region gains; what nobody takes it withdraws). */
export const EXPERT_OFFERS = 4;

/** What a scripted planner sees and does at the table: the game and the moves of its seat. */
export interface Desk {
  readonly player: string;
  /** The planner's own randomness (seeded per game and seat). */
  readonly rng: Rng;
  game(): PlannerGame;
  carrier(): Carrier;
  /** Plays a move of this seat; throws when the rules refuse it. */
  move<K extends SimMove>(type: K, payload: PlannerMoves[K]): PlannerEvent[];
  /** What taking `offer` would change, by the game's preview (`previewOffer`); null when it cannot be taken. */
  preview(offer: string): OfferPreview | null;
}

/** A scripted planner: what it does at each moment of the game. One instance plays one seat of one game. */
export interface SimPlanner {
  /** A round has started (the round's rule says what it allows). */
  startRound(desk: Desk, round: PlannerRound): void;
  /** After each step of the day's clock (round 3): the disruptions that reached this planner in that step. */
  clock(desk: Desk, arrived: readonly Disruption[]): void;
  /** The exchange is open and every planner has planned: make offers. */
  offer(desk: Desk): void;
  /** Take offers of others; returns how many were taken. */
  take(desk: Desk): number;
  /** The exchange is over: a last look at the plan before the round ends. */
  settle(desk: Desk): void;
}

const samePlan = (a: Carrier["plan"], b: Carrier["plan"]) => JSON.stringify(a) === JSON.stringify(b);

function setIfChanged(desk: Desk, plan: Carrier["plan"]): void {
  if (!samePlan(plan, desk.carrier().plan)) desk.move("plan", { plan });
}

/** Asks the assistant and takes its proposal. */
function takeAssistant(desk: Desk): void {
  desk.move("assist", {});
  desk.move("acceptProposal", {});
}

/** Asks every driver about every order not asked yet (floor knowledge becomes known). */
function askDrivers(desk: Desk): void {
  const c = desk.carrier();
  const asked = new Set(c.revealed);
  for (const o of c.scenario.orders) if (!asked.has(o.id)) desk.move("reveal", { order: o.id });
}

/** Places what is still open where it pays, then moves single stops; sets the result when it scores better than the plan as it is. */
function polishPlan(desk: Desk): void {
  const c = desk.carrier();
  const clock = desk.game().clock;
  const better = polish(c, clock, insertOpenByScore(c, clock));
  if (planScore(c, better, clock) < planScore(c, c.plan, clock)) desk.move("plan", { plan: better });
}

/** Offers the `count` orders (default {@link EXCHANGE_OFFERS}) whose removal lowers this planner's round score the most. */
function offerCostliest(desk: Desk, count = EXCHANGE_OFFERS): void {
  const c = desk.carrier();
  const clock = desk.game().clock;
  const locked = new Set(c.locked);
  const base = planScore(c, c.plan, clock);
  const saving = c.plan.routes
    .flatMap((r) => r.orders)
    .filter((id) => !locked.has(id))
    .map((id) => {
      const without = {
        routes: c.plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.filter((o) => o !== id) })),
      };
      const rest = { ...c, scenario: { ...c.scenario, orders: c.scenario.orders.filter((o) => o.id !== id) } };
      return {
        id,
        saved: base * c.scenario.orders.length - planScore(rest, without, clock) * rest.scenario.orders.length,
      };
    })
    .sort((a, b) => b.saved - a.saved);
  for (const s of saving.slice(0, count)) desk.move("offer", { order: s.id });
}

/** Takes, once per exchange, one open offer of another carrier drawn at random, without a preview (placeable or not). */
function takeAtRandom(desk: Desk): number {
  const g = desk.game();
  if (g.exchanges.some((x) => x.to === desk.player)) return 0;
  const open = g.offers.filter((f) => f.status === "open" && f.from !== desk.player);
  if (open.length === 0) return 0;
  desk.move("accept", { offer: pick(desk.rng, open).id });
  return 1;
}

/**
 * Takes, once per exchange, of the open offers of other carriers the game's
 * preview can place in this planner's plan and says are a gain for the
 * region ({@link regionGains}), the one that lowers the region's cost the most.
 */
function takeBestForRegion(desk: Desk): number {
  const g = desk.game();
  if (g.exchanges.some((x) => x.to === desk.player)) return 0;
  let best: { id: string; cost: number } | null = null;
  for (const f of g.offers) {
    if (f.status !== "open" || f.from === desk.player) continue;
    const p = desk.preview(f.id);
    if (p?.placement && regionGains(p.region) && (!best || p.region.cost < best.cost))
      best = { id: f.id, cost: p.region.cost };
  }
  if (!best) return 0;
  desk.move("accept", { offer: best.id });
  return 1;
}

/**
 * Takes every open offer of another carrier that the game's preview says
 * this planner can place (an order taken and left unplanned needs a solo
 * trip the region's km do not show) and that is a gain for the region: none
 * of its km, CO2 and cost higher, at least one lower.
 */
function takeGains(desk: Desk): number {
  let taken = 0;
  for (const f of desk.game().offers) {
    if (f.status !== "open" || f.from === desk.player) continue;
    const p = desk.preview(f.id);
    if (p?.placement && regionGains(p.region)) {
      desk.move("accept", { offer: f.id });
      taken++;
    }
  }
  return taken;
}

/** Withdraws this planner's offers nobody took. */
function withdrawOpen(desk: Desk): void {
  for (const f of desk.game().offers) {
    if (f.status === "open" && f.from === desk.player) desk.move("withdraw", { offer: f.id });
  }
}

/** Whether disruptions arrived and the plan now leaves orders open (whatever their kind: read from the game). */
const leftOpen = (desk: Desk, arrived: readonly Disruption[]) =>
  arrived.length > 0 && openOrders(desk.carrier(), desk.carrier().plan).length > 0;

const nothing = () => undefined;
const none = () => 0;

/**
 * (1) Blind: a random vehicle for every order, stops in a random order; never
 * the assistant, never a driver; after a disruption it puts the open orders
 * on random vehicles some random time later (up to {@link RANDOM_REPLAN_MAX_MINUTES}).
 * In the exchange it offers nothing (it does not know which of its orders
 * cost the most) and takes one offer of another carrier drawn at random,
 * without a preview, whether it can place it or not.
 */
export function randomPlanner(): SimPlanner {
  let due: number | null = null;
  return {
    startRound(desk) {
      due = null;
      if (openOrders(desk.carrier(), desk.carrier().plan).length > 0)
        setIfChanged(desk, randomPlacement(desk.carrier(), desk.rng));
    },
    clock(desk, arrived) {
      const now = desk.game().clock;
      if (due === null && leftOpen(desk, arrived)) due = now + desk.rng.int(0, RANDOM_REPLAN_MAX_MINUTES);
      if (due !== null && now >= due) {
        due = null;
        setIfChanged(desk, randomPlacement(desk.carrier(), desk.rng));
      }
    },
    offer: nothing,
    take: takeAtRandom,
    settle: withdrawOpen,
  };
}

/**
 * (2) By hand, distance only: nearest-neighbour routes in every round (windows
 * and floor knowledge not looked at), never the assistant, never a driver;
 * after a disruption it inserts the open orders where they add the fewest km,
 * {@link HAND_REPLAN_MINUTES} later.
 */
export function nearestPlanner(): SimPlanner {
  let due: number | null = null;
  return {
    startRound(desk) {
      due = null;
      setIfChanged(desk, nearestNeighbourPlan(desk.carrier()));
    },
    clock(desk, arrived) {
      const now = desk.game().clock;
      if (leftOpen(desk, arrived)) due ??= Math.min(...arrived.map((d) => d.at)) + HAND_REPLAN_MINUTES;
      if (due !== null && now >= due) {
        due = null;
        setIfChanged(desk, nearestInsertion(desk.carrier(), desk.carrier().plan));
      }
    },
    offer: nothing,
    take: none,
    settle: nothing,
  };
}

/**
 * (3) Always the assistant: nearest neighbour by hand where the assistant is
 * not allowed (round 1); in every other round it asks the assistant and takes
 * the proposal as it is, at the start and at once after every disruption. It
 * asks no driver. In the exchange it waits for offers (it offers none of
 * its own) and takes at most one: of those the preview says gain the
 * region, the one that lowers the region's cost the most. It does not
 * replan afterwards.
 */
export function assistantPlanner(): SimPlanner {
  return {
    startRound(desk, round) {
      if (roundRule(round)?.assistant) takeAssistant(desk);
      else setIfChanged(desk, nearestNeighbourPlan(desk.carrier()));
    },
    clock(desk, arrived) {
      if (arrived.length > 0) takeAssistant(desk);
    },
    offer: nothing,
    take: takeBestForRegion,
    settle: withdrawOpen,
  };
}

/**
 * (4) Expert: asks the drivers about every order first (floor knowledge); by
 * hand it plans by cheapest insertion priced by the round score, earliest due
 * first; with the assistant it takes the proposal made with that knowledge;
 * either way it then places what is still open where that pays (late rather
 * than a solo trip) and moves single stops while the round score gets better.
 * After every disruption it does all that again at once, and keeps its own
 * repaired plan (the open orders placed where they pay, then polished)
 * instead when that scores better. In the exchange it offers its costliest
 * orders (the {@link EXPERT_OFFERS} whose removal saves it the most), takes
 * the offers it can place that are a gain for the region (none of km, CO2
 * and cost higher, one lower), and asks the assistant again afterwards, taking the proposal only
 * when it scores better.
 */
export function expertPlanner(): SimPlanner {
  const replan = (desk: Desk) => {
    askDrivers(desk);
    const before = desk.carrier();
    const clock = desk.game().clock;
    const own = polish(before, clock, insertOpenByScore(before, clock));
    takeAssistant(desk);
    polishPlan(desk);
    const now = desk.carrier();
    if (planScore(now, own, clock) < planScore(now, now.plan, clock)) desk.move("plan", { plan: own });
  };
  return {
    startRound(desk, round) {
      if (roundRule(round)?.assistant) return replan(desk);
      askDrivers(desk);
      const c = desk.carrier();
      const clock = desk.game().clock;
      const empty = { ...c, plan: { routes: [] } };
      setIfChanged(desk, polish(c, clock, carefulInsertion(empty, clock)));
    },
    clock(desk, arrived) {
      if (arrived.length > 0) replan(desk);
    },
    offer: (desk) => offerCostliest(desk, EXPERT_OFFERS),
    take: takeGains,
    settle(desk) {
      withdrawOpen(desk);
      const before = desk.carrier();
      desk.move("assist", {});
      const proposal = desk.carrier().proposal;
      const clock = desk.game().clock;
      if (proposal && planScore(before, proposal, clock) < planScore(before, before.plan, clock))
        desk.move("acceptProposal", {});
      polishPlan(desk);
    },
  };
}

/**
 * The other carriers of a calibration region: the assistant planner's way of
 * planning (so every planner under test meets the same partners), and in the
 * exchange it offers its costliest orders, takes offers it can place that
 * are a gain for the region (none of km, CO2 and cost higher, one lower),
 * and withdraws what nobody took.
 */
export function partnerPlanner(): SimPlanner {
  const base = assistantPlanner();
  return { ...base, offer: (desk) => offerCostliest(desk), take: takeGains, settle: withdrawOpen };
}
