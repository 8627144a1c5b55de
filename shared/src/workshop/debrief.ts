/**
 * The debrief's shapes (zod schemas, types inferred; the browser checks the
 * debrief it reads with them) and the combined plan of every table's picks.
 */
import { z } from "zod";
import { LANGS } from "../protocol.js";
import { CARD_IDS, THEME_IDS, isCardId, type CardId } from "../quartet/cardIds.js";
import type { QuartetEvent } from "../quartet/types.js";
import { cleanText } from "../text.js";
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
  /** The facilitator completed this pick in the debrief (nobody at the table picked from the quartet). */
  byFacilitator: z.boolean().optional(),
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

/** One player of a table's key moments: the name shown, and whether a bot played the seat. */
const momentPlayerSchema = z.object({ name: z.string(), isBot: z.boolean() });

/**
 * What happened at a quartet table, from its game log (the snapshot): how
 * many asks there were and how many got the card, every quartet laid in
 * order (at which ask), and the longest run of asks that got the card by
 * one player in one turn (null when no ask got a card).
 */
export const tableMomentsSchema = z.object({
  asks: z.number().int().min(0),
  hits: z.number().int().min(0),
  quartets: z.array(momentPlayerSchema.extend({ theme: z.enum(THEME_IDS), ask: z.number().int().min(0) })),
  bestRun: momentPlayerSchema.extend({ asks: z.number().int().min(1) }).nullable(),
});
/** What happened at a quartet table (see {@link tableMomentsSchema}). */
export type TableMoments = z.infer<typeof tableMomentsSchema>;

/** One table in the debrief: its ranking and plan (quartet) or its planners (`planner`, planner workshops). */
export const debriefTableSchema = z.object({
  number: z.number().int(),
  status: z.enum(TABLE_STATUSES),
  ranking: z.array(
    z.object({ name: z.string(), place: z.number().int(), quartets: z.number().int(), isBot: z.boolean() }),
  ),
  plan: z.array(debriefPickSchema),
  /** Quartet tables that stopped playing: the quartets laid there without a pick, which the facilitator may complete. */
  openQuartets: z.array(z.enum(THEME_IDS)).optional(),
  /** With `openQuartets`: the table's id, for `PUT /api/workshops/:id/tables/:tableId/picks/:theme`. */
  tableId: z.string().optional(),
  /** Quartet tables whose game log was saved: what happened. */
  moments: tableMomentsSchema.optional(),
  planner: plannerTableDebriefSchema.optional(),
});

/** A priority's owner: at most this many characters (a name or a team, cleaned with `cleanText`). */
export const PRIORITY_OWNER_MAX = 80;
/** A priority's next step: at most this many characters (one or two sentences, cleaned with `cleanText`). */
export const PRIORITY_STEP_MAX = 280;
/** At most this many priorities per workshop (the deck's card count: every card can be one). */
export const MAX_PRIORITIES = CARD_IDS.length;

/**
 * One of the workshop's priorities: a card of the combined plan the
 * facilitator marked, who takes it on (`owner`, may be empty) and the next
 * step (`nextStep`, may be empty). Plain text, shown as text.
 */
export const prioritySchema = z.object({
  cardId: z.custom<CardId>(isCardId, "not a card"),
  owner: z.string().transform(cleanText).pipe(z.string().max(PRIORITY_OWNER_MAX)),
  nextStep: z.string().transform(cleanText).pipe(z.string().max(PRIORITY_STEP_MAX)),
});
/** One of the workshop's priorities (see {@link prioritySchema}). */
export type Priority = z.infer<typeof prioritySchema>;

/**
 * The body of `PUT /api/workshops/:id/priorities`: the whole list, in the
 * facilitator's order, each card at most once (it replaces the stored list).
 */
export const prioritiesInputSchema = z
  .object({ priorities: z.array(prioritySchema).max(MAX_PRIORITIES) })
  .strict()
  .refine((b) => new Set(b.priorities.map((p) => p.cardId)).size === b.priorities.length, {
    path: ["priorities"],
    message: "a card appears twice",
  });

/** The answer of `PUT /api/workshops/:id/priorities`: the list as stored. */
export const prioritiesSchema = z.object({ priorities: z.array(prioritySchema) });

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
  /** The facilitator's priorities: cards of the combined plan, in their order, with an owner and a next step (planner workshops: none). */
  priorities: z.array(prioritySchema),
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

/** Finds the player name and bot flag of a seat id. */
export type SeatLookup = (player: string) => { name: string; isBot: boolean };

/**
 * The key moments of a quartet table from its game log (see
 * {@link tableMomentsSchema}); `seat` names the log's player ids. A run
 * counts asks that got the card, one after another, by the same player.
 */
export function tableMoments(log: readonly QuartetEvent[], seat: SeatLookup): TableMoments {
  let asks = 0;
  let hits = 0;
  const quartets: TableMoments["quartets"] = [];
  let best: { player: string; asks: number } | null = null;
  let run: { player: string; asks: number } | null = null;
  for (const e of log) {
    if (e.type === "asked") {
      asks++;
      if (e.got) {
        hits++;
        run = run && run.player === e.from ? { player: e.from, asks: run.asks + 1 } : { player: e.from, asks: 1 };
        if (!best || run.asks > best.asks) best = run;
      } else run = null;
    } else if (e.type === "quartet") quartets.push({ ...seat(e.player), theme: e.theme, ask: asks });
    else if (e.type === "turn" && run && run.player !== e.player) run = null;
  }
  return { asks, hits, quartets, bestRun: best ? { ...seat(best.player), asks: best.asks } : null };
}
