import { matchMaker, type Client } from "@colyseus/core";
import { rejectionMessage } from "@iot/shared/i18n/messages";
import { AGAIN_MESSAGE, FRIENDS_ROOM, type AgainPayload } from "@iot/shared/quartet/friends";
import type { SeatPolicy, TableRoom } from "../table/TableRoom.js";
import type { TableSetup } from "../table/binding.js";
import { newJoinCode } from "../workshop/codes.js";

/** How long a "play again" table waits for its first player before it closes (ms; the group decides within minutes). */
export const AGAIN_WAIT_MS = 10 * 60 * 1000;

/**
 * A quartet table for a group of humans: the creator hosts it and starts
 * when ready; its room id is a 6-character join code from the workshop
 * codes' alphabet, so friends join by the code or the link
 * `/join/<code>` until the start, and the table's bots fill every seat still
 * empty then. After the end any player may ask to play again (`again`):
 * the table opens one new friends' table with the same settings (once) and
 * sends every client its code (`again { code }`); the first to join it hosts it.
 */
export class FriendsTable implements SeatPolicy {
  readonly hostless = false;
  /** The create options, kept for the table played again (the creator's name left out). */
  private options: Record<string, unknown> = {};
  /** The new table's code once a player asked to play again. */
  private next: Promise<string> | null = null;

  open(host: TableRoom, raw: unknown): TableSetup<unknown> {
    const setup = host.binding.quickSetup(raw);
    host.initState(setup);
    host.roomId = newJoinCode();
    const { name: _name, again, ...options } = (raw ?? {}) as Record<string, unknown>;
    this.options = options;
    if (again === true) {
      // Opened by the server for a group playing again: it waits for them, then closes if nobody came.
      host.autoDispose = false;
      host.later(() => {
        if (host.seats.size === 0) void host.disconnect();
      }, AGAIN_WAIT_MS);
    }
    host.onMessage(AGAIN_MESSAGE, (client: Client) => void this.again(host, client));
    return setup;
  }

  auth = async (): Promise<boolean> => true;

  join(host: TableRoom, client: Client, options: Record<string, unknown>): void {
    host.seatNew(client, host.binding.joinRequest(options));
    host.autoDispose = true;
  }

  left(): void {}
  changed(): void {}
  events(): void {}
  async idle(): Promise<void> {}

  /** A player asks to play again: allowed after the end only; every client hears the new table's code. */
  private async again(host: TableRoom, client: Client): Promise<void> {
    const seat = host.seats.get(client.sessionId);
    if (!seat || !host.started || !host.binding.game.isFinished(host.game)) {
      client.send("rejected", {
        code: "BAD_MESSAGE",
        message: rejectionMessage({ code: "BAD_MESSAGE" }, seat?.lang ?? "nl"),
      });
      return;
    }
    this.next ??= matchMaker
      .createRoom(FRIENDS_ROOM, { ...this.options, name: seat.name, again: true })
      .then((room) => room.roomId);
    try {
      host.broadcast(AGAIN_MESSAGE, { code: await this.next } satisfies AgainPayload);
    } catch {
      this.next = null;
    }
  }
}
