/**
 * What every game's connection shares: the one Colyseus room it owns, its
 * status (connected, reconnecting after a drop, lost), the seat remembered
 * for a reload (`remember`/`forget` say where), leaving for good, and taking
 * a seat back when its room is gone. A game's connection adds its view, its
 * messages and its senders (`wire`, for the first room and every room after).
 */
import type { Room } from "@colyseus/sdk";
import type { ConnectionStatus } from "./connectionStatus.js";
import { Emitter } from "./emitter.js";

/** Where a connection keeps its seat for a reload. */
export interface SeatMemory {
  /** Remembers the room's current reconnection token. */
  remember(token: string): void;
  forget(): void;
}

/**
 * Finds the seat again in a new room (a workshop table brought back after a
 * server restart has a new room id): resolves with the joined room, with
 * null when there is no seat to go back to (the table finished, the
 * participant was removed), and throws when it cannot tell yet (the server is
 * not up again): then it is tried again later.
 */
export type Rejoin = () => Promise<Room | null>;

/** Close code of a leave the client or the server meant (`room.leave()`, a seat taken over by another device). */
const CONSENTED = 4000;
/** First wait before the seat is looked for again, doubled after each try up to {@link REJOIN_MAX_MS} (ms). */
const REJOIN_FIRST_MS = 250;
const REJOIN_MAX_MS = 4_000;
/** How long the seat is looked for before the connection is lost: the server's reconnection window (120 s, server/src/config.ts). */
const REJOIN_FOR_MS = 120_000;

export abstract class RoomConnection<Events extends { connection: ConnectionStatus }> extends Emitter<Events> {
  status: ConnectionStatus = "connected";
  private closed = false;

  protected constructor(
    protected room: Room,
    private readonly memory: SeatMemory,
    /** How the seat is found again when its room is gone; none: the connection is lost then. */
    private readonly rejoin?: Rejoin,
  ) {
    super();
  }

  /** The own sessionId. */
  get me(): string {
    return this.room.sessionId;
  }

  /** The code others use to join (the room id). */
  get code(): string {
    return this.room.roomId;
  }

  /** Leaves for good and forgets the seat. */
  async leave(): Promise<void> {
    this.closed = true;
    this.status = "lost";
    this.memory.forget();
    this.clear();
    await this.room.leave(true).catch(() => undefined);
  }

  /** Registers the game's listeners on `room` (the first one, and each one a rejoin brings). */
  protected abstract wire(room: Room): void;

  /** True while the seat is worth looking for after its room is gone (a game that is not over). */
  protected abstract wantsSeat(): boolean;

  /** Takes `room` as the connection's room: the SDK's reconnection, the seat memory and the game's listeners. */
  protected attach(room: Room): void {
    this.room = room;
    // A connection that was up for less than this is not taken back by the SDK (ms).
    room.reconnection.minUptime = 500;
    this.memory.remember(room.reconnectionToken);
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onReconnect(() => {
      // The SDK sets the new reconnection token right after this callback.
      queueMicrotask(() => this.memory.remember(room.reconnectionToken));
      this.setStatus("connected");
    });
    room.onLeave((code) => {
      if (room !== this.room || this.closed) return;
      if (this.rejoin && code !== CONSENTED && this.wantsSeat()) void this.findSeat();
      else this.lose();
    });
    this.wire(room);
  }

  /** Looks for the seat again with growing waits until it is found, there is none, or the window has passed. */
  private async findSeat(): Promise<void> {
    this.setStatus("reconnecting");
    const until = Date.now() + REJOIN_FOR_MS;
    for (let wait = REJOIN_FIRST_MS; !this.closed; wait = Math.min(REJOIN_MAX_MS, wait * 2)) {
      let room: Room | null;
      try {
        room = await (this.rejoin as Rejoin)();
      } catch {
        if (Date.now() + wait > until) break;
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      if (this.closed) {
        await room?.leave(true).catch(() => undefined);
        return;
      }
      if (!room) break;
      this.attach(room);
      this.setStatus("connected");
      return;
    }
    if (!this.closed) this.lose();
  }

  private lose(): void {
    if (this.status !== "lost") this.memory.forget();
    this.setStatus("lost");
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    (this as Emitter<{ connection: ConnectionStatus }>).emit("connection", status);
  }
}

/** A seat remembered in sessionStorage under `key` (one per tab, so two tabs can hold two seats). */
export function sessionSeat(key: string): SeatMemory & { token(): string | null } {
  return {
    remember(token) {
      try {
        sessionStorage.setItem(key, token);
      } catch {
        // Without storage a reload starts over; nothing else breaks.
      }
    },
    forget() {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // nothing to forget
      }
    },
    token() {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
  };
}
