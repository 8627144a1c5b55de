/**
 * A solver route walked under the instance's break rules (`breaks.ts`, the
 * same steps as the game's evaluation), for `route.ts` and the assistant.
 */
import { drive, NO_BREAKS, serve, startClock, work, type BreakRules, type DriverClock } from "./breaks.js";
import type { VrpInstance } from "./instance.js";
import type { WorkRoute } from "./route.js";

/** When a route to `first` sets off: just in time for it, not before the depot opens (as `refresh` and the evaluation). */
function departure(inst: VrpInstance, first: number): number {
  return Math.max(inst.ready[0] as number, (inst.ready[first] as number) - (inst.time[first] as number));
}

/**
 * Walks `seq` (with `u` inserted before index `at`, when `at` >= 0) from its
 * departure, leaving the driver's day in `c`; writes the service starts into
 * `starts` (when given, per position of [0, ...seq, 0], the back at the depot
 * last). Returns the time outside the rules: minutes late from position
 * `fixed` on (the driven front's lateness is history), back after the depot
 * closes, driving over the day's limit.
 */
function walk(
  inst: VrpInstance,
  rules: Readonly<BreakRules>,
  seq: readonly number[],
  at: number,
  u: number,
  fixed: number,
  c: DriverClock,
  starts: number[] | null,
): number {
  const { n, time, service, ready, due } = inst;
  const count = seq.length + (at >= 0 ? 1 : 0);
  let excess = 0;
  let prev = 0;
  for (let k = 0; k < count; k++) {
    const v = at < 0 || k < at ? (seq[k] as number) : k === at ? u : (seq[k - 1] as number);
    const loading = k === 0 ? (rules.startWork ?? 0) : 0;
    work(rules, c, loading, null);
    drive(rules, c, (time[prev * n + v] as number) - loading, null, 0);
    const start = serve(rules, c, ready[v] as number, service[v] as number, null, 0);
    if (starts) starts[k + 1] = start;
    if (k >= fixed && start > (due[v] as number) + 1e-9) excess += start - (due[v] as number);
    prev = v;
  }
  drive(rules, c, time[prev * n] as number, null, 0);
  if (starts) starts[count + 1] = c.t;
  if (c.t > (due[0] as number) + 1e-9) excess += c.t - (due[0] as number);
  if (c.drivenToday > rules.dailyDriving + 1e-9) excess += c.drivenToday - rules.dailyDriving;
  return excess;
}

/**
 * A refreshed, non-empty route's times with breaks: service starts into
 * `earliest`, working time into `duration`, time outside the rules into
 * `breach`; true when there is none. `latest` (the bound without breaks) is
 * tightened so the quick insertion test knows the rules too: a route outside
 * them takes no more customers, one inside delays no stop by more than the
 * driving the day has left.
 */
export function scheduleBreaks(inst: VrpInstance, route: WorkRoute, rules: Readonly<BreakRules>): boolean {
  const depart = departure(inst, route.seq[0] as number);
  const c = startClock(depart);
  const excess = walk(inst, rules, route.seq, -1, 0, route.fixed, c, route.earliest);
  const len = route.seq.length + 2;
  route.duration = c.t - depart;
  route.breach = excess;
  const { earliest, latest } = route;
  if (excess > 0) for (let i = 0; i < len; i++) latest[i] = Number.NEGATIVE_INFINITY;
  else {
    const slack = rules.dailyDriving - c.drivenToday;
    for (let i = 0; i < len; i++) latest[i] = Math.min(latest[i] as number, (earliest[i] as number) + slack);
  }
  return excess === 0;
}

/** Inserting `u` after position `i` of a refreshed route adds no time outside the rules (walked again, O(length)). */
export function fitsWithBreaks(
  inst: VrpInstance,
  rules: Readonly<BreakRules>,
  route: WorkRoute,
  u: number,
  i: number,
): boolean {
  const c = startClock(departure(inst, i === 0 ? u : (route.seq[0] as number)));
  return walk(inst, rules, route.seq, i, u, route.fixed, c, null) <= (route.breach ?? 0) + 1e-9;
}

/**
 * Whether the route `seq` keeps the instance's break rules as far as its
 * driver goes: no more driving than the day allows, and breaks that fit in
 * the day (back by the depot's closing, unless it would be late without
 * breaks too). Lateness at customers is not asked. True without `instance.breaks`.
 */
export function keepsBreakRules(inst: VrpInstance, seq: readonly number[]): boolean {
  const rules = inst.breaks;
  if (!rules || seq.length === 0) return true;
  const depart = departure(inst, seq[0] as number);
  const ruled = startClock(depart);
  walk(inst, rules, seq, -1, 0, seq.length, ruled, null);
  if (ruled.drivenToday > rules.dailyDriving + 1e-9) return false;
  const close = (inst.due[0] as number) + 1e-9;
  if (ruled.t <= close) return true;
  const bare = startClock(depart);
  walk(inst, { ...NO_BREAKS, startWork: rules.startWork ?? 0 }, seq, -1, 0, seq.length, bare, null);
  return bare.t > close;
}
