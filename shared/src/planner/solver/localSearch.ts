import type { VrpInstance } from "./instance.js";
import { insertionCost, refresh, routeCost, type WorkRoute } from "./route.js";

/**
 * Local search over a plan's routes, to reshape what ruin-and-recreate
 * cannot: long routes (few vehicles, wide windows) need their order changed
 * in place. Moves, tried around each customer's nearest neighbours
 * (granular, Toth & Vigo 2003, as in HGS-CVRP): relocate a customer next to
 * a neighbour (any route), optionally swap a customer and a neighbour in
 * another route (each takes the other's place, or each goes to its cheapest
 * place in the other's route, SWAP* as in Vidal 2022: open where a full
 * vehicle leaves no room for a relocate), 2-opt* (swap the tails of two routes after a
 * customer and its neighbour) and, inside a route, 2-opt (reverse a stretch)
 * and or-opt (move a stretch of up to {@link OR_OPT_MAX} stops); and a route
 * may be done away with: its stops inserted, cheapest first, into the other
 * routes (two half-routes of one cluster become one). A move is
 * first priced by distance in O(1) and, when that promises a gain, checked in
 * full (capacity, range, windows) and priced by the routes' real cost; the
 * first move that lowers the cost is made. Fixed fronts (stops driven) are
 * never touched or split. Input routes are never changed: changed routes
 * come back as new objects.
 */
export interface LocalSearchOptions {
  /** Neighbours per customer to try (nearest first). */
  granularity: number;
  /** Stop after this many moves made (a bound on the time one call may take). */
  maxMoves: number;
  /**
   * Whether to try the swap of a customer and a neighbour in another route,
   * in place and, where time decides nothing (`instance.untimed`), each to its
   * cheapest place in the other's route (default: not).
   */
  swap?: boolean;
}

/**
 * Routes that came out of a local search with no move left, by the call
 * that settled them together: a move inside one of them, or between two
 * settled by the same call, cannot lower the cost.
 */
export interface SettledRoutes {
  ids: WeakMap<WorkRoute, number>;
  /** The last call's number (0: none yet). */
  last: number;
}

/** An empty {@link SettledRoutes}. */
export const settledRoutes = (): SettledRoutes => ({ ids: new WeakMap(), last: 0 });

/** Routes (shortest first) a local search tries to do away with, once per call. */
const ELIMINATE_TRIES = 2;
/** Longest stretch or-opt moves inside a route. */
const OR_OPT_MAX = 3;
/** A move must lower the cost by more than this to count (floating-point noise). */
const EPS = 1e-7;

/**
 * Improves `routes` by the moves above until none lowers the cost (or
 * `maxMoves` were made). Returns the new routes and their total cost gain,
 * or null when no move helped. `settled`, when given, holds routes that came
 * out of an earlier call with the same options that ended with no move left
 * (routes are never changed in place): moves inside one of them, or between
 * two that one call settled together, are not tried again (none can lower
 * the cost), so the result is the same as without it; this call marks its
 * routes as settled together when it ends so.
 */
export function localSearch(
  inst: VrpInstance,
  routes: readonly WorkRoute[],
  neighbours: readonly Int32Array[],
  options: LocalSearchOptions,
  settled?: SettledRoutes,
): { routes: WorkRoute[]; gain: number } | null {
  const work = routes.slice();
  let gain = 0;
  let moves = 0;
  const where = new Int32Array(inst.n).fill(-1);
  const pos = new Int32Array(inst.n);
  // Per index in `work`: the call that settled that route, 0 when none did.
  let known = new Int32Array(work.length);
  const index = () => {
    where.fill(-1);
    if (known.length !== work.length) known = new Int32Array(work.length);
    for (let ri = 0; ri < work.length; ri++) {
      known[ri] = settled?.ids.get(work[ri] as WorkRoute) ?? 0;
      const seq = (work[ri] as WorkRoute).seq;
      for (let i = 0; i < seq.length; i++) {
        where[seq[i] as number] = ri;
        pos[seq[i] as number] = i;
      }
    }
  };
  index();
  let improved = true;
  let passes = 0;
  while (improved && moves < options.maxMoves) {
    improved = false;
    const g = passes++ === 0 ? eliminateRoute(inst, work) : 0;
    if (g > 0) {
      gain += g;
      moves++;
      improved = true;
      index();
    }
    for (let ri = 0; ri < work.length && moves < options.maxMoves; ri++) {
      if (known[ri] !== 0) continue;
      const g = intraRoute(inst, work, ri);
      if (g > 0) {
        gain += g;
        moves++;
        improved = true;
        known[ri] = 0;
        const seq = (work[ri] as WorkRoute).seq;
        for (let i = 0; i < seq.length; i++) pos[seq[i] as number] = i;
      }
    }
    for (let u = 1; u < inst.n && moves < options.maxMoves; u++) {
      const g = aroundCustomer(inst, work, where, pos, known, neighbours[u] as Int32Array, u, options);
      if (g > 0) {
        gain += g;
        moves++;
        improved = true;
        index();
      }
    }
  }
  if (settled && !improved) {
    const id = ++settled.last;
    for (const r of work) settled.ids.set(r, id);
  }
  return gain > EPS ? { routes: work.filter((r) => r.seq.length > 0), gain } : null;
}

/** Where {@link cheapestWithout} found the cheapest place (an index into the sequence less the skipped stop). */
let cheapestAt = 0;

/**
 * The least distance added by inserting `x` into `seq` less its stop at
 * index `skip`, never inside the first `fixed` stops; the place is left in
 * {@link cheapestAt} (no allocation: this runs for every swap tried).
 */
function cheapestWithout(inst: VrpInstance, seq: readonly number[], fixed: number, skip: number, x: number): number {
  const { n, dist } = inst;
  const len = seq.length - 1;
  let best = Number.POSITIVE_INFINITY;
  let p = fixed > 0 ? (seq[fixed - 1] as number) : 0;
  for (let j = fixed; j <= len; j++) {
    const q = j < len ? (seq[j < skip ? j : j + 1] as number) : 0;
    const c = (dist[p * n + x] as number) + (dist[x * n + q] as number) - (dist[p * n + q] as number);
    if (c < best) {
      best = c;
      cheapestAt = j;
    }
    p = q;
  }
  return best;
}

const d = (inst: VrpInstance, a: number, b: number) => inst.dist[a * inst.n + b] as number;
/** Node at index `i` of a route's customers, the depot (0) outside them. */
const at = (seq: readonly number[], i: number) => (i < 0 || i >= seq.length ? 0 : (seq[i] as number));

/** A route of `like`'s vehicle with `seq`, or null when it breaks capacity, range or a window. */
function build(inst: VrpInstance, like: WorkRoute, seq: number[]): WorkRoute | null {
  const vt = inst.vehicles[like.type];
  if (!vt) return null;
  const r: WorkRoute = { ...like, seq, earliest: [], latest: [] };
  if (!refresh(inst, r)) return null;
  if (r.load > vt.capacity + 1e-9 || r.distance > vt.range + 1e-9) return null;
  return r;
}

/** Tries replacing route(s) by candidates; makes the change when the cost drops. Returns the gain (0: not made). */
function tryReplace(inst: VrpInstance, work: WorkRoute[], at: number[], candidates: (WorkRoute | null)[]): number {
  if (candidates.some((c) => c === null)) return 0;
  const before = at.reduce((a, i) => a + routeCost(inst, work[i] as WorkRoute), 0);
  const after = (candidates as WorkRoute[]).reduce((a, r) => a + routeCost(inst, r), 0);
  if (after >= before - EPS) return 0;
  at.forEach((i, k) => (work[i] = candidates[k] as WorkRoute));
  return before - after;
}

/** One improving 2-opt or or-opt move inside route `ri` (first found); returns its gain or 0. */
function intraRoute(inst: VrpInstance, work: WorkRoute[], ri: number): number {
  const r = work[ri] as WorkRoute;
  const s = r.seq;
  const len = s.length;
  // 2-opt: reverse s[i..j].
  for (let i = r.fixed; i < len - 1; i++) {
    for (let j = i + 1; j < len; j++) {
      const delta =
        d(inst, at(s, i - 1), at(s, j)) +
        d(inst, at(s, i), at(s, j + 1)) -
        d(inst, at(s, i - 1), at(s, i)) -
        d(inst, at(s, j), at(s, j + 1));
      if (delta >= -EPS) continue;
      const seq = [...s.slice(0, i), ...s.slice(i, j + 1).reverse(), ...s.slice(j + 1)];
      const g = tryReplace(inst, work, [ri], [build(inst, r, seq)]);
      if (g > 0) return g;
    }
  }
  // Or-opt: move s[i..i+L-1] to after position k (k = -1: to the front of the open part).
  for (let L = 1; L <= OR_OPT_MAX; L++) {
    for (let i = r.fixed; i + L <= len; i++) {
      const a = at(s, i - 1);
      const first = at(s, i);
      const last = at(s, i + L - 1);
      const b = at(s, i + L);
      const removed = d(inst, a, first) + d(inst, last, b) - d(inst, a, b);
      for (let k = r.fixed - 1; k < len; k++) {
        if (k >= i - 1 && k < i + L) continue;
        const p = at(s, k);
        const q = at(s, k + 1);
        const added = d(inst, p, first) + d(inst, last, q) - d(inst, p, q);
        if (added - removed >= -EPS) continue;
        const rest = [...s.slice(0, i), ...s.slice(i + L)];
        const cut = k < i ? k + 1 : k + 1 - L;
        const seq = [...rest.slice(0, cut), ...s.slice(i, i + L), ...rest.slice(cut)];
        const g = tryReplace(inst, work, [ri], [build(inst, r, seq)]);
        if (g > 0) return g;
      }
    }
  }
  return 0;
}

/**
 * One improving relocate, swap or 2-opt* move of customer `u` towards one of its
 * neighbours; returns its gain or 0. `where` and `pos` give each planned
 * customer's route and index in it, `known` which call settled each route
 * (by index, 0: none): no move between two routes settled together is tried.
 */
function aroundCustomer(
  inst: VrpInstance,
  work: WorkRoute[],
  where: Int32Array,
  pos: Int32Array,
  known: Int32Array,
  near: Int32Array,
  u: number,
  options: LocalSearchOptions,
): number {
  const ru = where[u] as number;
  if (ru < 0) return 0;
  const uKnown = known[ru] as number;
  const A = work[ru] as WorkRoute;
  const sa = A.seq;
  const iu = pos[u] as number;
  if (iu < A.fixed) return 0;
  const { n, dist } = inst;
  const rowU = u * n;
  const uPrev = at(sa, iu - 1);
  const uNext = at(sa, iu + 1);
  const removeGain =
    (dist[uPrev * n + u] as number) + (dist[rowU + uNext] as number) - (dist[uPrev * n + uNext] as number);
  const kMax = Math.min(options.granularity, near.length);
  const swap = options.swap === true;
  for (let k = 0; k < kMax; k++) {
    const v = near[k] as number;
    const rv = where[v] as number;
    if (rv < 0 || (uKnown !== 0 && known[rv] === uKnown)) continue;
    const B = work[rv] as WorkRoute;
    const sb = B.seq;
    const iv = pos[v] as number;
    // Relocate u right after v, or right before v (never into B's fixed front).
    for (let side = 0; side < 2; side++) {
      const to = side === 0 ? iv + 1 : iv;
      if (to < B.fixed || (rv === ru && (to === iu || to === iu + 1))) continue;
      const p = at(sb, to - 1);
      const q = at(sb, to);
      const added = (dist[p * n + u] as number) + (dist[rowU + q] as number) - (dist[p * n + q] as number);
      if (added - removeGain >= -EPS) continue;
      let g: number;
      if (rv === ru) {
        const rest = sa.filter((c) => c !== u);
        const cut = to > iu ? to - 1 : to;
        g = tryReplace(inst, work, [ru], [build(inst, A, [...rest.slice(0, cut), u, ...rest.slice(cut)])]);
      } else {
        const seqA = sa.filter((c) => c !== u);
        const seqB = [...sb.slice(0, to), u, ...sb.slice(to)];
        g = tryReplace(inst, work, [ru, rv], [build(inst, A, seqA), build(inst, B, seqB)]);
      }
      if (g > 0) return g;
    }
    // Swap: u takes v's place and v takes u's (a move a binding capacity leaves open where a relocate is not).
    if (swap && rv !== ru && iv >= B.fixed) {
      const vPrev = at(sb, iv - 1);
      const vNext = at(sb, iv + 1);
      const rowV = v * n;
      const delta =
        (dist[uPrev * n + v] as number) +
        (dist[rowV + uNext] as number) +
        (dist[vPrev * n + u] as number) +
        (dist[rowU + vNext] as number) -
        (dist[uPrev * n + u] as number) -
        (dist[rowU + uNext] as number) -
        (dist[vPrev * n + v] as number) -
        (dist[rowV + vNext] as number);
      if (delta < -EPS) {
        const seqA = sa.slice();
        seqA[iu] = v;
        const seqB = sb.slice();
        seqB[iv] = u;
        const g = tryReplace(inst, work, [ru, rv], [build(inst, A, seqA), build(inst, B, seqB)]);
        if (g > 0) return g;
      }
      // Each to its cheapest place in the other's route (SWAP*), where time decides nothing (`isUntimed`):
      // within capacity, priced by distance first.
      const vt = inst.vehicles[A.type];
      const wt = inst.vehicles[B.type];
      const qu = inst.demand[u] as number;
      const qv = inst.demand[v] as number;
      if (
        inst.untimed === true &&
        vt &&
        wt &&
        A.load - qu + qv <= vt.capacity + 1e-9 &&
        B.load - qv + qu <= wt.capacity + 1e-9
      ) {
        const removeV =
          (dist[vPrev * n + v] as number) + (dist[rowV + vNext] as number) - (dist[vPrev * n + vNext] as number);
        const addV = cheapestWithout(inst, sa, A.fixed, iu, v);
        const atV = cheapestAt;
        const addU = cheapestWithout(inst, sb, B.fixed, iv, u);
        const atU = cheapestAt;
        if (addV + addU - removeGain - removeV < -EPS) {
          const seqA = sa.filter((c) => c !== u);
          seqA.splice(atV, 0, v);
          const seqB = sb.filter((c) => c !== v);
          seqB.splice(atU, 0, u);
          const g = tryReplace(inst, work, [ru, rv], [build(inst, A, seqA), build(inst, B, seqB)]);
          if (g > 0) return g;
        }
      }
    }
    // 2-opt*: A keeps up to u and takes B's tail after v; B keeps up to v and takes A's tail after u.
    if (rv !== ru && iv >= B.fixed - 1) {
      const vNext = at(sb, iv + 1);
      const delta =
        (dist[rowU + vNext] as number) +
        (dist[v * n + uNext] as number) -
        (dist[rowU + uNext] as number) -
        (dist[v * n + vNext] as number);
      if (delta < -EPS) {
        const seqA = [...sa.slice(0, iu + 1), ...sb.slice(iv + 1)];
        const seqB = [...sb.slice(0, iv + 1), ...sa.slice(iu + 1)];
        const g = tryReplace(inst, work, [ru, rv], [build(inst, A, seqA), build(inst, B, seqB)]);
        if (g > 0) return g;
      }
    }
  }
  return 0;
}

/**
 * Tries to do away with one of the {@link ELIMINATE_TRIES} shortest routes: its stops go one by one
 * (farthest from the depot first) to their cheapest feasible place in the
 * other routes, which are then straightened inside (2-opt, or-opt). Made when
 * every stop found a place and the plan costs less. Routes with a fixed
 * front stay. Returns the gain (0: none made).
 */
function eliminateRoute(inst: VrpInstance, work: WorkRoute[]): number {
  const order = work
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.fixed === 0 && r.seq.length > 0)
    .sort((a, b) => a.r.seq.length - b.r.seq.length)
    .slice(0, ELIMINATE_TRIES);
  for (const { r: gone, i: at } of order) {
    if (work.length < 2) return 0;
    const trial = work.map((r) => ({
      ...r,
      seq: r.seq.slice(),
      earliest: r.earliest.slice(),
      latest: r.latest.slice(),
    }));
    trial[at] = { ...gone, seq: [], earliest: [0, 0], latest: [0, 0] };
    refresh(inst, trial[at] as WorkRoute);
    const stops = gone.seq.slice().sort((a, b) => (inst.dist[b] as number) - (inst.dist[a] as number));
    let placed = true;
    const touched = new Set<number>();
    for (const u of stops) {
      let best = Number.POSITIVE_INFINITY;
      let where = -1;
      let pos = 0;
      trial.forEach((r, ri) => {
        if (ri === at) return;
        for (let p = r.fixed; p <= r.seq.length; p++) {
          const c = insertionCost(inst, r, u, p);
          if (c < best) {
            best = c;
            where = ri;
            pos = p;
          }
        }
      });
      if (where < 0) {
        placed = false;
        break;
      }
      const target = trial[where] as WorkRoute;
      target.seq.splice(pos, 0, u);
      refresh(inst, target);
      touched.add(where);
    }
    if (!placed) continue;
    for (const ri of touched) while (intraRoute(inst, trial, ri) > 0);
    const before = work.reduce((a, r) => a + routeCost(inst, r), 0);
    const after = trial.reduce((a, r) => a + routeCost(inst, r), 0);
    if (after < before - EPS) {
      for (let i = 0; i < work.length; i++) work[i] = trial[i] as WorkRoute;
      return before - after;
    }
  }
  return 0;
}
