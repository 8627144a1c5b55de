import { pick, type Rng } from "../../rng.js";
import { themeOf } from "../cardIds.js";
import { legalAsks, type SeatView } from "../seatView.js";
import type { AskAction } from "../types.js";
import { buildKnowledge, hitChance } from "./knowledge.js";
import { missKey, standingMisses } from "./misses.js";

export const BOT_LEVELS = ["easy", "medium", "hard"] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** True when `value` is a bot level. */
export function isBotLevel(value: unknown): value is BotLevel {
  return typeof value === "string" && (BOT_LEVELS as readonly string[]).includes(value);
}

/**
 * The ask a bot at `view.me` makes, decided from its seat view only; null
 * when it has no legal ask (not its turn, or the game is over). No level
 * repeats an ask whose "Heb ik niet" still stands (the asked player has not
 * received or drawn a card since, {@link standingMisses}) while another legal
 * ask is left.
 * - easy: a uniformly random legal ask;
 * - medium: asks for a card it saw move to a player, else at random;
 * - hard: asks where a hit is most likely by everything the public history
 *   shows, preferring the themes it holds most of.
 */
export function chooseAsk(level: BotLevel, view: SeatView, rng: Rng): AskAction | null {
  const asks = freshAsks(view);
  if (asks.length === 0) return null;
  if (level === "easy") return pick(rng, asks);
  const k = buildKnowledge(view, level === "medium" ? "moves" : "inference");
  const seatOf = new Map(view.players.map((p) => [p.id, p.seat]));
  const scored = asks.map((a) => ({ a, p: hitChance(k, seatOf.get(a.to) ?? 0, a.card) }));
  if (level === "medium") {
    const sure = scored.filter((s) => s.p === 1);
    return pick(rng, sure.length > 0 ? sure : scored).a;
  }
  const themeCount = new Map<string, number>();
  for (const c of view.hand) themeCount.set(themeOf(c), (themeCount.get(themeOf(c)) ?? 0) + 1);
  let best: typeof scored = [];
  let bestScore = -1;
  for (const s of scored) {
    const score = s.p * 10 + (themeCount.get(themeOf(s.a.card)) ?? 0) * 0.01;
    if (score > bestScore + 1e-9) {
      best = [s];
      bestScore = score;
    } else if (Math.abs(score - bestScore) <= 1e-9) best.push(s);
  }
  return pick(rng, best).a;
}

/** The legal asks without those whose miss still stands; all legal asks when every one of them is such a repeat. */
function freshAsks(view: SeatView): AskAction[] {
  const asks = legalAsks(view);
  const misses = standingMisses(view.history);
  const fresh = asks.filter((a) => !misses.has(missKey(a.to, a.card)));
  return fresh.length > 0 ? fresh : asks;
}
