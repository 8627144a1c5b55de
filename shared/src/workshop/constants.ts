/**
 * The workshop API's plain values, without validation: the join-code
 * alphabet, the games and table sizes, error codes, and when a table counts
 * as stuck. The browser's first screen imports these; the request schemas
 * (zod) are in `api.ts`, the answers' schemas in `responses.ts` (`api.ts`
 * re-exports both and everything here).
 */
import type { TableSummary } from "./responses.js";

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

/** A workshop's status: waiting for participants, running (a table was started), ended. */
export const WORKSHOP_STATUSES = ["lobby", "running", "ended"] as const;
/** A workshop's status. */
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/** A table's status: being formed, playing (its room is open), finished (the game ended), ended by the facilitator. */
export const TABLE_STATUSES = ["forming", "playing", "finished", "ended"] as const;
/** A table's status. */
export type TableStatus = (typeof TABLE_STATUSES)[number];

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
  "PAYLOAD_TOO_LARGE",
  "CROSS_SITE",
  "WORKSHOP_LOCKED",
  "NOT_IN_PLAN",
  "SERVER_ERROR",
  "NAME_TAKEN",
  "NOT_LATE",
  "ALREADY_PICKED",
  "QUARTET_NOT_LAID",
] as const;
export type ApiErrorCode = (typeof API_ERRORS)[number];

/** A table counts as stuck when nothing has moved for this long while playing (ms). */
export const STUCK_AFTER_MS = 120_000;

/**
 * Whether a table looks stuck in the live overview: playing (a quartet
 * dealt, a planner region in or between rounds), not paused, and nothing
 * moved for {@link STUCK_AFTER_MS}. `idleMs` is how long nothing has moved
 * now (the summary's `idleMs` plus the time since it was made).
 */
export function isStuck(summary: TableSummary, idleMs = summary.idleMs): boolean {
  const playing =
    summary.game === "quartet" ? summary.phase === "playing" : summary.phase === "round" || summary.phase === "review";
  return playing && !summary.paused && idleMs > STUCK_AFTER_MS;
}
