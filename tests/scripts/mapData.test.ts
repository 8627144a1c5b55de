import { readFileSync } from "node:fs";
import path from "node:path";
import { geoContains } from "d3-geo";
import { describe, expect, it } from "vitest";
import { DEPOT, MAP_BOUNDS, TOWNS } from "@iot/shared/planner/region";
import { deriveMap } from "../../scripts/mapData.js";

const committed = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "..", "..", "assets", "maps", "north-netherlands.json"), "utf8"),
) as ReturnType<typeof deriveMap>;

const country = (name: string) => {
  const f = committed.features.find((x) => x.properties.name === name);
  if (!f) throw new Error(`no ${name} on the map`);
  return f;
};

describe("the planner map", () => {
  it("is exactly what the world-atlas package gives (npm run build:map)", () => {
    expect(committed).toEqual(deriveMap());
  });

  it("stays inside the region's bounds", () => {
    for (const f of committed.features)
      for (const [lon = NaN, lat = NaN] of f.geometry.coordinates.flat(2) as number[][]) {
        expect(lon).toBeGreaterThanOrEqual(MAP_BOUNDS.west);
        expect(lon).toBeLessThanOrEqual(MAP_BOUNDS.east);
        expect(lat).toBeGreaterThanOrEqual(MAP_BOUNDS.south);
        expect(lat).toBeLessThanOrEqual(MAP_BOUNDS.north);
      }
  });

  it("has every town and the depot on Dutch land, the Wadden Sea and Germany outside it", () => {
    const nl = country("Netherlands");
    for (const t of [...TOWNS, DEPOT]) expect(geoContains(nl, [t.lon, t.lat]), t.name).toBe(true);
    expect(geoContains(nl, [5.7, 53.4]), "Wadden Sea").toBe(false);
    expect(geoContains(nl, [7.25, 53.0]), "Emsland").toBe(false);
    expect(geoContains(country("Germany"), [7.25, 53.0]), "Emsland").toBe(true);
  });
});
