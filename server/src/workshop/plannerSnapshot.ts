import type { PlannerGame } from "@iot/shared/planner/game/index";
import type { PlannerSeat } from "../planner/PlannerRoom.js";

/** What a workshop planner table saves on every change: plain JSON, enough to bring it back after a restart. */
export interface PlannerTableSnapshot {
  kind: "planner";
  version: 1;
  game: PlannerGame;
  /** Who sat where (ids are the session ids of the time). */
  seats: PlannerSeat[];
  /** Planner id (seat) to participant id. */
  participants: Record<string, string>;
  paused: boolean;
  notice: string;
  /** Epoch ms when the round under way ends on its own (0: no timer, or paused); absent in older snapshots. */
  roundEndsAt?: number;
  /** While paused: what was left of the round timer (ms). */
  roundLeftMs?: number;
}

/** Reads a stored planner table snapshot; null when it is not one this version can restore. */
export function parsePlannerSnapshot(json: string): PlannerTableSnapshot | null {
  try {
    const s = JSON.parse(json) as Partial<PlannerTableSnapshot>;
    if (s.kind !== "planner" || s.version !== 1 || !s.game || s.game.version !== 1) return null;
    if (!Array.isArray(s.seats) || !s.participants || typeof s.participants !== "object") return null;
    if (!Array.isArray(s.game.players) || s.game.players.some((p) => !s.game?.carriers[p])) return null;
    return {
      ...s,
      paused: s.paused === true,
      notice: typeof s.notice === "string" ? s.notice : "",
      ...(typeof s.roundEndsAt === "number" && Number.isFinite(s.roundEndsAt) ? { roundEndsAt: s.roundEndsAt } : {}),
      ...(typeof s.roundLeftMs === "number" && Number.isFinite(s.roundLeftMs) ? { roundLeftMs: s.roundLeftMs } : {}),
    } as PlannerTableSnapshot;
  } catch {
    return null;
  }
}
