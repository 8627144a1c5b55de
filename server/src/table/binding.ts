import type { Schema } from "@colyseus/schema";
import type { Lang } from "@iot/shared/protocol";
import type { GameDefinition } from "@iot/shared/table/definition";
import type { TableSummary } from "@iot/shared/workshop/api";
import type { Seat } from "./seats.js";

/** The host's settings that do not depend on the game (from `config.ts`). */
export interface HostConfig {
  /** How long a dropped player's seat waits (s). */
  reconnectSeconds: number;
  /** How long a finished table stays open (ms). */
  lingerMs: number;
  /** Per-client rate limit: burst size (messages) and refill (messages per second). */
  rateBurst: number;
  ratePerSecond: number;
  /** A bot's thinking time, `[min, max]` ms (games with bots). */
  botDelayMs: [number, number];
  /** Fixed deal or scenario seed; null: random per table. */
  seed: number | null;
}

/** A table's setup, from the creator's options (quick play) or the workshop (server-opened tables). */
export interface TableSetup<O> {
  options: O;
  /** Seats at the table (the room's maximum of clients). */
  seats: number;
  /** Seats bots fill at the start (never more than the empty seats). */
  bots: number;
  /** Turn timer (s) of turn-based games: when it runs out, the seat's bot moves for the player; 0 off. */
  turnSeconds: number;
}

/** A player's own join options. */
export interface JoinRequest {
  name: string;
  lang: Lang;
  role: string;
  regionPhase: string;
}

/** What the host knows beyond the game, as the schema shows it. */
export interface HostView<S> {
  state: S | null;
  seats: ReadonlyMap<string, Seat>;
  host: string;
  paused: boolean;
  notice: string;
  /** Epoch ms when the turn timer runs out; 0 when none runs. */
  turnDeadline: number;
  /** The table's setup. */
  setup: TableSetup<unknown>;
}

/**
 * A game's synchronised Colyseus state: the public contract's shape for the
 * quartet, the planner's documented state for the planner. One per room;
 * `write` mirrors the host's view after every change in one synchronous step,
 * so every patch shows a whole move.
 */
export interface Projection<S> {
  readonly state: Schema;
  /** Adds a seat's player object and returns what only that seat's client may see (its StateView gets it); null: nothing. */
  addSeat(seat: Seat): Schema | null;
  removeSeat(id: string): void;
  write(view: HostView<S>): void;
}

/** Refused options: the create or join fails with this message (HTTP 400 to the SDK). */
export class BadOptions extends Error {}

/** The result of an effect: a `server` move for the effect's player, or a rejection for them. */
export type EffectResult = { type: string; payload: unknown } | { rejection: { code: string } } | null;

/**
 * Everything the one table host needs of a game on the server: the shared
 * definition, how its options and joins are read, its synchronised state,
 * its line in the facilitator's overview and the runners of its effects.
 */
export interface TableBinding<S, E, R extends { code: string }, O> {
  // The view and move types do not matter to the host: it hands payloads to the definition's schemas.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  game: GameDefinition<S, E, R, O, any, any>;
  config: HostConfig;
  /** Reads quick-play create options (throws BadOptions with a message in the creator's language). */
  quickSetup(raw: unknown): TableSetup<O>;
  /** Reads a player's quick-play join options (throws BadOptions). */
  joinRequest(raw: unknown): JoinRequest;
  /** Reads the game options a workshop table is opened with (trusted, from the server). */
  workshopSetup(raw: unknown): TableSetup<O>;
  projection(setup: TableSetup<O>): Projection<S>;
  summary(view: HostView<S>, idleMs: number): TableSummary;
  /** Runs effect `kind` for the state it was asked in. */
  effects?: Record<string, (effect: { kind: string; player: string }, state: S) => Promise<EffectResult>>;
  /** Whether a bot plays the seat of a player who is gone (games with bots); otherwise the seat waits. */
  readonly botsTakeOver: boolean;
  /**
   * Who gets the seat views (the `view` message): every client, or only those
   * that join with `views: true` (the quartet, whose contract clients read
   * the synchronised state instead).
   */
  readonly views: "always" | "optIn";
  /**
   * What a client off the view route is sent (as message `type`) when it joins
   * and when it comes back after a drop: the game's public history, so its
   * log is whole again; null payload: nothing to send.
   */
  readonly history?: { type: string; of(state: S | null): unknown };
}
