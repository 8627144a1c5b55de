import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPick, openPicks, planHoles, type PlanPick } from "@iot/shared/quartet/actionPlan";
import { playBotGame } from "@iot/shared/quartet/autoplay";
import { BOT_LEVELS } from "@iot/shared/quartet/bots/index";
import { quartetGame, type QuartetTable } from "@iot/shared/quartet/game";
import { createRng } from "@iot/shared/rng";
import type { ThemeId } from "@iot/shared/quartet/cardIds";

const laid = { quartets: { anna: ["geld" as const], bot: ["beleid" as const, "netwerk" as const], ben: [] } };
const bots = new Set(["bot"]);

describe("action plan without holes", () => {
  it("keeps a deferred pick open and takes it later, also after the game ended", () => {
    const players = [
      { id: "anna", name: "Anna", isBot: false },
      { id: "bot-1", name: "Bot 1", isBot: true },
      { id: "bot-2", name: "Bot 2", isBot: true },
    ];
    const setup = quartetGame.setup(players, { settings: quartetGameSettings(), botLevel: "easy" }, ctx(7));
    if (!setup.ok) throw new Error(setup.rejection.code);
    let table: QuartetTable = setup.state;
    const seatBots = new Set(["bot-1", "bot-2"]);
    const rng = createRng(7);
    let deferred: ThemeId | null = null;
    while (table.game.phase === "playing") {
      const turn = table.game.turn as string;
      const move =
        turn === "anna"
          ? { type: "ask", payload: firstLegalAsk(table, "anna") }
          : (quartetGame.bot?.(table, turn, rng) ?? null);
      if (!move) throw new Error("no move");
      const result = quartetGame.moves.ask.apply(table, move.payload as never, {
        player: turn,
        now: 0,
        rng,
        bots: seatBots,
      });
      if (!result.ok) throw new Error(result.rejection.code);
      table = result.state;
      // Anna closes her first own quartet's pick with "Later kiezen": nothing is sent, the quartet stays open.
      deferred ??= table.game.quartets.anna?.[0] ?? null;
    }
    expect(table.game.phase).toBe("finished");
    const open = openPicks(table.game, table.picks, "anna", seatBots);
    // Every quartet laid at the table is open to Anna: her own and the bots'.
    expect([...open].sort()).toEqual(planHoles(table.game, table.picks).sort());
    expect(open).toHaveLength(5);
    for (const theme of open) {
      const picked = quartetGame.moves.pick.apply(
        table,
        { card: `${theme}-2`, note: theme === deferred ? "later gekozen" : undefined },
        { player: "anna", now: 0, rng, bots: seatBots },
      );
      if (!picked.ok) throw new Error(picked.rejection.code);
      table = picked.state;
    }
    expect(planHoles(table.game, table.picks)).toEqual([]);
    if (deferred) expect(table.picks.find((p) => p.theme === deferred)?.note).toBe("later gekozen");
  });

  it("lets any human at the table pick a bot's quartet, first come first served", () => {
    const first = applyPick(laid, [], "ben", "beleid-3", "", bots);
    expect(first).toMatchObject({ ok: true, pick: { player: "ben", theme: "beleid", card: "beleid-3" } });
    if (!first.ok) return;
    expect(applyPick(laid, first.picks, "anna", "beleid-1", "", bots)).toMatchObject({
      ok: false,
      rejection: { code: "ALREADY_PICKED" },
    });
    const again = applyPick(laid, first.picks, "ben", "beleid-4", "", bots);
    expect(again.ok && again.picks).toEqual([{ player: "ben", theme: "beleid", card: "beleid-4", note: "" }]);
    // A human's own quartet stays theirs; a bot picks nothing; without bot seats a bot's quartet is closed.
    expect(applyPick(laid, [], "ben", "geld-1", "", bots)).toMatchObject({ rejection: { code: "NOT_YOUR_QUARTET" } });
    expect(applyPick(laid, [], "bot", "geld-1", "", bots)).toMatchObject({ rejection: { code: "NOT_YOUR_QUARTET" } });
    expect(applyPick(laid, [], "ben", "beleid-1")).toMatchObject({ rejection: { code: "NOT_YOUR_QUARTET" } });
    // The quartet's own layer may replace another's pick of it (they were away while a bot played their seat).
    const layer = applyPick(laid, first.picks, "bot", "beleid-2");
    expect(layer.ok && layer.picks).toEqual([{ player: "bot", theme: "beleid", card: "beleid-2", note: "" }]);
  });

  it("rejects a second pick of a bot's quartet through the game's move", () => {
    const table = tableOf(laid.quartets);
    const ctx1 = { player: "ben", now: 0, rng: createRng(1), bots };
    const first = quartetGame.moves.pick.apply(table, { card: "netwerk-1" }, ctx1);
    if (!first.ok) throw new Error(first.rejection.code);
    const second = quartetGame.moves.pick.apply(first.state, { card: "netwerk-2" }, { ...ctx1, player: "anna" });
    expect(second).toMatchObject({ ok: false, rejection: { code: "ALREADY_PICKED" } });
    expect(quartetGame.message({ code: "ALREADY_PICKED" }, "nl")).toMatch(/al een actie gekozen/);
  });

  it("lists open picks: own first, then the bots' not yet picked", () => {
    const picks: PlanPick[] = [{ player: "anna", theme: "netwerk", card: "netwerk-1", note: "" }];
    expect(openPicks(laid, picks, "anna", bots)).toEqual(["geld", "beleid"]);
    expect(openPicks(laid, picks, "ben", bots)).toEqual(["beleid"]);
    expect(openPicks(laid, picks, "bot", bots)).toEqual(["beleid"]);
    expect(openPicks(laid, picks, "ben")).toEqual([]);
    expect(planHoles(laid, picks)).toEqual(["geld", "beleid"]);
  });

  it("leaves no hole once the humans pick every open quartet at the end of a game with bots (seeded)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...BOT_LEVELS),
        (seed, seats, humansWanted, level) => {
          const humans = Math.min(humansWanted, seats - 1);
          const game = playBotGame(Array<typeof level>(seats).fill(level), {}, seed);
          const players = game.state.players;
          const seatBots = new Set(players.slice(humans));
          let picks: PlanPick[] = [];
          // Nobody picked during play (every pick was deferred): at the end each human picks whatever is open to them.
          for (const human of players.slice(0, humans)) {
            for (const theme of openPicks(game.state, picks, human, seatBots)) {
              const r = applyPick(game.state, picks, human, `${theme}-1`, "", seatBots);
              if (!r.ok) return false;
              picks = r.picks;
            }
          }
          return planHoles(game.state, picks).length === 0 && picks.length === 5;
        },
      ),
      { numRuns: 200, seed: 20261201 },
    );
  });
});

function ctx(seed: number) {
  return { now: 0, rng: createRng(seed), seed };
}

function quartetGameSettings() {
  return { missPassesTo: "asked" as const, allowBluff: false, stockHandSize: 0, emptyHand: "out" as const };
}

function tableOf(quartets: QuartetTable["game"]["quartets"]): QuartetTable {
  return {
    game: {
      settings: quartetGameSettings(),
      players: Object.keys(quartets),
      hands: Object.fromEntries(Object.keys(quartets).map((p) => [p, []])),
      quartets,
      stock: [],
      phase: "finished",
      turn: null,
      asks: 0,
      ranking: null,
    },
    log: [],
    picks: [],
    botLevel: "easy",
  };
}

function firstLegalAsk(table: QuartetTable, me: string): { to: string; card: string } {
  const view = quartetGame.view(table, me);
  const myThemes = new Set(view.hand.map((c) => c.split("-")[0]));
  for (const other of view.players) {
    if (other.id === me || other.handCount === 0) continue;
    for (const theme of myThemes) {
      for (let n = 1; n <= 4; n++) {
        const card = `${theme}-${n}`;
        if (!view.hand.includes(card as never)) return { to: other.id, card };
      }
    }
  }
  throw new Error("no legal ask");
}
