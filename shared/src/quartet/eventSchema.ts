import { z } from "zod";
import { CARD_IDS, THEME_IDS, type CardId, type ThemeId } from "./cardIds.js";

/** A card id of the deck. */
export const cardSchema = z.enum(CARD_IDS as readonly CardId[] as [CardId, ...CardId[]]);
/** A theme id of the deck. */
export const themeSchema = z.enum(THEME_IDS as readonly ThemeId[] as [ThemeId, ...ThemeId[]]);

const player = z.string().min(1);

/** One line of the final ranking. */
export const rankSchema = z.object({ player, place: z.number().int().min(1), quartets: z.number().int().min(0) });

/** The quartet's events (`QuartetEvent`), as the rules make them and a seat's history holds them. */
export const quartetEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("dealt"),
    handCounts: z.record(z.string(), z.number().int()),
    stockCount: z.number().int(),
  }),
  z.object({ type: z.literal("asked"), from: player, to: player, card: cardSchema, got: z.boolean() }),
  z.object({ type: z.literal("drew"), player, card: cardSchema.optional() }),
  z.object({ type: z.literal("quartet"), player, theme: themeSchema }),
  z.object({ type: z.literal("out"), player }),
  z.object({ type: z.literal("turn"), player }),
  z.object({ type: z.literal("finished"), ranking: z.array(rankSchema) }),
]);
