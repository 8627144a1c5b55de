import { describe, expect, it } from "vitest";
import { playBotGame } from "@iot/shared/quartet/autoplay";
import { buildKnowledge, hitChance } from "@iot/shared/quartet/bots/knowledge";
import { BOT_LEVELS, chooseAsk } from "@iot/shared/quartet/bots/index";
import { checkAsk } from "@iot/shared/quartet/rules";
import { seatView, type SeatView } from "@iot/shared/quartet/seatView";
import { createRng } from "@iot/shared/rng";
import type { QuartetEvent } from "@iot/shared/quartet/types";
import { makeState } from "../fixtures.js";

describe("bots", () => {
  it("every level makes only legal asks and finishes games", () => {
    for (const level of BOT_LEVELS) {
      for (let seed = 0; seed < 20; seed++) {
        const r = playBotGame([level, level, level, level], {}, seed);
        expect(r.state.phase).toBe("finished");
      }
    }
  });

  it("decides from the seat view only: the same view gives the same ask whatever the hidden hands", () => {
    const log: QuartetEvent[] = [];
    const a = makeState({ a: ["geld-1"], b: ["geld-2", "beleid-1"], c: ["geld-3"] });
    const b = makeState({ a: ["geld-1"], b: ["geld-3", "beleid-1"], c: ["geld-2"] });
    for (const level of BOT_LEVELS) {
      expect(chooseAsk(level, seatView(a, "a", log), createRng(5))).toEqual(
        chooseAsk(level, seatView(b, "a", log), createRng(5)),
      );
    }
  });

  it("returns null when it is not the bot's turn", () => {
    const s = makeState(
      { a: ["geld-1"], b: ["geld-2"] },
      { turn: "b", stock: ["netwerk-1"], settings: { stockHandSize: 1 } },
    );
    for (const level of BOT_LEVELS) expect(chooseAsk(level, seatView(s, "a", []), createRng(1))).toBeNull();
  });

  it("medium and hard ask for a card they saw move to a player", () => {
    // c took geld-2 from b earlier; now a holds geld-1 and it is a's turn.
    const s = makeState({ a: ["geld-1", "beleid-4"], b: ["beleid-1", "beleid-2"], c: ["geld-2", "netwerk-1"] });
    const log: QuartetEvent[] = [{ type: "asked", from: "c", to: "b", card: "geld-2", got: true }];
    for (const level of ["medium", "hard"] as const) {
      for (let seed = 0; seed < 10; seed++) {
        expect(chooseAsk(level, seatView(s, "a", log), createRng(seed))).toEqual({
          type: "ask",
          from: "a",
          to: "c",
          card: "geld-2",
        });
      }
    }
  });

  it("hard infers from a miss that the asker holds the theme and the asked player lacks the card", () => {
    const s = makeState({
      a: ["geld-1", "netwerk-1"],
      b: ["beleid-1", "beleid-2", "netwerk-2"],
      c: ["beleid-3", "netwerk-3"],
    });
    const log: QuartetEvent[] = [{ type: "asked", from: "b", to: "c", card: "netwerk-4", got: false }];
    const view: SeatView = seatView(s, "a", log);
    const k = buildKnowledge(view, "inference");
    // The miss rules out both the asker (b) and the asked player (c) for netwerk-4.
    expect(hitChance(k, 1, "netwerk-4")).toBe(0);
    expect(hitChance(k, 2, "netwerk-4")).toBe(0);
    // b asked for netwerk, so b holds netwerk-2 or netwerk-3 (a holds netwerk-1): a chance of at least 1/2.
    expect(hitChance(k, 1, "netwerk-2")).toBeGreaterThanOrEqual(0.5);
  });

  it("hard uses hand counts: a player whose known cards fill the hand holds nothing else", () => {
    const s = makeState({
      a: ["geld-1", "beleid-4"],
      b: ["geld-2"],
      c: ["geld-3", "geld-4", "beleid-1", "beleid-2", "beleid-3"],
    });
    const log: QuartetEvent[] = [{ type: "asked", from: "b", to: "c", card: "geld-2", got: true }];
    const k = buildKnowledge(seatView(s, "a", log), "inference");
    expect(hitChance(k, 1, "geld-2")).toBe(1);
    expect(hitChance(k, 1, "geld-3")).toBe(0);
    expect(hitChance(k, 2, "geld-3")).toBe(1);
    const ask = chooseAsk("hard", seatView(s, "a", log), createRng(1));
    expect(ask && checkAsk(s, ask)).toBeNull();
    expect(ask && ask.to === "b" ? ask.card : "geld-2").toBe("geld-2");
  });

  it("playBotGame is deterministic for a seed", () => {
    expect(playBotGame(["hard", "easy", "medium"], {}, 99).log).toEqual(
      playBotGame(["hard", "easy", "medium"], {}, 99).log,
    );
  });
});
