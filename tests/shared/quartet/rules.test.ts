import { describe, expect, it } from "vitest";
import { CARD_IDS, themeOf } from "@iot/shared/quartet/cardIds";
import { applyAsk, checkAsk, isOut, newGame, rank } from "@iot/shared/quartet/rules";
import { createRng } from "@iot/shared/rng";
import type { AskAction, QuartetState } from "@iot/shared/quartet/types";
import { makeState } from "./fixtures.js";

const ask = (from: string, to: string, card: AskAction["card"]): AskAction => ({ type: "ask", from, to, card });

function total(state: QuartetState): number {
  let n = state.stock.length;
  for (const p of state.players) n += (state.hands[p]?.length ?? 0) + 4 * (state.quartets[p]?.length ?? 0);
  return n;
}

describe("newGame", () => {
  it("deals all 20 cards by default, first seat of the deal gets the extra card", () => {
    const r = newGame(["a", "b", "c"], {}, createRng(7));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(total(r.state)).toBe(20);
    expect(r.state.stock).toEqual([]);
    const counts = r.events.find((e) => e.type === "dealt");
    expect(counts).toBeDefined();
    const dealt = counts?.type === "dealt" ? Object.values(counts.handCounts).sort() : [];
    expect(dealt).toEqual([6, 7, 7]);
    expect(r.state.phase).toBe("playing");
    expect(r.state.players).toContain(r.state.turn);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = newGame(["a", "b", "c", "d"], {}, createRng(1));
    const b = newGame(["a", "b", "c", "d"], {}, createRng(1));
    const c = newGame(["a", "b", "c", "d"], {}, createRng(2));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("deals the stock variant: a fixed hand each, the rest in the stock", () => {
    const r = newGame(["a", "b"], { stockHandSize: 7 }, createRng(3));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const dealt = r.events[0];
    expect(dealt?.type === "dealt" && dealt.stockCount).toBe(6);
    expect(total(r.state)).toBe(20);
  });

  it("lays quartets completed in the deal at once", () => {
    // Find a seed where a 3-player deal holds a complete theme.
    for (let seed = 0; seed < 500; seed++) {
      const r = newGame(["a", "b", "c"], {}, createRng(seed));
      if (!r.ok) throw new Error("rejected");
      const laid = r.events.filter((e) => e.type === "quartet");
      if (laid.length === 0) continue;
      for (const e of laid) {
        if (e.type !== "quartet") continue;
        expect(r.state.quartets[e.player]).toContain(e.theme);
        expect(r.state.hands[e.player]?.some((c) => themeOf(c) === e.theme)).toBe(false);
      }
      return;
    }
    throw new Error("no deal with a quartet in 500 seeds");
  });

  it("rejects bad player counts and settings", () => {
    const rng = createRng(1);
    expect(newGame(["a"], {}, rng)).toMatchObject({ ok: false, rejection: { code: "BAD_PLAYER_COUNT" } });
    expect(newGame(["a", "b", "c", "d", "e", "f", "g"], {}, rng)).toMatchObject({
      ok: false,
      rejection: { code: "BAD_PLAYER_COUNT" },
    });
    expect(newGame(["a", "b"], {}, rng)).toMatchObject({ ok: false, rejection: { code: "BAD_PLAYER_COUNT" } });
    expect(newGame(["a", "b", "c"], { stockHandSize: 7 }, rng)).toMatchObject({
      ok: false,
      rejection: { code: "BAD_SETTINGS" },
    });
    expect(newGame(["a", "b", "c"], { emptyHand: "draw" }, rng)).toMatchObject({
      ok: false,
      rejection: { code: "BAD_SETTINGS" },
    });
    expect(newGame(["a", "b", "c"], { missPassesTo: "left" as never }, rng)).toMatchObject({ ok: false });
    expect(newGame(["a", "a", "c"], {}, rng)).toMatchObject({ ok: false, rejection: { code: "UNKNOWN_PLAYER" } });
  });
});

describe("applyAsk: rejections leave the state untouched", () => {
  const base = makeState(
    { a: ["geld-1", "netwerk-1"], b: ["geld-2", "beleid-1"], c: [] },
    { quartets: { c: ["beleven"] } },
  );
  const cases: [string, QuartetState, AskAction, string][] = [
    ["NOT_PLAYING", { ...base, phase: "finished", turn: null }, ask("a", "b", "geld-2"), "NOT_PLAYING"],
    ["NOT_YOUR_TURN", base, ask("b", "a", "geld-1"), "NOT_YOUR_TURN"],
    ["UNKNOWN_CARD", base, ask("a", "b", "geld-9" as never), "UNKNOWN_CARD"],
    ["UNKNOWN_PLAYER", base, ask("a", "zed", "geld-2"), "UNKNOWN_PLAYER"],
    ["UNKNOWN_PLAYER (prototype key)", base, ask("a", "__proto__", "geld-2"), "UNKNOWN_PLAYER"],
    ["ASK_SELF", base, ask("a", "a", "geld-2"), "ASK_SELF"],
    ["TARGET_EMPTY", base, ask("a", "c", "geld-2"), "TARGET_EMPTY"],
    ["CARD_ALREADY_HELD", base, ask("a", "b", "geld-1"), "CARD_ALREADY_HELD"],
    ["THEME_NOT_HELD", base, ask("a", "b", "beleid-1"), "THEME_NOT_HELD"],
    [
      "CARD_OUT_OF_PLAY",
      { ...base, settings: { ...base.settings, allowBluff: true } },
      ask("a", "b", "beleven-1"),
      "CARD_OUT_OF_PLAY",
    ],
  ];
  for (const [name, state, action, code] of cases) {
    it(name, () => {
      const before = structuredClone(state);
      const r = applyAsk(state, action);
      expect(r).toEqual({ ok: false, rejection: { code } });
      expect(state).toEqual(before);
    });
  }
});

describe("applyAsk: play", () => {
  it("a hit moves the card and the asker asks again", () => {
    const s = makeState({ a: ["geld-1", "netwerk-1"], b: ["geld-2", "beleid-1"], c: ["beleid-2"] });
    const r = applyAsk(s, ask("a", "b", "geld-2"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.hands.a).toContain("geld-2");
    expect(r.state.hands.b).toEqual(["beleid-1"]);
    expect(r.state.turn).toBe("a");
    expect(r.events[0]).toEqual({ type: "asked", from: "a", to: "b", card: "geld-2", got: true });
    expect(r.state.asks).toBe(1);
    expect(s.hands.a).toEqual(["geld-1", "netwerk-1"]);
  });

  it("a miss passes the turn to the asked player by default", () => {
    const s = makeState({ a: ["geld-1"], b: ["beleid-1"], c: ["geld-2"] });
    const r = applyAsk(s, ask("a", "b", "geld-2"));
    expect(r.ok && r.state.turn).toBe("b");
    expect(r.ok && r.events[0]).toMatchObject({ type: "asked", got: false });
  });

  it("a miss passes to the next seat with missPassesTo 'next'", () => {
    const s = makeState({ a: ["geld-1"], b: ["beleid-1"], c: ["geld-2"] }, { settings: { missPassesTo: "next" } });
    const r = applyAsk(s, ask("a", "c", "geld-3"));
    expect(r.ok && r.state.turn).toBe("b");
  });

  it("bluff asks are allowed with allowBluff, never for an own card", () => {
    const s = makeState({ a: ["geld-1"], b: ["beleid-1"], c: ["geld-2"] }, { settings: { allowBluff: true } });
    expect(checkAsk(s, ask("a", "b", "beleid-1"))).toBeNull();
    expect(checkAsk(s, ask("a", "b", "geld-1"))).toBe("CARD_ALREADY_HELD");
  });

  it("four of a theme are laid at once, and the last quartet ends the game with a ranking", () => {
    const s = makeState(
      { a: ["geld-1", "geld-2", "geld-3"], b: ["geld-4"], c: [] },
      { quartets: { a: ["netwerk"], b: ["beleven", "beleid"], c: ["kennisoverdracht"] } },
    );
    const r = applyAsk(s, ask("a", "b", "geld-4"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.quartets.a).toEqual(["netwerk", "geld"]);
    expect(r.state.phase).toBe("finished");
    expect(r.state.turn).toBeNull();
    expect(r.state.ranking).toEqual([
      { player: "a", quartets: 2, place: 1 },
      { player: "b", quartets: 2, place: 1 },
      { player: "c", quartets: 1, place: 3 },
    ]);
    expect(r.events.map((e) => e.type)).toEqual(["asked", "quartet", "out", "out", "finished"]);
  });

  it("an empty hand is out and skipped", () => {
    const s = makeState({ a: ["geld-1", "beleid-2"], b: ["geld-2"], c: ["beleid-1"], d: ["geld-3"] });
    const r = applyAsk(s, ask("a", "b", "geld-2"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(isOut(r.state, "b")).toBe(true);
    expect(r.events).toContainEqual({ type: "out", player: "b" });
    const miss = applyAsk(r.state, ask("a", "c", "geld-4"));
    expect(miss.ok && miss.state.turn).toBe("c");
    const next = makeState({ a: ["geld-1"], b: [], c: ["beleid-1"] }, { settings: { missPassesTo: "next" } });
    const r2 = applyAsk(next, ask("a", "c", "geld-2"));
    expect(r2.ok && r2.state.turn).toBe("c");
  });

  it("stock variant: after a miss the asker draws one card", () => {
    const s = makeState(
      { a: ["geld-1"], b: ["beleid-1"] },
      { stock: ["netwerk-1", "netwerk-2"], settings: { stockHandSize: 1 } },
    );
    const r = applyAsk(s, ask("a", "b", "geld-2"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.hands.a).toEqual(["geld-1", "netwerk-1"]);
    expect(r.state.stock).toEqual(["netwerk-2"]);
    expect(r.events).toContainEqual({ type: "drew", player: "a", card: "netwerk-1" });
    expect(r.state.turn).toBe("b");
  });

  it("draw rule: an empty hand draws from the stock on its turn", () => {
    const s = makeState(
      { a: ["geld-1", "beleid-2"], b: ["geld-2"], c: ["beleid-1"] },
      { stock: ["netwerk-1", "netwerk-2"], settings: { stockHandSize: 1, emptyHand: "draw" } },
    );
    const hit = applyAsk(s, ask("a", "b", "geld-2"));
    expect(hit.ok && isOut(hit.state, "b")).toBe(false);
    if (!hit.ok) return;
    const miss = applyAsk(hit.state, ask("a", "c", "geld-3"));
    expect(miss.ok).toBe(true);
    if (!miss.ok) return;
    // a drew netwerk-1 after the miss; the turn passed to c (has cards).
    expect(miss.state.turn).toBe("c");
    const s2 = makeState(
      { a: ["geld-1"], b: [], c: ["beleid-1"] },
      { stock: ["netwerk-1"], settings: { stockHandSize: 1, emptyHand: "draw", missPassesTo: "next" } },
    );
    // a misses (draws netwerk-1, stock empty), next seat b is empty and the stock is empty: b is out, c plays.
    const r = applyAsk(s2, ask("a", "c", "geld-2"));
    expect(r.ok && r.state.turn).toBe("c");
    expect(r.ok && r.events).toContainEqual({ type: "out", player: "b" });
  });

  it("draw rule: an empty seat that gets the turn draws first", () => {
    const s = makeState(
      { a: ["geld-1"], b: [], c: ["beleid-1"] },
      {
        stock: ["netwerk-1", "netwerk-2", "geld-2"],
        settings: { stockHandSize: 1, emptyHand: "draw", missPassesTo: "next" },
      },
    );
    const r = applyAsk(s, ask("a", "c", "geld-3"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.turn).toBe("b");
    expect(r.state.hands.b).toEqual(["netwerk-2"]);
    expect(r.events).toContainEqual({ type: "drew", player: "b", card: "netwerk-2" });
  });

  it("a lone holder with nobody to ask draws from the stock until the game can go on", () => {
    const s = makeState(
      { a: ["geld-1", "geld-2", "geld-3"], b: ["geld-4"], c: [] },
      {
        stock: ["beleid-1", "beleid-2", "beleid-3", "beleid-4"],
        quartets: { a: ["netwerk"], b: ["beleven"], c: ["kennisoverdracht"] },
        settings: { stockHandSize: 1 },
      },
    );
    const r = applyAsk(s, ask("a", "b", "geld-4"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.phase).toBe("finished");
    expect(r.state.quartets.a).toEqual(["netwerk", "geld", "beleid"]);
    expect(r.events.filter((e) => e.type === "drew")).toHaveLength(4);
  });

  it("when every hand is empty but the stock is not, play goes on from the stock", () => {
    const s = makeState(
      { a: ["geld-1", "geld-2", "geld-3"], b: ["geld-4"] },
      {
        stock: ["beleid-1", "beleid-2", "beleid-3", "beleid-4"],
        quartets: { a: ["netwerk", "beleven"], b: ["kennisoverdracht"] },
        settings: { stockHandSize: 1 },
      },
    );
    const r = applyAsk(s, ask("a", "b", "geld-4"));
    expect(r.ok && r.state.phase).toBe("finished");
    expect(r.ok && total(r.state)).toBe(20);
  });
});

describe("rank", () => {
  it("shares places on ties", () => {
    expect(
      rank({
        players: ["a", "b", "c", "d"],
        quartets: { a: ["geld"], b: ["netwerk", "beleid"], c: [], d: ["beleven"] },
      }),
    ).toEqual([
      { player: "b", quartets: 2, place: 1 },
      { player: "a", quartets: 1, place: 2 },
      { player: "d", quartets: 1, place: 2 },
      { player: "c", quartets: 0, place: 4 },
    ]);
  });
});

describe("deck ids", () => {
  it("has 20 unique ids", () => {
    expect(new Set(CARD_IDS).size).toBe(20);
  });
});
