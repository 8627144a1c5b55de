import type { Disruption } from "../scenario.js";
import { reject, roundGuard } from "./access.js";
import { evaluateFor } from "./kpi.js";
import { copyPlan, lockedPrefix } from "./plan.js";
import { roundRule } from "./roundRules.js";
import type { Carrier, PlannerEvent, PlannerGame, PlannerResult, PlayerId } from "./types.js";

/**
 * The carrier with every stop locked that its vehicle has set off for by
 * `minute` (per the plan's own schedule, with its jams and holds): those
 * stops are on their way or delivered and stay at the front of their route.
 */
export function lockStops(carrier: Carrier, minute: number): Carrier {
  const locked = new Set(carrier.locked);
  const before = locked.size;
  for (const r of evaluateFor(carrier, carrier.plan).routes) {
    for (const s of r.stops) if (s.leave <= minute) locked.add(s.order);
  }
  return locked.size === before ? carrier : { ...carrier, locked: [...locked] };
}

/**
 * Applies disruption number `index` of the carrier (its time has come).
 * Breakdown and driver absent: the vehicle is out and its stops that are not
 * locked leave the plan (unplanned). Rush order: the order joins the day,
 * unplanned. Window change: the order's window becomes the new one (it stays
 * where it is in the plan; an order no longer the carrier's is left alone).
 * Traffic jam and road closure: counted as applied, so the KPIs slow the
 * legs they concern (`activeJams`). Each disruption that reaches the carrier
 * is recorded for the assessment.
 */
export function applyDisruption(carrier: Carrier, index: number): { carrier: Carrier; moved: string[] } {
  const d = carrier.scenario.disruptions[index] as Disruption;
  let next: Carrier = { ...carrier, applied: index + 1 };
  let moved: string[] = [];
  if (d.kind === "breakdown" || d.kind === "driver-absent") {
    const keep = lockedPrefix(carrier, d.vehicle);
    const plan = copyPlan(carrier.plan);
    for (const r of plan.routes) {
      if (r.vehicle !== d.vehicle) continue;
      moved = r.orders.slice(keep.length);
      r.orders = keep.slice();
    }
    plan.routes = plan.routes.filter((r) => r.orders.length > 0);
    const unavailable = carrier.unavailable.includes(d.vehicle)
      ? carrier.unavailable
      : [...carrier.unavailable, d.vehicle];
    next = { ...next, plan, unavailable };
  } else if (d.kind === "rush-order") {
    if (!carrier.scenario.orders.some((o) => o.id === d.order.id)) {
      next = { ...next, scenario: { ...carrier.scenario, orders: [...carrier.scenario.orders, { ...d.order }] } };
      moved = [d.order.id];
    }
  } else if (d.kind === "window-change") {
    const orders = carrier.scenario.orders.map((o) => (o.id === d.order ? { ...o, ready: d.ready, due: d.due } : o));
    next = { ...next, scenario: { ...carrier.scenario, orders } };
  }
  const record = { disruption: index, kind: d.kind, at: d.at, orders: moved, replannedAt: null };
  next = { ...next, usage: { ...next.usage, replans: [...next.usage.replans, record] } };
  return { carrier: next, moved };
}

/**
 * Only in a round whose day's clock runs, round 3 (NOT_IN_ROUND, WRONG_ROUND;
 * BAD_MESSAGE for a minute that is not a finite number): moves the day's
 * clock to `minute`, never back and never past the day's end. If the round
 * brings disruptions (round 3 does), for every carrier each disruption due by
 * then is applied once, in time order; before each, the stops the vehicles
 * have set off for by its time are locked, and at the end those by `minute`.
 * Emits one `disruption` event per disruption applied.
 */
export function advanceClock(game: PlannerGame, minute: number): PlannerResult {
  const guard = roundGuard(game, null, "dayClock");
  if (guard) return { ok: false, rejection: guard };
  if (!Number.isFinite(minute)) return reject("BAD_MESSAGE");
  const disruptions = roundRule(game.round)?.disruptions === true;
  const events: PlannerEvent[] = [];
  const carriers: Record<PlayerId, Carrier> = { ...game.carriers };
  let clock = game.clock;
  for (const p of game.players) {
    let c = carriers[p] as Carrier;
    const target = Math.max(game.clock, Math.min(minute, c.scenario.dayEnd));
    clock = Math.max(clock, target);
    const due = (): Disruption | undefined => (disruptions ? c.scenario.disruptions[c.applied] : undefined);
    for (let d = due(); d && d.at <= target; d = due()) {
      c = lockStops(c, Math.max(game.clock, d.at));
      const applied = applyDisruption(c, c.applied);
      c = applied.carrier;
      events.push({ type: "disruption", player: p, disruption: d, moved: applied.moved });
    }
    carriers[p] = lockStops(c, target);
  }
  return { ok: true, game: { ...game, clock, carriers }, events };
}
