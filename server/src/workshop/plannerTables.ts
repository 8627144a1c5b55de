import { matchMaker } from "@colyseus/core";
import type { AdvanceAction } from "@iot/shared/workshop/api";
import type { WorkshopStore } from "../db/store.js";
import type { TableRow, WorkshopRow } from "../db/schema.js";
import { ApiError } from "./errors.js";
import type { AdvanceOutcome, PlannerTableOptions } from "./PlannerWorkshopRoom.js";
import { savePlannerResults } from "./plannerResults.js";
import { parsePlannerSnapshot, type PlannerTableSnapshot } from "./plannerSnapshot.js";

/** Room name of a workshop's planner regions (only the server creates them). */
export const WORKSHOP_PLANNER_ROOM = "workshop-planner";

/**
 * Opens a planner table's room (a region) for the participants seated at it,
 * or from its snapshot after a restart, and records the room on the table.
 */
export async function openPlannerRoom(
  store: WorkshopStore,
  workshop: WorkshopRow,
  table: TableRow,
  serverKey: string,
  startAfterMs: number,
  restore?: PlannerTableSnapshot,
): Promise<void> {
  const seated = (await store.participants(workshop.id)).filter((p) => p.table_id === table.id);
  const difficulty = [1, 2, 3, 4].includes(workshop.difficulty) ? workshop.difficulty : 2;
  const options: PlannerTableOptions = {
    serverKey,
    tableId: table.id,
    lang: workshop.lang === "en" ? "en" : "nl",
    difficulty: difficulty as PlannerTableOptions["difficulty"],
    roundSeconds: Math.max(0, workshop.round_minutes) * 60,
    participantIds: seated.map((p) => p.id),
    startAfterMs,
    ...(restore ? { restore } : {}),
  };
  const room = await matchMaker.createRoom(WORKSHOP_PLANNER_ROOM, options);
  await store.updateTable(table.id, { room_id: room.roomId, status: "playing" });
}

/**
 * What to do with a planner table that was playing when the server stopped:
 * reopen it from its snapshot (`restore`), afresh when it has none or one
 * this version cannot read (`fresh`), or, when its game had already
 * finished, save its results once more and mark it finished (`done`).
 */
export async function recoverPlannerTable(
  store: WorkshopStore,
  table: TableRow,
): Promise<{ kind: "restore"; snapshot: PlannerTableSnapshot } | { kind: "fresh" } | { kind: "done" }> {
  const json = await store.snapshot(table.id);
  const snapshot = json ? parsePlannerSnapshot(json) : null;
  if (!snapshot) return { kind: "fresh" };
  if (snapshot.game.phase !== "finished") return { kind: "restore", snapshot };
  await savePlannerResults(store, table.id, snapshot.game, snapshot.participants);
  return { kind: "done" };
}

/** Asks a region to take a step; null when its room is gone. */
async function advanceRoom(roomId: string, action: AdvanceAction): Promise<AdvanceOutcome | null> {
  try {
    return (await matchMaker.remoteRoomCall(roomId, "advanceTable", [action])) as AdvanceOutcome;
  } catch {
    return null;
  }
}

/**
 * Moves a planner table on: `next` ends the round under way or starts the
 * next one (round 1 too, with whoever is there); `end` and `start` only do
 * that one thing. NOT_FOUND for an unknown table; WRONG_PHASE when it is not
 * an open planner table or not at a step where the action applies.
 */
export async function advancePlannerTable(
  store: WorkshopStore,
  workshop: WorkshopRow,
  tableId: string,
  action: AdvanceAction,
): Promise<AdvanceOutcome> {
  const table = await store.table(tableId);
  if (!table || table.workshop_id !== workshop.id) throw new ApiError("NOT_FOUND");
  if (workshop.game !== "planner" || table.status !== "playing" || !table.room_id) throw new ApiError("WRONG_PHASE");
  const outcome = await advanceRoom(table.room_id, action);
  if (!outcome?.ok) throw new ApiError("WRONG_PHASE");
  return outcome;
}

/** Moves every open planner table of a workshop on with the same action; tables where it does not apply stay as they are. */
export async function advancePlannerTables(
  store: WorkshopStore,
  workshop: WorkshopRow,
  action: AdvanceAction,
): Promise<void> {
  if (workshop.game !== "planner") throw new ApiError("WRONG_PHASE");
  for (const t of await store.tables(workshop.id)) {
    if (t.status === "playing" && t.room_id) await advanceRoom(t.room_id, action);
  }
}
