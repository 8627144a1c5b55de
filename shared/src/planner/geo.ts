/** A point on the map in degrees (WGS84). */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius in km (IUGG mean radius R1). */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Road distance over great-circle distance. Ballou, Rahardja & Sakai (2002),
 * "Selected country circuity factors for road travel distance estimation",
 * report factors of about 1.2 to 1.4 for Western European road networks; the
 * game uses 1.3 for the north of the Netherlands (an assumption, not a survey).
 */
export const ROAD_FACTOR = 1.3;

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
