/**
 * The debrief's shapes (zod schemas, types inferred; the browser checks the
 * debrief it reads with them) and the combined plan of every table's picks.
 */
import { z } from "zod";
import { LANGS } from "../protocol.js";
import { THEME_IDS, isCardId, type CardId } from "../quartet/cardIds.js";
import { GAMES, TABLE_STATUSES, WORKSHOP_STATUSES } from "./constants.js";
import { plannerTableDebriefSchema, roundComparisonSchema } from "./plannerDebrief.js";

/** One pick as the debrief uses it. */
export const debriefPickSchema = z.object({
  table: z.number().int(),
  name: z.string(),
  theme: z.string(),
  card: z.string(),
  note: z.string(),
  role: z.string(),
  phase: z.string(),
});
/** One pick as the debrief uses it. */
export type DebriefPick = z.infer<typeof debriefPickSchema>;

/** The workshop's combined regional action plan: per theme (printed order), the picked cards with who chose them. */
export const combinedThemeSchema = z.object({
  theme: z.enum(THEME_IDS),
  cards: z.array(
    z.object({
      card: z.custom<CardId>(isCardId, "not a card"),
      count: z.number().int(),
      picks: z.array(debriefPickSchema),
    }),
  ),
});
/** The workshop's combined regional action plan: per theme (printed order), the picked cards with who chose them. */
export type CombinedTheme = z.infer<typeof combinedThemeSchema>;

/** What the debrief says about the workshop itself. */
export const debriefWorkshopSchema = z.object({
  id: z.string(),
  title: z.string(),
  code: z.string(),
  lang: z.enum(LANGS),
  status: z.enum(WORKSHOP_STATUSES),
  game: z.enum(GAMES),
});

/** One table in the debrief: its ranking and plan (quartet) or its planners (`planner`, planner workshops). */
export const debriefTableSchema = z.object({
  number: z.number().int(),
  status: z.enum(TABLE_STATUSES),
  ranking: z.array(
    z.object({ name: z.string(), place: z.number().int(), quartets: z.number().int(), isBot: z.boolean() }),
  ),
  plan: z.array(debriefPickSchema),
  planner: plannerTableDebriefSchema.optional(),
});

/**
 * Everything a workshop produced, as the debrief, the CSV and the PDF show it
 * (`GET /api/workshops/:id/debrief`). A planner workshop (`workshop.game`
 * "planner") has empty rankings and plans; its results are in each table's
 * `planner` and the workshop's `planner`.
 */
export const debriefSchema = z.object({
  workshop: debriefWorkshopSchema,
  tables: z.array(debriefTableSchema),
  combined: z.array(combinedThemeSchema),
  /** Planner workshops: every round compared over all tables. */
  planner: z.object({ rounds: z.array(roundComparisonSchema) }).optional(),
});
/** Everything a workshop produced (see {@link debriefSchema}). */
export type Debrief = z.infer<typeof debriefSchema>;

/**
 * Groups every table's picks into the workshop's combined plan: themes in the
 * printed order, within a theme the most-picked card first (ties by card
 * number), each with the picks (name, role, region phase, note) behind it.
 * Picks of unknown cards are left out.
 */
export function combinePlans(picks: readonly DebriefPick[]): CombinedTheme[] {
  const out: CombinedTheme[] = [];
  for (const theme of THEME_IDS) {
    const byCard = new Map<CardId, DebriefPick[]>();
    for (const p of picks) {
      if (p.theme !== theme || !isCardId(p.card)) continue;
      byCard.set(p.card, [...(byCard.get(p.card) ?? []), p]);
    }
    if (byCard.size === 0) continue;
    const cards = [...byCard.entries()]
      .map(([card, list]) => ({ card, count: list.length, picks: list }))
      .sort((a, b) => b.count - a.count || a.card.localeCompare(b.card));
    out.push({ theme, cards });
  }
  return out;
}
