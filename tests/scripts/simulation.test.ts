import { describe, expect, it } from "vitest";
import { formatSimulation, runSimulation, wilson } from "../../scripts/simulation.js";

describe("simulator", () => {
  it("reports win shares that add up to 1, asks per game and speed", () => {
    const r = runSimulation({ games: 40, players: 4, bots: ["hard", "easy", "easy", "easy"], seed: 3 });
    expect(r.games).toBe(40);
    expect((r.winShare.hard ?? 0) + (r.winShare.easy ?? 0)).toBeCloseTo(1, 9);
    expect(r.asksPerGame).toBeGreaterThan(10);
    expect(r.gamesPerSecond).toBeGreaterThan(0);
    const [lo, hi] = r.winShare95.hard ?? [1, 0];
    expect(lo).toBeLessThanOrEqual(r.winShare.hard ?? -1);
    expect(hi).toBeGreaterThanOrEqual(r.winShare.hard ?? 2);
    expect(formatSimulation(r)).toContain("games per second");
  });

  it("plays two-player games with the stock", () => {
    const r = runSimulation({ games: 10, players: 2, bots: ["medium", "easy"], seed: 1 });
    expect(r.games).toBe(10);
  });

  it("rejects bad options with a clear error", () => {
    expect(() => runSimulation({ games: 0, players: 4, bots: ["easy", "easy", "easy", "easy"], seed: 1 })).toThrow(
      /--games/,
    );
    expect(() => runSimulation({ games: 1, players: 4, bots: ["easy"], seed: 1 })).toThrow(/--bots/);
    expect(() => runSimulation({ games: 1, players: 2, bots: ["easy", "genius"], seed: 1 })).toThrow(/genius/);
    expect(() => runSimulation({ games: 1, players: 9, bots: [], seed: 1 })).toThrow(/--players/);
  });

  it("computes a Wilson interval around the share", () => {
    const [lo, hi] = wilson(0.5, 100);
    expect(lo).toBeCloseTo(0.404, 2);
    expect(hi).toBeCloseTo(0.596, 2);
  });
});
