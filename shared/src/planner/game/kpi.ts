import { evaluatePlan, type EvaluateOptions, type JamWindow, type Plan, type PlanKpi } from "../evaluate.js";
import { driveMinutes, roadKm } from "../geo.js";
import { corridor, DEPOT, DEPOT_LOADING_MIN, TOWNS, town } from "../region.js";
import type { Order } from "../scenario.js";
import { VEHICLES } from "../vehicles.js";
import { roundRule } from "./roundRules.js";
import type { Carrier, KpiSummary, PlannerGame, PlayerId } from "./types.js";

/**
 * Price of CO2 in the round score, euro per kg: EUR 100 per tonne, the order
 * of the EU ETS allowance price (it first passed EUR 100/t in February 2023).
 */
export const CO2_EUR_PER_KG = 0.1;
/** Penalty per minute a delivery is late, euro (a game assumption: EUR 60 per hour late). */
export const LATE_EUR_PER_MINUTE = 1;
/**
 * Penalty per route over capacity or over range, euro (a game assumption: the
 * route cannot be driven as planned, the overflow needs a hired vehicle for a day).
 */
export const INFEASIBLE_ROUTE_EUR = 250;

/**
 * The slow legs among a carrier's applied disruptions, as the evaluation
 * takes them: a traffic jam on a corridor slows every leg between a place of
 * its near end and one of its far end (`CORRIDORS`), one without a corridor
 * the legs between its two towns; a road closure every leg to or from its
 * town (the detour). Each for the legs that set off while it lasts.
 */
export function activeJams(carrier: Carrier): JamWindow[] {
  const jams: JamWindow[] = [];
  const places = [DEPOT, ...TOWNS].map((t) => t.id);
  for (const d of carrier.scenario.disruptions.slice(0, carrier.applied)) {
    if (d.kind !== "traffic-jam" && d.kind !== "road-closure") continue;
    const when = { at: d.at, until: d.until, factor: d.factor };
    const slow = (from: string, to: string) => {
      if (from !== to) jams.push({ from, to, ...when });
    };
    if (d.kind === "traffic-jam" && d.corridor !== undefined) {
      const c = corridor(d.corridor);
      for (const a of c.near) for (const b of c.far) slow(a, b);
    } else if (d.kind === "traffic-jam") slow(d.from, d.to);
    else if (d.kind === "road-closure") for (const p of places) slow(d.town, p);
  }
  return jams;
}

/** How a carrier's plans are evaluated: floor knowledge as it really is, its active jams and its holds. */
export function evaluationOptions(carrier: Carrier): EvaluateOptions {
  return { floor: true, jams: activeJams(carrier), holds: carrier.holds };
}

/** Evaluates `plan` for `carrier` the way the game scores it (see {@link evaluationOptions}). */
export function evaluateFor(carrier: Carrier, plan: Plan): PlanKpi {
  return evaluatePlan(carrier.scenario, plan, evaluationOptions(carrier));
}

/**
 * The KPIs of `player`'s current plan, with floor knowledge as it really is
 * (whether or not the planner found it) and the carrier's active traffic
 * jams; null for an unknown player.
 */
export function carrierKpi(game: PlannerGame, player: PlayerId): PlanKpi | null {
  const carrier = Object.hasOwn(game.carriers, player) ? game.carriers[player] : undefined;
  return carrier ? evaluateFor(carrier, carrier.plan) : null;
}

/**
 * Delivering one order alone with a hired diesel rigid truck: depot, the
 * order's town, depot; cost = fixed day cost + per km + per hour (the time at
 * the depot, `DEPOT_LOADING_MIN`, driving and unloading), CO2 by the type's
 * g/km (figures from vehicles.ts).
 */
export function soloTrip(order: Order): { km: number; cost: number; co2Kg: number } {
  const spec = VEHICLES["diesel-rigid"];
  const km = 2 * roadKm(DEPOT, town(order.town));
  const hours = (DEPOT_LOADING_MIN + driveMinutes(km) + order.serviceMin) / 60;
  return {
    km,
    cost: spec.fixedCostPerDay + spec.costPerKm * km + spec.costPerHour * hours,
    co2Kg: (km * spec.co2GramPerKm) / 1000,
  };
}

const cents = (x: number) => Math.round(x * 100) / 100;
const grams = (x: number) => Math.round(x * 1000) / 1000;

/** A plan's KPIs in short for `carrier`, with the solo trips its unplanned orders would need. */
export function summarize(carrier: Carrier, kpi: PlanKpi): KpiSummary {
  const orders = new Map(carrier.scenario.orders.map((o) => [o.id, o]));
  let soloCost = 0;
  let soloCo2Kg = 0;
  for (const id of kpi.unplanned) {
    const o = orders.get(id);
    if (!o) continue;
    const trip = soloTrip(o);
    soloCost += trip.cost;
    soloCo2Kg += trip.co2Kg;
  }
  return {
    cost: kpi.cost,
    km: kpi.km,
    co2Kg: kpi.co2Kg,
    late: kpi.late,
    minutesLate: kpi.minutesLate,
    unplanned: kpi.unplanned.length,
    deliveries: kpi.deliveries,
    overCapacity: kpi.overCapacity,
    overRange: kpi.overRange,
    drivingBreaches: kpi.drivingBreaches,
    orders: carrier.scenario.orders.length,
    soloCost: cents(soloCost),
    soloCo2Kg: grams(soloCo2Kg),
  };
}

/**
 * The round score in euro per order, lower is better: (cost + solo cost of
 * unplanned orders + {@link CO2_EUR_PER_KG} x (CO2 + solo CO2) +
 * {@link LATE_EUR_PER_MINUTE} x minutes late + {@link INFEASIBLE_ROUTE_EUR} x
 * routes over capacity or range) / number of orders, rounded to cents.
 */
export function roundScore(k: KpiSummary): number {
  const total =
    k.cost +
    k.soloCost +
    CO2_EUR_PER_KG * (k.co2Kg + k.soloCo2Kg) +
    LATE_EUR_PER_MINUTE * k.minutesLate +
    INFEASIBLE_ROUTE_EUR * (k.overCapacity + k.overRange);
  return cents(total / Math.max(1, k.orders));
}

/** The region's totals: km and kg CO2 of all carriers' plans now, and at the end of round 3 (null before). */
export interface RegionTotals {
  km: number;
  co2Kg: number;
  round3: { km: number; co2Kg: number } | null;
}

/**
 * Sums km and CO2 over every carrier's current plan, and over the results of
 * the round with disruptions (round 3: the day the exchange is measured
 * against) once it has ended.
 */
export function regionTotals(game: PlannerGame): RegionTotals {
  let km = 0;
  let co2Kg = 0;
  for (const p of game.players) {
    const kpi = carrierKpi(game, p);
    km += kpi?.km ?? 0;
    co2Kg += kpi?.co2Kg ?? 0;
  }
  const r3 = game.results.filter((r) => roundRule(r.round)?.disruptions);
  const round3 =
    r3.length === 0
      ? null
      : {
          km: grams(r3.reduce((a, r) => a + r.kpi.km, 0)),
          co2Kg: grams(r3.reduce((a, r) => a + r.kpi.co2Kg, 0)),
        };
  return { km: grams(km), co2Kg: grams(co2Kg), round3 };
}
