import type { SeatView } from "@iot/shared/quartet/seatView";
import { DEFAULT_SETTINGS, type QuartetEvent, type TableSettings } from "@iot/shared/quartet/types";
import type { TableState } from "./types.js";

/**
 * The shared {@link SeatView} of the own seat, built from the decoded room
 * state, so legal choices come from the shared rules (`legalAskParts`) and
 * never from the scenes. `settings` is what the client knows of the house
 * rules: the state's own (an addition) wins over the rules the client asked
 * for when it opened the table, which win over the defaults.
 */
export function toSeatView(
  state: TableState,
  me: string,
  settings: Partial<TableSettings> = {},
  history: QuartetEvent[] = [],
): SeatView {
  const mine = state.players.find((p) => p.id === me);
  return {
    me,
    settings: state.settings ?? { ...DEFAULT_SETTINGS, ...settings },
    phase: state.phase === "finished" ? "finished" : "playing",
    turn: state.phase === "playing" && state.turn ? state.turn : null,
    players: state.players.map((p) => ({
      id: p.id,
      seat: p.seat,
      handCount: p.handCount,
      quartets: p.quartets,
      out: p.out || (state.phase === "playing" && p.handCount === 0 && state.stockCount === 0),
    })),
    hand: mine?.hand ?? [],
    stockCount: state.stockCount,
    history,
  };
}
