import { describe, expect, it } from "vitest";
import { playBotGame } from "@iot/shared/quartet/autoplay";
import { renamePlayer } from "@iot/shared/quartet/rename";
import { chooseAsk } from "@iot/shared/quartet/bots/index";
import { applyAsk, newGame } from "@iot/shared/quartet/rules";
import { createRng } from "@iot/shared/rng";
import { seatView } from "@iot/shared/quartet/seatView";

describe("renamePlayer", () => {
  it("moves a seat to a new id everywhere and leaves no trace of the old one", () => {
    const game = playBotGame(["easy", "easy", "easy"], {}, 3);
    const picks = [{ player: "p1", theme: "geld" as const, card: "geld-1" as const, note: "" }];
    const before = JSON.stringify({ state: game.state, log: game.log, picks });
    const renamed = renamePlayer({ state: game.state, log: game.log, picks }, "p1", "new-session");
    const after = JSON.stringify(renamed);
    expect(after).not.toMatch(/"p1"/);
    expect(after.match(/"new-session"/g)?.length).toBe(before.match(/"p1"/g)?.length);
    expect(JSON.stringify({ state: game.state, log: game.log, picks })).toBe(before);
  });

  it("keeps a game in progress playing the same under the new id", () => {
    const started = newGame(["a", "b", "c"], {}, createRng(5));
    if (!started.ok) throw new Error("rejected");
    const { state, events } = started;
    const turn = state.turn as string;
    const ask = chooseAsk("easy", seatView(state, turn, events), createRng(1));
    if (!ask) throw new Error("no ask");
    const renamed = renamePlayer({ state, log: events, picks: [] }, turn, "x");
    expect(seatView(renamed.state, "x", renamed.log).hand).toEqual(state.hands[turn]);
    const original = applyAsk(state, ask);
    const moved = applyAsk(renamed.state, { ...ask, from: "x" });
    if (!original.ok || !moved.ok) throw new Error("ask rejected");
    expect(renamePlayer({ state: original.state, log: original.events, picks: [] }, turn, "x")).toEqual({
      state: moved.state,
      log: moved.events,
      picks: [],
    });
  });

  it("refuses a name that is taken or unknown", () => {
    const game = playBotGame(["easy", "easy", "easy"], {}, 1);
    expect(() => renamePlayer({ state: game.state, log: game.log, picks: [] }, "p0", "p1")).toThrow(RangeError);
    expect(() => renamePlayer({ state: game.state, log: game.log, picks: [] }, "zz", "p9")).toThrow(RangeError);
  });
});
