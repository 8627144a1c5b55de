import { CARD_IDS, CARDS_PER_THEME, isCardId, THEME_IDS, themeOf, type CardId, type ThemeId } from "./cardIds.js";
import { shuffled, type Rng } from "../rng.js";
import { resolveSettings } from "./settings.js";
import type { AskAction, PlayerId, QuartetEvent, QuartetState, RankEntry, RuleResult, TableSettings } from "./types.js";

/**
 * Deals a new game for `players` (seat order) under `settings` (defaults for
 * what is left out). The RNG shuffles the deck and picks the first player;
 * dealing starts with that player, so the first seats of the deal may get one
 * card more. Quartets complete in the deal are laid at once.
 * Rejects with `BAD_PLAYER_COUNT`/`BAD_SETTINGS` (see `resolveSettings`) or
 * `UNKNOWN_PLAYER` for empty or duplicate player ids.
 */
export function newGame(players: readonly PlayerId[], settings: Partial<TableSettings>, rng: Rng): RuleResult {
  const resolved = resolveSettings(players.length, settings);
  if (!resolved.ok) return resolved;
  if (new Set(players).size !== players.length || players.some((p) => typeof p !== "string" || p === "")) {
    return { ok: false, rejection: { code: "UNKNOWN_PLAYER" } };
  }
  const deck = shuffled(rng, CARD_IDS);
  const first = rng.int(0, players.length - 1);
  const handSize = resolved.settings.stockHandSize;
  const dealCount = handSize === 0 ? deck.length : handSize * players.length;
  const hands: Record<PlayerId, CardId[]> = {};
  const quartets: Record<PlayerId, ThemeId[]> = {};
  for (const p of players) {
    hands[p] = [];
    quartets[p] = [];
  }
  for (let i = 0; i < dealCount; i++) {
    (hands[players[(first + i) % players.length] as PlayerId] as CardId[]).push(deck[i] as CardId);
  }
  const state: QuartetState = {
    settings: resolved.settings,
    players: players.slice(),
    hands,
    quartets,
    stock: deck.slice(dealCount),
    phase: "playing",
    turn: null,
    asks: 0,
    ranking: null,
  };
  const handCounts: Record<PlayerId, number> = {};
  for (const p of players) handCounts[p] = hands[p]?.length ?? 0;
  const events: QuartetEvent[] = [{ type: "dealt", handCounts, stockCount: state.stock.length }];
  const outBefore = new Set<PlayerId>();
  for (let i = 0; i < players.length; i++) {
    layQuartets(state, players[(first + i) % players.length] as PlayerId, events);
  }
  settle(state, players[first] as PlayerId, outBefore, events);
  return { ok: true, state, events };
}

/**
 * Applies an ask. On a hit the card moves to the asker, who asks again; on a
 * miss the asker draws from the stock (stock variant) and the turn passes to
 * the asked player or to the next seat (setting). Completed quartets are laid
 * at once; the game ends when all five are down. Rejections, in this order:
 * NOT_PLAYING, NOT_YOUR_TURN, UNKNOWN_CARD, UNKNOWN_PLAYER, ASK_SELF,
 * TARGET_EMPTY, CARD_ALREADY_HELD, CARD_OUT_OF_PLAY, THEME_NOT_HELD.
 * The input state is never modified.
 */
export function applyAsk(state: QuartetState, action: AskAction): RuleResult {
  const rejection = checkAsk(state, action);
  if (rejection) return { ok: false, rejection: { code: rejection } };
  const { from, to, card } = action;
  const outBefore = outPlayers(state);
  const next: QuartetState = { ...state, hands: { ...state.hands }, asks: state.asks + 1 };
  const targetHand = state.hands[to] as CardId[];
  const got = targetHand.includes(card);
  const events: QuartetEvent[] = [{ type: "asked", from, to, card, got }];
  if (got) {
    next.hands[to] = targetHand.filter((c) => c !== card);
    next.hands[from] = [...(state.hands[from] as CardId[]), card];
    layQuartets(next, from, events);
  } else if (next.stock.length > 0) {
    drawCard(next, from, events);
    layQuartets(next, from, events);
  }
  const candidate = got ? from : state.settings.missPassesTo === "asked" ? to : seatAfter(state, from);
  settle(next, candidate, outBefore, events);
  return { ok: true, state: next, events };
}

/** The rejection code an ask would get, or null when it is legal. */
export function checkAsk(state: QuartetState, action: AskAction) {
  if (state.phase !== "playing") return "NOT_PLAYING" as const;
  if (action.from !== state.turn) return "NOT_YOUR_TURN" as const;
  if (!isCardId(action.card)) return "UNKNOWN_CARD" as const;
  const targetHand = Object.hasOwn(state.hands, action.to) ? state.hands[action.to] : undefined;
  if (!targetHand) return "UNKNOWN_PLAYER" as const;
  if (action.to === action.from) return "ASK_SELF" as const;
  if (targetHand.length === 0) return "TARGET_EMPTY" as const;
  const own = state.hands[action.from] as CardId[];
  if (own.includes(action.card)) return "CARD_ALREADY_HELD" as const;
  const theme = themeOf(action.card);
  if (isThemeLaid(state, theme)) return "CARD_OUT_OF_PLAY" as const;
  if (!state.settings.allowBluff && !own.some((c) => themeOf(c) === theme)) return "THEME_NOT_HELD" as const;
  return null;
}

/** True when some player has laid `theme` down. */
export function isThemeLaid(state: QuartetState, theme: ThemeId): boolean {
  return state.players.some((p) => state.quartets[p]?.includes(theme));
}

/** Number of quartets laid at the table. */
export function laidCount(state: QuartetState): number {
  let n = 0;
  for (const p of state.players) n += state.quartets[p]?.length ?? 0;
  return n;
}

/** True when `player` can take no more part: an empty hand and no stock to draw from under the "draw" rule. */
export function isOut(state: QuartetState, player: PlayerId): boolean {
  const hand = state.hands[player];
  if (!hand || hand.length > 0) return false;
  return !(state.settings.emptyHand === "draw" && state.stock.length > 0);
}

/**
 * The ranking by quartets laid, most first; players with the same number share
 * a place (1, 1, 3, ...). Ties keep seat order.
 */
export function rank(state: Pick<QuartetState, "players" | "quartets">): RankEntry[] {
  const counts = state.players.map((player) => ({ player, quartets: state.quartets[player]?.length ?? 0 }));
  return counts
    .map((c) => ({ ...c, place: 1 + counts.filter((o) => o.quartets > c.quartets).length }))
    .sort((a, b) => a.place - b.place);
}

function outPlayers(state: QuartetState): Set<PlayerId> {
  return new Set(state.players.filter((p) => isOut(state, p)));
}

function seatAfter(state: QuartetState, player: PlayerId): PlayerId {
  const i = state.players.indexOf(player);
  return state.players[(i + 1) % state.players.length] as PlayerId;
}

/** Moves the top stock card to `player` (draft state: arrays are replaced, never mutated in place). */
function drawCard(draft: QuartetState, player: PlayerId, events: QuartetEvent[]): void {
  const [card, ...rest] = draft.stock;
  draft.stock = rest;
  draft.hands[player] = [...(draft.hands[player] as CardId[]), card as CardId];
  events.push({ type: "drew", player, card: card as CardId });
}

/** Lays down every complete theme in `player`'s hand (draft state). */
function layQuartets(draft: QuartetState, player: PlayerId, events: QuartetEvent[]): void {
  const hand = draft.hands[player] as CardId[];
  if (hand.length < CARDS_PER_THEME) return;
  for (const theme of THEME_IDS) {
    let n = 0;
    for (const c of hand) if (themeOf(c) === theme) n++;
    if (n < CARDS_PER_THEME) continue;
    draft.hands[player] = (draft.hands[player] as CardId[]).filter((c) => themeOf(c) !== theme);
    draft.quartets = { ...draft.quartets, [player]: [...(draft.quartets[player] as ThemeId[]), theme] };
    events.push({ type: "quartet", player, theme });
  }
}

/**
 * Finishes an action on a draft: announces players who just went out, ends
 * the game when all quartets are down, else gives the turn to the first
 * player from `candidate` on (seat order) who can ask, letting empty hands
 * draw under the "draw" rule and a lone holder draw when nobody is left to ask.
 */
function settle(draft: QuartetState, candidate: PlayerId, outBefore: Set<PlayerId>, events: QuartetEvent[]): void {
  const n = draft.players.length;
  let idx = draft.players.indexOf(candidate);
  // Each pass draws a card or advances a seat, and at most n seats pass between draws.
  for (let guard = (n + 1) * (CARD_IDS.length + 1); laidCount(draft) < THEME_IDS.length; guard--) {
    if (guard === 0) throw new Error("quartet rules: no player can take the turn");
    const p = draft.players[idx] as PlayerId;
    const hand = draft.hands[p] as CardId[];
    if (hand.length > 0) {
      const someoneToAsk = draft.players.some((o) => o !== p && (draft.hands[o] as CardId[]).length > 0);
      if (someoneToAsk) {
        draft.turn = p;
        announceOut(draft, outBefore, events);
        events.push({ type: "turn", player: p });
        return;
      }
      if (draft.stock.length === 0) throw new Error("quartet rules: a lone holder with incomplete themes");
      if (draft.settings.emptyHand !== "draw") {
        drawCard(draft, p, events);
        layQuartets(draft, p, events);
        continue;
      }
      // Under the "draw" rule the next empty seat draws and can then be asked.
    } else if (
      draft.stock.length > 0 &&
      (draft.settings.emptyHand === "draw" || draft.players.every((o) => (draft.hands[o] as CardId[]).length === 0))
    ) {
      drawCard(draft, p, events);
      layQuartets(draft, p, events);
      continue;
    }
    idx = (idx + 1) % n;
  }
  announceOut(draft, outBefore, events);
  draft.phase = "finished";
  draft.turn = null;
  draft.ranking = rank(draft);
  events.push({ type: "finished", ranking: draft.ranking });
}

function announceOut(draft: QuartetState, outBefore: Set<PlayerId>, events: QuartetEvent[]): void {
  for (const p of draft.players) {
    if (!outBefore.has(p) && isOut(draft, p)) {
      outBefore.add(p);
      events.push({ type: "out", player: p });
    }
  }
}
