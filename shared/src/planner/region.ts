import type { LatLon } from "./geo.js";

/** A place in the region: a town with its real coordinates (town centre, WGS84, rounded to 4 decimals). */
export interface Town extends LatLon {
  id: string;
  name: string;
  province: "Groningen" | "Friesland" | "Drenthe";
  /**
   * Inhabitants of the town itself (the place, not its municipality), rounded
   * to the 500: the order of CBS's "Kerncijfers wijken en buurten" (2021-2023;
   * e.g. the wijk Franeker, 12,780 in 2021, table 85039NED). Orders are drawn
   * in proportion to it (`generator.ts`). 0 for the depot, which takes no orders.
   */
  population: number;
}

/** The depot of the game's carriers: a distribution centre on the edge of Groningen city (Zernike/Hoogkerk area). */
export const DEPOT: Town = {
  id: "depot",
  name: "DC Groningen",
  province: "Groningen",
  lat: 53.2035,
  lon: 6.5212,
  population: 0,
};

/**
 * Minutes a route spends at the depot before it sets off: the driver reports
 * in, takes the papers, checks and straps the load. The warehouse has picked
 * the day's pallets and staged them at the dock beforehand, so the time does
 * not grow with the pallets: 20 minutes, the dock-and-paperwork allowance
 * dock-time planning models add to the handling itself (an assumption of
 * that order; the 20 minutes of getyardo.com's unload-time estimator, for
 * one). Counted in the route's working time, in the evaluation
 * (`evaluate.ts`) and in the solver's instance (`toInstance`) alike.
 */
export const DEPOT_LOADING_MIN = 20;

/** Towns of Groningen, Friesland and Drenthe that orders go to. */
export const TOWNS: readonly Town[] = [
  { id: "groningen", name: "Groningen", province: "Groningen", lat: 53.2194, lon: 6.5665, population: 235000 },
  { id: "delfzijl", name: "Delfzijl", province: "Groningen", lat: 53.33, lon: 6.9181, population: 23000 },
  { id: "appingedam", name: "Appingedam", province: "Groningen", lat: 53.3217, lon: 6.8583, population: 11500 },
  { id: "veendam", name: "Veendam", province: "Groningen", lat: 53.1064, lon: 6.8797, population: 22000 },
  { id: "winschoten", name: "Winschoten", province: "Groningen", lat: 53.144, lon: 7.0347, population: 18000 },
  { id: "stadskanaal", name: "Stadskanaal", province: "Groningen", lat: 52.9894, lon: 6.95, population: 19000 },
  { id: "hoogezand", name: "Hoogezand", province: "Groningen", lat: 53.1617, lon: 6.7614, population: 21000 },
  { id: "zuidhorn", name: "Zuidhorn", province: "Groningen", lat: 53.2456, lon: 6.4047, population: 8000 },
  { id: "uithuizen", name: "Uithuizen", province: "Groningen", lat: 53.4083, lon: 6.6708, population: 5000 },
  { id: "leek", name: "Leek", province: "Groningen", lat: 53.1622, lon: 6.3781, population: 10000 },
  { id: "leeuwarden", name: "Leeuwarden", province: "Friesland", lat: 53.2012, lon: 5.7999, population: 97000 },
  { id: "drachten", name: "Drachten", province: "Friesland", lat: 53.1066, lon: 6.099, population: 45000 },
  { id: "heerenveen", name: "Heerenveen", province: "Friesland", lat: 52.9597, lon: 5.9211, population: 30000 },
  { id: "sneek", name: "Sneek", province: "Friesland", lat: 53.0329, lon: 5.6589, population: 34000 },
  { id: "harlingen", name: "Harlingen", province: "Friesland", lat: 53.1744, lon: 5.4206, population: 15000 },
  { id: "dokkum", name: "Dokkum", province: "Friesland", lat: 53.3267, lon: 5.9986, population: 13000 },
  { id: "franeker", name: "Franeker", province: "Friesland", lat: 53.1875, lon: 5.5403, population: 13000 },
  { id: "joure", name: "Joure", province: "Friesland", lat: 52.9667, lon: 5.8, population: 13500 },
  { id: "wolvega", name: "Wolvega", province: "Friesland", lat: 52.875, lon: 6.0, population: 13000 },
  { id: "bolsward", name: "Bolsward", province: "Friesland", lat: 53.065, lon: 5.5311, population: 10000 },
  { id: "assen", name: "Assen", province: "Drenthe", lat: 52.9925, lon: 6.5649, population: 68000 },
  { id: "emmen", name: "Emmen", province: "Drenthe", lat: 52.7792, lon: 6.9069, population: 57000 },
  { id: "hoogeveen", name: "Hoogeveen", province: "Drenthe", lat: 52.7229, lon: 6.476, population: 40000 },
  { id: "meppel", name: "Meppel", province: "Drenthe", lat: 52.6956, lon: 6.1944, population: 30000 },
  { id: "coevorden", name: "Coevorden", province: "Drenthe", lat: 52.6611, lon: 6.7403, population: 15000 },
  { id: "beilen", name: "Beilen", province: "Drenthe", lat: 52.8625, lon: 6.5139, population: 10000 },
  { id: "roden", name: "Roden", province: "Drenthe", lat: 53.1381, lon: 6.4214, population: 15000 },
];

/** The town with this id; throws a RangeError for an unknown id. */
export function town(id: string): Town {
  if (id === DEPOT.id) return DEPOT;
  const t = TOWNS.find((x) => x.id === id);
  if (!t) throw new RangeError(`unknown town ${id}`);
  return t;
}

/**
 * The part of the world the planner map shows, in degrees (WGS84): from
 * Vlieland to just over the German border, from Meppel to the Wadden islands.
 */
export const MAP_BOUNDS = { west: 5.15, south: 52.55, east: 7.3, north: 53.56 } as const;

/**
 * A stretch of main road out of Groningen: a traffic jam on it slows every
 * leg between a place at its `near` end and one at its `far` end (either
 * direction), since those legs take that road. `road` is the road's number
 * as the signs give it; the first place of each end names the stretch.
 */
export interface Corridor {
  id: string;
  road: string;
  near: readonly string[];
  far: readonly string[];
}

/** The main roads out of the depot's city, each with the places whose legs use it. */
export const CORRIDORS: readonly Corridor[] = [
  {
    id: "a7-west",
    road: "A7",
    near: ["groningen", "depot", "leek"],
    far: ["drachten", "heerenveen", "joure", "sneek", "wolvega", "bolsward"],
  },
  { id: "a28", road: "A28", near: ["groningen", "depot"], far: ["assen", "beilen", "hoogeveen", "meppel"] },
  {
    id: "a7-east",
    road: "A7",
    near: ["groningen", "depot"],
    far: ["hoogezand", "veendam", "winschoten", "stadskanaal"],
  },
  {
    id: "n355",
    road: "N355",
    near: ["groningen", "depot", "zuidhorn"],
    far: ["leeuwarden", "franeker", "harlingen", "dokkum"],
  },
  { id: "n34", road: "N34", near: ["groningen", "depot"], far: ["emmen", "coevorden"] },
  { id: "n360", road: "N360", near: ["groningen", "depot"], far: ["appingedam", "delfzijl"] },
];

/** The corridor with this id; throws a RangeError for an unknown id. */
export function corridor(id: string): Corridor {
  const c = CORRIDORS.find((x) => x.id === id);
  if (!c) throw new RangeError(`unknown corridor ${id}`);
  return c;
}
