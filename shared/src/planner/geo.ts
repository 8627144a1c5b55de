/** A point on the map in degrees (WGS84). */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius in km (IUGG mean radius R1). */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Road km between town centres the game's distance is checked against: the
 * shortest car route centre to centre as route planners give it, rounded to
 * the km (Groningen-Leeuwarden via the N355, -Assen via the A28, -Drachten
 * via the A7, -Winschoten via the A7, -Delfzijl via the N360, Leeuwarden-Sneek
 * via the A7/N354, Heerenveen-Drachten via the A7, Hoogeveen-Meppel via the
 * A28). `tests/shared/planner/geo.test.ts` fits the road factor to them.
 */
export const ROAD_KM_CHECKS: readonly { from: string; to: string; km: number }[] = [
  { from: "groningen", to: "leeuwarden", km: 62 },
  { from: "groningen", to: "assen", km: 28 },
  { from: "groningen", to: "drachten", km: 38 },
  { from: "groningen", to: "winschoten", km: 36 },
  { from: "groningen", to: "delfzijl", km: 30 },
  { from: "leeuwarden", to: "sneek", km: 24 },
  { from: "heerenveen", to: "drachten", km: 24 },
  { from: "hoogeveen", to: "meppel", km: 22 },
];

/**
 * Road distance over great-circle distance in the north of the Netherlands:
 * 1.15, the least-squares fit (rounded to 0.05) of the road km of
 * {@link ROAD_KM_CHECKS} over their great-circle km (1.161); every pair is
 * within 6% of its road km with it (Groningen-Leeuwarden 58.8 km). Ballou, Rahardja & Sakai (2002),
 * "Selected country circuity factors for road travel distance estimation",
 * report about 1.2 to 1.4 for Western Europe as a whole; the flat north with
 * its straight main roads is at the low end.
 */
export const ROAD_FACTOR = 1.15;

/** Average lorry speed on regional roads, km/h (an assumption for the game: a mix of N-roads, A7/A28 and towns). */
export const ROAD_SPEED_KMH = 60;

/** Great-circle distance in km (haversine). */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Road distance in km: great-circle distance times {@link ROAD_FACTOR}. */
export function roadKm(a: LatLon, b: LatLon): number {
  return greatCircleKm(a, b) * ROAD_FACTOR;
}

/** Driving time in minutes for `km` at {@link ROAD_SPEED_KMH}, slowed by `factor` (1 = normal traffic). */
export function driveMinutes(km: number, factor = 1): number {
  return (km / ROAD_SPEED_KMH) * 60 * factor;
}
