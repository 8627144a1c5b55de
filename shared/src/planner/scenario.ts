import { driveMinutes, roadKm } from "./geo.js";
import { DEPOT, DEPOT_LOADING_MIN, town } from "./region.js";
import { EU_DRIVING_RULES, type BreakRules } from "./solver/breaks.js";
import type { VrpInstance } from "./solver/instance.js";
import { VEHICLES, costRates, type VehicleTypeId } from "./vehicles.js";

/** A text in Dutch and English. */
export interface Text {
  nl: string;
  en: string;
}

/**
 * What people on the floor know and the optimiser does not: revealed by the
 * driver role or by asking a driver. `notBefore` moves the window's start:
 * a customer who cannot take a lorry before 10:00, or a street closed for a
 * market until noon.
 */
export interface FloorKnowledge {
  text: Text;
  notBefore?: number;
}

/** A delivery: pallets to a town within a time window (minutes after midnight), with unloading time. */
export interface Order {
  id: string;
  town: string;
  customer: string;
  pallets: number;
  ready: number;
  due: number;
  serviceMin: number;
  floor?: FloorKnowledge;
}

/**
 * Something that happens during the day (round 3), at `at` minutes after
 * midnight (the catalogue and how a day draws them: `disruptions.ts`):
 *
 * - `breakdown`, `driver-absent`: the vehicle is out for the rest of the day.
 * - `rush-order`: the order joins the day.
 * - `traffic-jam`: legs between `from` and `to` (town ids, either direction;
 *   with `corridor`, every leg between the corridor's two ends, see
 *   `region.ts` `CORRIDORS`) that set off from `at` to `until` take `factor`
 *   times as long.
 * - `road-closure`: the streets into `town` are closed: every leg to or from
 *   it that sets off from `at` to `until` takes `factor` times as long (the
 *   detour).
 * - `window-change`: the customer of `order` moves its delivery window to
 *   `ready`-`due`.
 */
export type Disruption =
  | { at: number; kind: "breakdown"; vehicle: string }
  | { at: number; kind: "rush-order"; order: Order }
  | { at: number; kind: "traffic-jam"; from: string; to: string; factor: number; until: number; corridor?: string }
  | { at: number; kind: "driver-absent"; vehicle: string }
  | { at: number; kind: "road-closure"; town: string; factor: number; until: number }
  | { at: number; kind: "window-change"; order: string; ready: number; due: number };

/** The kinds of disruption, in the order of {@link Disruption}. */
export const DISRUPTION_KINDS = [
  "breakdown",
  "rush-order",
  "traffic-jam",
  "driver-absent",
  "road-closure",
  "window-change",
] as const satisfies readonly Disruption["kind"][];

/** A vehicle of the carrier's fleet. */
export interface FleetVehicle {
  id: string;
  type: VehicleTypeId;
}

/** A day of deliveries for one carrier. */
export interface Scenario {
  id: string;
  title: Text;
  dayStart: number;
  dayEnd: number;
  orders: Order[];
  fleet: FleetVehicle[];
  disruptions: Disruption[];
}

/** Minutes after midnight for "hh:mm". */
export const hm = (h: number, m = 0) => h * 60 + m;

/**
 * The scenario as a routing instance: node 0 the depot, node i the i-th
 * order; distance in km (great circle x road factor), time in minutes, a leg
 * from the depot with the route's {@link DEPOT_LOADING_MIN} before it (so the
 * solver's working time and first arrival count it as the evaluation does);
 * one vehicle type per fleet vehicle type with its count, capacity, range
 * and costs (per km, per minute, per day). With `floor`, floor knowledge
 * narrows the windows (what a planner who asked the drivers would plan for).
 * Drivers take their breaks by `breaks` (default the EU's rules, as the
 * evaluation does; false: none, for a bare routing problem).
 */
export function toInstance(
  s: Scenario,
  opts: { floor?: boolean; breaks?: Readonly<BreakRules> | false } = {},
): { instance: VrpInstance; types: VehicleTypeId[] } {
  const places = [DEPOT, ...s.orders.map((o) => town(o.town))];
  const n = places.length;
  const dist = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const km = i === j ? 0 : roadKm(places[i] as (typeof places)[number], places[j] as (typeof places)[number]);
      dist[i * n + j] = km;
      time[i * n + j] = driveMinutes(km) + (i === 0 && j !== 0 ? DEPOT_LOADING_MIN : 0);
    }
  }
  const types = [...new Set(s.fleet.map((v) => v.type))];
  const ready = [
    s.dayStart,
    ...s.orders.map((o) => Math.max(o.ready, opts.floor && o.floor?.notBefore ? o.floor.notBefore : 0)),
  ];
  return {
    types,
    instance: {
      n,
      dist,
      time,
      demand: Float64Array.from([0, ...s.orders.map((o) => o.pallets)]),
      service: Float64Array.from([0, ...s.orders.map((o) => o.serviceMin)]),
      ready: Float64Array.from(ready),
      due: Float64Array.from([s.dayEnd, ...s.orders.map((o) => o.due)]),
      vehicles: types.map((t) => {
        const v = VEHICLES[t];
        return {
          count: s.fleet.filter((f) => f.type === t).length,
          capacity: v.capacityPallets,
          range: v.rangeKm,
          ...costRates(v),
        };
      }),
      ...(opts.breaks === false
        ? {}
        : { breaks: { ...(opts.breaks ?? EU_DRIVING_RULES), startWork: DEPOT_LOADING_MIN } }),
    },
  };
}
