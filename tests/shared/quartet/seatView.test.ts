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
