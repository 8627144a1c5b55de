import type { LatLon } from "./geo.js";

/** A place in the region: a town with its real coordinates (town centre, WGS84, rounded to 4 decimals). */
export interface Town extends LatLon {
  id: string;
  name: string;
  province: "Groningen" | "Friesland" | "Drenthe";
}

/** The depot of the game's carriers: a distribution centre on the edge of Groningen city (Zernike/Hoogkerk area). */
export const DEPOT: Town = { id: "depot", name: "DC Groningen", province: "Groningen", lat: 53.2035, lon: 6.5212 };

/** Towns of Groningen, Friesland and Drenthe that orders go to. */
export const TOWNS: readonly Town[] = [
  { id: "groningen", name: "Groningen", province: "Groningen", lat: 53.2194, lon: 6.5665 },
  { id: "delfzijl", name: "Delfzijl", province: "Groningen", lat: 53.33, lon: 6.9181 },
  { id: "appingedam", name: "Appingedam", province: "Groningen", lat: 53.3217, lon: 6.8583 },
  { id: "veendam", name: "Veendam", province: "Groningen", lat: 53.1064, lon: 6.8797 },
  { id: "winschoten", name: "Winschoten", province: "Groningen", lat: 53.144, lon: 7.0347 },
  { id: "stadskanaal", name: "Stadskanaal", province: "Groningen", lat: 52.9894, lon: 6.95 },
  { id: "hoogezand", name: "Hoogezand", province: "Groningen", lat: 53.1617, lon: 6.7614 },
  { id: "zuidhorn", name: "Zuidhorn", province: "Groningen", lat: 53.2456, lon: 6.4047 },
  { id: "uithuizen", name: "Uithuizen", province: "Groningen", lat: 53.4083, lon: 6.6708 },
  { id: "leek", name: "Leek", province: "Groningen", lat: 53.1622, lon: 6.3781 },
  { id: "leeuwarden", name: "Leeuwarden", province: "Friesland", lat: 53.2012, lon: 5.7999 },
  { id: "drachten", name: "Drachten", province: "Friesland", lat: 53.1066, lon: 6.099 },
  { id: "heerenveen", name: "Heerenveen", province: "Friesland", lat: 52.9597, lon: 5.9211 },
  { id: "sneek", name: "Sneek", province: "Friesland", lat: 53.0329, lon: 5.6589 },
  { id: "harlingen", name: "Harlingen", province: "Friesland", lat: 53.1744, lon: 5.4206 },
  { id: "dokkum", name: "Dokkum", province: "Friesland", lat: 53.3267, lon: 5.9986 },
  { id: "franeker", name: "Franeker", province: "Friesland", lat: 53.1875, lon: 5.5403 },
  { id: "joure", name: "Joure", province: "Friesland", lat: 52.9667, lon: 5.8 },
  { id: "wolvega", name: "Wolvega", province: "Friesland", lat: 52.875, lon: 6.0 },
  { id: "bolsward", name: "Bolsward", province: "Friesland", lat: 53.065, lon: 5.5311 },
  { id: "assen", name: "Assen", province: "Drenthe", lat: 52.9925, lon: 6.5649 },
  { id: "emmen", name: "Emmen", province: "Drenthe", lat: 52.7792, lon: 6.9069 },
  { id: "hoogeveen", name: "Hoogeveen", province: "Drenthe", lat: 52.7229, lon: 6.476 },
  { id: "meppel", name: "Meppel", province: "Drenthe", lat: 52.6956, lon: 6.1944 },
  { id: "coevorden", name: "Coevorden", province: "Drenthe", lat: 52.6611, lon: 6.7403 },
  { id: "beilen", name: "Beilen", province: "Drenthe", lat: 52.8625, lon: 6.5139 },
  { id: "roden", name: "Roden", province: "Drenthe", lat: 53.1381, lon: 6.4214 },
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
