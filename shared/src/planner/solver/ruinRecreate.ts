/**
 * SISR's ruin and recreate (Christiaens & Vanden Berghe 2020) over plans that
 * share unchanged routes: slack-induced string removals near a random
 * customer, and greedy insertion with blinks in one of SISR's orders.
 */
import type { Rng } from "../../rng.js";
import type { VrpInstance } from "./instance.js";
import { emptyRoute, insertionCost, insertUntimed, refresh, type WorkRoute } from "./route.js";

/** SISR parameters: average removed customers, longest string. */
const AVG_REMOVED = 10;
const MAX_STRING = 10;

/**
 * A plan during the search. Routes are shared between plans and never
 * changed once shared: a plan changes a route only after taking its own copy
 * (see `own`), so keeping an earlier plan costs nothing.
 */
export interface State {
  routes: WorkRoute[];
  unassigned: number[];
  cost: number;
  /** Routes this plan may change in place. */
  owned: Set<WorkRoute>;
}

/** A uniform draw in [0, 1) from the search's Rng. */
export const uniform = (rng: Rng) => rng.int(0, 1_073_741_823) / 1_073_741_824;

/** A new plan that starts as `s` and shares its routes. */
export function derive(s: State): State {
  return { routes: s.routes.slice(), unassigned: s.unassigned.slice(), cost: s.cost, owned: new Set() };
}

/** The plan's own, changeable copy of route `r` (copied the first time). */
export function own(s: State, r: WorkRoute): WorkRoute {
  if (s.owned.has(r)) return r;
  const mine: WorkRoute = {
    type: r.type,
    vehicle: r.vehicle,
    seq: r.seq.slice(),
    fixed: r.fixed,
    load: r.load,
    distance: r.distance,
    duration: r.duration,
    earliest: r.earliest.slice(),
    latest: r.latest.slice(),
  };
  const i = s.routes.indexOf(r);
  if (i >= 0) s.routes[i] = mine;
  s.owned.add(mine);
  return mine;
}

/** Removes strings of customers from routes near a random seed customer; returns the removed customers. */
export function ruin(
  inst: VrpInstance,
  s: State,
  neighbours: Int32Array[],
  fixed: Set<number>,
  rng: Rng,
  routeOf: Int32Array,
): number[] {
  const routes = s.routes;
  routeOf.fill(-1);
  let customers = 0;
  for (let ri = 0; ri < routes.length; ri++) {
    const seq = (routes[ri] as WorkRoute).seq;
    for (let k = 0; k < seq.length; k++) routeOf[seq[k] as number] = ri;
    customers += seq.length;
  }
  if (customers === 0 || routes.length === 0) return [];
  const avgCard = customers / routes.length;
  const lsMax = Math.min(MAX_STRING, avgCard);
  const ksMax = (4 * AVG_REMOVED) / (1 + lsMax) - 1;
  const strings = Math.floor(uniform(rng) * ksMax) + 1;
  // The seed: the k-th planned customer, routes in order.
  let k = rng.int(0, customers - 1);
  let seed = 0;
  for (const r of routes) {
    if (k < r.seq.length) {
      seed = r.seq[k] as number;
      break;
    }
    k -= r.seq.length;
  }
  const removed: number[] = [];
  const ruined = new Uint8Array(routes.length);
  let ruinedCount = 0;
  const near = neighbours[seed] as Int32Array;
  for (let o = -1; o < near.length; o++) {
    if (ruinedCount >= strings) break;
    const c = o < 0 ? seed : (near[o] as number);
    const ri = routeOf[c] as number;
    if (ri < 0 || ruined[ri] || fixed.has(c)) continue;
    ruined[ri] = 1;
    ruinedCount++;
    const r = own(s, routes[ri] as WorkRoute);
    const maxLen = Math.min(r.seq.length, lsMax);
    const len = Math.floor(uniform(rng) * maxLen) + 1;
    const pos = r.seq.indexOf(c);
    const first = Math.max(0, Math.min(pos - rng.int(0, len - 1), r.seq.length - len));
    // The plan's own copy: the string leaves it in place.
    const seq = r.seq;
    let kept = first;
    for (let i = first; i < seq.length; i++) {
      const v = seq[i] as number;
      if (i < first + len && !fixed.has(v)) removed.push(v);
      else seq[kept++] = v;
    }
    seq.length = kept;
    refresh(inst, r);
  }
  return removed;
}

/**
 * Blinks: each insertion place is skipped independently with probability
 * `rate`. Rather than a draw per place, this draws how many places pass until
 * the next skip (geometric distribution) from a small xorshift32 generator
 * seeded from the search's Rng; the same distribution at a fraction of the draws.
 */
function blinker(rng: Rng, rate: number): () => number {
  let x = rng.int(1, 0x7fffffff) | 0;
  const logKeep = Math.log(1 - Math.min(rate, 0.999999));
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = ((x >>> 0) + 1) / 4294967297;
    return rate <= 0 ? Number.POSITIVE_INFINITY : Math.floor(Math.log(u) / logKeep);
  };
}

/**
 * Inserts customers one by one at their cheapest feasible place (each place
 * skipped with probability `blink`), using at most `maxRoutes` routes with
 * customers (a customer that fits nowhere then stays out).
 */
export function recreate(
  inst: VrpInstance,
  s: State,
  customers: number[],
  rng: Rng,
  blink: number,
  empties: WorkRoute[],
  maxRoutes = Number.POSITIVE_INFINITY,
): void {
  sortForInsertion(inst, customers, rng);
  const untimed = inst.untimed === true;
  const gap = blinker(rng, blink);
  let untilBlink = gap();
  s.unassigned = [];
  const usedCount = new Array<number>(inst.vehicles.length).fill(0);
  let open = 0;
  for (const r of s.routes) {
    usedCount[r.type] = (usedCount[r.type] as number) + 1;
    if (r.seq.length > 0) open++;
  }
  for (const u of customers) {
    const full = open >= maxRoutes;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestRoute: WorkRoute | null = null;
    let bestPos = 0;
    const demand = inst.demand[u] as number;
    const { n, dist, time, service, ready, due } = inst;
    const rowU = u * n;
    const readyU = ready[u] as number;
    const dueU = (due[u] as number) + 1e-9;
    const serviceU = service[u] as number;
    for (const r of s.routes) {
      const vt = inst.vehicles[r.type];
      // A full vehicle has no place at all: skip its positions.
      if (!vt || r.load + demand > vt.capacity + 1e-9 || (full && r.seq.length === 0)) continue;
      if (untimed) {
        // No windows, range or time cost: every place fits and costs its added distance.
        const seq = r.seq;
        const len = seq.length;
        const opening = len === 0 ? vt.fixedCost : 0;
        const rate = vt.costPerDistance;
        let p = r.fixed > 0 ? (seq[r.fixed - 1] as number) : 0;
        for (let i = r.fixed; i <= len; i++) {
          const q = i < len ? (seq[i] as number) : 0;
          if (untilBlink-- === 0) {
            untilBlink = gap();
            p = q;
            continue;
          }
          const rowP = p * n;
          const c =
            rate * ((dist[rowP + u] as number) + (dist[rowU + q] as number) - (dist[rowP + q] as number)) + opening;
          if (c < bestCost) {
            bestCost = c;
            bestRoute = r;
            bestPos = i;
          }
          p = q;
        }
        continue;
      }
      // The same test as insertionCost, inlined: this loop is most of the search's time.
      const seq = r.seq;
      const len = seq.length;
      const opening = len === 0 ? vt.fixedCost : 0;
      const { earliest, latest } = r;
      // Nothing goes before or between the fixed stops at the front.
      const from = r.fixed;
      let p = from > 0 ? (seq[from - 1] as number) : 0;
      for (let i = from; i <= len; i++) {
        const q = i < len ? (seq[i] as number) : 0;
        if (untilBlink-- === 0) {
          untilBlink = gap();
          p = q;
          continue;
        }
        const rowP = p * n;
        const dd = (dist[rowP + u] as number) + (dist[rowU + q] as number) - (dist[rowP + q] as number);
        if (r.distance + dd <= vt.range + 1e-9) {
          const arriveU = Math.max(
            readyU,
            (earliest[i] as number) + (service[p] as number) + (time[rowP + u] as number),
          );
          if (arriveU <= dueU && arriveU + serviceU + (time[rowU + q] as number) <= (latest[i + 1] as number) + 1e-9) {
            const dt = (time[rowP + u] as number) + serviceU + (time[rowU + q] as number) - (time[rowP + q] as number);
            const c = vt.costPerDistance * dd + vt.costPerTime * dt + opening;
            if (c < bestCost) {
              bestCost = c;
              bestRoute = r;
              bestPos = i;
            }
          }
        }
        p = q;
      }
    }
    let openType = -1;
    for (let type = 0; type < inst.vehicles.length && !full; type++) {
      if ((usedCount[type] as number) >= (inst.vehicles[type] as VrpInstance["vehicles"][number]).count) continue;
      const c = insertionCost(inst, empties[type] as WorkRoute, u, 0);
      if (c < bestCost) {
        bestCost = c;
        openType = type;
      }
    }
    if (openType >= 0) {
      // The lowest vehicle number of that type not in use.
      const taken = new Set<number>();
      for (const r of s.routes) if (r.type === openType) taken.add(r.vehicle);
      let vehicle = 0;
      while (taken.has(vehicle)) vehicle++;
      usedCount[openType] = (usedCount[openType] as number) + 1;
      const fresh = emptyRoute(openType, vehicle);
      fresh.seq.push(u);
      refresh(inst, fresh);
      s.routes.push(fresh);
      s.owned.add(fresh);
      open++;
      continue;
    }
    if (!bestRoute) {
      s.unassigned.push(u);
      continue;
    }
    if (bestRoute.seq.length === 0) open++;
    const target = own(s, bestRoute);
    if (untimed) insertUntimed(inst, target, u, bestPos);
    else {
      target.seq.splice(bestPos, 0, u);
      refresh(inst, target);
    }
  }
}

/**
 * SISR's insertion orders: random (weight 4), largest demand (4), farthest
 * from the depot (2), closest (1). The three by key are a stable insertion
 * sort (ties keep their order, as `Array.prototype.sort` keeps them): about
 * ten customers, and no comparator to create per call.
 */
export function sortForInsertion(inst: VrpInstance, customers: number[], rng: Rng): void {
  const pick = rng.int(0, 10);
  if (pick < 4) {
    for (let i = customers.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [customers[i], customers[j]] = [customers[j] as number, customers[i] as number];
    }
    return;
  }
  // Ascending by sign * key: demand and the distance from the depot (row 0 of dist) descending, or that distance ascending.
  const key = pick < 8 ? inst.demand : inst.dist;
  const sign = pick < 10 ? -1 : 1;
  for (let i = 1; i < customers.length; i++) {
    const c = customers[i] as number;
    const k = sign * (key[c] as number);
    let j = i - 1;
    while (j >= 0 && sign * (key[customers[j] as number] as number) > k) {
      customers[j + 1] = customers[j] as number;
      j--;
    }
    customers[j + 1] = c;
  }
}
