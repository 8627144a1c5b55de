/**
 * The quartet room protocol: message names, payload types and the runtime
 * validation the room applies at its boundary. The public contract is
 * ../shared/docs/protocol.md; the project's additions are in
 * docs/protocol-additions.md.
 */
import { z } from "zod";
import { CARD_IDS, THEME_IDS } from "./quartet/cardIds.js";
import { BOT_LEVELS } from "./quartet/bots/index.js";
import { cardSchema, quartetEventSchema, themeSchema } from "./quartet/eventSchema.js";
import { viewMessageSchema } from "./table/view.js";
import { cleanText, MAX_NAME_LENGTH } from "./text.js";

/** Room names registered on the server. */
export const ROOMS = { quartet: "quartet" } as const;

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
export { MAX_NAME_LENGTH } from "./text.js";

/** Display names: 1-24 characters after `cleanText` (bidi controls and invisible characters removed, white space collapsed). */
const name = z.string().transform(cleanText).pipe(z.string().min(1).max(MAX_NAME_LENGTH));

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

/** `asked` (contract): every legal ask and its answer, to everyone. */
export const askedSchema = z.object({ from: z.string(), to: z.string(), card: cardSchema, got: z.boolean() });
/** `rejected` (contract): why the sender's last message was refused, in its language. */
export const rejectedSchema = z.object({ code: z.string(), message: z.string() });
/**
 * `history` (addition): the table's public history so far (every ask and its
 * answer, quartets, draws without the card, turns, the deal's counts, the
 * end), to a client that reads the state, when it joins and when it comes
 * back after a drop. It holds no card of any hand that the events did not
 * reveal to everyone.
 */
export const historySchema = z.object({ events: z.array(quartetEventSchema) });

/**
 * The quartet's message table: every message a client may send and every
 * message the room sends, with its payload schema. The room's dispatch (the
 * moves of `quartet/game.ts`), the payload types below and the client's
 * typed senders all come from here.
 */
export const quartetMessages = {
  client: { start: startSchema, ask: askSchema, pick: pickSchema },
  server: {
    asked: askedSchema,
    rejected: rejectedSchema,
    event: quartetEventSchema,
    view: viewMessageSchema,
    history: historySchema,
  },
} as const;

/** The payload of each client message. */
export type QuartetClientPayloads = {
  [K in keyof typeof quartetMessages.client]: z.infer<(typeof quartetMessages.client)[K]>;
};
/** The payload of each server message. */
export type QuartetServerPayloads = {
  [K in keyof typeof quartetMessages.server]: z.infer<(typeof quartetMessages.server)[K]>;
};

export type AskPayload = QuartetClientPayloads["ask"];
export type PickPayload = QuartetClientPayloads["pick"];
export type AskedPayload = QuartetServerPayloads["asked"];
export type RejectedPayload = QuartetServerPayloads["rejected"];
export type HistoryPayload = QuartetServerPayloads["history"];

/** A chosen action in the table's regional plan, with the name, role and phase of who chose it (the state's `plan`). */
export const actionPickSchema = z.object({
  player: z.string(),
  name: z.string(),
  theme: themeSchema,
  card: z.union([cardSchema, z.literal("")]),
  note: z.string(),
  role: z.union([z.enum(ROLES), z.literal("")]),
  phase: z.union([z.enum(REGION_PHASES), z.literal("")]),
});
export type ActionPick = z.infer<typeof actionPickSchema>;

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
