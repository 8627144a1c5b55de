import type { CardId } from "../cardIds.js";
import type { QuartetEvent, PlayerId } from "../types.js";

/**
 * The asks whose answer cannot have changed since a "Heb ik niet": every
 * `(player, card)` a player was asked for in vain, kept until that player's
 * hand could hold the card again (they received a card from a hit, or drew).
 * Read from the public history alone, so it is the same for every seat.
 * Keys are `${player}|${card}` (see {@link missKey}).
 */
export function standingMisses(history: readonly QuartetEvent[]): Set<string> {
  const misses = new Map<PlayerId, Set<CardId>>();
  for (const e of history) {
    if (e.type === "asked") {
      if (e.got) misses.delete(e.from);
      else {
        const set = misses.get(e.to) ?? new Set<CardId>();
        set.add(e.card);
        misses.set(e.to, set);
      }
    } else if (e.type === "drew") misses.delete(e.player);
  }
  const keys = new Set<string>();
  for (const [player, cards] of misses) for (const card of cards) keys.add(missKey(player, card));
  return keys;
}

/** The key of "player was asked for card" in {@link standingMisses}. */
export function missKey(player: PlayerId, card: CardId): string {
  return `${player}|${card}`;
}
