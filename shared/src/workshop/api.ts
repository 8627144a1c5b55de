/**
 * The workshop HTTP API's request shapes (validated at the server boundary)
 * and the join-code alphabet. Shared by the server and the facilitator and
 * participant screens.
 */
import { z } from "zod";
import { BOT_LEVELS } from "../quartet/bots/index.js";
import { LANGS, MAX_NAME_LENGTH, REGION_PHASES, ROLES } from "../protocol.js";

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

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export const workshopSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    lang: z.enum(LANGS).default("nl"),
    game: z.enum(GAMES).default("quartet"),
    tableSize: z.number().int().min(1).max(8).default(4),
    /** The planner game's days: 15, 30, 45 or 60 orders per carrier (1-4). */
    difficulty: z.number().int().min(1).max(4).default(2),
    /** The planner game's rounds end on their own after this many minutes (0: the facilitator moves on). */
    roundMinutes: z.number().int().min(0).max(60).default(0),
    botLevel: z.enum(BOT_LEVELS).default("medium"),
    turnSeconds: z.number().int().min(0).max(600).default(0),
    rules: z
      .object({
        missPassesTo: z.enum(["asked", "next"]).optional(),
        allowBluff: z.boolean().optional(),
      })
      .strict()
      .default({}),
  })
  .refine((w) => w.tableSize >= TABLE_SIZES[w.game].min && w.tableSize <= TABLE_SIZES[w.game].max, {
    path: ["tableSize"],
    message: "table size out of range for this game",
  });
export type WorkshopInput = z.infer<typeof workshopSchema>;

export const joinSchema = z.object({
  code: z.string().max(20),
  name: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1).max(MAX_NAME_LENGTH)),
  role: z.enum(ROLES).optional(),
  phase: z.enum(REGION_PHASES).optional(),
});

export const messageSchema = z.object({ text: z.string().trim().min(1).max(280) });
/** What the facilitator moves a planner table on to: the next step, only ending the round under way, or only starting the next round. */
export const ADVANCE_ACTIONS = ["next", "end", "start"] as const;
export type AdvanceAction = (typeof ADVANCE_ACTIONS)[number];
export const advanceSchema = z.object({ action: z.enum(ADVANCE_ACTIONS).default("next") }).strict();
export const moveSchema = z.object({
  participantId: z.string().min(1).max(64),
  tableNumber: z.number().int().min(0).max(99),
});

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
