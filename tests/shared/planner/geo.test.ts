import { describe, expect, it } from "vitest";
import { greatCircleKm, ROAD_FACTOR, ROAD_KM_CHECKS, roadKm } from "@iot/shared/planner/geo";
import { town } from "@iot/shared/planner/region";

describe("road distance against real road km", () => {
  const rows = ROAD_KM_CHECKS.map(({ from, to, km }) => {
    const gc = greatCircleKm(town(from), town(to));
    return { pair: `${from}-${to}`, road: km, gc, model: roadKm(town(from), town(to)) };
  });

  it("the road factor is the least-squares fit of the checked pairs, rounded to 0.05", () => {
    const fit = rows.reduce((a, r) => a + r.road * r.gc, 0) / rows.reduce((a, r) => a + r.gc * r.gc, 0);
    console.log(
      rows.map((r) => `${r.pair}: road ${r.road} km, model ${r.model.toFixed(1)} km`).join("\n"),
      `\nfitted factor ${fit.toFixed(3)}, used ${ROAD_FACTOR}`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(Math.abs(fit - ROAD_FACTOR)).toBeLessThanOrEqual(0.025);
  });

  it("puts every checked pair within 6% of its road km", () => {
    for (const r of rows) expect(Math.abs(r.model / r.road - 1), r.pair).toBeLessThanOrEqual(0.06);
    // The brief's yardstick: Groningen-Leeuwarden is about 62 km by road.
    expect(roadKm(town("groningen"), town("leeuwarden"))).toBeCloseTo(62, -1);
  });
});
