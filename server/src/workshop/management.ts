/**
 * The facilitator's management of their workshops: the list with what each
 * holds, rename and archive, duplicate, delete, lock and unlock, reopen after
 * the end, and removing a participant (their seat goes to a bot, their token
 * stops working).
 */
import { copyTitle } from "@iot/shared/i18n/workshopTitles";
import type { WorkshopCounts, WorkshopListItem, WorkshopPatch } from "@iot/shared/workshop/api";
import type { WorkshopStore } from "../db/store.js";
import type { WorkshopRow } from "../db/schema.js";
import { callTable } from "../table/control.js";
import { ApiError } from "./errors.js";
import { publishChange } from "./events.js";
import type { WorkshopService } from "./service.js";
import { workshopInfo } from "./wire.js";

/** A facilitator's workshops, newest first, each with what it holds; the archived ones only with `archived`. */
export async function workshopList(
  store: WorkshopStore,
  facilitatorId: string,
  archived: boolean,
): Promise<WorkshopListItem[]> {
  const rows = await store.workshopsOf(facilitatorId, archived);
  const counts = await store.workshopCounts(rows.map((w) => w.id));
  return rows.map((w) => ({
    ...workshopInfo(w),
    counts: counts.get(w.id) ?? { participants: 0, tables: 0, results: 0 },
  }));
}

/** Renames and/or archives (or brings back) a workshop; returns it as it is now. */
export async function patchWorkshop(store: WorkshopStore, w: WorkshopRow, patch: WorkshopPatch): Promise<WorkshopRow> {
  const changes: Parameters<WorkshopStore["updateWorkshop"]>[1] = {};
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.archived !== undefined) changes.archived_at = patch.archived ? (w.archived_at ?? stamp()) : null;
  await store.updateWorkshop(w.id, changes);
  publishChange({ workshop: w.id });
  return { ...w, ...changes };
}

/** A new workshop with the same settings and a new join code; its title marks it as a copy, in its language. */
export async function duplicateWorkshop(service: WorkshopService, w: WorkshopRow): Promise<WorkshopRow> {
  const info = workshopInfo(w);
  return service.create(w.facilitator_id, {
    title: copyTitle(info.title, info.lang),
    lang: info.lang,
    game: info.game,
    tableSize: info.tableSize,
    botLevel: info.botLevel,
    turnSeconds: info.turnSeconds,
    rules: info.rules,
    difficulty: info.difficulty,
    roundMinutes: info.roundMinutes,
  });
}

/** Deletes a workshop and everything it holds; its open tables close first. Returns what went. */
export async function deleteWorkshop(store: WorkshopStore, w: WorkshopRow): Promise<WorkshopCounts> {
  const counts = (await store.workshopCounts([w.id])).get(w.id) ?? { participants: 0, tables: 0, results: 0 };
  for (const t of await store.tables(w.id)) {
    if (t.status === "playing" && t.room_id) await callTable(t.room_id, { kind: "end" });
  }
  await store.deleteWorkshop(w.id);
  publishChange({ workshop: w.id });
  return counts;
}

/** Locks (nobody new may join) or unlocks a workshop. */
export async function setLocked(store: WorkshopStore, w: WorkshopRow, locked: boolean): Promise<void> {
  await store.updateWorkshop(w.id, { locked: locked ? 1 : 0 });
  publishChange({ workshop: w.id });
}

/** Opens an ended workshop again: running when a table ever started, else back in the lobby; the code works again. */
export async function reopenWorkshop(store: WorkshopStore, w: WorkshopRow): Promise<void> {
  if (w.status !== "ended") return;
  const started = (await store.tables(w.id)).some((t) => t.status !== "forming");
  await store.updateWorkshop(w.id, { status: started ? "running" : "lobby", ended_at: null });
  publishChange({ workshop: w.id });
}

/**
 * Removes a participant: their token stops working (lobby, stream tickets,
 * joining a table), and at an open table their connection closes for good
 * and a bot takes their seat. NOT_FOUND when they are not in this workshop.
 */
export async function removeParticipant(store: WorkshopStore, w: WorkshopRow, participantId: string): Promise<void> {
  const p = await store.participant(participantId);
  if (!p || p.workshop_id !== w.id) throw new ApiError("NOT_FOUND");
  const table = p.table_id ? await store.table(p.table_id) : undefined;
  await store.deleteParticipant(p.id);
  if (table?.room_id && table.status === "playing") await callTable(table.room_id, { kind: "remove", participantId });
  publishChange({ workshop: w.id });
}

const stamp = () => new Date().toISOString();
