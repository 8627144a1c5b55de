import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARD_IDS, type CardId } from "@iot/shared/quartet/cardIds";
import { BOT_LEVELS, chooseAsk, type BotLevel } from "@iot/shared/quartet/bots/index";
import { applyAsk, newGame } from "@iot/shared/quartet/rules";
import { maxStockHandSize } from "@iot/shared/quartet/settings";
import { seatView } from "@iot/shared/quartet/seatView";
import { createRng } from "@iot/shared/rng";
import type { AskAction, QuartetEvent, QuartetState, TableSettings } from "@iot/shared/quartet/types";

/** Most asks a generated game may take (bots of any level end far below this). */
const ASK_BOUND = 2_000;

/** Every card is in exactly one place (a hand, the stock, a laid quartet) and the protocol's sum is 20. */
export function conservationError(state: QuartetState): string | null {
  const seen = new Map<string, number>();
  const count = (c: string) => seen.set(c, (seen.get(c) ?? 0) + 1);
  let sum = state.stock.length;
  for (const p of state.players) {
    for (const c of state.hands[p] ?? []) count(c);
    for (const t of state.quartets[p] ?? []) for (let n = 1; n <= 4; n++) count(`${t}-${n}`);
    sum += (state.hands[p]?.length ?? 0) + 4 * (state.quartets[p]?.length ?? 0);
  }
  for (const c of state.stock) count(c);
  if (sum !== 20) return `hand counts + 4 x quartets + stock = ${sum}`;
  for (const c of CARD_IDS) if (seen.get(c) !== 1) return `${c} is in ${seen.get(c) ?? 0} places`;
  return null;
}

interface GeneratedGame {
  players: number;
  stockHandSize: number;
  missPassesTo: TableSettings["missPassesTo"];
  allowBluff: boolean;
  drawWhenEmpty: boolean;
  levels: BotLevel[];
  seed: number;
  noiseSeed: number;
}

const gameArb: fc.Arbitrary<GeneratedGame> = fc.integer({ min: 2, max: 6 }).chain((players) =>
  fc.record({
    players: fc.constant(players),
    stockHandSize:
      players === 2
        ? fc.integer({ min: 1, max: maxStockHandSize(2) })
        : fc.oneof(fc.constant(0), fc.integer({ min: 1, max: maxStockHandSize(players) })),
    missPassesTo: fc.constantFrom<TableSettings["missPassesTo"]>("asked", "next"),
    allowBluff: fc.boolean(),
    drawWhenEmpty: fc.boolean(),
    levels: fc.array(fc.constantFrom<BotLevel>(...BOT_LEVELS), { minLength: players, maxLength: players }),
    seed: fc.integer(),
    noiseSeed: fc.integer(),
  }),
);

/** Plays one generated game, throwing random (mostly illegal) asks at the rules between bot moves. */
function playChecked(g: GeneratedGame): void {
  const ids = Array.from({ length: g.players }, (_, i) => `p${i}`);
  const settings: Partial<TableSettings> = {
    stockHandSize: g.stockHandSize,
    missPassesTo: g.missPassesTo,
    allowBluff: g.allowBluff,
    emptyHand: g.stockHandSize > 0 && g.drawWhenEmpty ? "draw" : "out",
  };
  const started = newGame(ids, settings, createRng(g.seed));
  if (!started.ok) throw new Error(`newGame rejected ${started.rejection.code}`);
  let state = started.state;
  const log: QuartetEvent[] = [...started.events];
  const noise = createRng(g.noiseSeed);
  const botRng = createRng(g.seed ^ 0x1234);
  expect(conservationError(state)).toBeNull();
  while (state.phase === "playing") {
    if (state.asks >= ASK_BOUND) expect.fail(`no end after ${ASK_BOUND} asks`);
    const junk: AskAction = {
      type: "ask",
      from: noise.int(0, 3) === 0 ? (state.turn as string) : `p${noise.int(0, g.players)}`,
      to: `p${noise.int(0, g.players)}`,
      card: (noise.int(0, 9) === 0 ? "geld-7" : CARD_IDS[noise.int(0, 19)]) as CardId,
    };
    const before = JSON.stringify(state);
    const tried = applyAsk(state, junk);
    if (!tried.ok && JSON.stringify(state) !== before)
      expect.fail(`rejected ${tried.rejection.code} changed the state`);
    const me = state.turn as string;
    const action = chooseAsk(g.levels[ids.indexOf(me)] as BotLevel, seatView(state, me, log), botRng);
    if (!action) return expect.fail(`bot ${me} found no legal ask`);
    const r = applyAsk(state, action);
    if (!r.ok) return expect.fail(`bot ask rejected: ${r.rejection.code}`);
    state = r.state;
    log.push(...r.events);
    const error = conservationError(state);
    if (error) expect.fail(error);
  }
  const laid = state.players.reduce((n, p) => n + (state.quartets[p]?.length ?? 0), 0);
  expect(laid).toBe(5);
  expect(state.turn).toBeNull();
  const most = Math.max(...state.players.map((p) => state.quartets[p]?.length ?? 0));
  const winners = (state.ranking ?? []).filter((e) => e.place === 1);
  expect(winners.length).toBeGreaterThan(0);
  for (const w of winners) expect(w.quartets).toBe(most);
  for (const e of state.ranking ?? []) if (e.quartets < most) expect(e.place).toBeGreaterThan(1);
}

describe("quartet rules: generated games", () => {
  it("keep every card in one place, reject without change, and end with all quartets down (2,000 games)", () => {
    fc.assert(
      fc.property(gameArb, (g) => {
        playChecked(g);
      }),
      { numRuns: 2_000, seed: 20261122 },
    );
  });
});
