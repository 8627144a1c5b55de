import { tripCost } from "./cost.js";
import type { VrpInstance } from "./instance.js";
import { fitsWithBreaks, scheduleBreaks } from "./routeBreaks.js";

/**
 * Cost per time unit outside the rules (late, back after the depot closes,
 * driving over the day's limit) of a route under `instance.breaks`: in the
 * game EUR 1,000 a minute, far above any route's own cost, so the search
 * leaves such routes behind at once.
 */
const BREACH_COST_PER_UNIT = 1_000;

/**
 * A route under construction: its customers with the depot implied at both
 * ends, and cached data that makes checking an insertion O(1): load,
 * distance, and per position the earliest start of service (forward) and the
 * latest start that keeps the rest of the route on time (backward).
 */
export interface WorkRoute {
  type: number;
  vehicle: number;
  /** Customers in order; the depot (0) is implied before and after. */
  seq: number[];
  /**
   * How many customers at the front of `seq` are fixed (stops already driven):
   * they stay first, in their order; nothing is inserted before or between them.
   */
  fixed: number;
  load: number;
  distance: number;
  /**
   * Working time: from setting off (just in time for the first stop, not
   * before the depot opens) to being back, waiting (and under
   * `instance.breaks` the breaks) included (see `cost.ts`); 0 where time
   * decides nothing ({@link isUntimed}: no cost per time unit).
   */
  duration: number;
  /**
   * Earliest service start per position of [0, ...seq, 0] (plain arrays: far
   * cheaper to copy than typed ones); not kept on an instance where time
   * decides nothing ({@link isUntimed}).
   */
  earliest: number[];
  /** Latest service start per position of [0, ...seq, 0] (Infinity throughout where time decides nothing). */
  latest: number[];
  /**
   * Under `instance.breaks` only: time outside the rules with the breaks
   * taken (minutes late summed after the fixed front, minutes back after the
   * depot closes, driving over the day's limit; `routeBreaks.ts`); 0 or absent: none.
   */
  breach?: number;
}

/** Node at position `i` of [0, ...seq, 0]. */
export function nodeAt(route: WorkRoute, i: number): number {
  return i === 0 || i === route.seq.length + 1 ? 0 : (route.seq[i - 1] as number);
}

/**
 * Whether a route's only limit is capacity and its only cost distance: no
 * time windows (every due time infinite), no range, no cost per time unit,
 * no break rules (CVRPLIB's instances). Time then decides nothing. `solveVrp`
 * asks once per solve and runs on a copy of the instance with `untimed` set,
 * which `refresh` and `recreate` read, so they leave time out.
 */
export function isUntimed(inst: VrpInstance): boolean {
  return (
    !inst.breaks &&
    inst.vehicles.every((vt) => vt.range === Number.POSITIVE_INFINITY && vt.costPerTime === 0) &&
    inst.due.every((d) => d === Number.POSITIVE_INFINITY)
  );
}

/** Recomputes a route's load, distance and time-window data; false when it breaks a window. */
export function refresh(inst: VrpInstance, route: WorkRoute): boolean {
  const { n, dist, time, demand, service, ready, due } = inst;
  const len = route.seq.length + 2;
  while (route.earliest.length < len) route.earliest.push(0);
  while (route.latest.length < len) route.latest.push(0);
  if (inst.untimed === true) {
    // Load and distance only; every service start is allowed (the same sums in the same order as below).
    let load = 0;
    let distance = 0;
    let prev = 0;
    const { seq, latest } = route;
    for (let i = 0; i < seq.length; i++) {
      const v = seq[i] as number;
      load += demand[v] as number;
      distance += dist[prev * n + v] as number;
      prev = v;
    }
    for (let i = 0; i < len; i++) latest[i] = Number.POSITIVE_INFINITY;
    route.load = load + (demand[0] as number);
    route.distance = distance + (dist[prev * n] as number);
    route.duration = 0;
    return true;
  }
  let load = 0;
  let distance = 0;
  let feasible = true;
  let prev = 0;
  let t = ready[0] as number;
  route.earliest[0] = t;
  for (let i = 1; i < len; i++) {
    const v = nodeAt(route, i);
    load += demand[v] as number;
    distance += dist[prev * n + v] as number;
    t = Math.max(ready[v] as number, t + (service[prev] as number) + (time[prev * n + v] as number));
    route.earliest[i] = t;
    if (t > (due[v] as number) + 1e-9) feasible = false;
    prev = v;
  }
  // Setting off just in time for the first stop: its start less the drive there, not before the depot opens.
  const first = nodeAt(route, 1);
  const depart =
    len > 2
      ? Math.max(ready[0] as number, (route.earliest[1] as number) - (time[first] as number))
      : (ready[0] as number);
  const duration = len > 2 ? t - depart : 0;
  route.latest[len - 1] = due[0] as number;
  for (let i = len - 2; i >= 0; i--) {
    const v = nodeAt(route, i);
    const w = nodeAt(route, i + 1);
    route.latest[i] = Math.min(
      due[v] as number,
      (route.latest[i + 1] as number) - (service[v] as number) - (time[v * n + w] as number),
    );
  }
  route.load = load;
  route.distance = distance;
  route.duration = duration;
  if (inst.breaks) {
    if (len > 2) return scheduleBreaks(inst, route, inst.breaks);
    route.breach = 0;
  }
  return feasible;
}

/**
 * Inserts customer `u` at index `i` of `route.seq` where time decides nothing
 * ({@link isUntimed}), keeping load and distance as {@link refresh} would:
 * the added distance is added to the sum instead of summing the route again
 * (the same sum on integer distances, CVRPLIB's; otherwise equal up to rounding).
 */
export function insertUntimed(inst: VrpInstance, route: WorkRoute, u: number, i: number): void {
  const { n, dist, demand } = inst;
  const seq = route.seq;
  const p = i > 0 ? (seq[i - 1] as number) : 0;
  const q = i < seq.length ? (seq[i] as number) : 0;
  route.distance += (dist[p * n + u] as number) + (dist[u * n + q] as number) - (dist[p * n + q] as number);
  route.load += demand[u] as number;
  seq.splice(i, 0, u);
  const len = seq.length + 2;
  while (route.earliest.length < len) route.earliest.push(0);
  while (route.latest.length < len) route.latest.push(Number.POSITIVE_INFINITY);
}

/** An empty route for vehicle `vehicle` of type `type`. */
export function emptyRoute(type: number, vehicle: number): WorkRoute {
  return { type, vehicle, seq: [], fixed: 0, load: 0, distance: 0, duration: 0, earliest: [0, 0], latest: [0, 0] };
}

/** A copy that can be changed without touching the original. */
export function cloneRoute(r: WorkRoute): WorkRoute {
  return { ...r, seq: r.seq.slice(), earliest: r.earliest.slice(), latest: r.latest.slice() };
}

/**
 * The extra cost of inserting customer `u` after position `i` of the route
 * (0 = right after the depot), or Infinity when capacity, range or a time
 * window forbids it (under `instance.breaks`: with the breaks taken, or the
 * day's driving limit), or when `i` lies inside the route's fixed front. Opening
 * an empty route adds the vehicle's fixed cost. The time part counts the
 * drive and service added, not a change in waiting: a guide for where to
 * insert; the route's cost itself is {@link routeCost}.
 */
export function insertionCost(inst: VrpInstance, route: WorkRoute, u: number, i: number): number {
  const { n, dist, time, service, ready, due, demand } = inst;
  const vt = inst.vehicles[route.type];
  if (!vt || i < route.fixed) return Number.POSITIVE_INFINITY;
  if (route.load + (demand[u] as number) > vt.capacity + 1e-9) return Number.POSITIVE_INFINITY;
  const p = nodeAt(route, i);
  const q = nodeAt(route, i + 1);
  const dd = (dist[p * n + u] as number) + (dist[u * n + q] as number) - (dist[p * n + q] as number);
  if (route.distance + dd > vt.range + 1e-9) return Number.POSITIVE_INFINITY;
  const arriveU = Math.max(
    ready[u] as number,
    (route.earliest[i] as number) + (service[p] as number) + (time[p * n + u] as number),
  );
  if (arriveU > (due[u] as number) + 1e-9) return Number.POSITIVE_INFINITY;
  const arriveQ = arriveU + (service[u] as number) + (time[u * n + q] as number);
  if (arriveQ > (route.latest[i + 1] as number) + 1e-9) return Number.POSITIVE_INFINITY;
  if (inst.breaks && !fitsWithBreaks(inst, inst.breaks, route, u, i)) return Number.POSITIVE_INFINITY;
  const dt =
    (time[p * n + u] as number) + (service[u] as number) + (time[u * n + q] as number) - (time[p * n + q] as number);
  return vt.costPerDistance * dd + vt.costPerTime * dt + (route.seq.length === 0 ? vt.fixedCost : 0);
}

/**
 * The cost of a route by its vehicle type's rates ({@link tripCost}: working
 * time, waiting and breaks included); needs a refreshed route. Under
 * `instance.breaks` time outside the rules costs {@link BREACH_COST_PER_UNIT} more.
 */
export function routeCost(inst: VrpInstance, route: WorkRoute): number {
  if (route.seq.length === 0) return 0;
  const vt = inst.vehicles[route.type];
  if (!vt) return 0;
  const cost = tripCost(vt, route.distance, route.duration);
  return inst.breaks && route.breach ? cost + BREACH_COST_PER_UNIT * route.breach : cost;
}
