/**
 * What every game's connection shares: the one Colyseus room it owns, its
 * status (connected, reconnecting after a drop, lost), the seat remembered
 * for a reload (`remember`/`forget` say where) and leaving for good. A game's
 * connection adds its view, its messages and its senders.
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

export class RoomConnection<Events extends { connection: ConnectionStatus }> extends Emitter<Events> {
  status: ConnectionStatus = "connected";

  protected constructor(
    protected readonly room: Room,
    private readonly memory: SeatMemory,
  ) {
    super();
    // A connection that was up for less than this is not taken back by the SDK (ms).
    room.reconnection.minUptime = 500;
    memory.remember(room.reconnectionToken);
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onReconnect(() => {
      // The SDK sets the new reconnection token right after this callback.
      queueMicrotask(() => memory.remember(room.reconnectionToken));
      this.setStatus("connected");
    });
    room.onLeave(() => {
      if (this.status !== "lost") memory.forget();
      this.setStatus("lost");
    });
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
    this.status = "lost";
    this.memory.forget();
    this.clear();
    await this.room.leave(true).catch(() => undefined);
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
