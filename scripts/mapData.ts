/**
 * The planner game's map of the north of the Netherlands, derived from
 * Natural Earth's 1:10m country outlines as the world-atlas package ships
 * them: the Netherlands and Germany, clipped to the game's region and
 * rounded, so the client carries a few kilobytes instead of the world.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoIdentity } from "d3-geo";
import { geoProject } from "d3-geo-projection";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MAP_BOUNDS } from "@iot/shared/planner/region";

/** Coordinates are kept to this many decimals (0.001 degree is about 100 m here). */
const DECIMALS = 3;

/** ISO 3166-1 numeric codes of the countries drawn, as world-atlas names its features. */
const COUNTRIES = { "528": "Netherlands", "276": "Germany" } as const;

export type MapFeature = Feature<Polygon | MultiPolygon, { name: string }>;

function round(ring: Position[]): Position[] {
  const f = 10 ** DECIMALS;
  const out: Position[] = [];
  for (const [x = 0, y = 0] of ring) {
    const p = [Math.round(x * f) / f, Math.round(y * f) / f];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function polygons(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

/** The map's land features, derived from world-atlas' `countries-10m.json`; deterministic for one package version. */
export function deriveMap(): FeatureCollection<Polygon | MultiPolygon, { name: string }> {
  const require = createRequire(import.meta.url);
  const file = require.resolve("world-atlas/countries-10m.json");
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{ countries: GeometryCollection }>;
  const world = feature(topology, topology.objects.countries);
  const clip = geoIdentity().clipExtent([
    [MAP_BOUNDS.west, MAP_BOUNDS.south],
    [MAP_BOUNDS.east, MAP_BOUNDS.north],
  ]);
  const features: MapFeature[] = [];
  for (const [id, name] of Object.entries(COUNTRIES)) {
    const country = world.features.find((f) => String(f.id) === id);
    if (!country) throw new Error(`world-atlas has no country ${id} (${name})`);
    const clipped = geoProject(country, clip) as Feature<Polygon | MultiPolygon | null>;
    if (!clipped.geometry) continue;
    const parts = polygons(clipped.geometry)
      .map((poly) => poly.map(round).filter((ring) => ring.length >= 4))
      .filter((poly) => poly.length > 0);
    features.push({
      type: "Feature",
      properties: { name },
      geometry: { type: "MultiPolygon", coordinates: parts },
    });
  }
  return { type: "FeatureCollection", features };
}
