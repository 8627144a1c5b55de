import type { z } from "zod";
import type { Lang } from "../protocol.js";
import type { Rng } from "../rng.js";

/**
 * What every game played at a table gives the one table host
 * (`server/src/table/`): pure functions over plain data. The host owns the
 * seats, connections, reconnection, rate limits, timers and snapshots; the
 * definition owns everything about the game: how it starts, which moves
 * exist and what they do, what one seat may see, what a bot plays and when
 * the game wants to be woken. No clock is read here: time comes in as `now`
 * (epoch milliseconds) and randomness as a seeded {@link Rng}.
 */

/** A seat as the rules see it. `id` is the player id the rules use (the client's session id, or `bot-n`). */
export interface TablePlayer {
  id: string;
  name: string;
  isBot: boolean;
}

/** Who receives a message a move caused. */
export type Audience = { to: "all" } | { to: "player"; player: string } | { to: "others"; player: string };

/** A message to clients, caused by an event. */
export interface Outgoing {
  audience: Audience;
  type: string;
  payload: unknown;
  /** What it says is in the receiver's view too: clients on the view route do not get it. */
  inView?: boolean;
}

/**
 * Work outside the rules that a move asks the host to do (e.g. the planning
 * assistant's solver); the host's runner for `kind` gives its result back as
 * a `server` move for `player`. The host runs one effect per `key` at a time
 * (default: kind and player) and drops a second one asked while the first runs.
 */
export interface TableEffect {
  kind: string;
  player: string;
  /** What makes two effects the same work (default `kind:player`). */
  key?: string;
}

/** An accepted move: the new state, the events it caused, and optionally effects and an answer to the sender. */
export interface Accepted<S, E> {
  ok: true;
  state: S;
  events: readonly E[];
  effects?: readonly TableEffect[];
  /** Sent to the moving player only (e.g. a preview, or the assistant's proposal). */
  reply?: { type: string; payload: unknown };
}

/** A refused move: a code (and details for the message); the state is untouched. */
export interface Refused<R> {
  ok: false;
  rejection: R;
}

export type Outcome<S, E, R> = Accepted<S, E> | Refused<R>;

/** What a move sees besides the state and its payload. */
export interface MoveContext {
  /** The player who moves (for a `server` move: the player the effect was for). */
  player: string;
  /** Epoch milliseconds, from the host's clock. */
  now: number;
  rng: Rng;
  /** Seats a bot plays at the time of the move (the table's bots and seats a bot took over); absent: none. */
  bots?: ReadonlySet<string>;
}

/**
 * One move: its payload schema (from the game's protocol module) and a pure
 * apply. `by` says who may send it: any seated `player`, the table's `host`
 * (or the server on a facilitator's behalf), or only the `server` itself (the
 * result of an effect). A `query` changes nothing (it only answers the
 * sender) and is the only kind still answered while the table is paused.
 */
export interface MoveDefinition<S, E, R, P> {
  schema: z.ZodType<P>;
  by: "player" | "host" | "server";
  query?: boolean;
  apply(state: S, payload: P, ctx: MoveContext): Outcome<S, E, R>;
}

/** The options a game's table is set up with, already validated. */
export interface SetupContext {
  now: number;
  rng: Rng;
  /** The table's seed, for games that derive their scenario from it. */
  seed: number;
}

/**
 * A game the table host can serve. `S` is the game's state (plain JSON: it
 * is what a snapshot stores), `E` its events, `R` its rejection (with a
 * protocol `code`), `O` its table options, `V` what one seat sees, and `M`
 * its move table (payload per move name).
 */
export interface GameDefinition<S, E, R extends { code: string }, O, V, M extends Record<string, unknown>> {
  readonly name: string;
  /** The rejection code for a move before the game has started. */
  readonly notStarted: R["code"];
  /** The human-readable sentence for a rejection, in `lang`. */
  message(rejection: R, lang: Lang): string;
  /** Deals or sets up the game for the seated players (in seat order). */
  setup(players: readonly TablePlayer[], options: O, ctx: SetupContext): Outcome<S, E, R>;
  /** The moves clients (and the server) may make, by message type. */
  moves: { [K in keyof M]: MoveDefinition<S, E, R, M[K]> };
  /** The player whose turn it is, when the game is turn-based (bots and the turn timer act for them); else null. */
  turn(state: S): string | null;
  /** What `player` may know of the game: nothing beyond it is ever sent to that player's client. */
  view(state: S, player: string): V;
  /** The move a bot makes for `player` now, or null when it has none. Absent: the game has no bots. */
  bot?(state: S, player: string, rng: Rng): { type: keyof M & string; payload: unknown } | null;
  /** When (epoch ms) the rules want {@link GameDefinition.wake} called next; null: not until a move. */
  nextWake(state: S): number | null;
  /** Time has come (the round timer ran out, the day clock moves on). */
  wake(state: S, now: number): Outcome<S, E, R>;
  /** The table was paused or resumed at `now`: timers keep what was left. */
  pause(state: S, paused: boolean, now: number): S;
  /** The state brought back from a snapshot at `now` (e.g. a timer that gives everyone time to return). */
  restored(state: S, now: number): S;
  /**
   * The effects `state` still waits for: work a move asked for whose result
   * the state does not hold yet (e.g. a reference plan of a round that has
   * ended). A host that lost its running effects (a restart) runs these once
   * it has brought the state back with {@link GameDefinition.restored};
   * their results come back as `server` moves like any other effect's. Must
   * be the same effects an accepted move would ask for in `state` (so one
   * asked twice is one solve, by its `key`), and empty once their results
   * are recorded. Absent: the game waits for nothing outside a move.
   */
  awaiting?(state: S): readonly TableEffect[];
  isFinished(state: S): boolean;
  /** The seat `from` is taken by a new session `to`: the id is replaced everywhere in the state. */
  rename(state: S, from: string, to: string): S;
  /** The messages an event becomes, and who receives each. */
  deliver(event: E, state: S): readonly Outgoing[];
}

/** A move definition with its payload type forgotten, as the host dispatches it (the schema parses the payload first). */
export type AnyMove<S, E, R> = MoveDefinition<S, E, R, unknown>;

/** The move `type` of a definition, or undefined when the game has none by that name. */
export function moveOf<S, E, R extends { code: string }, O, V, M extends Record<string, unknown>>(
  game: GameDefinition<S, E, R, O, V, M>,
  type: string,
): AnyMove<S, E, R> | undefined {
  return Object.hasOwn(game.moves, type) ? (game.moves[type as keyof M] as unknown as AnyMove<S, E, R>) : undefined;
}
