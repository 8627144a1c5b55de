import { matchMaker } from "@colyseus/core";
import type { TableSummary } from "@iot/shared/workshop/api";
import type { TableRoom } from "./TableRoom.js";

/**
 * What the workshop service asks of a table, from whichever process holds
 * it: its live summary, pause, a notice, the end, a start now, the removal
 * of a participant (their seat goes to a bot, their connection is closed for
 * good), or one of the game's `host` moves (e.g. the planner's `next`).
 */
export type TableCommand =
  | { kind: "summary" }
  | { kind: "pause"; paused: boolean }
  | { kind: "notice"; text: string }
  | { kind: "end" }
  | { kind: "start" }
  | { kind: "remove"; participantId: string }
  | { kind: "move"; type: string; payload?: unknown }
  | { kind: "vacant" }
  | { kind: "claim"; participant: string };

/** A seat a bot plays that a late joiner may take over: its player id and the bot's name. */
export interface VacantSeat {
  seat: string;
  name: string;
}

/** The answer to each command. */
export type TableCommandResult<C extends TableCommand> = C extends { kind: "summary" }
  ? TableSummary
  : C extends { kind: "move" }
    ? { ok: true } | { ok: false; code: string }
    : C extends { kind: "vacant" }
      ? VacantSeat[]
      : C extends { kind: "claim" }
        ? VacantSeat | null
        : null;

/** Sends a command to the table in room `roomId`; null when the room is gone (finished and closed, or lost in a restart). */
export async function callTable<C extends TableCommand>(
  roomId: string,
  command: C,
): Promise<TableCommandResult<C> | null> {
  try {
    return (await matchMaker.remoteRoomCall<TableRoom, "control">(roomId, "control", [
      command,
    ])) as TableCommandResult<C>;
  } catch {
    return null;
  }
}
