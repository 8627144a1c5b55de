import { matchMaker } from "@colyseus/core";
import type { TableSummary } from "@iot/shared/workshop/api";
import type { TableRoom } from "./TableRoom.js";

/**
 * What the workshop service asks of a table, from whichever process holds
 * it: its live summary, pause, a notice, the end, a start now, or one of the
 * game's `host` moves (e.g. the planner's `next`).
 */
export type TableCommand =
  | { kind: "summary" }
  | { kind: "pause"; paused: boolean }
  | { kind: "notice"; text: string }
  | { kind: "end" }
  | { kind: "start" }
  | { kind: "move"; type: string; payload?: unknown };

/** The answer to each command. */
export type TableCommandResult<C extends TableCommand> = C extends { kind: "summary" }
  ? TableSummary
  : C extends { kind: "move" }
    ? { ok: true } | { ok: false; code: string }
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
