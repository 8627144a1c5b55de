/**
 * The one owner of the Colyseus room. Scenes never touch the SDK: they listen
 * to typed events (state, event, rejected, connection) and call `ask`, `pick`
 * and `start`.
 */
import { Client, type Room } from "@colyseus/sdk";
import type { SeatView } from "@iot/shared/quartet/seatView";
import type { QuartetEvent, TableSettings } from "@iot/shared/quartet/types";
import { rejectionText } from "../../i18n/index.js";
import { QUARTET_ROOM } from "../../net/constants.js";
import { decodeState } from "./decode.js";
import { toTableEvent } from "./events.js";
import { Emitter } from "../../net/emitter.js";
import { toSeatView } from "./seatView.js";
import { serverUrl } from "../../net/serverUrl.js";
import { clearSeat, loadSeat, saveSeat } from "./session.js";
import type { ConnectionStatus, JoinChoices, NetEvents, QuickPlayChoices, TableEvent, TableState } from "./types.js";

const EMPTY: TableState = decodeState({});

/** A seat at a quartet table, over the network. */
export class TableConnection extends Emitter<NetEvents> {
  /** The latest decoded state. */
  state: TableState = EMPTY;
  /** Every public event since this client joined (asks, quartets, draws, turns, ...). */
  readonly log: TableEvent[] = [];
  status: ConnectionStatus = "connected";
  private readonly history: QuartetEvent[] = [];
  private readonly pending: TableEvent[] = [];
  private flushTimer = 0;

  private constructor(
    private readonly room: Room,
    /** The house rules this client asked for (used until the state says otherwise). */
    readonly rules: Partial<TableSettings>,
    /** A workshop table: the server starts it, and there is no code to share. */
    readonly workshop = false,
  ) {
    super();
    room.reconnection.minUptime = 500;
    this.remember();
    room.onStateChange((raw: unknown) => {
      const state = raw as { toJSON?: () => unknown } | null;
      this.state = decodeState(typeof state?.toJSON === "function" ? state.toJSON() : state);
      this.emit("state", this.state);
      this.flush();
    });
    room.onMessage("asked", (payload: unknown) => this.receive({ type: "asked", ...(payload as object) }));
    room.onMessage("event", (payload: unknown) => this.receive(payload));
    room.onMessage("rejected", (payload: unknown) => {
      const p = (payload ?? {}) as { code?: unknown; message?: unknown; detail?: Record<string, string | number> };
      const code = typeof p.code === "string" ? p.code : "BAD_MESSAGE";
      const message = typeof p.message === "string" ? p.message : "";
      this.emit("rejected", { code, message, text: rejectionText(code, message, p.detail) });
    });
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onReconnect(() => {
      // The SDK sets the new reconnection token right after this callback.
      queueMicrotask(() => this.remember());
      this.setStatus("connected");
    });
    room.onLeave(() => {
      if (this.status !== "lost") clearSeat();
      this.setStatus("lost");
    });
  }

  /** Opens a table against bots ("Play now") and starts the game. */
  static async quickPlay(choices: QuickPlayChoices): Promise<TableConnection> {
    const { seats, botLevel, rules, ...who } = choices;
    const room = await new Client(serverUrl()).create(QUARTET_ROOM, {
      ...who,
      seats,
      bots: seats - 1,
      botLevel,
      rules,
    });
    const table = new TableConnection(room, rules);
    room.send("start", {});
    return table;
  }

  /** Joins a table by its code (for now the room id). */
  static async join(code: string, choices: JoinChoices): Promise<TableConnection> {
    const room = await new Client(serverUrl()).joinById(code.trim(), { ...choices });
    return new TableConnection(room, {});
  }

  /** Takes the seat a workshop participant was given, with their participant token. */
  static async joinWorkshop(roomId: string, token: string, language: string): Promise<TableConnection> {
    const room = await new Client(serverUrl()).joinById(roomId, { token, lang: language });
    return new TableConnection(room, {}, true);
  }

  /** Takes the remembered seat back after a reload; null when there is none or the table is gone. */
  static async resume(): Promise<TableConnection | null> {
    const stored = loadSeat();
    if (!stored) return null;
    try {
      const room = await new Client(serverUrl()).reconnect(stored.token);
      return new TableConnection(room, (stored.rules ?? {}) as Partial<TableSettings>, stored.workshop === true);
    } catch {
      clearSeat();
      return null;
    }
  }

  /** The own sessionId. */
  get me(): string {
    return this.room.sessionId;
  }

  /** The code others use to join this table. */
  get code(): string {
    return this.room.roomId;
  }

  /** The own seat view over the latest state, for the shared legal-choice functions. */
  seatView(): SeatView {
    return toSeatView(this.state, this.me, this.rules, this.history);
  }

  /** Asks `to` for `card`. */
  ask(to: string, card: string): void {
    this.room.send("ask", { to, card });
  }

  /** Picks `card` of a quartet the player laid as the region's first action, with an optional note. */
  pick(card: string, note: string): void {
    this.room.send("pick", note.trim() ? { card, note: note.trim() } : { card });
  }

  /** Starts the game (the host only). */
  start(): void {
    this.room.send("start", {});
  }

  /** Leaves the table for good and forgets the seat. */
  async leave(): Promise<void> {
    this.status = "lost";
    clearSeat();
    this.clear();
    await this.room.leave(true).catch(() => undefined);
  }

  private remember(): void {
    saveSeat({
      token: this.room.reconnectionToken,
      rules: this.rules as Record<string, unknown>,
      ...(this.workshop ? { workshop: true } : {}),
    });
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit("connection", status);
  }

  /**
   * Messages arrive before the state patch that carries their effect (the
   * server sends patches at its patch rate), so events wait for the next
   * patch, or a moment at most: then names, hands and counts agree with them.
   */
  private receive(payload: unknown): void {
    const event = toTableEvent(payload);
    if (!event) return;
    this.pending.push(event);
    if (!this.flushTimer) this.flushTimer = window.setTimeout(() => this.flush(), 250);
  }

  private flush(): void {
    window.clearTimeout(this.flushTimer);
    this.flushTimer = 0;
    const events = this.pending.splice(0);
    for (const event of events) {
      this.log.push(event);
      this.history.push(event);
      this.emit("event", event);
    }
  }
}
