/**
 * The three steps of an ask (a player, then a theme you hold, then a card
 * you miss), with only legal choices offered. Legal choices come from the
 * shared rules (`legalAskParts`) over the own seat view.
 */
import { themeOf, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import { legalAskParts, type SeatView } from "@iot/shared/quartet/seatView";

export interface AskSelection {
  target: string | null;
  theme: ThemeId | null;
}

export type AskStep =
  | { kind: "idle" }
  | { kind: "player"; options: string[] }
  | { kind: "theme"; target: string; options: ThemeId[] }
  | { kind: "card"; target: string; theme: ThemeId; options: CardId[] };

/**
 * The step the ask is at for `selection`: a choice that is no longer legal
 * (the player ran out of cards, the theme was laid) falls back to its step.
 */
export function askStep(view: SeatView, selection: AskSelection): AskStep {
  const { targets, cards } = legalAskParts(view);
  if (targets.length === 0 || cards.length === 0) return { kind: "idle" };
  const target = selection.target;
  if (!target || !targets.includes(target)) return { kind: "player", options: targets };
  const themes = [...new Set(cards.map(themeOf))];
  const theme = selection.theme;
  if (!theme || !themes.includes(theme)) return { kind: "theme", target, options: themes };
  return { kind: "card", target, theme, options: cards.filter((c) => themeOf(c) === theme) };
}

/** The selection after going one step back. */
export function stepBack(selection: AskSelection): AskSelection {
  if (selection.theme) return { ...selection, theme: null };
  return { target: null, theme: null };
}
