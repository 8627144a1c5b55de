import { DECK_SIZE } from "./cardIds.js";
import { DEFAULT_SETTINGS, type Rejection, type TableSettings } from "./types.js";

/** Fewest and most players at one table. */
export const MIN_PLAYERS = 2;
export const MAX_PLAYERS = 6;

/**
 * Completes partial settings with the defaults and checks them for a table of
 * `playerCount` players. Returns the settings, or a rejection:
 * `BAD_PLAYER_COUNT` outside 2..6 players, or 2 players without the stock;
 * `BAD_SETTINGS` for an unknown value, a stock deal that leaves no stock or
 * deals nothing, or the "draw" empty-hand rule without a stock.
 */
export function resolveSettings(
  playerCount: number,
  partial: Partial<TableSettings> = {},
): { ok: true; settings: TableSettings } | { ok: false; rejection: Rejection } {
  const settings: TableSettings = { ...DEFAULT_SETTINGS, ...partial };
  if (!Number.isInteger(playerCount) || playerCount < MIN_PLAYERS || playerCount > MAX_PLAYERS) {
    return {
      ok: false,
      rejection: { code: "BAD_PLAYER_COUNT", detail: { min: MIN_PLAYERS, max: MAX_PLAYERS } },
    };
  }
  if (settings.missPassesTo !== "asked" && settings.missPassesTo !== "next") {
    return { ok: false, rejection: { code: "BAD_SETTINGS", detail: { setting: "missPassesTo" } } };
  }
  if (typeof settings.allowBluff !== "boolean") {
    return { ok: false, rejection: { code: "BAD_SETTINGS", detail: { setting: "allowBluff" } } };
  }
  if (settings.emptyHand !== "out" && settings.emptyHand !== "draw") {
    return { ok: false, rejection: { code: "BAD_SETTINGS", detail: { setting: "emptyHand" } } };
  }
  const maxHand = maxStockHandSize(playerCount);
  const hand = settings.stockHandSize;
  if (!Number.isInteger(hand) || hand < 0 || hand > maxHand) {
    return {
      ok: false,
      rejection: { code: "BAD_SETTINGS", detail: { setting: "stockHandSize", min: 0, max: maxHand } },
    };
  }
  if (hand === 0 && playerCount === 2) {
    return { ok: false, rejection: { code: "BAD_PLAYER_COUNT", detail: { min: 3, max: MAX_PLAYERS } } };
  }
  if (hand === 0 && settings.emptyHand === "draw") {
    return { ok: false, rejection: { code: "BAD_SETTINGS", detail: { setting: "emptyHand" } } };
  }
  return { ok: true, settings };
}

/** Largest stock-variant hand that still leaves at least one card in the stock. */
export function maxStockHandSize(playerCount: number): number {
  return Math.max(0, Math.floor((DECK_SIZE - 1) / Math.max(1, playerCount)));
}

/** The usual stock-variant hand for a table: 7 cards for 2 players, 5 for 3, 4 above. */
export function defaultStockHandSize(playerCount: number): number {
  if (playerCount <= 2) return 7;
  if (playerCount === 3) return 5;
  return Math.min(4, maxStockHandSize(playerCount));
}
