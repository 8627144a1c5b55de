import { createRng } from "../../rng.js";
import type { VrpInstance, VrpSolution } from "./instance.js";
import { budget } from "./budget.js";
import { localSearch, settledRoutes, type LocalSearchOptions } from "./localSearch.js";
import { emptyRoute, insertionCost, isUntimed, refresh, routeCost, type WorkRoute } from "./route.js";
import { derive, recreate, ruin, uniform, type State } from "./ruinRecreate.js";

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
/** SISR's blink rate (Christiaens & Vanden Berghe 2020): each insertion place is skipped with this probability. */
const BLINK = 0.01;
/**
 * Simulated-annealing temperatures, start and end, as multiples of the mean
 * distance between a customer and its nearest neighbour (scaling makes them
 * fit any instance). Cooling from 1.5 to 0.5 measured best at 50,000
 * iterations over 0.75 to 0.0375 (SISR's ratio of 100 to 1), 0.75 throughout,
 * 0.75 to 0.375, 1 to 0.5 and 2.5 to 0.5 (docs/planner.md).
 */
const T_START_FACTOR = 1.5;
const T_END_FACTOR = 0.5;
/**
 * The fleet squeeze: from this point of the search (a share of the budget),
 * for {@link SQUEEZE_LENGTH} of it, the walk goes on from the best plan less
 * its smallest route, that route's customers left out, and may use no more
 * routes than that. Ruin and recreate alone rarely empty a whole route
 * (Solomon C203 stayed on 4 routes, 617.8, where 3 make 588.7). When by the
 * end the walk has taken in every customer and costs no more than the walk
 * it interrupted, it goes on from there (and squeezes again, up to
 * {@link SQUEEZE_UNTIL}); otherwise that walk is taken up again. Either way
 * the left-out penalties are set back to what they were. Not when the best
 * plan uses every vehicle (measured: CVRPLIB P at 50,000 iterations 0.25 %
 * without, 0.49 % with).
 */
const SQUEEZE_FROM = 0.3;
const SQUEEZE_LENGTH = 0.15;
const SQUEEZE_UNTIL = 0.6;
/** Local search on every new best plan: neighbours tried per customer, and a bound on moves per call. */
const LOCAL_SEARCH: LocalSearchOptions = { granularity: 20, maxMoves: 1_000 };
/**
 * The same with the swap, while the best plan uses every vehicle: measured on
 * CVRPLIB P with the walk polished (below) mean gap 0.113 -> 0.080 %; on X (fleet
 * unlimited) 0.64 / 0.63 -> 0.65 / 0.69 % (docs/planner.md). Each customer to its
 * cheapest place in the other's route besides in place (SWAP*): on the 13 P
 * instances not solved in every run, 120,000 iterations, seeds 1-16, mean gap
 * 0.139 -> 0.103 % of the set, 8 % more CPU (docs/planner.md).
 */
const LOCAL_SEARCH_SWAP: LocalSearchOptions = { ...LOCAL_SEARCH, swap: true };
/**
 * Where time decides nothing ({@link isUntimed}: CVRPLIB) and the best plan
 * uses every vehicle (a binding fleet, where the squeeze does not run), the
 * walk's own plan goes through the local search every this many iterations
 * and the walk goes on from the result. Every 1,000, 300 and 100 iterations
 * measured on CVRPLIB P at 250,000 iterations: 300 best at equal CPU time
 * (docs/planner.md).
 */
const POLISH_WALK_EVERY = 300;

/**
 * Solves a vehicle-routing instance (capacity, time windows, mixed fleet,
 * range, fixed customers) with slack-induced string removals and greedy
 * insertion with blinks, accepted by simulated annealing (SISR), with a
 * fleet squeeze part-way ({@link SQUEEZE_FROM}) and, where time decides
 * nothing and the fleet binds, the walk's plan polished by the local search every
 * {@link POLISH_WALK_EVERY} iterations. Starts from
 * a greedy insertion of every customer; deterministic for a seed and an
 * iteration cap; stops at the time limit or the cap, whichever comes first.
 * Fixed customers stay at the front of their vehicle's route in the given
 * order, and nothing is inserted before or between them: the route returned
 * is the route checked. A customer no vehicle could serve even on its own
 * (capacity, range or window) is left out from the start. Cost is
 * `tripCost` (cost.ts) per route: working time, waiting included, as the game evaluates it.
 */
export function solveVrp(problem: VrpInstance, options: SolveOptions): VrpSolution {
  const rng = createRng(options.seed);
  // Whether time decides anything in this instance, once per solve (refresh and recreate read the flag).
  const inst: VrpInstance = { ...problem, untimed: isUntimed(problem) };
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
  // Routes a local search left with no move to make (the walk's plan shares most of its routes between polishes).
  const settled = settledRoutes();
  const settledSwap = settledRoutes();
  const fleet = inst.vehicles.reduce((a, vt) => a + vt.count, 0);
  /** The plan after local search (itself when no move helps); with the swap when `full` (every vehicle used). */
  const improve = (s: State, full: boolean): State => {
    const ls = full
      ? localSearch(inst, s.routes, neighbours, LOCAL_SEARCH_SWAP, settledSwap)
      : localSearch(inst, s.routes, neighbours, LOCAL_SEARCH, settled);
    if (!ls) return s;
    const out: State = { routes: ls.routes, unassigned: s.unassigned.slice(), cost: 0, owned: new Set() };
    score(inst, out, penalty);
    return out;
  };
  let current = improve(start, start.routes.length >= fleet);
  let best = current;
  options.onFirst?.(solution(best));
  let feasibleSeen = best.unassigned.length === 0;
  if (feasibleSeen) options.onFeasible?.(solution(best));
  let nn = 0;
  for (let c = 1; c < inst.n; c++) nn += inst.dist[c * inst.n + (neighbours[c]?.[0] ?? c)] as number;
  const scale = Math.max(1e-9, nn / Math.max(1, inst.n - 1)) * (inst.vehicles[0]?.costPerDistance ?? 1);
  const tStart = T_START_FACTOR * scale;
  const tEnd = T_END_FACTOR * scale;
  const progressAt = budget(options);
  /** Most routes the walk may use (fewer in a squeeze); the walk and penalties from before it; the next squeeze's start or end. */
  let maxRoutes = Number.POSITIVE_INFINITY;
  let beforeSqueeze: State | null = null;
  const penaltyBefore = new Float64Array(inst.n);
  let squeezeAt = SQUEEZE_FROM;
  for (let iter = 0; ; iter++) {
    const progress = progressAt(iter);
    if (progress === null) break;
    if (beforeSqueeze && progress >= squeezeAt) {
      if (current.unassigned.length > 0 || current.cost > beforeSqueeze.cost) {
        current = beforeSqueeze;
        squeezeAt = Number.POSITIVE_INFINITY;
      }
      beforeSqueeze = null;
      maxRoutes = Number.POSITIVE_INFINITY;
      penalty.set(penaltyBefore);
    }
    if (!beforeSqueeze && progress >= squeezeAt) {
      const squeezed = progress < SQUEEZE_UNTIL ? withoutSmallestRoute(inst, best, penalty) : null;
      if (squeezed) {
        beforeSqueeze = current;
        penaltyBefore.set(penalty);
        current = squeezed;
        maxRoutes = squeezed.routes.length;
        squeezeAt = progress + SQUEEZE_LENGTH;
      } else squeezeAt = Number.POSITIVE_INFINITY;
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
    recreate(inst, next, removed, rng, BLINK, empties, maxRoutes);
    score(inst, next, penalty);
    if (next.cost < current.cost - temperature * Math.log(uniform(rng) || 1e-12)) {
      current = next;
      if (beats(current, best)) best = improve(current, current.routes.length >= fleet);
      if (!feasibleSeen && best.unassigned.length === 0) {
        feasibleSeen = true;
        options.onFeasible?.(solution(best));
      }
    }
    if (inst.untimed && iter % POLISH_WALK_EVERY === POLISH_WALK_EVERY - 1 && best.routes.length >= fleet) {
      const polished = improve(current, true);
      if (polished !== current) {
        current = polished;
        if (beats(current, best)) best = current;
      }
    }
  }
  return solution(best);
}

/**
 * `best` less its route with the fewest customers (left out), or null when
 * `best` is incomplete, has one route, or uses every vehicle (a fleet that
 * tight already makes the walk pass through plans that leave customers out).
 */
/** Whether plan `a` is better than `b`: fewer customers left out, or as many at a lower cost. */
function beats(a: State, b: State): boolean {
  return (
    a.unassigned.length < b.unassigned.length || (a.unassigned.length === b.unassigned.length && a.cost < b.cost - 1e-9)
  );
}

function withoutSmallestRoute(inst: VrpInstance, best: State, penalty: Float64Array): State | null {
  const fleet = inst.vehicles.reduce((a, vt) => a + vt.count, 0);
  if (best.unassigned.length > 0 || best.routes.length < 2 || best.routes.length >= fleet) return null;
  let smallest: WorkRoute | null = null;
  for (const r of best.routes) if (r.fixed === 0 && (!smallest || r.seq.length < smallest.seq.length)) smallest = r;
  if (!smallest) return null;
  const out: State = {
    routes: best.routes.filter((r) => r !== smallest),
    unassigned: smallest.seq.slice(),
    cost: 0,
    owned: new Set(),
  };
  score(inst, out, penalty);
  return out;
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
