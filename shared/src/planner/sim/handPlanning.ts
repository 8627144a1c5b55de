/**
 * Planning by hand for the scripted planners: the ways a person builds or
 * repairs routes without the assistant, from blind (random) through
 * distance-only (nearest neighbour) to careful (cheapest insertion priced by
 * the round score, then moving single stops while that pays). Every function
 * keeps each vehicle's locked stops first, in order, and plans only on
 * vehicles that are in service, so its plan passes `checkPlan`.
 */
import { pick, shuffled, type Rng } from "../../rng.js";
import type { Plan } from "../evaluate.js";
import { cheapestInsertion } from "../game/exchange.js";
import { evaluateFor, roundScore, summarize } from "../game/kpi.js";
import { copyPlan, lockedPrefix, routeOf, withPlan } from "../game/plan.js";
import type { Carrier } from "../game/types.js";
import { roadKm } from "../geo.js";
import { DEPOT, town } from "../region.js";
import { VEHICLES } from "../vehicles.js";

/** Most passes of single-stop moves in {@link polish} (each pass tries every open stop once; a bound on work). */
export const POLISH_MAX_PASSES = 3;

/** The carrier's orders that `plan` does not plan, in the day's order. */
export function openOrders(carrier: Carrier, plan: Plan): string[] {
  const planned = new Set(plan.routes.flatMap((r) => r.orders));
  return carrier.scenario.orders.filter((o) => !planned.has(o.id)).map((o) => o.id);
}

/** The carrier's vehicles that are not out, in fleet order. */
function inService(carrier: Carrier) {
  const out = new Set(carrier.unavailable);
  return carrier.scenario.fleet.filter((v) => !out.has(v.id));
}

/** A plan with `vehicle`'s route replaced by `orders` (added when it had none). */
function withRoute(plan: Plan, vehicle: string, orders: string[]): Plan {
  const next = copyPlan(plan);
  const route = next.routes.find((r) => r.vehicle === vehicle);
  if (route) route.orders = orders;
  else next.routes.push({ vehicle, orders });
  return next;
}

/** The plan's routes only after their locked stops: every open stop taken out. */
function frontsOnly(carrier: Carrier): Plan {
  return {
    routes: carrier.plan.routes
      .map((r) => ({ vehicle: r.vehicle, orders: lockedPrefix(carrier, r.vehicle) }))
      .filter((r) => r.orders.length > 0),
  };
}

/**
 * Blind planning: every open order (in a random order) goes to a random
 * vehicle in service, at a random place after its locked stops. From an
 * empty plan: a random vehicle per order, its stops in a random order.
 */
export function randomPlacement(carrier: Carrier, rng: Rng): Plan {
  const vehicles = inService(carrier);
  let plan = copyPlan(carrier.plan);
  if (vehicles.length === 0) return plan;
  for (const order of shuffled(rng, openOrders(carrier, plan))) {
    const v = pick(rng, vehicles);
    const route = routeOf(plan, v.id);
    const at = rng.int(lockedPrefix(carrier, v.id).length, route.length);
    plan = withRoute(plan, v.id, [...route.slice(0, at), order, ...route.slice(at)]);
  }
  return plan;
}

const placeOf = (carrier: Carrier) => {
  const towns = new Map(carrier.scenario.orders.map((o) => [o.id, town(o.town)]));
  return (id: string | undefined) => (id === undefined ? DEPOT : (towns.get(id) ?? DEPOT));
};

const palletsOf = (carrier: Carrier) => {
  const pallets = new Map(carrier.scenario.orders.map((o) => [o.id, o.pallets]));
  return (ids: readonly string[]) => ids.reduce((a, id) => a + (pallets.get(id) ?? 0), 0);
};

/**
 * Nearest neighbour by hand, from scratch: the open stops of every route are
 * taken out; then each vehicle in service in turn drives from its last
 * locked stop (or the depot) to the nearest open order that still fits its
 * pallets and its range (with the way back), until none fits. Windows and
 * floor knowledge are not looked at. Orders no vehicle can take go to the
 * vehicle with the most pallets free (over capacity, as a hurried planner would).
 */
export function nearestNeighbourPlan(carrier: Carrier): Plan {
  const place = placeOf(carrier);
  const pallets = palletsOf(carrier);
  let plan = frontsOnly(carrier);
  const open = new Set(openOrders(carrier, plan));
  for (const v of inService(carrier)) {
    const spec = VEHICLES[v.type];
    const route = routeOf(plan, v.id).slice();
    let km = 0;
    for (let i = 0; i < route.length; i++) km += roadKm(place(route[i - 1]), place(route[i]));
    for (;;) {
      const here = place(route[route.length - 1]);
      let best: { id: string; leg: number } | null = null;
      for (const id of open) {
        if (pallets([...route, id]) > spec.capacityPallets) continue;
        const leg = roadKm(here, place(id));
        if (km + leg + roadKm(place(id), DEPOT) > spec.rangeKm) continue;
        if (!best || leg < best.leg) best = { id, leg };
      }
      if (!best) break;
      route.push(best.id);
      open.delete(best.id);
      km += best.leg;
    }
    if (route.length > 0) plan = withRoute(plan, v.id, route);
  }
  return nearestInsertion({ ...carrier, plan }, plan, [...open]);
}

/**
 * Repair by hand, distance only: each of `orders` (default: the open ones)
 * goes where it adds the fewest km, on a vehicle in service with the pallets
 * free, after its locked stops; when no vehicle has the pallets free, on the
 * one with the most free. Windows are not looked at.
 */
export function nearestInsertion(carrier: Carrier, plan: Plan, orders = openOrders(carrier, plan)): Plan {
  const place = placeOf(carrier);
  const pallets = palletsOf(carrier);
  const vehicles = inService(carrier);
  let next = copyPlan(plan);
  for (const id of orders) {
    let best: { vehicle: string; at: number; added: number } | null = null;
    let roomiest: { vehicle: string; free: number } | null = null;
    for (const v of vehicles) {
      const route = routeOf(next, v.id);
      const free = VEHICLES[v.type].capacityPallets - pallets(route);
      if (!roomiest || free > roomiest.free) roomiest = { vehicle: v.id, free };
      if (pallets([id]) > free) continue;
      for (let at = lockedPrefix(carrier, v.id).length; at <= route.length; at++) {
        const a = place(route[at - 1]);
        const b = place(route[at]);
        const added = roadKm(a, place(id)) + roadKm(place(id), b) - roadKm(a, b);
        if (!best || added < best.added) best = { vehicle: v.id, at, added };
      }
    }
    const target = best ?? (roomiest && { vehicle: roomiest.vehicle, at: routeOf(next, roomiest.vehicle).length });
    if (!target) continue;
    const route = routeOf(next, target.vehicle);
    next = withRoute(next, target.vehicle, [...route.slice(0, target.at), id, ...route.slice(target.at)]);
  }
  return next;
}

/** The round score (euro per order) `plan` would get if set now, at `clock` (holds included). */
export function planScore(carrier: Carrier, plan: Plan, clock: number): number {
  const c = withPlan(carrier, plan, clock);
  return roundScore(summarize(c, evaluateFor(c, c.plan)));
}

/**
 * Careful repair: the open orders, earliest due first, each at its cheapest
 * place by the game's own rule (`cheapestInsertion`: within capacity and
 * range, no new late stop, least cost with CO2 and lateness priced); an
 * order that fits nowhere so goes where it adds the fewest km.
 */
export function carefulInsertion(carrier: Carrier, clock: number): Plan {
  const due = new Map(carrier.scenario.orders.map((o) => [o.id, o.due]));
  const orders = openOrders(carrier, carrier.plan).sort((a, b) => (due.get(a) ?? 0) - (due.get(b) ?? 0));
  let c = carrier;
  for (const id of orders) {
    const at = cheapestInsertion(c, id, clock);
    const route = at ? routeOf(c.plan, at.vehicle) : [];
    const plan = at
      ? withRoute(c.plan, at.vehicle, [...route.slice(0, at.index), id, ...route.slice(at.index)])
      : nearestInsertion(c, c.plan, [id]);
    c = withPlan(c, plan, clock);
  }
  return c.plan;
}

/**
 * Careful repair of what is still open: each open order goes to the place
 * (any vehicle in service, after its locked stops) that gives the best round
 * score of the whole plan, lateness and all, and only when that beats
 * leaving it open (a solo trip). Returns the plan.
 */
export function insertOpenByScore(carrier: Carrier, clock: number): Plan {
  let plan = copyPlan(carrier.plan);
  for (const id of openOrders(carrier, plan)) {
    let best = { plan, score: planScore(carrier, plan, clock) };
    for (const v of inService(carrier)) {
      const route = routeOf(plan, v.id);
      for (let at = lockedPrefix(carrier, v.id).length; at <= route.length; at++) {
        const trial = withRoute(plan, v.id, [...route.slice(0, at), id, ...route.slice(at)]);
        const score = planScore(carrier, trial, clock);
        if (score < best.score) best = { plan: trial, score };
      }
    }
    plan = best.plan;
  }
  return plan;
}

/**
 * Improves `start` (default: the carrier's plan) one stop at a time: each
 * open stop is taken out and put back at its cheapest place
 * (`cheapestInsertion`); the move is kept when the round score of the plan,
 * set now on `carrier`, gets better. At most {@link POLISH_MAX_PASSES}
 * passes, fewer when a pass finds nothing. Returns the plan (the same plan
 * when nothing pays).
 */
export function polish(carrier: Carrier, clock: number, start: Plan = carrier.plan): Plan {
  let plan = copyPlan(start);
  let score = planScore(carrier, plan, clock);
  for (let pass = 0; pass < POLISH_MAX_PASSES; pass++) {
    let improved = false;
    for (const r of plan.routes.slice()) {
      for (const id of r.orders.slice(lockedPrefix(carrier, r.vehicle).length)) {
        const without: Plan = {
          routes: plan.routes.map((x) => ({ vehicle: x.vehicle, orders: x.orders.filter((o) => o !== id) })),
        };
        const base = withPlan(carrier, without, clock);
        const at = cheapestInsertion(base, id, clock);
        if (!at) continue;
        const route = routeOf(without, at.vehicle);
        const trial = withRoute(without, at.vehicle, [...route.slice(0, at.index), id, ...route.slice(at.index)]);
        const s = planScore(carrier, trial, clock);
        if (s < score) {
          plan = {
            routes: trial.routes.filter((x) => x.orders.length > 0 || lockedPrefix(carrier, x.vehicle).length > 0),
          };
          score = s;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return plan;
}
