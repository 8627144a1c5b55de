import { driveMinutes, roadKm } from "./geo.js";
import { DEPOT, town } from "./region.js";
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

/** Something that happens during the day (round 3), at `at` minutes after midnight. */
export type Disruption =
  | { at: number; kind: "breakdown"; vehicle: string }
  | { at: number; kind: "rush-order"; order: Order }
  | { at: number; kind: "traffic-jam"; from: string; to: string; factor: number; until: number }
  | { at: number; kind: "driver-absent"; vehicle: string };

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
 * order; distance in km (great circle x road factor), time in minutes;
 * one vehicle type per fleet vehicle type with its count, capacity, range
 * and costs (per km, per minute, per day). With `floor`, floor knowledge
 * narrows the windows (what a planner who asked the drivers would plan for).
 */
export function toInstance(
  s: Scenario,
  opts: { floor?: boolean } = {},
): { instance: VrpInstance; types: VehicleTypeId[] } {
  const places = [DEPOT, ...s.orders.map((o) => town(o.town))];
  const n = places.length;
  const dist = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const km = i === j ? 0 : roadKm(places[i] as (typeof places)[number], places[j] as (typeof places)[number]);
      dist[i * n + j] = km;
      time[i * n + j] = driveMinutes(km);
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
    },
  };
}
