import { describe, expect, it } from "vitest";
import { BOT_LEVELS, chooseAsk, type BotLevel } from "@iot/shared/quartet/bots/index";
import { missKey, standingMisses } from "@iot/shared/quartet/bots/misses";
import { applyAsk, newGame } from "@iot/shared/quartet/rules";
import { eventForSeat, legalAsks, seatViewFromHistory } from "@iot/shared/quartet/seatView";
import { createRng } from "@iot/shared/rng";
import type { PlayerId, QuartetEvent, TableSettings } from "@iot/shared/quartet/types";

/** Plays one seeded game of bots at `level` and counts the asks that repeat a standing miss while a fresh ask was legal. */
function repeats(level: BotLevel, settings: Partial<TableSettings>, seed: number): { asks: number; repeats: number } {
  const players: PlayerId[] = ["p0", "p1", "p2", "p3"];
  const started = newGame(players, settings, createRng(seed));
  if (!started.ok) throw new Error(started.rejection.code);
  let state = started.state;
  const histories = new Map<PlayerId, QuartetEvent[]>(players.map((p) => [p, []]));
  const record = (events: QuartetEvent[]) => {
    for (const e of events) for (const [p, h] of histories) h.push(eventForSeat(e, p));
  };
  record(started.events);
  const rng = createRng(seed ^ 0x2f6b);
  let asks = 0;
  let repeated = 0;
  while (state.phase === "playing" && asks < 5_000) {
    const me = state.turn as PlayerId;
    const view = seatViewFromHistory(state, me, histories.get(me) ?? []);
    const ask = chooseAsk(level, view, rng);
    if (!ask) throw new Error("no ask");
    const misses = standingMisses(view.history);
    const freshLeft = legalAsks(view).some((a) => !misses.has(missKey(a.to, a.card)));
    if (freshLeft && misses.has(missKey(ask.to, ask.card))) repeated++;
    const result = applyAsk(state, ask);
    if (!result.ok) throw new Error(result.rejection.code);
    state = result.state;
    record(result.events);
    asks++;
  }
  return { asks, repeats: repeated };
}

describe("bots do not repeat an ask that cannot have changed", () => {
  it("standing misses last until the asked player receives or draws a card", () => {
    const log: QuartetEvent[] = [
      { type: "asked", from: "a", to: "b", card: "geld-1", got: false },
      { type: "asked", from: "b", to: "c", card: "geld-2", got: false },
    ];
    expect([...standingMisses(log)].sort()).toEqual(["b|geld-1", "c|geld-2"]);
    // b gets a card from a hit: b's hand may now hold geld-1.
    const hit: QuartetEvent[] = [...log, { type: "asked", from: "b", to: "a", card: "beleid-1", got: true }];
    expect([...standingMisses(hit)]).toEqual(["c|geld-2"]);
    // c draws from the stock: c may now hold geld-2.
    expect([...standingMisses([...hit, { type: "drew", player: "c" }])]).toEqual([]);
    // Giving a card away does not bring one in: the miss stands.
    expect(
      [...standingMisses([...log, { type: "asked", from: "a", to: "b", card: "beleid-2", got: true }])].sort(),
    ).toEqual(["b|geld-1", "c|geld-2"]);
  });

  for (const level of BOT_LEVELS) {
    it(`${level}: no repeat of a standing miss over 200 seeded games (deal all, and with a stock)`, () => {
      let total = 0;
      for (let seed = 0; seed < 200; seed++) {
        const settings: Partial<TableSettings> = seed % 2 === 0 ? {} : { stockHandSize: 4 };
        const r = repeats(level, settings, seed);
        expect(r.repeats, `seed ${seed}`).toBe(0);
        total += r.asks;
      }
      expect(total).toBeGreaterThan(200);
    });
  }
});
