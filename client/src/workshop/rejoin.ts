/**
 * How a workshop participant's connection finds their seat again when its
 * room is gone (a server restart brings the table back under a new room id):
 * the lobby says which room the table is in now, and the participant token
 * takes the seat there.
 */
import type { Room } from "@colyseus/sdk";
import type { Rejoin } from "../net/roomConnection.js";
import { ApiFailure, participantApi } from "./workshopApi.js";

/**
 * A {@link Rejoin} for participant `token`: `join` enters a room by id with
 * the token. Null (nothing to go back to) when the token no longer counts or
 * the table is not playing any more; throws while the server cannot tell yet.
 */
export function workshopRejoin(token: string, join: (roomId: string) => Promise<Room>): Rejoin {
  return async () => {
    let table;
    try {
      table = (await participantApi.lobby(token)).table;
    } catch (e) {
      if (e instanceof ApiFailure && (e.code === "UNAUTHORIZED" || e.code === "NOT_FOUND")) return null;
      throw e;
    }
    if (!table || table.status !== "playing" || !table.roomId) return null;
    return join(table.roomId);
  };
}
