/**
 * The one owner of the Colyseus room. Scenes never touch the SDK: they listen
 * to typed events (state, event, rejected, connection) and call `ask`, `pick`
 * and `start`. The table comes by the view route (the seat's view from the
 * shared rules, whole and then as patches, checked with the shared schema):
 * the state and the events that led to it arrive together, and the log is
 * there again after a reload.
 */
import { Client, type Room } from "@colyseus/sdk";
import { quartetMessages, type QuartetClientPayloads } from "@iot/shared/protocol";
import { AGAIN_MESSAGE, againSchema, FRIENDS_ROOM } from "@iot/shared/quartet/friends";
import type { QuartetSeatView } from "@iot/shared/quartet/game";
import type { SeatView } from "@iot/shared/quartet/seatView";
import { quartetSeatViewSchema } from "@iot/shared/quartet/tableSchema";
import { DEFAULT_SETTINGS, type TableSettings } from "@iot/shared/quartet/types";
import { MORE_TIME_MESSAGE } from "@iot/shared/table/turnTimer";
import type { TableView } from "@iot/shared/table/view";
import { lang, rejectionText } from "../../i18n/index.js";
import { QUARTET_ROOM } from "../../net/constants.js";
import { RoomConnection, type Rejoin } from "../../net/roomConnection.js";
import { serverUrl } from "../../net/serverUrl.js";
import { onChecked, ViewFollower } from "../../net/viewFollower.js";
import { loadParticipant } from "../../workshop/participant.js";
import { workshopRejoin } from "../../workshop/rejoin.js";
import { clearSeat, loadSeat, saveSeat } from "./session.js";
import { newEvents, tableEvents, toTableState } from "./tableState.js";
import type { JoinChoices, NetEvents, QuickPlayChoices, TableEvent, TableState } from "./types.js";

const EMPTY: TableState = toTableState({
  me: "",
  host: "",
  paused: false,
  notice: "",
  turnDeadline: 0,
  seats: [],
  game: null,
});

/** Join options of the project's client: it takes the view route. */
const VIEWS = { views: true } as const;

/** Joins workshop table `roomId` with participant `token` (the view route), in `language`. */
const joinWorkshopRoom = (token: string, language: string) => (roomId: string) =>
  new Client(serverUrl()).joinById(roomId, { ...VIEWS, token, lang: language });

/** A seat at a quartet table, over the network. */
export class TableConnection extends RoomConnection<NetEvents> {
  /** The latest decoded state. */
  state: TableState = EMPTY;
  /** Every event of the game so far as this seat saw it (asks, quartets, draws, turns, ...). */
  log: TableEvent[] = [];
  private view: TableView<QuartetSeatView> | null = null;

  private constructor(
    room: Room,
    /** The house rules this client asked for (used until the state says otherwise). */
    readonly rules: Partial<TableSettings>,
    /** A workshop table: the server starts it, and there is no code to share. */
    readonly workshop = false,
    rejoin?: Rejoin,
  ) {
    super(
      room,
      {
        remember: (token) =>
          saveSeat({ token, rules: rules as Record<string, unknown>, ...(workshop ? { workshop: true } : {}) }),
        forget: clearSeat,
      },
      rejoin,
    );
    this.attach(room);
  }

  protected wire(room: Room): void {
    new ViewFollower(room, quartetSeatViewSchema, (view, before) => {
      this.view = view;
      this.state = toTableState(view);
      const events = before ? newEvents(before, view) : [];
      this.log = tableEvents(view);
      this.emit("state", this.state);
      // The first view brings the game so far (after a reload or a rejoin too): the log shows it whole, nothing is replayed.
      if (!before) this.emit("history", this.log);
      for (const event of events) this.emit("event", event);
    });
    onChecked(room, "rejected", quartetMessages.server.rejected, ({ code, message }) =>
      this.emit("rejected", { code, message, text: rejectionText(code, message) }),
    );
    onChecked(room, AGAIN_MESSAGE, againSchema, ({ code }) => this.emit("again", code));
  }

  /** A friends' table (its room id is its 6-character join code): the host starts it, the group may play again. */
  get friends(): boolean {
    return this.room.name === FRIENDS_ROOM;
  }

  protected wantsSeat(): boolean {
    return this.state.phase !== "finished";
  }

  /** Opens a table against bots ("Play now") and starts the game. */
  static async quickPlay(choices: QuickPlayChoices): Promise<TableConnection> {
    const { seats, botLevel, rules, ...who } = choices;
    const room = await new Client(serverUrl()).create(QUARTET_ROOM, {
      ...VIEWS,
      ...who,
      seats,
      bots: seats - 1,
      botLevel,
      rules,
    });
    const table = new TableConnection(room, rules);
    table.start();
    return table;
  }

  /** Opens a friends' table: it waits for the friends the host shares its code with; bots fill the empty seats at the start. */
  static async friends(choices: QuickPlayChoices): Promise<TableConnection> {
    const { seats, botLevel, rules, ...who } = choices;
    const room = await new Client(serverUrl()).create(FRIENDS_ROOM, {
      ...VIEWS,
      ...who,
      seats,
      bots: seats - 1,
      botLevel,
      rules,
    });
    return new TableConnection(room, rules);
  }

  /** Joins a table by its code (a friends' table's join code, or a quick-play table's room id). */
  static async join(code: string, choices: JoinChoices): Promise<TableConnection> {
    const room = await new Client(serverUrl()).joinById(code.trim(), { ...VIEWS, ...choices });
    return new TableConnection(room, {});
  }

  /** Takes the seat a workshop participant was given, with their participant token. */
  static async joinWorkshop(roomId: string, token: string, language: string): Promise<TableConnection> {
    const join = joinWorkshopRoom(token, language);
    return new TableConnection(await join(roomId), {}, true, workshopRejoin(token, join));
  }

  /** Takes the remembered seat back after a reload; null when there is none or the table is gone. */
  static async resume(): Promise<TableConnection | null> {
    const stored = loadSeat();
    if (!stored) return null;
    try {
      const room = await new Client(serverUrl()).reconnect(stored.token);
      const participant = stored.workshop === true ? loadParticipant() : null;
      const rejoin = participant
        ? workshopRejoin(participant.token, joinWorkshopRoom(participant.token, lang()))
        : undefined;
      return new TableConnection(
        room,
        (stored.rules ?? {}) as Partial<TableSettings>,
        stored.workshop === true,
        rejoin,
      );
    } catch {
      clearSeat();
      return null;
    }
  }

  /** The own seat view of the shared rules, for the shared legal-choice functions (an empty one before the deal). */
  seatView(): SeatView {
    const game = this.view?.game;
    if (game) return game;
    return {
      me: this.me,
      settings: { ...DEFAULT_SETTINGS, ...this.rules },
      phase: "playing",
      turn: null,
      players: [],
      hand: [],
      stockCount: 0,
      history: [],
    };
  }

  /** Sends client message `type` of the quartet's message table, with its payload type. */
  private send<K extends keyof QuartetClientPayloads>(type: K, payload: QuartetClientPayloads[K]): void {
    this.room.send(type, payload);
  }

  /** Asks `to` for `card`. */
  ask(to: string, card: string): void {
    this.send("ask", { to, card });
  }

  /** Picks `card` of a quartet the player laid as the region's first action, with an optional note. */
  pick(card: string, note: string): void {
    this.send("pick", note.trim() ? { card, note: note.trim() } : { card });
  }

  /** Asks a friends' table, after the end, to play again: every client gets the new table's code (`again`). */
  playAgain(): void {
    this.room.send(AGAIN_MESSAGE, {});
  }

  /** Asks for more time on the own turn timer (once per move; see `moreTime` in protocol-additions.md). */
  moreTime(): void {
    this.room.send(MORE_TIME_MESSAGE, {});
  }

  /** Starts the game (the host only). */
  start(): void {
    this.send("start", {});
  }
}
