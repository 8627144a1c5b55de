import { THEME_CARDS, THEME_IDS, themeOf, type CardId, type ThemeId } from "./cardIds.js";
import { isOut } from "./rules.js";
import type { AskAction, PlayerId, QuartetEvent, QuartetState, TableSettings } from "./types.js";

/** What every seat knows of one player. */
export interface PublicPlayer {
  id: PlayerId;
  seat: number;
  handCount: number;
  quartets: ThemeId[];
  out: boolean;
}

/**
 * Exactly what a player at one seat may know: the own hand, every player's
 * count and laid quartets, the stock size and the public history. Bots decide
 * from this alone; the server sends nothing beyond it.
 */
export interface SeatView {
  me: PlayerId;
  settings: TableSettings;
  phase: QuartetState["phase"];
  turn: PlayerId | null;
  players: PublicPlayer[];
  hand: CardId[];
  stockCount: number;
  /** The game's events as this seat saw them (see {@link eventForSeat}). */
  history: QuartetEvent[];
}

/**
 * The event as `viewer` may see it: a drawn card is shown to the drawer only;
 * every other event is public as it is.
 */
export function eventForSeat(event: QuartetEvent, viewer: PlayerId): QuartetEvent {
  if (event.type === "drew" && event.player !== viewer) return { type: "drew", player: event.player };
  return event;
}

/** Builds the seat view of `me` from the full state and the full event log. */
export function seatView(state: QuartetState, me: PlayerId, log: readonly QuartetEvent[]): SeatView {
  return seatViewFromHistory(
    state,
    me,
    log.map((e) => eventForSeat(e, me)),
  );
}

/**
 * Builds the seat view of `me` from the full state and a history already
 * filtered for that seat (each event passed through {@link eventForSeat});
 * the history array is shared, not copied.
 */
export function seatViewFromHistory(state: QuartetState, me: PlayerId, history: QuartetEvent[]): SeatView {
  return {
    me,
    settings: state.settings,
    phase: state.phase,
    turn: state.turn,
    players: state.players.map((id, seat) => ({
      id,
      seat,
      handCount: state.hands[id]?.length ?? 0,
      quartets: state.quartets[id] ?? [],
      out: isOut(state, id),
    })),
    hand: state.hands[me] ?? [],
    stockCount: state.stock.length,
    history,
  };
}

/** The themes laid down at the table, as seen from a seat. */
export function laidThemes(view: Pick<SeatView, "players">): Set<ThemeId> {
  return new Set(view.players.flatMap((p) => p.quartets));
}

/**
 * Every ask `view.me` may make now (empty when it is not their turn): any
 * other player with cards, for any card not held and not laid, of a theme the
 * player holds (or of any theme when bluffing is allowed).
 */
export function legalAsks(view: SeatView): AskAction[] {
  const { targets, cards } = legalAskParts(view);
  const asks: AskAction[] = [];
  for (const to of targets) for (const card of cards) asks.push({ type: "ask", from: view.me, to, card });
  return asks;
}

/**
 * The legal asks of {@link legalAsks} as two lists: every pairing of a target
 * with a card is legal, so the asks are `targets x cards`.
 */
export function legalAskParts(view: SeatView): { targets: PlayerId[]; cards: CardId[] } {
  const targets: PlayerId[] = [];
  const cards: CardId[] = [];
  if (view.phase !== "playing" || view.turn !== view.me) return { targets, cards };
  for (const p of view.players) if (p.id !== view.me && p.handCount > 0) targets.push(p.id);
  for (const theme of THEME_IDS) {
    if (view.players.some((p) => p.quartets.includes(theme))) continue;
    if (!view.settings.allowBluff && !view.hand.some((c) => themeOf(c) === theme)) continue;
    for (const c of THEME_CARDS[theme]) if (!view.hand.includes(c)) cards.push(c);
  }
  return { targets, cards };
}
