/**
 * The workshop API's plain values and shapes, without validation: the
 * join-code alphabet, the games and table sizes, error codes and the live
 * overview's summaries. The browser's first screen imports these; the
 * request schemas (zod) are in `api.ts`, which re-exports everything here.
 */
/** Join codes use 6 characters without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

/** Upper-cases a typed code and drops spaces and dashes; null when it cannot be a join code. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Games a workshop can host. */
export const GAMES = ["quartet", "planner"] as const;
export type WorkshopGame = (typeof GAMES)[number];

/** Seats per table: the quartet plays with 3 to 6, a planner region has 1 to 8 planners. */
export const TABLE_SIZES: Record<WorkshopGame, { min: number; max: number }> = {
  quartet: { min: 3, max: 6 },
  planner: { min: 1, max: 8 },
};

/** Passwords: at least this many characters. */
export const MIN_PASSWORD_LENGTH = 10;

/** Error codes of the workshop API, shown to users in their language. */
export const API_ERRORS = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_LOGIN",
  "TOO_MANY_ATTEMPTS",
  "UNKNOWN_CODE",
  "WORKSHOP_ENDED",
  "TABLE_TOO_SMALL",
  "ALREADY_STARTED",
  "WRONG_PHASE",
] as const;
export type ApiErrorCode = (typeof API_ERRORS)[number];

/** One planner of a planner table in the live overview: headline KPIs of the current plan. */
export interface PlannerSummaryLine {
  name: string;
  connected: boolean;
  /** Euro. */
  cost: number;
  km: number;
  co2Kg: number;
  late: number;
  unplanned: number;
  deliveries: number;
}

/** What the live overview shows of a planner table beyond the common fields. */
export interface PlannerTableSummary {
  /** The planner game's own phase. */
  phase: "waiting" | "round" | "review" | "finished";
  /** 0 before round 1. */
  round: number;
  /** The day's clock, minutes after midnight (moves in round 3). */
  clock: number;
  planners: PlannerSummaryLine[];
  /** The region's km and kg CO2 now, and at the end of round 3 (0 before). */
  regionKm: number;
  regionCo2Kg: number;
  regionKmRound3: number;
  regionCo2KgRound3: number;
}

/**
 * What the facilitator's live overview shows of one table. A planner table
 * fills the common fields too (`phase` "playing" during and between rounds,
 * `players` without hands or quartets) and adds `planner`.
 */
export interface TableSummary {
  phase: "waiting" | "playing" | "finished";
  paused: boolean;
  turnName: string;
  asks: number;
  /** Milliseconds since the last move (or since the table opened). */
  idleMs: number;
  players: { name: string; isBot: boolean; connected: boolean; handCount: number; quartets: number }[];
  /** Planner tables only. */
  planner?: PlannerTableSummary;
}

/** A table counts as stuck when nothing has moved for this long while playing (ms). */
export const STUCK_AFTER_MS = 120_000;
