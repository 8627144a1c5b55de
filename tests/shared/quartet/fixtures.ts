import { DEFAULT_SETTINGS, type QuartetState, type TableSettings } from "@iot/shared/quartet/types";
import type { CardId, ThemeId } from "@iot/shared/quartet/cardIds";

/** Builds a playing state by hand: hands per player in seat order, optional quartets/stock/settings. */
export function makeState(
  hands: Record<string, CardId[]>,
  opts: {
    turn?: string;
    quartets?: Record<string, ThemeId[]>;
    stock?: CardId[];
    settings?: Partial<TableSettings>;
  } = {},
): QuartetState {
  const players = Object.keys(hands);
  const quartets: Record<string, ThemeId[]> = {};
  for (const p of players) quartets[p] = opts.quartets?.[p] ?? [];
  return {
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    players,
    hands: structuredClone(hands),
    quartets,
    stock: opts.stock ?? [],
    phase: "playing",
    turn: opts.turn ?? (players[0] as string),
    asks: 0,
    ranking: null,
  };
}
