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
  /** The seat's avatar: its initial in a circle of its own colour, marked when a computer plays it. */
  avatar: AvatarModel;
}

export interface AvatarModel {
  /** The name's first letter, upper case. */
  initial: string;
  /** Fill colour (0xRRGGBB), distinct per seat at a table. */
  colour: number;
  /** Ink of the initial on that fill (0xRRGGBB). */
  ink: number;
  /** A computer plays the seat: a small screen mark beside the circle. */
  bot: boolean;
}

/** The last ask as the middle of the table shows it (texts translated). */
export interface LastAskModel {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  card: CardId;
  got: boolean;
  /** "Anna: “Mag ik van Sanne uit Geld: 2 Less is more?”" */
  question: string;
  /** "Sanne: “Heb ik niet.”" or "Sanne: “Alsjeblieft!” Anna krijgt …" */
  answer: string;
  /** After a miss, the asker's draw from the stock ("" when none). */
  drew: string;
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
  /** The hand's card with focus or under the pointer: drawn on top and whole. */
  raised?: CardId | null;
  laid: LaidModel[];
  /** The last ask, shown large in the middle; null before the first one. */
  lastAsk: LastAskModel | null;
  /** e.g. "Stapel: 3"; empty without a stock. */
  stock: string;
  stockCount: number;
}

/** A moment the scene animates (all texts already translated). */
export type TableMoment =
  | { type: "move"; card: CardId; from: string; to: string }
  | { type: "draw"; player: string; card?: CardId }
  | { type: "quartet"; player: string; theme: ThemeId; banner: string };
