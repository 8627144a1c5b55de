import { CloseCode, ServerError, type Client } from "@colyseus/core";
import { JOIN_REFUSAL_STATUS, joinRefusalMessage, optionsLang } from "@iot/shared/i18n/joinRefusals";
import type { Lang } from "@iot/shared/protocol";
import type { WorkshopStore } from "../db/store.js";
import type { ParticipantRow } from "../db/schema.js";
import type { SeatPolicy, TableRoom } from "../table/TableRoom.js";
import type { VacantSeat } from "../table/control.js";
import { vacantSeats } from "../table/seats.js";
import type { TableSetup } from "../table/binding.js";
import type { WorkshopSnapshot } from "../table/snapshot.js";
import { tokenHash } from "./auth.js";
import { publishChange, tableChanged } from "./events.js";
import type { PersistContext, WorkshopGame } from "./games.js";
import { LatestWriter } from "./latestWriter.js";

/** Why a removed participant's connection closed (the close code is the consented one: the SDK does not come back). */
export const REMOVED_REASON = "removed by the facilitator";

/** Ends the workshop of table `tableId` when that was its last open table, and tells its streams. */
export async function endWorkshopIfDone(store: WorkshopStore, tableId: string): Promise<void> {
  const table = await store.table(tableId);
  const ended = table ? await store.endWorkshopIfDone(table.workshop_id) : null;
  if (ended) publishChange({ workshop: ended });
}

/** Options only the server passes when it opens a workshop table (see `WorkshopService.openTable`). */
export interface WorkshopTableOptions {
  serverKey: string;
  tableId: string;
  /** The game's own table options (the workshop's settings). */
  game: unknown;
  /** Participants seated here, in seat order. */
  participantIds: string[];
  /** Start after this long (ms) with whoever is there (bots, where the game has them, in the other seats). */
  startAfterMs: number;
  /** A table brought back after a restart. */
  restore?: WorkshopSnapshot;
}

/** What a workshop table needs from the server around it. */
export interface WorkshopServices {
  store: WorkshopStore;
  /** Secret that proves a create came from this server, not from a client. */
  serverKey: string;
}

/**
 * A workshop table's seating: only the server opens it; only the
 * participants seated at it may join, with their participant token, and a
 * participant whose connection is gone takes the same seat back under a new
 * session. It starts when everyone is there, or after a grace time with
 * whoever came (the grace time starts again with the first arrival when
 * nobody came). Every change is saved as a snapshot, and what the game
 * produces (picks, results, rounds) through the game's registry entry. After
 * a restore, each participant's seat waits the reconnection window before a
 * bot may take it. A participant seated here who had not come when the table
 * started goes back to the lobby (unseated), where they are offered a seat a
 * bot plays (`claim`: promised to them, handed over with its hand and score
 * when they join) or a table of their own.
 */
export class WorkshopSeating implements SeatPolicy {
  readonly hostless = true;
  private tableId = "";
  private expected: string[] = [];
  private startAfterMs = 30_000;
  private graceOver = false;
  /** Seat (player id) to participant id. */
  private participantOf = new Map<string, string>();
  /** Seats of a restored table whose participant is not back yet, with the timer that hands each to a bot. */
  private awaited = new Map<string, { clear(): void }>();
  private snapshots: LatestWriter;
  /** Writes of what the game produced, one after the other in the order they happened. */
  private writes: Promise<void> = Promise.resolve();
  private host: TableRoom | null = null;
  /** Whether the start was seen (the participants who had not come are then sent back to the lobby once). */
  private startSeen = false;

  constructor(
    private readonly services: WorkshopServices,
    private readonly entry: WorkshopGame,
  ) {
    this.snapshots = new LatestWriter(() => this.save(), "a table snapshot");
  }

  open(host: TableRoom, raw: unknown): TableSetup<unknown> {
    const o = raw as Partial<WorkshopTableOptions>;
    if (!o || o.serverKey !== this.services.serverKey || typeof o.tableId !== "string") {
      throw new ServerError(JOIN_REFUSAL_STATUS.WORKSHOP_ONLY, joinRefusalMessage("WORKSHOP_ONLY", optionsLang(raw)));
    }
    this.host = host;
    this.tableId = o.tableId;
    this.expected = o.participantIds ?? [];
    this.startAfterMs = o.startAfterMs ?? 30_000;
    const setup = o.restore?.table.setup ?? host.binding.workshopSetup(o.game);
    host.initState(setup);
    void host.setMetadata({ tableId: this.tableId });
    // The table lives until its game ends (then it closes after the linger), even while nobody is connected.
    host.autoDispose = false;
    if (o.restore) {
      this.startSeen = true;
      this.restore(host, o.restore);
    } else host.later(() => this.graceEnds(host), this.startAfterMs);
    return setup;
  }

  async auth(host: TableRoom, options: Record<string, unknown>): Promise<ParticipantRow> {
    const token = typeof options.token === "string" ? options.token : "";
    const participant = token ? await this.services.store.participantByToken(tokenHash(token)) : undefined;
    const lang = optionsLang(options);
    if (!participant || participant.table_id !== this.tableId) {
      throw new ServerError(JOIN_REFUSAL_STATUS.NOT_SEATED_HERE, joinRefusalMessage("NOT_SEATED_HERE", lang));
    }
    // A participant already at the table on another device takes the seat over here (see `join`).
    if (host.started && !this.seatOf(participant.id)) {
      throw new ServerError(JOIN_REFUSAL_STATUS.TABLE_STARTED, joinRefusalMessage("TABLE_STARTED", lang));
    }
    return participant;
  }

  join(host: TableRoom, client: Client, options: Record<string, unknown>, auth: unknown): void {
    const participant = auth as ParticipantRow | undefined;
    if (!participant) {
      throw new ServerError(
        JOIN_REFUSAL_STATUS.NOT_SEATED_HERE,
        joinRefusalMessage("NOT_SEATED_HERE", optionsLang(options)),
      );
    }
    const lang: Lang = options.lang === "en" || options.lang === "nl" ? options.lang : "nl";
    const old = this.seatOf(participant.id);
    // The same participant on another device (a phone that slept, a second tab): the newer connection wins.
    const earlier = old ? host.client(old) : undefined;
    if (old && host.started) {
      this.awaited.get(old)?.clear();
      this.awaited.delete(old);
      this.participantOf.delete(old);
      this.participantOf.set(client.sessionId, participant.id);
      host.rebind(old, client, lang, {
        name: participant.name,
        role: participant.role ?? "",
        regionPhase: participant.region_phase ?? "",
      });
      earlier?.leave(CloseCode.CONSENTED, "taken over by another device");
      return;
    }
    if (old) this.participantOf.delete(old);
    earlier?.leave(CloseCode.CONSENTED, "taken over by another device");
    this.participantOf.set(client.sessionId, participant.id);
    host.seatNew(client, {
      name: participant.name,
      lang,
      role: participant.role ?? "",
      regionPhase: participant.region_phase ?? "",
    });
    if (this.graceOver) {
      this.graceOver = false;
      host.later(() => this.graceEnds(host), this.startAfterMs);
    }
    const present = new Set(this.participantOf.values());
    if (this.expected.every((id) => present.has(id))) host.start();
  }

  left(_host: TableRoom, seatId: string): void {
    this.participantOf.delete(seatId);
  }

  /**
   * The facilitator removed participant `participantId`: the table no longer
   * waits for them; their seat is no longer theirs, their connection closes
   * for good and (once the game runs) a bot takes the seat over.
   */
  remove(host: TableRoom, participantId: string): void {
    this.expected = this.expected.filter((id) => id !== participantId);
    const seat = this.seatOf(participantId);
    if (!seat) return;
    this.participantOf.delete(seat);
    this.awaited.get(seat)?.clear();
    this.awaited.delete(seat);
    const connected = host.client(seat) !== undefined;
    host.release(seat, REMOVED_REASON);
    // A seat nobody is connected to (after a restore, or dropped) goes to a bot now.
    if (!connected && host.started) host.takeOver(seat);
    this.changed(host);
  }

  changed(host: TableRoom): void {
    if (host.started && !this.startSeen) {
      this.startSeen = true;
      this.releaseAbsent();
    }
    this.snapshots.request();
    // The facilitator's overview follows the table (throttled on the table's time), once what it produced has landed.
    if (this.host) tableChanged(this.host, this.tableId, () => this.writes);
  }

  events(host: TableRoom, events: readonly unknown[]): void {
    this.write(host, async (ctx, state) => {
      await this.entry.persist(ctx, events, state);
      // The last table of a workshop to finish ends the workshop.
      if (this.entry.isFinished(state)) await endWorkshopIfDone(ctx.store, ctx.tableId);
    });
  }

  /** Queues a write of what the game produced, with the seats and participants of this moment. */
  private write(host: TableRoom, save: (ctx: PersistContext, state: unknown) => Promise<void>): void {
    const state = host.game;
    const ctx: PersistContext = {
      store: this.services.store,
      tableId: this.tableId,
      participants: new Map(this.participantOf),
      seats: new Map([...host.seats].map(([id, seat]) => [id, { ...seat }])),
    };
    this.writes = this.writes
      .then(() => save(ctx, state))
      .catch((e: unknown) => console.error("saving what a table produced failed", e));
  }

  async idle(): Promise<void> {
    await this.snapshots.idle();
    await this.writes;
  }

  vacant(host: TableRoom): VacantSeat[] {
    if (!host.started || this.entry.isFinished(host.game)) return [];
    return vacantSeats(host.seats.values(), (id) => this.participantOf.has(id)).map((s) => ({
      seat: s.id,
      name: s.name,
    }));
  }

  claim(host: TableRoom, participant: string): VacantSeat | null {
    const seat = this.vacant(host)[0];
    if (!seat) return null;
    this.participantOf.set(seat.seat, participant);
    this.changed(host);
    return seat;
  }

  /**
   * After the start: the participants seated here who had not come are
   * unseated in the store (their lobby then offers them a bot's seat or a
   * table of their own), before the table's change is published.
   */
  private releaseAbsent(): void {
    const present = new Set(this.participantOf.values());
    const absent = this.expected.filter((id) => !present.has(id));
    if (absent.length === 0) return;
    const store = this.services.store;
    this.writes = this.writes
      .then(async () => {
        for (const id of absent) {
          const p = await store.participant(id);
          if (p?.table_id === this.tableId && !new Set(this.participantOf.values()).has(id))
            await store.seatParticipant(id, null);
        }
      })
      .catch((e: unknown) => console.error("sending latecomers back to the lobby failed", e));
  }

  /** Seat (player id) of participant `id`. */
  private seatOf(id: string): string | undefined {
    for (const [seat, participant] of this.participantOf) if (participant === id) return seat;
    return undefined;
  }

  private graceEnds(host: TableRoom): void {
    if (host.started) return;
    if (host.seats.size === 0) this.graceOver = true;
    else host.start();
  }

  /** Brings a saved table back; the reconnection window of every human seat starts now. */
  private restore(host: TableRoom, snap: WorkshopSnapshot): void {
    host.restore(snap.table);
    for (const [seat, participant] of Object.entries(snap.participants)) {
      this.participantOf.set(seat, participant);
      if (host.seats.get(seat)?.isBot !== false) continue;
      const timer = host.later(() => {
        this.awaited.delete(seat);
        host.takeOver(seat);
      }, host.binding.config.reconnectSeconds * 1000);
      this.awaited.set(seat, timer);
    }
    // What the game produced just before the restart may not have landed: saving it again replaces it.
    this.write(host, (ctx, state) => this.entry.resave(ctx, state));
  }

  private save(): Promise<void> | null {
    const table = this.host?.snapshot();
    if (!table) return null;
    const snapshot: WorkshopSnapshot = { table, participants: Object.fromEntries(this.participantOf) };
    return this.services.store.saveSnapshot(this.tableId, JSON.stringify(snapshot));
  }
}
