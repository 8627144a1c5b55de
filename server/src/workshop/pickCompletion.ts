import type { Request, Response } from "express";
import { facilitatorPickName } from "@iot/shared/i18n/api";
import { layerOf } from "@iot/shared/quartet/actionPlan";
import { isThemeId, themeOf, THEME_IDS, type ThemeId } from "@iot/shared/quartet/cardIds";
import { quartetTableSchema } from "@iot/shared/quartet/tableSchema";
import { completedPickSchema, completePickSchema } from "@iot/shared/workshop/pickCompletion";
import type { WorkshopStore } from "../db/store.js";
import type { TableRow, WorkshopRow } from "../db/schema.js";
import { parseWorkshopSnapshot } from "../table/snapshot.js";
import { ApiError } from "./errors.js";
import { debriefPick } from "./wire.js";

/** The player key a pick the facilitator completed is stored under (no seat has it: seats are session ids or `bot-n`). */
export const FACILITATOR_PICK_KEY = "facilitator";

/**
 * The quartets laid at a table that has stopped playing: every theme once
 * the game finished, else those its saved game shows laid (none without a
 * readable snapshot).
 */
export async function laidThemes(store: WorkshopStore, table: TableRow): Promise<ThemeId[]> {
  if (table.status === "finished") return [...THEME_IDS];
  const json = await store.snapshot(table.id);
  const snap = json === undefined ? null : parseWorkshopSnapshot(json, "quartet", quartetTableSchema);
  if (!snap) return [];
  const game = (snap.table.state as { game: { quartets: Record<string, ThemeId[]> } }).game;
  return THEME_IDS.filter((theme) => layerOf(game, theme) !== null);
}

/** The quartets of a table that has stopped playing that nobody picked from: the holes the facilitator may fill. */
export async function openQuartets(store: WorkshopStore, table: TableRow): Promise<ThemeId[]> {
  if (table.status !== "finished" && table.status !== "ended") return [];
  const picked = new Set((await store.picks(table.id)).map((p) => p.theme));
  return (await laidThemes(store, table)).filter((theme) => !picked.has(theme));
}

/**
 * `PUT /api/workshops/:id/tables/:tableId/picks/:theme` for the owner's
 * workshop `w` (its facilitator signed in): completes the missing pick of the quartet `theme` at the
 * table with the body's card and note, stored like a player's pick under
 * {@link FACILITATOR_PICK_KEY} (shown as "Begeleider"/"Facilitator" in the
 * workshop's language, `completed_by` the facilitator), so the debrief, the
 * CSV and the PDF show it. Typed errors: NOT_FOUND (no such table in the
 * workshop, or not a quartet workshop), BAD_REQUEST (no theme, a card of
 * another theme, a note over 280 characters), WRONG_PHASE (the table still
 * plays: its players pick there), QUARTET_NOT_LAID, ALREADY_PICKED.
 */
export async function completePick(store: WorkshopStore, w: WorkshopRow, req: Request, res: Response): Promise<void> {
  const table = await store.table(String(req.params.tableId));
  if (!table || table.workshop_id !== w.id || w.game !== "quartet") throw new ApiError("NOT_FOUND");
  const theme = String(req.params.theme);
  const body = completePickSchema.safeParse(req.body ?? {});
  if (!isThemeId(theme) || !body.success || themeOf(body.data.card) !== theme) throw new ApiError("BAD_REQUEST");
  if (table.status !== "finished" && table.status !== "ended") throw new ApiError("WRONG_PHASE");
  if (!(await laidThemes(store, table)).includes(theme)) throw new ApiError("QUARTET_NOT_LAID");
  if ((await store.picks(table.id)).some((p) => p.theme === theme)) throw new ApiError("ALREADY_PICKED");
  const row = {
    player_key: FACILITATOR_PICK_KEY,
    participant_id: null,
    player_name: facilitatorPickName[w.lang === "en" ? "en" : "nl"],
    theme,
    card: body.data.card,
    note: body.data.note ?? "",
    role: "",
    region_phase: "",
    completed_by: w.facilitator_id,
  };
  await store.savePick(table.id, row);
  const answer = { pick: debriefPick({ ...row, id: "", table_id: table.id, created_at: "" }, table.number) };
  res.status(200).json(completedPickSchema.parse(answer));
}
