import { z } from "zod";
import { cardSchema, quartetEventSchema, rankSchema, themeSchema } from "./eventSchema.js";
import { BOT_LEVELS } from "./bots/index.js";
import type { QuartetSeatView, QuartetTable } from "./game.js";

const card = cardSchema;
const theme = themeSchema;
const player = z.string().min(1);
const rank = rankSchema;
const event = quartetEventSchema;

const settings = z.object({
  missPassesTo: z.enum(["asked", "next"]),
  allowBluff: z.boolean(),
  stockHandSize: z.number().int().min(0),
  emptyHand: z.enum(["out", "draw"]),
});

/**
 * A quartet table's state as a snapshot stores it ({@link QuartetTable}):
 * checked when a table is brought back, and consistent (every hand and laid
 * quartet belongs to a seated player, the turn too).
 */
export const quartetTableSchema: z.ZodType<QuartetTable> = z
  .object({
    game: z.object({
      settings,
      players: z.array(player).min(2).max(6),
      hands: z.record(z.string(), z.array(card)),
      quartets: z.record(z.string(), z.array(theme)),
      stock: z.array(card),
      phase: z.enum(["playing", "finished"]),
      turn: player.nullable(),
      asks: z.number().int().min(0),
      ranking: z.array(rank).nullable(),
    }),
    log: z.array(event),
    picks: z.array(z.object({ player, theme, card, note: z.string() })),
    botLevel: z.enum(BOT_LEVELS),
  })
  .refine(({ game }) => {
    const seated = new Set(game.players);
    const keys = [...Object.keys(game.hands), ...Object.keys(game.quartets)];
    return keys.every((k) => seated.has(k)) && (game.turn === null || seated.has(game.turn));
  }, "hands, quartets and the turn belong to seated players");

/** The client's check of a quartet seat view ({@link QuartetSeatView}). */
export const quartetSeatViewSchema: z.ZodType<QuartetSeatView> = z.object({
  me: z.string(),
  settings,
  phase: z.enum(["playing", "finished"]),
  turn: player.nullable(),
  players: z.array(
    z.object({
      id: player,
      seat: z.number().int(),
      handCount: z.number().int(),
      quartets: z.array(theme),
      out: z.boolean(),
    }),
  ),
  hand: z.array(card),
  stockCount: z.number().int(),
  history: z.array(event),
  picks: z.array(z.object({ player, theme, card, note: z.string() })),
  ranking: z.array(rank).nullable(),
});
