import { THEME_IDS, isCardId, type CardId, type ThemeId } from "../quartet/cardIds.js";
import type { PlannerTableDebrief, RoundComparison } from "./plannerDebrief.js";

/** One pick as the debrief uses it. */
export interface DebriefPick {
  table: number;
  name: string;
  theme: string;
  card: string;
  note: string;
  role: string;
  phase: string;
}

/**
 * Everything a workshop produced, as the debrief, the CSV and the PDF show it.
 * A planner workshop (`workshop.game` "planner") has empty rankings and plans;
 * its results are in each table's `planner` and the workshop's `planner`.
 */
export interface Debrief {
  workshop: { id: string; title: string; code: string; lang: string; status: string; game?: string };
  tables: {
    number: number;
    status: string;
    ranking: { name: string; place: number; quartets: number; isBot: boolean }[];
    plan: DebriefPick[];
    planner?: PlannerTableDebrief;
  }[];
  combined: CombinedTheme[];
  /** Planner workshops: every round compared over all tables. */
  planner?: { rounds: RoundComparison[] };
}

/** The workshop's combined regional action plan: per theme (printed order), the picked cards with who chose them. */
export interface CombinedTheme {
  theme: ThemeId;
  cards: { card: CardId; count: number; picks: DebriefPick[] }[];
}

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
