import type { Plan } from "../evaluate.js";
import { carrierOf, countInRound, reject, roundGuard, withCarrier } from "./access.js";
import { checkLocks, checkPlan, lockedPrefix, vehicleOf, withPlan } from "./plan.js";
import { roundRule } from "./roundRules.js";
import { situationKey } from "./situation.js";
import { MAX_PLAN_STOPS } from "./types.js";
import type { Carrier, PlannerGame, PlannerResult, PlayerId } from "./types.js";

/**
 * The carrier after its planner set `plan` (already checked): holds for a
 * running day, and in a round with disruptions (round 3) each disruption's
 * first answer (`answeredAt`: the first plan set after it) and first replan
 * (`replannedAt`: the first plan that plans one of the orders it left open)
 * stamped with the clock.
 */
function planBy(game: PlannerGame, carrier: Carrier, plan: Plan): Carrier {
  const next = withLocksOn(withPlan(carrier, plan, game.clock), plan);
  if (!roundRule(game.round)?.disruptions) return next;
  const planned = new Set(plan.routes.flatMap((r) => r.orders));
  const replans = carrier.usage.replans.map((r) => {
    const answered = r.answeredAt === undefined ? { ...r, answeredAt: game.clock } : r;
    return answered.replannedAt === null && r.orders.some((o) => planned.has(o))
      ? { ...answered, replannedAt: game.clock }
      : answered;
  });
  return { ...next, usage: { ...next.usage, replans } };
}

/** The carrier without the locks of stops that `plan` leaves unplanned (a stop taken off every truck loses its lock). */
function withLocksOn(carrier: Carrier, plan: Plan): Carrier {
  const locks = carrier.planLocks;
  if (!locks) return carrier;
  const planned = new Set(plan.routes.flatMap((r) => r.orders));
  const stops = locks.stops.filter((o) => planned.has(o));
  return stops.length === locks.stops.length ? carrier : { ...carrier, planLocks: { ...locks, stops } };
}

/**
 * Replaces `player`'s plan. Only while a round is under way (NOT_IN_ROUND,
 * UNKNOWN_PLAYER); the plan must pass `checkPlan` (TOO_MANY_STOPS,
 * NOT_YOUR_VEHICLE, DOUBLE_VEHICLE, UNKNOWN_ORDER, DOUBLE_ORDER,
 * VEHICLE_UNAVAILABLE, LOCKED_STOP). Over capacity, over range and lateness
 * are allowed: they show in the KPIs. A plan set after accepting a proposal
 * in the same round counts as an edit of the proposal.
 */
export function setPlan(game: PlannerGame, player: PlayerId, plan: Plan): PlannerResult {
  const guard = roundGuard(game, player);
  if (guard) return { ok: false, rejection: guard };
  const carrier = carrierOf(game, player) as Carrier;
  const problem = checkPlan(carrier, plan);
  if (problem) return { ok: false, rejection: problem };
  const round = game.round as number;
  const next = planBy(game, carrier, plan);
  const edited = (carrier.usage.accepted[round - 1] ?? 0) > 0;
  const usage = edited
    ? { ...next.usage, editsAfterAccept: countInRound(next.usage.editsAfterAccept, round) }
    : next.usage;
  return {
    ok: true,
    game: withCarrier(game, player, { ...next, usage }),
    events: [{ type: "plan-set", player, source: "edit" }],
  };
}

/**
 * Stores the assistant's plan for `player` (the room computes it) with
 * `situation`, the key ({@link situationKey}) of the situation the assistant
 * was given: by default the current one. Rejected NOT_IN_ROUND,
 * UNKNOWN_PLAYER, ASSISTANT_NOT_ALLOWED in a round without the assistant
 * (round 1, "by hand"), TOO_MANY_STOPS for an oversized plan. The plan is
 * checked in full only when it is accepted. Counts as asking the assistant in
 * this round.
 */
export function recordProposal(
  game: PlannerGame,
  player: PlayerId,
  plan: Plan,
  situation: string = situationKey(game, player),
): PlannerResult {
  const guard = roundGuard(game, player);
  if (guard) return { ok: false, rejection: guard };
  if (!roundRule(game.round)?.assistant) return reject("ASSISTANT_NOT_ALLOWED");
  const stops = plan.routes.reduce((a, r) => a + r.orders.length, 0);
  if (stops > MAX_PLAN_STOPS || plan.routes.length > MAX_PLAN_STOPS) {
    return reject("TOO_MANY_STOPS", { max: MAX_PLAN_STOPS });
  }
  const carrier = carrierOf(game, player) as Carrier;
  const proposal = { routes: plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.slice() })) };
  const usage = { ...carrier.usage, asked: countInRound(carrier.usage.asked, game.round) };
  return {
    ok: true,
    game: withCarrier(game, player, { ...carrier, proposal, proposalSituation: situation, usage }),
    events: [],
  };
}

/**
 * The proposal as it can be taken now: the day may have moved on while the
 * assistant was thinking. Stops driven since stay first on the vehicle that
 * drove them (and leave any other route of the proposal); a vehicle that has
 * gone out keeps only its driven stops, its other stops become unplanned.
 */
export function rebaseProposal(carrier: Carrier, proposal: Plan): Plan {
  const locked = new Set(carrier.locked);
  const out = new Set(carrier.unavailable);
  const routes = proposal.routes.map((r) => ({
    vehicle: r.vehicle,
    orders: [
      ...lockedPrefix(carrier, r.vehicle),
      ...(out.has(r.vehicle) ? [] : r.orders.filter((o) => !locked.has(o))),
    ],
  }));
  for (const r of carrier.plan.routes) {
    const front = lockedPrefix(carrier, r.vehicle);
    if (front.length > 0 && !routes.some((x) => x.vehicle === r.vehicle))
      routes.push({ vehicle: r.vehicle, orders: front });
  }
  return { routes };
}

/**
 * Makes the last proposal `player`'s plan, rebased on the day as it stands
 * ({@link rebaseProposal}): NOT_IN_ROUND, UNKNOWN_PLAYER,
 * ASSISTANT_NOT_ALLOWED (a round without the assistant: round 1),
 * NO_PROPOSAL, PROPOSAL_OUTDATED (the proposal was made for another
 * situation than the current one, see {@link situationKey}: a vehicle went
 * out, an order came or went, floor knowledge was found, a jam began, a lock
 * or what it locks changed), then every rejection of {@link setPlan}, then
 * LOCK_BROKEN (the proposal does not keep a lock in force, see `checkLocks`).
 */
export function acceptProposal(game: PlannerGame, player: PlayerId): PlannerResult {
  const guard = roundGuard(game, player);
  if (guard) return { ok: false, rejection: guard };
  if (!roundRule(game.round)?.assistant) return reject("ASSISTANT_NOT_ALLOWED");
  const carrier = carrierOf(game, player) as Carrier;
  if (!carrier.proposal) return reject("NO_PROPOSAL");
  if (carrier.proposalSituation !== situationKey(game, player)) return reject("PROPOSAL_OUTDATED");
  const plan = rebaseProposal(carrier, carrier.proposal);
  const problem = checkPlan(carrier, plan) ?? checkLocks(carrier, plan, game.round);
  if (problem) return { ok: false, rejection: problem };
  const next = planBy(game, carrier, plan);
  const usage = { ...next.usage, accepted: countInRound(next.usage.accepted, game.round) };
  return {
    ok: true,
    game: withCarrier(game, player, { ...next, usage }),
    events: [{ type: "plan-set", player, source: "proposal" }],
  };
}

/**
 * The planner asks a driver about `order`: its floor knowledge, if it has
 * any, becomes known to this planner (the assistant then plans with it).
 * NOT_IN_ROUND, UNKNOWN_PLAYER, UNKNOWN_ORDER (not this carrier's). Asking
 * again changes nothing. The order's id is added to `revealed` either way;
 * only orders with floor knowledge count as found.
 */
export function revealFloor(game: PlannerGame, player: PlayerId, order: string): PlannerResult {
  const guard = roundGuard(game, player);
  if (guard) return { ok: false, rejection: guard };
  const carrier = carrierOf(game, player) as Carrier;
  const o = carrier.scenario.orders.find((x) => x.id === order);
  if (!o) return reject("UNKNOWN_ORDER", { order });
  if (carrier.revealed.includes(order)) return { ok: true, game, events: [] };
  const usage = o.floor ? { ...carrier.usage, floorFound: carrier.usage.floorFound + 1 } : carrier.usage;
  return {
    ok: true,
    game: withCarrier(game, player, { ...carrier, revealed: [...carrier.revealed, order], usage }),
    events: [],
  };
}

/** What a `lock` message locks or unlocks: one vehicle's route, or one stop on the vehicle it is on. */
export type LockTarget = { vehicle: string } | { order: string };

/**
 * Locks (`locked` true) or unlocks a route or a stop of `player`'s plan for
 * the assistant's "optimise the rest" ({@link PlanLocks}), in the round under
 * way: NOT_IN_ROUND, UNKNOWN_PLAYER, ASSISTANT_NOT_ALLOWED (a round without
 * the assistant: round 1); a route: NOT_YOUR_VEHICLE (not this carrier's
 * fleet), VEHICLE_UNAVAILABLE (out for the day); a stop: UNKNOWN_ORDER (not
 * this carrier's), NOT_PLANNED (locking an order that is on no route).
 * Unlocking what is not locked changes nothing. Locks of an earlier round
 * are dropped. No events: the planner's view carries the locks.
 */
export function setLock(game: PlannerGame, player: PlayerId, target: LockTarget, locked: boolean): PlannerResult {
  const guard = roundGuard(game, player);
  if (guard) return { ok: false, rejection: guard };
  if (!roundRule(game.round)?.assistant) return reject("ASSISTANT_NOT_ALLOWED");
  const carrier = carrierOf(game, player) as Carrier;
  const old =
    carrier.planLocks?.round === game.round ? carrier.planLocks : { round: game.round, routes: [], stops: [] };
  const toggle = (ids: string[], id: string) =>
    locked ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id);
  let planLocks: Carrier["planLocks"];
  if ("vehicle" in target) {
    const v = target.vehicle;
    if (!carrier.scenario.fleet.some((f) => f.id === v)) return reject("NOT_YOUR_VEHICLE", { vehicle: v });
    if (locked && carrier.unavailable.includes(v)) return reject("VEHICLE_UNAVAILABLE", { vehicle: v });
    planLocks = { ...old, routes: toggle(old.routes, v) };
  } else {
    const o = target.order;
    if (!carrier.scenario.orders.some((x) => x.id === o)) return reject("UNKNOWN_ORDER", { order: o });
    const on = vehicleOf(carrier.plan, o);
    if (locked && on === null) return reject("NOT_PLANNED", { order: o });
    planLocks = { ...old, stops: toggle(old.stops, o) };
  }
  return { ok: true, game: withCarrier(game, player, { ...carrier, planLocks }), events: [] };
}
