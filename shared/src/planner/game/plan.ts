import type { Hold, Plan } from "../evaluate.js";
import type { Carrier, PlanLocks, PlannerRejection } from "./types.js";
import { MAX_PLAN_STOPS } from "./types.js";

/** A deep copy of a plan (the game never shares arrays with its callers). */
export function copyPlan(plan: Plan): Plan {
  return { routes: plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.slice() })) };
}

/** The stops of `vehicle` in the carrier's current plan, in driving order (empty if it has no route). */
export function routeOf(plan: Plan, vehicle: string): string[] {
  return plan.routes.find((r) => r.vehicle === vehicle)?.orders ?? [];
}

/**
 * The locked stops of `vehicle`: the leading stops of its current route that
 * are locked (a vehicle sets off for its stops in order, so the locked ones
 * always form the front of its route).
 */
export function lockedPrefix(carrier: Pick<Carrier, "locked" | "plan">, vehicle: string): string[] {
  const locked = new Set(carrier.locked);
  const route = routeOf(carrier.plan, vehicle);
  let k = 0;
  while (k < route.length && locked.has(route[k] as string)) k++;
  return route.slice(0, k);
}

/**
 * Checks a plan against the carrier, in this order: TOO_MANY_STOPS (more than
 * {@link MAX_PLAN_STOPS} stops or more routes than that), then per route
 * NOT_YOUR_VEHICLE (not in this carrier's fleet), DOUBLE_VEHICLE, and per stop
 * UNKNOWN_ORDER (not this carrier's), DOUBLE_ORDER; then VEHICLE_UNAVAILABLE
 * (a vehicle that is out has a stop that is not locked) and LOCKED_STOP (a
 * vehicle's locked stops are not the front of its route, in order). Returns
 * null for a plan that may be set. Capacity, range and lateness are not
 * checked: they show in the KPIs.
 */
export function checkPlan(carrier: Carrier, plan: Plan): PlannerRejection | null {
  const stops = plan.routes.reduce((a, r) => a + r.orders.length, 0);
  if (stops > MAX_PLAN_STOPS || plan.routes.length > MAX_PLAN_STOPS) {
    return { code: "TOO_MANY_STOPS", detail: { max: MAX_PLAN_STOPS } };
  }
  const fleet = new Set(carrier.scenario.fleet.map((v) => v.id));
  const orders = new Set(carrier.scenario.orders.map((o) => o.id));
  const vehicles = new Set<string>();
  const seen = new Set<string>();
  for (const r of plan.routes) {
    if (!fleet.has(r.vehicle)) return { code: "NOT_YOUR_VEHICLE", detail: { vehicle: r.vehicle } };
    if (vehicles.has(r.vehicle)) return { code: "DOUBLE_VEHICLE", detail: { vehicle: r.vehicle } };
    vehicles.add(r.vehicle);
    for (const o of r.orders) {
      if (!orders.has(o)) return { code: "UNKNOWN_ORDER", detail: { order: o } };
      if (seen.has(o)) return { code: "DOUBLE_ORDER", detail: { order: o } };
      seen.add(o);
    }
  }
  const out = new Set(carrier.unavailable);
  for (const r of plan.routes) {
    if (out.has(r.vehicle) && r.orders.length > lockedPrefix(carrier, r.vehicle).length) {
      return { code: "VEHICLE_UNAVAILABLE", detail: { vehicle: r.vehicle } };
    }
  }
  for (const v of carrier.scenario.fleet) {
    const prefix = lockedPrefix(carrier, v.id);
    const route = routeOf(plan, v.id);
    const broken = prefix.findIndex((o, i) => route[i] !== o);
    if (broken >= 0) return { code: "LOCKED_STOP", detail: { order: prefix[broken] as string } };
  }
  return null;
}

/**
 * The carrier with `plan` as its plan (a copy). When the plan changes while
 * the day runs (`clock` past the day's start), every vehicle whose route
 * changed after its locked stops gets a hold: it cannot set off for its first
 * open stop before `clock`, so a new plan never schedules driving in the past.
 */
export function withPlan<C extends Pick<Carrier, "scenario" | "plan" | "locked" | "holds">>(
  carrier: C,
  plan: Plan,
  clock: number,
): C {
  const next = copyPlan(plan);
  if (clock <= carrier.scenario.dayStart) return { ...carrier, plan: next };
  const holds: Record<string, Hold[]> = { ...carrier.holds };
  for (const v of carrier.scenario.fleet) {
    const before = routeOf(carrier.plan, v.id);
    const after = routeOf(next, v.id);
    if (before.length === after.length && before.every((o, i) => after[i] === o)) continue;
    const k = lockedPrefix(carrier, v.id).length;
    const kept = (holds[v.id] ?? []).filter((h) => h.after !== k);
    const old = (holds[v.id] ?? []).find((h) => h.after === k)?.until ?? clock;
    holds[v.id] = [...kept, { after: k, until: Math.max(old, clock) }];
  }
  return { ...carrier, plan: next, holds };
}

/** The locks in force, each a list of ids: locked routes by vehicle, locked stops by order. */
export type LocksInForce = Pick<PlanLocks, "routes" | "stops">;

/**
 * The carrier's locks in force in `round` ({@link PlanLocks}): none when they
 * were set in another round; routes of vehicles that are out and stops that
 * are on no route of a vehicle that is not out are left out.
 */
export function locksInForce(carrier: Carrier, round: number): LocksInForce {
  const locks = carrier.planLocks;
  if (!locks || locks.round !== round) return { routes: [], stops: [] };
  const out = new Set(carrier.unavailable);
  const onRoute = new Set(carrier.plan.routes.filter((r) => !out.has(r.vehicle)).flatMap((r) => r.orders));
  return {
    routes: locks.routes.filter((v) => !out.has(v)),
    stops: locks.stops.filter((o) => onRoute.has(o)),
  };
}

/** The vehicle whose route in `plan` has `order`, or null when it is unplanned. */
export function vehicleOf(plan: Plan, order: string): string | null {
  return plan.routes.find((r) => r.orders.includes(order))?.vehicle ?? null;
}

/**
 * Whether `plan` keeps the carrier's locks in force in `round` against its
 * current plan: LOCK_BROKEN (detail `item`: the vehicle or the order) when a
 * locked route is not exactly as it is, or a locked stop is not on the
 * vehicle it is on; null when every lock holds.
 */
export function checkLocks(carrier: Carrier, plan: Plan, round: number): PlannerRejection | null {
  const locks = locksInForce(carrier, round);
  for (const v of locks.routes) {
    const now = routeOf(carrier.plan, v);
    const then = routeOf(plan, v);
    if (now.length !== then.length || now.some((o, i) => then[i] !== o))
      return { code: "LOCK_BROKEN", detail: { item: v } };
  }
  for (const o of locks.stops) {
    if (vehicleOf(plan, o) !== vehicleOf(carrier.plan, o)) return { code: "LOCK_BROKEN", detail: { item: o } };
  }
  return null;
}
