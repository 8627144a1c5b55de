import { describe, expect, it } from "vitest";
import { eventForSeat, legalAsks, seatView } from "@iot/shared/quartet/seatView";
import { newGame } from "@iot/shared/quartet/rules";
import { createRng } from "@iot/shared/rng";
import type { QuartetEvent } from "@iot/shared/quartet/types";
import { makeState } from "./fixtures.js";

describe("seatView", () => {
  it("shows the own hand, every count and quartet, and no other hand", () => {
    const r = newGame(["a", "b", "c", "d"], {}, createRng(11));
    if (!r.ok) throw new Error("rejected");
    const view = seatView(r.state, "b", r.events);
    expect(view.hand).toEqual(r.state.hands.b);
    expect(view.players.map((p) => p.handCount)).toEqual(r.state.players.map((p) => r.state.hands[p]?.length));
    const json = JSON.stringify(view);
    for (const p of ["a", "c", "d"]) for (const c of r.state.hands[p] ?? []) expect(json).not.toContain(`"${c}"`);
  });

  it("hides a drawn card from everyone but the drawer", () => {
    const drew: QuartetEvent = { type: "drew", player: "a", card: "geld-1" };
    expect(eventForSeat(drew, "a")).toEqual(drew);
    expect(eventForSeat(drew, "b")).toEqual({ type: "drew", player: "a" });
    const s = makeState({ a: ["geld-2"], b: ["beleid-1"] }, { stock: ["netwerk-1"], settings: { stockHandSize: 1 } });
    expect(JSON.stringify(seatView(s, "b", [drew]))).not.toContain("geld-1");
  });
});

describe("legalAsks", () => {
  it("lists only asks the rules accept: others with cards, missing cards of held, unlaid themes", () => {
    const s = makeState(
      { a: ["geld-1", "geld-2", "netwerk-1"], b: ["beleid-1"], c: [] },
      { quartets: { c: ["beleven"] } },
    );
    const asks = legalAsks(seatView(s, "a", []));
    expect(asks.every((x) => x.to === "b")).toBe(true);
    expect(asks.map((x) => x.card).sort()).toEqual(["geld-3", "geld-4", "netwerk-2", "netwerk-3", "netwerk-4"]);
    expect(legalAsks(seatView(s, "b", []))).toEqual([]);
  });

  it("with bluffing allowed, includes themes not held but never laid ones", () => {
    const s = makeState(
      { a: ["geld-1"], b: ["beleid-1"] },
      { quartets: { b: ["beleven"] }, settings: { allowBluff: true, stockHandSize: 1 }, stock: ["netwerk-1"] },
    );
    const cards = new Set(legalAsks(seatView(s, "a", [])).map((x) => x.card));
    expect(cards.has("beleid-1")).toBe(true);
    expect(cards.has("beleven-1")).toBe(false);
    expect(cards.has("geld-1")).toBe(false);
    expect(cards.size).toBe(4 * 4 - 1);
  });
});

describe("the table host's seat view (quartetGame.view)", () => {
  it("is the rules' seat view with the plan and the ranking, for every seat, with and without a drawn card", async () => {
    const { quartetGame } = await import("@iot/shared/quartet/game");
    const { seatView } = await import("@iot/shared/quartet/seatView");
    const { createRng } = await import("@iot/shared/rng");
    for (const stockHandSize of [0, 5]) {
      const players = ["a", "b", "c"].map((id) => ({ id, name: id, isBot: true }));
      const settings = { missPassesTo: "asked" as const, allowBluff: false, stockHandSize, emptyHand: "out" as const };
      const rng = createRng(9);
      const setup = quartetGame.setup(players, { settings, botLevel: "easy" }, { now: 0, rng, seed: 9 });
      if (!setup.ok) throw new Error("setup failed");
      let table = setup.state;
      for (let n = 0; n < 60 && table.game.phase === "playing"; n++) {
        const turn = quartetGame.turn(table) as string;
        const ask = quartetGame.bot?.(table, turn, rng);
        if (!ask) break;
        const next = quartetGame.moves.ask.apply(table, ask.payload as { to: string; card: string }, {
          player: turn,
          now: 0,
          rng,
        });
        if (!next.ok) throw new Error(next.rejection.code);
        table = next.state;
        for (const p of players) {
          expect(quartetGame.view(table, p.id)).toEqual({
            ...seatView(table.game, p.id, table.log),
            picks: table.picks,
            ranking: table.game.ranking,
          });
        }
      }
      if (stockHandSize > 0) expect(table.log.some((e) => e.type === "drew")).toBe(true);
    }
  });
});
