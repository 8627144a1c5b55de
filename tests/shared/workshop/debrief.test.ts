import { describe, expect, it } from "vitest";
import { playBotGame } from "@iot/shared/quartet/autoplay";
import { BOT_LEVELS } from "@iot/shared/quartet/bots/index";
import type { QuartetEvent } from "@iot/shared/quartet/types";
import { prioritiesInputSchema, tableMoments } from "@iot/shared/workshop/debrief";

const seat = (player: string) => ({ name: `naam ${player}`, isBot: player.startsWith("b") });

describe("tableMoments", () => {
  it("counts asks and hits, lists quartets at their ask and finds the longest run of one player", () => {
    const log: QuartetEvent[] = [
      { type: "dealt", handCounts: { a: 5, b1: 5 }, stockCount: 10 },
      { type: "asked", from: "a", to: "b1", card: "netwerk-1", got: true },
      { type: "asked", from: "a", to: "b1", card: "netwerk-2", got: true },
      { type: "asked", from: "a", to: "b1", card: "netwerk-3", got: false },
      { type: "turn", player: "b1" },
      { type: "asked", from: "b1", to: "a", card: "geld-1", got: true },
      { type: "asked", from: "b1", to: "a", card: "geld-2", got: true },
      { type: "asked", from: "b1", to: "a", card: "geld-3", got: true },
      { type: "quartet", player: "b1", theme: "geld" },
      { type: "asked", from: "b1", to: "a", card: "beleid-1", got: false },
      { type: "turn", player: "a" },
      { type: "asked", from: "a", to: "b1", card: "netwerk-4", got: true },
      { type: "quartet", player: "a", theme: "netwerk" },
    ];
    expect(tableMoments(log, seat)).toEqual({
      asks: 8,
      hits: 6,
      quartets: [
        { name: "naam b1", isBot: true, theme: "geld", ask: 6 },
        { name: "naam a", isBot: false, theme: "netwerk", ask: 8 },
      ],
      bestRun: { name: "naam b1", isBot: true, asks: 3 },
    });
    expect(tableMoments([], seat)).toEqual({ asks: 0, hits: 0, quartets: [], bestRun: null });
  });

  it("agrees with 100 seeded bot games: every ask, every quartet by its player, a run no longer than the hits", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const levels = [0, 1, 2, 3].slice(0, 3 + (seed % 2)).map((i) => BOT_LEVELS[(seed + i) % BOT_LEVELS.length]!);
      const game = playBotGame(levels, {}, seed);
      const m = tableMoments(game.log, (player) => ({ name: player, isBot: true }));
      expect(m.asks).toBe(game.asks);
      expect(m.hits).toBeLessThanOrEqual(m.asks);
      for (const r of game.ranking) expect(m.quartets.filter((q) => q.name === r.player)).toHaveLength(r.quartets);
      expect(m.quartets.map((q) => q.ask)).toEqual([...m.quartets.map((q) => q.ask)].sort((a, b) => a - b));
      if (m.hits === 0) expect(m.bestRun).toBeNull();
      else expect(m.bestRun?.asks).toBeGreaterThanOrEqual(1);
      expect(m.bestRun?.asks ?? 0).toBeLessThanOrEqual(m.hits);
    }
  });
});

describe("prioritiesInputSchema", () => {
  it("cleans owner and next step, and refuses a card twice, unknown keys and texts over the limits", () => {
    const ok = prioritiesInputSchema.safeParse({
      priorities: [{ cardId: "netwerk-1", owner: " Łukasz\u200b Żółć ", nextStep: "=1+1" }],
    });
    expect(ok.success && ok.data.priorities).toEqual([{ cardId: "netwerk-1", owner: "Łukasz Żółć", nextStep: "=1+1" }]);
    const p = { cardId: "netwerk-1", owner: "", nextStep: "" };
    expect(prioritiesInputSchema.safeParse({ priorities: [p, p] }).success).toBe(false);
    expect(prioritiesInputSchema.safeParse({ priorities: [p], more: 1 }).success).toBe(false);
    expect(prioritiesInputSchema.safeParse({ priorities: [{ ...p, owner: "x".repeat(81) }] }).success).toBe(false);
    expect(prioritiesInputSchema.safeParse({ priorities: [{ ...p, nextStep: "x".repeat(281) }] }).success).toBe(false);
  });
});
