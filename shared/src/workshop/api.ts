/**
 * The workshop HTTP API's request shapes, validated with zod at the server
 * boundary, and (re-exported) its answers' shapes from `responses.ts` and its
 * plain values from `constants.ts`. The browser's first screen imports values
 * from `constants.ts` only and loads `responses.ts` on demand, so it does not
 * carry the validation library.
 */
import { z } from "zod";
import { BOT_LEVELS } from "../quartet/bots/index.js";
import { LANGS, MAX_NAME_LENGTH, REGION_PHASES, ROLES } from "../protocol.js";
import { GAMES, TABLE_SIZES } from "./constants.js";
import { quartetRulesSchema } from "./responses.js";
import { cleanText } from "../text.js";

export * from "./constants.js";
export * from "./responses.js";

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export const workshopSchema = z
  .object({
    title: z.string().transform(cleanText).pipe(z.string().min(1).max(120)),
    lang: z.enum(LANGS).default("nl"),
    game: z.enum(GAMES).default("quartet"),
    tableSize: z.number().int().min(1).max(8).default(4),
    /** The planner game's days: 15, 30, 45 or 60 orders per carrier (1-4). */
    difficulty: z.number().int().min(1).max(4).default(2),
    /** The planner game's rounds end on their own after this many minutes (0: the facilitator moves on). */
    roundMinutes: z.number().int().min(0).max(60).default(0),
    botLevel: z.enum(BOT_LEVELS).default("medium"),
    turnSeconds: z.number().int().min(0).max(600).default(0),
    rules: quartetRulesSchema.strict().default({}),
  })
  .refine((w) => w.tableSize >= TABLE_SIZES[w.game].min && w.tableSize <= TABLE_SIZES[w.game].max, {
    path: ["tableSize"],
    message: "table size out of range for this game",
  });
export type WorkshopInput = z.infer<typeof workshopSchema>;

/** `PATCH /api/workshops/:id`: a new title and/or archived or not; at least one of them. */
export const workshopPatchSchema = z
  .object({
    title: z.string().transform(cleanText).pipe(z.string().min(1).max(120)).optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((p) => p.title !== undefined || p.archived !== undefined, { message: "nothing to change" });
/** `PATCH /api/workshops/:id`. */
export type WorkshopPatch = z.infer<typeof workshopPatchSchema>;

export const joinSchema = z.object({
  code: z.string().max(20),
  name: z.string().transform(cleanText).pipe(z.string().min(1).max(MAX_NAME_LENGTH)),
  role: z.enum(ROLES).optional(),
  phase: z.enum(REGION_PHASES).optional(),
});

/** `POST /api/lobby/seat`: a late participant takes the seat a bot plays at table `table` (its id), or a new table (no `table`). */
export const lateSeatSchema = z.object({ table: z.string().max(64).optional() }).strict();

export const messageSchema = z.object({ text: z.string().transform(cleanText).pipe(z.string().min(1).max(280)) });
/** What the facilitator moves a planner table on to: the next step, only ending the round under way, or only starting the next round. */
export const ADVANCE_ACTIONS = ["next", "end", "start"] as const;
export type AdvanceAction = (typeof ADVANCE_ACTIONS)[number];
export const advanceSchema = z.object({ action: z.enum(ADVANCE_ACTIONS).default("next") }).strict();
export const moveSchema = z.object({
  participantId: z.string().min(1).max(64),
  tableNumber: z.number().int().min(0).max(99),
});
