import { driveMinutes, roadKm } from "./geo.js";
import { DEPOT, town } from "./region.js";
import type { Order, Scenario } from "./scenario.js";
import { VEHICLES, type VehicleTypeId } from "./vehicles.js";

/** A planner's plan: per vehicle, the orders in driving order. */
export interface Plan {
  routes: { vehicle: string; orders: string[] }[];
}

export interface StopKpi {
  order: string;
  /** Minutes after midnight. */
  arrival: number;
  start: number;
  minutesLate: number;
}

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
  unplanned: string[];
  problems: PlanProblem[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Evaluates a plan exactly against the scenario as it really is (floor
 * knowledge applies: a customer who cannot take a lorry before 10:00 makes
 * the driver wait). Every vehicle leaves the depot no earlier than the day
 * starts and just in time for its first stop, drives at the road speed,
 * waits for a window to open, unloads, and returns. Cost = fixed per day +
 * per km + per working hour; CO2 by the vehicle type's g/km. Unknown or
 * doubled orders and vehicles are reported as problems and left out.
 */
export function evaluatePlan(s: Scenario, plan: Plan, opts: { floor?: boolean } = {}): PlanKpi {
  const floor = opts.floor ?? true;
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
    routes.push(evaluateRoute(s, vehicle.id, vehicle.type, stops, floor));
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
    unplanned: s.orders.filter((o) => !seen.has(o.id)).map((o) => o.id),
    problems,
  };
}

function evaluateRoute(s: Scenario, vehicle: string, type: VehicleTypeId, stops: Order[], floor: boolean): RouteKpi {
  const spec = VEHICLES[type];
  const places = [DEPOT, ...stops.map((o) => town(o.town)), DEPOT];
  const legKm = places.slice(1).map((p, i) => roadKm(places[i] as typeof p, p));
  const readyOf = (o: Order) => Math.max(o.ready, floor && o.floor?.notBefore !== undefined ? o.floor.notBefore : 0);
  const first = stops[0] as Order;
  const depart = Math.max(s.dayStart, readyOf(first) - driveMinutes(legKm[0] as number));
  let t = depart;
  let driveMin = 0;
  const kpis: StopKpi[] = [];
  stops.forEach((o, i) => {
    const d = driveMinutes(legKm[i] as number);
    driveMin += d;
    const arrival = t + d;
    const start = Math.max(arrival, readyOf(o));
    const minutesLate = Math.max(0, start - o.due);
    kpis.push({ order: o.id, arrival: round(arrival, 2), start: round(start, 2), minutesLate: round(minutesLate, 2) });
    t = start + o.serviceMin;
  });
  const back = driveMinutes(legKm[legKm.length - 1] as number);
  driveMin += back;
  t += back;
  const km = legKm.reduce((a, b) => a + b, 0);
  const workHours = (t - depart) / 60;
  const pallets = stops.reduce((a, o) => a + o.pallets, 0);
  return {
    vehicle,
    type,
    km: round(km, 3),
    driveHours: round(driveMin / 60, 4),
    workHours: round(workHours, 4),
    cost: round(spec.fixedCostPerDay + spec.costPerKm * km + spec.costPerHour * workHours, 2),
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
  };
}
