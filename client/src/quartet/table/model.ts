/**
 * The table as the Phaser scene draws it: plain data with every text already
 * in the chosen language. The controller builds it from the room state; the
 * scene only draws (no rules, no i18n lookups).
 */
import type { CardId, ThemeId } from "@iot/shared/quartet/cardIds";

export interface SeatModel {
  id: string;
  name: string;
  /** e.g. "5 kaarten". */
  detail: string;
  /** Short status tags: "computer", "weg", "uit". */
  tags: string[];
  handCount: number;
  quartets: ThemeId[];
  turn: boolean;
  connected: boolean;
  out: boolean;
  /** Highlighted as the chosen player while asking. */
  selected: boolean;
}

export interface LaidModel {
  theme: ThemeId;
  themeName: string;
  owner: string;
}

export interface TableModel {
  /** Opponents in seat order starting after the own seat. */
  seats: SeatModel[];
  me: SeatModel;
  hand: CardId[];
  /** Cards of the theme being chosen while asking (highlighted in the hand). */
  highlightTheme: ThemeId | null;
  laid: LaidModel[];
  /** Text in the middle: the last ask and its answer, or what the table waits for. */
  bubble: string[];
  /** e.g. "Stapel: 3"; empty without a stock. */
  stock: string;
  stockCount: number;
}

/** A moment the scene animates (all texts already translated). */
export type TableMoment =
  | { type: "move"; card: CardId; from: string; to: string }
  | { type: "draw"; player: string; card?: CardId }
  | { type: "quartet"; player: string; theme: ThemeId; banner: string };
