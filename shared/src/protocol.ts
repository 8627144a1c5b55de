/**
 * The quartet room protocol: message names, payload types and the runtime
 * validation the room applies at its boundary. The public contract is
 * ../shared/docs/protocol.md; the project's additions are in
 * docs/protocol-additions.md.
 */
import { z } from "zod";
import { CARD_IDS, THEME_IDS, type CardId, type ThemeId } from "./quartet/cardIds.js";
import { BOT_LEVELS } from "./quartet/bots/index.js";
import type { RankEntry, RejectionCode } from "./quartet/types.js";

/** Room names registered on the server. */
export const ROOMS = { quartet: "quartet" } as const;

/** Messages a client sends to the quartet room. */
export const ClientMessage = { start: "start", ask: "ask", pick: "pick" } as const;
export type ClientMessageType = (typeof ClientMessage)[keyof typeof ClientMessage];

/** Messages the quartet room sends to clients. */
export const ServerMessage = { asked: "asked", rejected: "rejected", event: "event" } as const;

export const LANGS = ["nl", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** Roles a player may state (brief: who takes part in a regional workshop). */
export const ROLES = ["entrepreneur", "government", "intermediary", "knowledge"] as const;
export type Role = (typeof ROLES)[number];

/** Where a player's region stands with social innovation (the deck's four phases). */
export const REGION_PHASES = ["aware", "exchanging", "activities", "funding"] as const;
export type RegionPhase = (typeof REGION_PHASES)[number];

/** Longest note on an action pick, in characters. */
export const MAX_NOTE_LENGTH = 280;
/** Display names: 1-24 characters after trimming (protocol). */
export const MAX_NAME_LENGTH = 24;

const name = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(MAX_NAME_LENGTH));

/** Options of `client.create("quartet", ...)` and `joinById` (unknown keys are ignored). */
export const joinOptionsSchema = z.object({
  name,
  seats: z.number().int().min(2).max(6).default(4),
  bots: z.number().int().min(0).max(5).default(0),
  botLevel: z.enum(BOT_LEVELS).default("medium"),
  lang: z.enum(LANGS).default("nl"),
  role: z.enum(ROLES).optional(),
  phase: z.enum(REGION_PHASES).optional(),
  rules: z
    .object({
      missPassesTo: z.enum(["asked", "next"]).optional(),
      allowBluff: z.boolean().optional(),
      stockHandSize: z.number().int().min(0).max(19).optional(),
      emptyHand: z.enum(["out", "draw"]).optional(),
    })
    .strict()
    .optional(),
  /** Turn timer in seconds; 0 = off (the default). */
  turnSeconds: z.number().int().min(0).max(600).default(0),
});
export type JoinOptions = z.infer<typeof joinOptionsSchema>;

export const startSchema = z.object({}).strict();
export const askSchema = z.object({ to: z.string().min(1).max(64), card: z.string().min(1).max(64) }).strict();
export const pickSchema = z
  .object({
    card: z.string().min(1).max(64),
    note: z
      .string()
      .max(MAX_NOTE_LENGTH * 4)
      .optional(),
  })
  .strict();

export interface AskPayload {
  to: string;
  card: CardId;
}
export interface PickPayload {
  card: CardId;
  note?: string;
}
export interface AskedPayload {
  from: string;
  to: string;
  card: CardId;
  got: boolean;
}
export interface RejectedPayload {
  code: RejectionCode;
  message: string;
}

/** A chosen action in the table's regional plan. */
export interface ActionPick {
  player: string;
  name: string;
  theme: ThemeId;
  card: CardId | "";
  note: string;
  role: Role | "";
  phase: RegionPhase | "";
}

/** The table's result once the game is finished. */
export interface TableResult {
  ranking: (RankEntry & { name: string })[];
  plan: ActionPick[];
}

/** Every theme and card id, for validating against. */
export const ALL_CARDS: readonly string[] = CARD_IDS;
export const ALL_THEMES: readonly string[] = THEME_IDS;

/**
 * Validates a payload against a schema. Returns the parsed value, or null for
 * anything malformed (the room answers `BAD_MESSAGE` then).
 */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T | null {
  const result = schema.safeParse(payload ?? {});
  return result.success ? result.data : null;
}
