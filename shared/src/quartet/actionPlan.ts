import { isCardId, themeOf, type CardId, type ThemeId } from "./cardIds.js";
import type { PlayerId, QuartetState, Rejection } from "./types.js";
import { cleanText } from "../text.js";

/** Longest note on a pick, in characters (after trimming). */
export const MAX_PICK_NOTE = 280;

/** The card a player chose from one of their quartets as their region's first action. */
export interface PlanPick {
  player: PlayerId;
  theme: ThemeId;
  card: CardId;
  note: string;
}

/**
 * Records `player`'s pick of `card` (with an optional plain-text note) from a
 * quartet they laid down; a new pick for the same quartet replaces the old.
 * Allowed while playing and after the end. Rejects `UNKNOWN_CARD`,
 * `NOT_YOUR_QUARTET` or `NOTE_TOO_LONG`; the input list is never modified.
 */
export function applyPick(
  state: Pick<QuartetState, "quartets">,
  picks: readonly PlanPick[],
  player: PlayerId,
  card: unknown,
  note: unknown = "",
): { ok: true; picks: PlanPick[]; pick: PlanPick } | { ok: false; rejection: Rejection } {
  if (!isCardId(card)) return { ok: false, rejection: { code: "UNKNOWN_CARD" } };
  const theme = themeOf(card);
  if (!Object.hasOwn(state.quartets, player) || !state.quartets[player]?.includes(theme)) {
    return { ok: false, rejection: { code: "NOT_YOUR_QUARTET" } };
  }
  const text = cleanNote(typeof note === "string" ? note : "");
  if (text.length > MAX_PICK_NOTE) {
    return { ok: false, rejection: { code: "NOTE_TOO_LONG", detail: { max: MAX_PICK_NOTE } } };
  }
  const pick: PlanPick = { player, theme, card, note: text };
  const rest = picks.filter((p) => !(p.player === player && p.theme === theme));
  return { ok: true, picks: [...rest, pick], pick };
}

/** Plain text by `cleanText`: control characters become spaces, bidi controls and invisible format characters go, NFC, runs of white space collapse, ends are trimmed. */
export function cleanNote(note: string): string {
  return cleanText(note);
}
