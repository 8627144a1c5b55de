import { describe, expect, it } from "vitest";
import {
  CLOSURE,
  DISRUPTION_CATALOGUE,
  DISRUPTION_MIX,
  DISRUPTION_TIMES,
  JAM,
  LATEST_DUE,
  RUSH_LEAD_MIN,
  RUSH_WINDOW_MIN,
  TIME_STEP_MIN,
} from "@iot/shared/planner/disruptions";
import { generateScenario, type Difficulty } from "@iot/shared/planner/generator";
import { CORRIDORS } from "@iot/shared/planner/region";
import { DISRUPTION_KINDS, type Disruption } from "@iot/shared/planner/scenario";

const DIFFICULTIES = [1, 2, 3, 4] as const;
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const classOf = (kind: Disruption["kind"]) =>
  (Object.keys(DISRUPTION_CATALOGUE) as (keyof typeof DISRUPTION_CATALOGUE)[]).find((c) =>
    (DISRUPTION_CATALOGUE[c] as readonly string[]).includes(kind),
  );
const day = (seed: number, d: Difficulty) => generateScenario(seed, d);

describe("disruptions drawn from the catalogue", () => {
  it("every kind is in exactly one class, and the catalogue covers every kind", () => {
    expect(DISRUPTION_KINDS.map(classOf).every((c) => c !== undefined)).toBe(true);
    expect(Object.values(DISRUPTION_CATALOGUE).flat().sort()).toEqual([...DISRUPTION_KINDS].sort());
  });

  it("gives every day of a difficulty the same count per class (3, 4, 5, 6 in all), over 200 seeds", () => {
    for (const d of DIFFICULTIES) {
      for (const seed of SEEDS) {
        const s = day(seed, d);
        const counts = { vehicle: 0, order: 0, road: 0 };
        for (const x of s.disruptions) counts[classOf(x.kind) as keyof typeof counts]++;
        expect(counts, `seed ${seed}, difficulty ${d}`).toEqual(DISRUPTION_MIX[d]);
      }
      const mix = DISRUPTION_MIX[d];
      expect(mix.vehicle + mix.order + mix.road).toBe(d + 2);
    }
  });

  it("draws different kinds, times, trucks and places for different seeds", () => {
    const all = SEEDS.flatMap((seed) => day(seed, 2).disruptions);
    const sequences = new Set(SEEDS.map((seed) => JSON.stringify(day(seed, 2).disruptions.map((x) => [x.kind, x.at]))));
    expect(sequences.size).toBeGreaterThan(150);
    for (const kind of DISRUPTION_KINDS) {
      const times = new Set(all.filter((x) => x.kind === kind).map((x) => x.at));
      expect(times.size, kind).toBeGreaterThanOrEqual(4);
    }
    const vehicles = new Set(all.flatMap((x) => ("vehicle" in x ? [x.vehicle] : [])));
    expect(vehicles.size).toBeGreaterThanOrEqual(5);
    const corridors = new Set(all.flatMap((x) => (x.kind === "traffic-jam" ? [x.corridor] : [])));
    expect(corridors.size).toBe(CORRIDORS.length);
    const closed = new Set(all.flatMap((x) => (x.kind === "road-closure" ? [x.town] : [])));
    expect(closed.size).toBeGreaterThanOrEqual(10);
    // The same seed gives the same disruptions.
    expect(day(17, 3).disruptions).toEqual(day(17, 3).disruptions);
  });

  it("keeps every disruption in its time band and to the catalogue's terms, sorted by time", () => {
    for (const d of DIFFICULTIES) {
      for (const seed of SEEDS.slice(0, 60)) {
        const s = day(seed, d);
        const times = s.disruptions.map((x) => x.at);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const out = new Set<string>();
        for (const x of s.disruptions) {
          const band = DISRUPTION_TIMES[x.kind];
          expect(x.at).toBeGreaterThanOrEqual(band.from);
          expect(x.at).toBeLessThanOrEqual(band.to);
          expect((x.at - band.from) % TIME_STEP_MIN).toBe(0);
          if (x.kind === "breakdown" || x.kind === "driver-absent") {
            expect(s.fleet.some((v) => v.id === x.vehicle)).toBe(true);
            expect(out.has(x.vehicle)).toBe(false);
            out.add(x.vehicle);
          }
          if (x.kind === "rush-order") {
            expect([x.order.ready, x.order.due]).toEqual([
              x.at + RUSH_LEAD_MIN,
              x.at + RUSH_LEAD_MIN + RUSH_WINDOW_MIN,
            ]);
            expect(x.order.floor).toBeUndefined();
            expect(s.orders.some((o) => o.id === x.order.id)).toBe(false);
          }
          if (x.kind === "window-change") {
            const o = s.orders.find((y) => y.id === x.order);
            expect(o && o.ready > x.at).toBe(true);
            expect(x.ready).toBeGreaterThan(o?.ready ?? Infinity);
            expect(x.due - x.ready).toBe((o?.due ?? 0) - (o?.ready ?? 0));
            expect(x.due).toBeLessThanOrEqual(LATEST_DUE);
          }
          if (x.kind === "traffic-jam") {
            expect([x.until - x.at, x.factor]).toEqual([JAM.minutes, JAM.factor]);
            const c = CORRIDORS.find((y) => y.id === x.corridor);
            expect([c?.near[0], c?.far[0]]).toEqual([x.from, x.to]);
          }
          if (x.kind === "road-closure") {
            expect([x.until - x.at, x.factor]).toEqual([CLOSURE.minutes, CLOSURE.factor]);
            expect(s.orders.some((o) => o.town === x.town)).toBe(true);
          }
        }
      }
    }
  });
});
