import { isCardId, THEME_IDS, themeOf, type CardId, type ThemeId } from "./cardIds.js";
import type { PlayerId, QuartetState, Rejection } from "./types.js";
import { cleanText } from "../text.js";

/** Longest note on a pick, in characters (after trimming). */
export const MAX_PICK_NOTE = 280;

/** The card a player chose from a quartet as their region's first action. */
export interface PlanPick {
  player: PlayerId;
  theme: ThemeId;
  card: CardId;
  note: string;
}

/** Seats a bot plays now (bots of the table and seats a bot took over); their quartets are open to the table's humans. */
export type BotSeats = ReadonlySet<PlayerId>;

const NO_BOTS: BotSeats = new Set();

/** The player who laid `theme` down, or null while it is not laid. */
export function layerOf(state: Pick<QuartetState, "quartets">, theme: ThemeId): PlayerId | null {
  for (const [player, themes] of Object.entries(state.quartets)) if (themes.includes(theme)) return player;
  return null;
}

/**
 * Records `player`'s pick of `card` (with an optional plain-text note). Each
 * laid quartet has at most one pick. The player who laid the quartet may
 * always pick from it, and a new pick replaces the old one. A quartet laid
 * at a seat in `bots` may be picked by any other player not in `bots`, first
 * come first served: once someone else picked it, `ALREADY_PICKED`; the
 * picker may replace their own pick. Allowed while playing and after the
 * end. Rejects `UNKNOWN_CARD`, `NOT_YOUR_QUARTET`, `ALREADY_PICKED` or
 * `NOTE_TOO_LONG`, in that order; the input list is never modified.
 */
export function applyPick(
  state: Pick<QuartetState, "quartets">,
  picks: readonly PlanPick[],
  player: PlayerId,
  card: unknown,
  note: unknown = "",
  bots: BotSeats = NO_BOTS,
): { ok: true; picks: PlanPick[]; pick: PlanPick } | { ok: false; rejection: Rejection } {
  if (!isCardId(card)) return { ok: false, rejection: { code: "UNKNOWN_CARD" } };
  const theme = themeOf(card);
  const layer = layerOf(state, theme);
  const open = layer !== null && layer !== player && bots.has(layer) && !bots.has(player);
  if (layer !== player && !open) return { ok: false, rejection: { code: "NOT_YOUR_QUARTET" } };
  const current = picks.find((p) => p.theme === theme);
  if (open && current && current.player !== player) return { ok: false, rejection: { code: "ALREADY_PICKED" } };
  const text = cleanNote(typeof note === "string" ? note : "");
  if (text.length > MAX_PICK_NOTE) {
    return { ok: false, rejection: { code: "NOTE_TOO_LONG", detail: { max: MAX_PICK_NOTE } } };
  }
  const pick: PlanPick = { player, theme, card, note: text };
  return { ok: true, picks: [...picks.filter((p) => p.theme !== theme), pick], pick };
}

/**
 * The quartets `player` may still pick from, in the order they were laid:
 * their own without a pick, and those laid at a bot's seat that nobody has
 * picked yet (none for a player in `bots`).
 */
export function openPicks(
  state: Pick<QuartetState, "quartets">,
  picks: readonly Pick<PlanPick, "theme">[],
  player: PlayerId,
  bots: BotSeats = NO_BOTS,
): ThemeId[] {
  const picked = new Set(picks.map((p) => p.theme));
  const own = (state.quartets[player] ?? []).filter((theme) => !picked.has(theme));
  if (bots.has(player)) return own;
  const fromBots = Object.entries(state.quartets)
    .filter(([seat]) => seat !== player && bots.has(seat))
    .flatMap(([, themes]) => themes.filter((theme) => !picked.has(theme)));
  return [...own, ...fromBots];
}

/** The laid quartets without a pick (the holes in the table's action plan), in theme order. */
export function planHoles(state: Pick<QuartetState, "quartets">, picks: readonly Pick<PlanPick, "theme">[]): ThemeId[] {
  const picked = new Set(picks.map((p) => p.theme));
  return THEME_IDS.filter((theme) => layerOf(state, theme) !== null && !picked.has(theme));
}

/** Plain text by `cleanText`: control characters become spaces, bidi controls and invisible format characters go, NFC, runs of white space collapse, ends are trimmed. */
export function cleanNote(note: string): string {
  return cleanText(note);
}
