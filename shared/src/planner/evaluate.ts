import { driveMinutes, roadKm } from "./geo.js";
import { DEPOT, DEPOT_LOADING_MIN, town } from "./region.js";
import type { Order, Scenario } from "./scenario.js";
import {
  drive,
  EU_DRIVING_RULES,
  NO_BREAKS,
  serve,
  standUntil,
  startClock,
  work,
  type BreakRules,
  type BreakTaken,
} from "./solver/breaks.js";
import { tripCost } from "./solver/cost.js";
import { VEHICLES, costRates, type VehicleTypeId } from "./vehicles.js";

/** A planner's plan: per vehicle, the orders in driving order. */
export interface Plan {
  routes: { vehicle: string; orders: string[] }[];
}

export interface StopKpi {
  order: string;
  /**
   * Minutes after midnight the vehicle sets off for this stop (from the stop
   * before; for the first stop, from the start of its time at the depot, `DEPOT_LOADING_MIN`).
   */
  leave: number;
  /** Minutes after midnight. */
  arrival: number;
  start: number;
  minutesLate: number;
}

/**
 * A route that breaks the driving-time rules: more driving than the day
 * allows (`minutes` over the limit), or breaks that do not fit in the day
 * (with them the vehicle is back `minutes` after the depot closes, without
 * them it would be back in time).
 */
export type DrivingBreach =
  { code: "DAILY_DRIVING"; minutes: number } | { code: "BREAKS_AFTER_DAY_END"; minutes: number };

export interface RouteKpi {
  vehicle: string;
  type: VehicleTypeId;
  km: number;
  driveHours: number;
  /** From leaving the depot to being back. */
  workHours: number;
  cost: number;
  co2Kg: number;
  pallets: number;
  capacity: number;
  overCapacity: boolean;
  rangeKm: number;
  overRange: boolean;
  late: number;
  minutesLate: number;
  stops: StopKpi[];
  /** The drivers' breaks the route takes (see `solver/breaks.ts`), in order; minutes after midnight. */
  breaks: BreakTaken[];
  /** How the route breaks the driving-time rules (empty: it does not). */
  breaches: DrivingBreach[];
}

/** Why a plan is not valid as it stands (it is still evaluated as far as it can be). */
export type PlanProblem =
  | { code: "UNKNOWN_ORDER"; order: string }
  | { code: "DOUBLE_ORDER"; order: string }
  | { code: "UNKNOWN_VEHICLE"; vehicle: string }
  | { code: "DOUBLE_VEHICLE"; vehicle: string };

export interface PlanKpi {
  routes: RouteKpi[];
  km: number;
  driveHours: number;
  workHours: number;
  cost: number;
  co2Kg: number;
  deliveries: number;
  late: number;
  minutesLate: number;
  overCapacity: number;
  overRange: number;
  /** Breaks taken on all routes, and their minutes. */
  breaks: number;
  breakMinutes: number;
  /** Breaches of the driving-time rules on all routes. */
  drivingBreaches: number;
  unplanned: string[];
  problems: PlanProblem[];
}

/**
 * A traffic jam on a corridor: legs between the towns `from` and `to` (town
 * ids, either direction) that set off from `at` to `until` (minutes after
 * midnight, both included) take `factor` times as long.
 */
export interface JamWindow {
  from: string;
  to: string;
  at: number;
  until: number;
  factor: number;
}

/** A vehicle sets off after its first `after` stops (0: from the depot) no earlier than minute `until`. */
export interface Hold {
  after: number;
  until: number;
}

/** Options of {@link evaluatePlan}; every one left out leaves the evaluation as it was. */
export interface EvaluateOptions {
  /** Floor knowledge applies (default true). */
  floor?: boolean;
  /** Traffic jams in force (default none). */
  jams?: readonly JamWindow[];
  /** Per vehicle id, the moments it cannot set off before (a replan during the day: no leaving in the past). */
  holds?: Readonly<Record<string, readonly Hold[]>>;
  /** The drivers' break rules (default the EU's, {@link EU_DRIVING_RULES}); false: no breaks, no limit. */
  breaks?: Readonly<BreakRules> | false;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Evaluates a plan exactly against the scenario as it really is (floor
 * knowledge applies: a customer who cannot take a lorry before 10:00 makes
 * the driver wait). Every vehicle starts at the depot no earlier than the day
 * starts and just in time for its first stop, spends `DEPOT_LOADING_MIN`
 * there before it sets off (counted with the first leg), drives at the road speed,
 * waits for a window to open, unloads, and returns. Cost = fixed per day +
 * per km + per working hour; CO2 by the vehicle type's g/km. Unknown or
 * doubled orders and vehicles are reported as problems and left out.
 * Optional `jams` slow legs on a corridor that set off while the jam lasts;
 * optional `holds` keep a vehicle from setting off before a given minute.
 * Drivers take their breaks by the EU's rules (`solver/breaks.ts`: at the
 * latest legal moment, on the road or at a stop); the breaks lengthen the
 * day (later arrivals, paid hours). A route with more driving than the day
 * allows, or whose breaks bring it back after the depot closes, is a breach.
 */
export function evaluatePlan(s: Scenario, plan: Plan, opts: EvaluateOptions = {}): PlanKpi {
  const floor = opts.floor ?? true;
  const rules = opts.breaks === false ? NO_BREAKS : (opts.breaks ?? EU_DRIVING_RULES);
  const orders = new Map<string, Order>(s.orders.map((o) => [o.id, o]));
  const seen = new Set<string>();
  const usedVehicles = new Set<string>();
  const problems: PlanProblem[] = [];
  const routes: RouteKpi[] = [];
  for (const r of plan.routes) {
    const vehicle = s.fleet.find((v) => v.id === r.vehicle);
    if (!vehicle) {
      problems.push({ code: "UNKNOWN_VEHICLE", vehicle: r.vehicle });
      continue;
    }
    if (usedVehicles.has(vehicle.id)) {
      problems.push({ code: "DOUBLE_VEHICLE", vehicle: vehicle.id });
      continue;
    }
    usedVehicles.add(vehicle.id);
    const stops: Order[] = [];
    for (const id of r.orders) {
      const o = orders.get(id);
      if (!o) problems.push({ code: "UNKNOWN_ORDER", order: id });
      else if (seen.has(id)) problems.push({ code: "DOUBLE_ORDER", order: id });
      else {
        seen.add(id);
        stops.push(o);
      }
    }
    if (stops.length === 0) continue;
    routes.push(
      evaluateRoute(s, vehicle.id, vehicle.type, stops, {
        floor,
        jams: opts.jams ?? [],
        holds: opts.holds?.[vehicle.id] ?? [],
        rules,
      }),
    );
  }
  const sum = (f: (r: RouteKpi) => number) => routes.reduce((a, r) => a + f(r), 0);
  return {
    routes,
    km: round(
      sum((r) => r.km),
      3,
    ),
    driveHours: round(
      sum((r) => r.driveHours),
      4,
    ),
    workHours: round(
      sum((r) => r.workHours),
      4,
    ),
    cost: round(
      sum((r) => r.cost),
      2,
    ),
    co2Kg: round(
      sum((r) => r.co2Kg),
      3,
    ),
    deliveries: sum((r) => r.stops.length),
    late: sum((r) => r.late),
    minutesLate: round(
      sum((r) => r.minutesLate),
      2,
    ),
    overCapacity: routes.filter((r) => r.overCapacity).length,
    overRange: routes.filter((r) => r.overRange).length,
    breaks: sum((r) => r.breaks.length),
    breakMinutes: sum((r) => r.breaks.reduce((a, b) => a + b.minutes, 0)),
    drivingBreaches: sum((r) => r.breaches.length),
    unplanned: s.orders.filter((o) => !seen.has(o.id)).map((o) => o.id),
    problems,
  };
}

function evaluateRoute(
  s: Scenario,
  vehicle: string,
  type: VehicleTypeId,
  stops: Order[],
  opts: { floor: boolean; jams: readonly JamWindow[]; holds: readonly Hold[]; rules: Readonly<BreakRules> },
): RouteKpi {
  const { floor, jams, holds, rules } = opts;
  const spec = VEHICLES[type];
  const places = [DEPOT, ...stops.map((o) => town(o.town)), DEPOT];
  const legKm = places.slice(1).map((p, i) => roadKm(places[i] as typeof p, p));
  const readyOf = (o: Order) => Math.max(o.ready, floor && o.floor?.notBefore !== undefined ? o.floor.notBefore : 0);
  const holdAfter = (i: number) => holds.reduce((m, h) => (h.after === i ? Math.max(m, h.until) : m), -Infinity);
  const legMinutes = (i: number, leave: number) => {
    const a = (places[i] as (typeof places)[number]).id;
    const b = (places[i + 1] as (typeof places)[number]).id;
    const jam = jams.find(
      (j) => ((j.from === a && j.to === b) || (j.from === b && j.to === a)) && leave >= j.at && leave <= j.until,
    );
    return driveMinutes(legKm[i] as number, jam ? jam.factor : 1) + (i === 0 ? DEPOT_LOADING_MIN : 0);
  };
  const first = stops[0] as Order;
  const depart = Math.max(
    s.dayStart,
    readyOf(first) - driveMinutes(legKm[0] as number) - DEPOT_LOADING_MIN,
    holdAfter(0),
  );
  const clock = startClock(depart);
  const breaks: BreakTaken[] = [];
  let driveMin = 0;
  const kpis: StopKpi[] = [];
  stops.forEach((o, i) => {
    if (i > 0) standUntil(rules, clock, holdAfter(i), breaks, i);
    const leave = clock.t;
    const d = legMinutes(i, leave);
    const loading = i === 0 ? DEPOT_LOADING_MIN : 0;
    driveMin += d - loading;
    // Loading at the depot is work, not driving.
    work(rules, clock, loading, breaks);
    drive(rules, clock, d - loading, breaks, i);
    const arrival = clock.t;
    const start = serve(rules, clock, readyOf(o), o.serviceMin, breaks, i + 1);
    const minutesLate = Math.max(0, start - o.due);
    kpis.push({
      order: o.id,
      leave: round(leave, 2),
      arrival: round(arrival, 2),
      start: round(start, 2),
      minutesLate: round(minutesLate, 2),
    });
  });
  const back = legMinutes(stops.length, clock.t);
  driveMin += back;
  drive(rules, clock, back, breaks, stops.length);
  const t = clock.t;
  const breaches: DrivingBreach[] = [];
  if (driveMin > rules.dailyDriving + 1e-9)
    breaches.push({ code: "DAILY_DRIVING", minutes: round(driveMin - rules.dailyDriving, 2) });
  // Breaks that do not fit: with them the vehicle is back after the depot closes, without them it would not be.
  if (breaks.length > 0 && t > s.dayEnd + 1e-9) {
    const bare = evaluateRoute(s, vehicle, type, stops, { ...opts, rules: NO_BREAKS });
    const bareBack = (bare.stops[0]?.leave ?? 0) + bare.workHours * 60;
    if (bareBack <= s.dayEnd + 0.01) breaches.push({ code: "BREAKS_AFTER_DAY_END", minutes: round(t - s.dayEnd, 2) });
  }
  const km = legKm.reduce((a, b) => a + b, 0);
  const workHours = (t - depart) / 60;
  const pallets = stops.reduce((a, o) => a + o.pallets, 0);
  return {
    vehicle,
    type,
    km: round(km, 3),
    driveHours: round(driveMin / 60, 4),
    workHours: round(workHours, 4),
    cost: round(tripCost(costRates(spec), km, t - depart), 2),
    co2Kg: round((km * spec.co2GramPerKm) / 1000, 3),
    pallets,
    capacity: spec.capacityPallets,
    overCapacity: pallets > spec.capacityPallets,
    rangeKm: spec.rangeKm,
    overRange: km > spec.rangeKm,
    late: kpis.filter((k) => k.minutesLate > 0).length,
    minutesLate: round(
      kpis.reduce((a, k) => a + k.minutesLate, 0),
      2,
    ),
    stops: kpis,
    breaks: breaks.map((b) => ({ ...b, start: round(b.start, 2) })),
    breaches,
  };
}
