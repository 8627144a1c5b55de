import type { CardId, ThemeId } from "./cardIds.js";

/** A player's identity at the table (the server uses the Colyseus sessionId). */
export type PlayerId = string;

/** Where the turn goes after a miss. */
export type MissPassesTo = "asked" | "next";

/** What happens to a player whose hand is empty. */
export type EmptyHandRule = "out" | "draw";

/**
 * Table settings ("house rules"). Defaults follow the standard Dutch kwartet:
 * all cards dealt, a miss passes the turn to the asked player, no bluff asks,
 * an empty hand is out.
 */
export interface TableSettings {
  /** After a miss: the asked player takes the turn, or the next seat after the asker. */
  missPassesTo: MissPassesTo;
  /** Allow asking from a theme you hold no card of (a bluff). Asking for a card you hold is never allowed. */
  allowBluff: boolean;
  /** Stock variant: deal `stockHandSize` cards each, the rest forms a stock; after a miss the asker draws one. 0 = deal all cards. */
  stockHandSize: number;
  /** Empty hand: the player is out, or draws from the stock on their turn (stock variant only). */
  emptyHand: EmptyHandRule;
}

export const DEFAULT_SETTINGS: TableSettings = {
  missPassesTo: "asked",
  allowBluff: false,
  stockHandSize: 0,
  emptyHand: "out",
};

/** One line of the final ranking; tied players share a place. */
export interface RankEntry {
  player: PlayerId;
  place: number;
  quartets: number;
}

/** The whole game, as plain JSON-serialisable data. Only the server holds it. */
export interface QuartetState {
  settings: TableSettings;
  /** Players in seat order. */
  players: PlayerId[];
  hands: Record<PlayerId, CardId[]>;
  /** Themes laid down, per player, in the order they were laid. */
  quartets: Record<PlayerId, ThemeId[]>;
  /** Face-down stock, top card first. Empty unless the stock variant is on. */
  stock: CardId[];
  phase: "playing" | "finished";
  /** Who asks next; null once finished. */
  turn: PlayerId | null;
  /** Legal asks made so far. */
  asks: number;
  /** Set once finished. */
  ranking: RankEntry[] | null;
}

/** A player's ask: "May I have `card` from `to`?" */
export interface AskAction {
  type: "ask";
  from: PlayerId;
  to: PlayerId;
  card: CardId;
}

/**
 * What happened, in order. Every event is public except the `card` of a
 * `drew` event, which only the drawing player may see (see `eventForSeat`).
 */
export type QuartetEvent =
  | { type: "dealt"; handCounts: Record<PlayerId, number>; stockCount: number }
  | { type: "asked"; from: PlayerId; to: PlayerId; card: CardId; got: boolean }
  | { type: "drew"; player: PlayerId; card?: CardId }
  | { type: "quartet"; player: PlayerId; theme: ThemeId }
  | { type: "out"; player: PlayerId }
  | { type: "turn"; player: PlayerId }
  | { type: "finished"; ranking: RankEntry[] };

/** Rejection codes of the room protocol plus the project's additions. */
export const REJECTION_CODES = [
  "NOT_PLAYING",
  "NOT_YOUR_TURN",
  "NOT_HOST",
  "UNKNOWN_PLAYER",
  "ASK_SELF",
  "TARGET_EMPTY",
  "UNKNOWN_CARD",
  "THEME_NOT_HELD",
  "CARD_ALREADY_HELD",
  "BAD_MESSAGE",
  "RATE_LIMITED",
  // Project additions (documented in docs/protocol-additions.md).
  "CARD_OUT_OF_PLAY",
  "ALREADY_STARTED",
  "BAD_PLAYER_COUNT",
  "BAD_SETTINGS",
  "NOT_YOUR_QUARTET",
  "NOTE_TOO_LONG",
  "PAUSED",
  "ALREADY_PICKED",
  "NO_MORE_TIME",
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** A refused action: a code and, for some codes, details for the message. */
export interface Rejection {
  code: RejectionCode;
  /** Optional detail for the human-readable message (e.g. the allowed range). */
  detail?: Record<string, string | number>;
}

/** The outcome of a rule: a new state and the events it caused, or a rejection (state untouched). */
export type RuleResult =
  { ok: true; state: QuartetState; events: QuartetEvent[] } | { ok: false; rejection: Rejection };
