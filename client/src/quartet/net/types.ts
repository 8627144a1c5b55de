/**
 * What the client knows of a quartet table, decoded from the Colyseus state
 * into plain data. The public contract (`../shared/docs/protocol.md`) is in
 * {@link PublicPlayer}/{@link PublicTableState}; the project's additions
 * (`docs/protocol-additions.md`) are in the `Added*` types and are optional,
 * so the client also works against a server that only speaks the contract.
 */
import type { ActionPick, AskedPayload, RejectedPayload } from "@iot/shared/protocol";
import type { CardId, ThemeId } from "@iot/shared/quartet/cardIds";
import type { QuartetEvent, RankEntry, TableSettings } from "@iot/shared/quartet/types";
import type { ConnectionStatus } from "../../net/connectionStatus.js";
import type { Lang, RegionPhase, Role } from "../../net/constants.js";

export type Phase = "waiting" | "playing" | "finished";

/** A player as every client sees it (public contract). */
export interface PublicPlayer {
  id: string;
  name: string;
  seat: number;
  isBot: boolean;
  connected: boolean;
  handCount: number;
  quartets: ThemeId[];
  /** Only ever filled for the own seat. */
  hand: CardId[];
}

/** Per-player fields the project adds. */
export interface AddedPlayerFields {
  role: Role | "";
  regionPhase: RegionPhase | "";
  /** An empty hand that takes no more part. */
  out: boolean;
}

/** Table fields the project adds. */
export interface AddedTableFields {
  /** sessionId of the player who opened the table (may send `start`). */
  host: string;
  stockCount: number;
  ranking: (RankEntry & { name?: string })[];
  plan: ActionPick[];
  /** Epoch milliseconds when the turn timer runs out; 0 = no timer. */
  turnDeadline: number;
  settings: TableSettings | null;
  /** The facilitator paused the table. */
  paused: boolean;
  /** The facilitator's latest message ("" when none). */
  notice: string;
}

export type Player = PublicPlayer & AddedPlayerFields;

/** The decoded table state: players by seat. */
export interface TableState extends AddedTableFields {
  phase: Phase;
  turn: string;
  players: Player[];
}

/** Public events of the additions' `event` message (`asked` has its own message). */
export type AddedEvent = Extract<QuartetEvent, { type: "quartet" | "drew" | "out" | "turn" | "finished" }>;

/** Everything the log and the animations react to, in arrival order. */
export type TableEvent = ({ type: "asked" } & AskedPayload) | AddedEvent;

/** A rejection with the sentence to show in the chosen language. */
export interface Rejection {
  /** A code of {@link RejectedPayload} (unknown codes are passed on as they are). */
  code: RejectedPayload["code"] | (string & {});
  /** The server's sentence, in the language given at join. */
  message: string;
  /** The sentence in the language chosen now. */
  text: string;
}

export type { ConnectionStatus };

/** Options of quick play ("Play now") and joining; `rules` and `turnSeconds` are additions. */
export interface JoinChoices {
  name: string;
  lang: Lang;
  role?: Role;
  phase?: RegionPhase;
}

export interface QuickPlayChoices extends JoinChoices {
  seats: number;
  botLevel: "easy" | "medium" | "hard";
  rules: Partial<TableSettings>;
}

/** The typed events a table connection emits. */
export interface NetEvents {
  state: TableState;
  event: TableEvent;
  /** The game so far, once, when the connection's first view arrives (the log to show before any new event). */
  history: TableEvent[];
  rejected: Rejection;
  connection: ConnectionStatus;
  /** A friends' table's group plays again: the new table's join code. */
  again: string;
}
