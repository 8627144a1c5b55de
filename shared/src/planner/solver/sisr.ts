import { createRng, type Rng } from "../../rng.js";
import type { VrpInstance, VrpSolution } from "./instance.js";
import { localSearch, type LocalSearchOptions } from "./localSearch.js";
import { emptyRoute, insertionCost, refresh, routeCost, type WorkRoute } from "./route.js";

/** How the search runs. Time comes from the caller's clock, so this module never reads one. */
export interface SolveOptions {
  seed: number;
  /** Stop after this long (ms by `now`); needs `now`. */
  timeLimitMs?: number;
  /** A monotonic clock in ms (e.g. performance.now), given by the caller. */
  now?: () => number;
  /** Stop after this many ruin-and-recreate iterations (for runs that must not depend on machine speed). */
  maxIterations?: number;
  /** Called once with the first plan (the construction), complete or not. */
  onFirst?: (solution: VrpSolution) => void;
  /** Called once with the first plan that leaves no customer out. */
  onFeasible?: (solution: VrpSolution) => void;
}

/**
 * Cost charged per customer left unplanned during the search: a few times a
 * return trip from the depot, so a tight fleet can pass through incomplete
 * plans; the best plan kept is always the most complete one.
 */
const UNASSIGNED_FACTOR = 3;
/** Growth of a left-out customer's penalty per iteration it stays out. */
const PENALTY_GROWTH = 0.002;
/** A left-out customer's penalty grows to at most this many times its start (keeps costs finite on long runs). */
const PENALTY_MAX_FACTOR = 1_000;
/** SISR parameters (Christiaens & Vanden Berghe 2020): average removed customers, longest string, blink rate. */
const AVG_REMOVED = 10;
const MAX_STRING = 10;
const BLINK = 0.01;
/**
 * Simulated-annealing temperatures, start and end, as multiples of the mean
 * distance between a customer and its nearest neighbour (SISR's 100 and 1 fit
 * the X set's scale; scaling makes them fit any instance). 0.75 measured best
 * at 1 s with the local search (over 0.25, 0.5, 1 and 2; docs/planner.md).
 */
const T_START_FACTOR = 0.75;
const T_END_FACTOR = T_START_FACTOR / 20;
/** Local search on every new best plan: neighbours tried per customer, and a bound on moves per call. */
const LOCAL_SEARCH: LocalSearchOptions = { granularity: 20, maxMoves: 1_000 };

/**
 * A plan during the search. Routes are shared between plans and never
 * changed once shared: a plan changes a route only after taking its own copy
 * (see `own`), so keeping an earlier plan costs nothing.
 */
interface State {
  routes: WorkRoute[];
  unassigned: number[];
  cost: number;
  /** Routes this plan may change in place. */
  owned: Set<WorkRoute>;
}

const uniform = (rng: Rng) => rng.int(0, 1_073_741_823) / 1_073_741_824;

/**
 * Solves a vehicle-routing instance (capacity, time windows, mixed fleet,
 * range, fixed customers) with slack-induced string removals and greedy
 * insertion with blinks, accepted by simulated annealing (SISR). Starts from
 * a greedy insertion of every customer; deterministic for a seed and an
 * iteration cap; stops at the time limit or the cap, whichever comes first.
 * Fixed customers stay at the front of their vehicle's route in the given
 * order, and nothing is inserted before or between them: the route returned
 * is the route checked. A customer no vehicle could serve even on its own
 * (capacity, range or window) is left out from the start. Cost is
 * `tripCost` (cost.ts) per route: working time, waiting included, as the game evaluates it.
 */
export function solveVrp(inst: VrpInstance, options: SolveOptions): VrpSolution {
  const rng = createRng(options.seed);
  const neighbours = nearestNeighbours(inst);
  const fixed = new Set((inst.fixed ?? []).map((f) => f.customer));
  const penalty = new Float64Array(inst.n);
  for (let c = 1; c < inst.n; c++) {
    const vt = inst.vehicles[0];
    penalty[c] = UNASSIGNED_FACTOR * 2 * (inst.dist[c] as number) * (vt?.costPerDistance ?? 1) + 1;
  }
  const penaltyMax = penalty.map((p) => p * PENALTY_MAX_FACTOR);
  const start: State = { routes: [], unassigned: [], cost: 0, owned: new Set() };
  for (const f of inst.fixed ?? []) {
    let r = start.routes.find((x) => x.type === f.vehicleType && x.vehicle === f.vehicle);
    if (!r) start.routes.push((r = emptyRoute(f.vehicleType, f.vehicle)));
    r.seq.push(f.customer);
  }
  for (const r of start.routes) {
    r.fixed = r.seq.length;
    refresh(inst, r);
  }
  // One empty route per vehicle type, to price opening a vehicle.
  const empties = inst.vehicles.map((_, type) => {
    const e = emptyRoute(type, 0);
    refresh(inst, e);
    return e;
  });
  // A customer no vehicle type can serve even alone can be served by no plan: it stays out of the search.
  const unservable: number[] = [];
  const free: number[] = [];
  for (let c = 1; c < inst.n; c++) {
    if (fixed.has(c)) continue;
    const alone = inst.vehicles.some(
      (vt, type) => vt.count > 0 && Number.isFinite(insertionCost(inst, empties[type] as WorkRoute, c, 0)),
    );
    if (alone) free.push(c);
    else unservable.push(c);
  }
  free.sort((a, b) => (inst.dist[b] as number) - (inst.dist[a] as number));
  const routeOf = new Int32Array(inst.n);
  recreate(inst, start, free, rng, 0, empties);
  score(inst, start, penalty);
  const solution = (s: State) => toSolution(inst, s, unservable);
  /** The plan after local search (itself when no move helps). */
  const improve = (s: State): State => {
    const ls = localSearch(inst, s.routes, neighbours, LOCAL_SEARCH);
    if (!ls) return s;
    const out: State = { routes: ls.routes, unassigned: s.unassigned.slice(), cost: 0, owned: new Set() };
    score(inst, out, penalty);
    return out;
  };
  let current = improve(start);
  let best = current;
  options.onFirst?.(solution(best));
  let feasibleSeen = best.unassigned.length === 0;
  if (feasibleSeen) options.onFeasible?.(solution(best));
  let nn = 0;
  for (let c = 1; c < inst.n; c++) nn += inst.dist[c * inst.n + (neighbours[c]?.[0] ?? c)] as number;
  const scale = Math.max(1e-9, nn / Math.max(1, inst.n - 1)) * (inst.vehicles[0]?.costPerDistance ?? 1);
  const tStart = T_START_FACTOR * scale;
  const tEnd = T_END_FACTOR * scale;
  const t0 = options.now?.() ?? 0;
  const limit = options.timeLimitMs ?? Number.POSITIVE_INFINITY;
  const maxIter = options.maxIterations ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(maxIter) && !(Number.isFinite(limit) && options.now))
    throw new RangeError("give timeLimitMs (with now) or maxIterations");
  for (let iter = 0; iter < maxIter; iter++) {
    let progress = Number.isFinite(maxIter) ? iter / maxIter : 0;
    if (options.now && Number.isFinite(limit) && (iter & 15) === 0) {
      const elapsed = options.now() - t0;
      if (elapsed >= limit) break;
      progress = Math.max(progress, elapsed / limit);
    }
    const temperature = tStart * Math.pow(tEnd / tStart, progress);
    // A customer that stays out costs more every time, so a tight fleet is pushed to take it; the current plan
    // and the candidate are then priced with the same penalties.
    for (const u of current.unassigned) {
      const grown = Math.min((penalty[u] as number) * (1 + PENALTY_GROWTH), penaltyMax[u] as number);
      current.cost += grown - (penalty[u] as number);
      penalty[u] = grown;
    }
    const next = derive(current);
    const removed = ruin(inst, next, neighbours, fixed, rng, routeOf);
    for (const u of next.unassigned) removed.push(u);
    recreate(inst, next, removed, rng, BLINK, empties);
    score(inst, next, penalty);
    if (next.cost < current.cost - temperature * Math.log(uniform(rng) || 1e-12)) {
      current = next;
      const better =
        current.unassigned.length < best.unassigned.length ||
        (current.unassigned.length === best.unassigned.length && current.cost < best.cost - 1e-9);
      if (better) best = improve(current);
      if (!feasibleSeen && best.unassigned.length === 0) {
        feasibleSeen = true;
        options.onFeasible?.(solution(best));
      }
    }
  }
  return solution(best);
}

/** A new plan that starts as `s` and shares its routes. */
function derive(s: State): State {
  return { routes: s.routes.slice(), unassigned: s.unassigned.slice(), cost: s.cost, owned: new Set() };
}

/** The plan's own, changeable copy of route `r` (copied the first time). */
function own(s: State, r: WorkRoute): WorkRoute {
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

function score(inst: VrpInstance, s: State, penalty: Float64Array): void {
  s.routes = s.routes.filter((r) => r.seq.length > 0);
  let cost = 0;
  for (const u of s.unassigned) cost += penalty[u] as number;
  for (const r of s.routes) cost += routeCost(inst, r);
  s.cost = cost;
}

function toSolution(inst: VrpInstance, s: State, unservable: readonly number[]): VrpSolution {
  const routes = s.routes.filter((r) => r.seq.length > 0);
  return {
    routes: routes.map((r) => ({ vehicleType: r.type, vehicle: r.vehicle, customers: r.seq.slice() })),
    unassigned: [...s.unassigned, ...unservable].sort((a, b) => a - b),
    cost: routes.reduce((sum, r) => sum + routeCost(inst, r), 0),
    distance: routes.reduce((sum, r) => sum + r.distance, 0),
  };
}

function nearestNeighbours(inst: VrpInstance): Int32Array[] {
  const out: Int32Array[] = [];
  for (let c = 0; c < inst.n; c++) {
    const others: number[] = [];
    for (let o = 1; o < inst.n; o++) if (o !== c) others.push(o);
    others.sort((a, b) => (inst.dist[c * inst.n + a] as number) - (inst.dist[c * inst.n + b] as number));
    out.push(Int32Array.from(others));
  }
  return out;
}

/** Removes strings of customers from routes near a random seed customer; returns the removed customers. */
function ruin(
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
    const keep: number[] = [];
    const seq = r.seq;
    for (let i = 0; i < seq.length; i++) {
      const v = seq[i] as number;
      if (i >= first && i < first + len && !fixed.has(v)) removed.push(v);
      else keep.push(v);
    }
    r.seq = keep;
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

/** Inserts customers one by one at their cheapest feasible place (each place skipped with probability `blink`). */
function recreate(
  inst: VrpInstance,
  s: State,
  customers: number[],
  rng: Rng,
  blink: number,
  empties: WorkRoute[],
): void {
  sortForInsertion(inst, customers, rng);
  const gap = blinker(rng, blink);
  let untilBlink = gap();
  s.unassigned = [];
  const usedCount = new Array<number>(inst.vehicles.length).fill(0);
  for (const r of s.routes) usedCount[r.type] = (usedCount[r.type] as number) + 1;
  for (const u of customers) {
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
      if (!vt || r.load + demand > vt.capacity + 1e-9) continue;
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
    for (let type = 0; type < inst.vehicles.length; type++) {
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
      continue;
    }
    if (!bestRoute) {
      s.unassigned.push(u);
      continue;
    }
    const target = own(s, bestRoute);
    target.seq.splice(bestPos, 0, u);
    refresh(inst, target);
  }
}

/** SISR's insertion orders: random (weight 4), largest demand (4), farthest from the depot (2), closest (1). */
function sortForInsertion(inst: VrpInstance, customers: number[], rng: Rng): void {
  const pick = rng.int(0, 10);
  if (pick < 4) {
    for (let i = customers.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [customers[i], customers[j]] = [customers[j] as number, customers[i] as number];
    }
  } else if (pick < 8) customers.sort((a, b) => (inst.demand[b] as number) - (inst.demand[a] as number));
  else if (pick < 10) customers.sort((a, b) => (inst.dist[b] as number) - (inst.dist[a] as number));
  else customers.sort((a, b) => (inst.dist[a] as number) - (inst.dist[b] as number));
}
