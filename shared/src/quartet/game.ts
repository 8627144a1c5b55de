import { rejectionMessage } from "../i18n/messages.js";
import { askSchema, pickSchema, type Lang } from "../protocol.js";
import type { Rng } from "../rng.js";
import type { GameDefinition, Outcome, Outgoing } from "../table/definition.js";
import { applyPick, type PlanPick } from "./actionPlan.js";
import { chooseAsk, type BotLevel } from "./bots/index.js";
import { renamePlayer } from "./rename.js";
import { applyAsk, newGame } from "./rules.js";
import { eventForSeat, seatView, seatViewFromHistory, type SeatView } from "./seatView.js";
import type { QuartetEvent, QuartetState, RankEntry, Rejection, TableSettings } from "./types.js";

/** A quartet table's whole game: the rules' state, the event log and the region's action plan. Plain JSON. */
export interface QuartetTable {
  game: QuartetState;
  log: QuartetEvent[];
  picks: PlanPick[];
  botLevel: BotLevel;
}

/** What one seat sees of a quartet table: the seat view of the rules, the action plan and the final ranking. */
export interface QuartetSeatView extends SeatView {
  picks: PlanPick[];
  ranking: RankEntry[] | null;
}

/** What the table is set up with: the house rules and the bots' strength. */
export interface QuartetOptions {
  settings: TableSettings;
  botLevel: BotLevel;
}

/** The rules' events plus a pick of the action plan (persisted by a workshop, never sent as an `event`). */
export type QuartetTableEvent = QuartetEvent | { type: "picked"; pick: PlanPick };

/** Payloads of the quartet's moves, from its protocol module. */
export interface QuartetMoves extends Record<string, unknown> {
  ask: { to: string; card: string };
  pick: { card: string; note?: string | undefined };
}

type Result = Outcome<QuartetTable, QuartetTableEvent, Rejection>;

function ruled(table: QuartetTable, result: ReturnType<typeof applyAsk>): Result {
  if (!result.ok) return result;
  return {
    ok: true,
    state: { ...table, game: result.state, log: [...table.log, ...result.events] },
    events: result.events,
  };
}

const all = { to: "all" } as const;

/** What every seat's view of one table state shares: the players' public part, and whether any card was drawn. */
const sharedViews = new WeakMap<QuartetTable, { players: SeatView["players"]; drew: boolean }>();

/**
 * The seat view of `player` ({@link seatView} with the plan and ranking),
 * built so that seats share what they may all see: the players' part is
 * made once per state, and without a drawn card (the only private event)
 * the history is the log itself, not a copy per seat.
 */
function seatViewOf(table: QuartetTable, player: string): QuartetSeatView {
  let shared = sharedViews.get(table);
  if (!shared) {
    shared = {
      players: seatViewFromHistory(table.game, "", []).players,
      drew: table.log.some((e) => e.type === "drew"),
    };
    sharedViews.set(table, shared);
  }
  const game = table.game;
  return {
    me: player,
    settings: game.settings,
    phase: game.phase,
    turn: game.turn,
    players: shared.players,
    hand: game.hands[player] ?? [],
    stockCount: game.stock.length,
    history: shared.drew ? table.log.map((e) => eventForSeat(e, player)) : table.log,
    picks: table.picks,
    ranking: game.ranking,
  };
}

/**
 * The quartet as the table host plays it: `ask` and `pick` moves over the
 * pure rules (`rules.ts`, `actionPlan.ts`), the seat view as the only thing a
 * seat learns, `chooseAsk` as the bot, and the public contract's messages
 * (`asked` for every ask, `event` for the rest, a drawn card for the drawer
 * only), all of which a client on the view route finds in its view's history.
 */
export const quartetGame: GameDefinition<
  QuartetTable,
  QuartetTableEvent,
  Rejection,
  QuartetOptions,
  QuartetSeatView,
  QuartetMoves
> = {
  name: "quartet",
  notStarted: "NOT_PLAYING",
  message: (rejection: Rejection, lang: Lang) => rejectionMessage(rejection, lang),
  setup(players, options, { rng }) {
    const result = newGame(
      players.map((p) => p.id),
      options.settings,
      rng,
    );
    if (!result.ok) return result;
    return {
      ok: true,
      state: { game: result.state, log: result.events, picks: [], botLevel: options.botLevel },
      events: result.events,
    };
  },
  moves: {
    ask: {
      schema: askSchema,
      by: "player",
      apply: (table, ask, { player }) =>
        ruled(table, applyAsk(table.game, { type: "ask", from: player, to: ask.to, card: ask.card as never })),
    },
    pick: {
      schema: pickSchema,
      by: "player",
      apply(table, pick, { player, bots }) {
        const result = applyPick(table.game, table.picks, player, pick.card, pick.note ?? "", bots);
        if (!result.ok) return result;
        return { ok: true, state: { ...table, picks: result.picks }, events: [{ type: "picked", pick: result.pick }] };
      },
    },
  },
  turn: (table) => (table.game.phase === "playing" ? table.game.turn : null),
  view: (table, player) => seatViewOf(table, player),
  bot(table, player, rng: Rng) {
    const ask = chooseAsk(table.botLevel, seatView(table.game, player, table.log), rng);
    return ask ? { type: "ask", payload: { to: ask.to, card: ask.card } } : null;
  },
  nextWake: () => null,
  wake: (table) => ({ ok: true, state: table, events: [] }),
  pause: (table) => table,
  restored: (table) => table,
  isFinished: (table) => table.game.phase === "finished",
  rename(table, from, to) {
    const renamed = renamePlayer({ state: table.game, log: table.log, picks: table.picks }, from, to);
    return { ...table, game: renamed.state, log: renamed.log, picks: renamed.picks };
  },
  deliver(event): readonly Outgoing[] {
    switch (event.type) {
      case "picked":
        return [];
      case "asked": {
        const { from, to, card, got } = event;
        return [{ audience: all, type: "asked", payload: { from, to, card, got }, inView: true }];
      }
      case "drew":
        return [
          { audience: { to: "player", player: event.player }, type: "event", payload: event, inView: true },
          {
            audience: { to: "others", player: event.player },
            type: "event",
            payload: eventForSeat(event, ""),
            inView: true,
          },
        ];
      default:
        return [{ audience: all, type: "event", payload: event, inView: true }];
    }
  },
};
