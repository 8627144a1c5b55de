import type { PlanPick } from "@iot/shared/quartet/actionPlan";
import type { QuartetEvent, QuartetState, TableSettings } from "@iot/shared/quartet/types";
import type { SeatInfo } from "./sync.js";

/** Everything needed to bring a table back after a restart: plain JSON. */
export interface TableSnapshot {
  version: 1;
  game: QuartetState;
  log: QuartetEvent[];
  picks: PlanPick[];
  seats: SeatInfo[];
  settings: TableSettings;
  seatCount: number;
  botLevel: string;
  botCount: number;
  turnSeconds: number;
}

/** What a workshop table saves on every change: the table and which participant holds which seat. */
export interface WorkshopSnapshot {
  table: TableSnapshot;
  /** Seat (player id) to participant id. */
  participants: Record<string, string>;
}

/** Reads a stored workshop snapshot; null when it is not one this version can restore. */
export function parseWorkshopSnapshot(json: string): WorkshopSnapshot | null {
  try {
    const s = JSON.parse(json) as Partial<WorkshopSnapshot>;
    const t = s.table;
    if (!t || t.version !== 1 || !t.game || !Array.isArray(t.log) || !Array.isArray(t.seats)) return null;
    if (!s.participants || typeof s.participants !== "object") return null;
    return s as WorkshopSnapshot;
  } catch {
    return null;
  }
}
