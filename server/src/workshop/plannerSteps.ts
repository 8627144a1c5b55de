/**
 * The facilitator's steps on planner tables: a table's `next` move (ending
 * the round under way or starting the next), for one table or for every
 * open one of a workshop.
 */
import type { AdvanceAction } from "@iot/shared/workshop/api";
import type { WorkshopStore } from "../db/store.js";
import type { WorkshopRow } from "../db/schema.js";
import { callTable } from "../table/control.js";
import { ApiError } from "./errors.js";
import { publishChange } from "./events.js";

/** The outcome of a facilitator's step on a planner table: the game's phase and round after it. */
export interface AdvanceOutcome {
  ok: true;
  phase: string;
  round: number;
}

/**
 * Moves one planner table on: `next` ends the round under way or starts the
 * next one (round 1 too, with whoever is there); `end` and `start` only do
 * that one thing. NOT_FOUND for an unknown table; WRONG_PHASE when it is not
 * an open planner table or not at a step where the action applies.
 */
export async function advance(
  store: WorkshopStore,
  workshop: WorkshopRow,
  tableId: string,
  action: AdvanceAction,
): Promise<AdvanceOutcome> {
  const table = await store.table(tableId);
  if (!table || table.workshop_id !== workshop.id) throw new ApiError("NOT_FOUND");
  if (workshop.game !== "planner" || table.status !== "playing" || !table.room_id) throw new ApiError("WRONG_PHASE");
  const outcome = await advanceTable(table.room_id, action);
  publishChange({ workshop: workshop.id });
  if (!outcome) throw new ApiError("WRONG_PHASE");
  return outcome;
}

/** Moves every open planner table of a workshop on with the same action; tables where it does not apply stay as they are. */
export async function advanceAll(store: WorkshopStore, workshop: WorkshopRow, action: AdvanceAction): Promise<void> {
  if (workshop.game !== "planner") throw new ApiError("WRONG_PHASE");
  for (const t of await store.tables(workshop.id)) {
    if (t.status === "playing" && t.room_id) await advanceTable(t.room_id, action);
  }
  publishChange({ workshop: workshop.id });
}

/**
 * Asks a planner table to take a step: the game's `next` move, limited to
 * ending a round (`end`) or starting one (`start`) when asked. Null when the
 * step does not apply or the room is gone.
 */
async function advanceTable(roomId: string, action: AdvanceAction): Promise<AdvanceOutcome | null> {
  const payload = action === "next" ? {} : { only: action };
  const moved = await callTable(roomId, { kind: "move", type: "next", payload });
  if (!moved?.ok) return null;
  const after = await callTable(roomId, { kind: "summary" });
  const planner = after?.game === "planner" ? after : null;
  return { ok: true, phase: planner?.phase ?? "waiting", round: planner?.round ?? 0 };
}
