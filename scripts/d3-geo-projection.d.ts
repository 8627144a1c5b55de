/** The one function of d3-geo-projection the map script uses (the package ships no types). */
declare module "d3-geo-projection" {
  import type { GeoStreamWrapper } from "d3-geo";
  import type { GeoJSON } from "geojson";
  /** `object` with every point passed through `projection`, clipped as the projection clips. */
  export function geoProject<T extends GeoJSON>(object: T, projection: GeoStreamWrapper): T;
}
