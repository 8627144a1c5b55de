import { CARD_IDS, THEME_CARDS, themeOf, type CardId, type ThemeId } from "../cardIds.js";
import type { SeatView } from "../seatView.js";
import type { PlayerId } from "../types.js";

/**
 * What a seat can work out about where the cards it does not hold are.
 * Holders are indexed by seat; index `players.length` is the stock.
 * `possible[c]` is a bit mask of the holders that may have card `c`
 * (0: laid down or in the viewer's own hand).
 */
export interface Knowledge {
  holders: number;
  possible: Map<CardId, number>;
  /** Themes each seat is known to hold at least one card of (from its asks). */
  mustHold: Set<ThemeId>[];
  /** Cards each holder can still hold, by seat (the stock last). */
  counts: number[];
}

/** How much a seat remembers: medium tracks only cards seen moving; hard also reasons from misses, asks and counts. */
export type Memory = "moves" | "inference";

/**
 * Replays a seat's history into knowledge. With "moves", a card is known only
 * where a hit put it. With "inference", misses rule holders out, asks show
 * which themes the asker holds (unless bluffing is allowed), draws widen what
 * the drawer may hold, and hand counts narrow the rest until nothing changes.
 */
export function buildKnowledge(view: SeatView, memory: Memory): Knowledge {
  const n = view.players.length;
  const seatOf = new Map<PlayerId, number>(view.players.map((p) => [p.id, p.seat]));
  const me = seatOf.get(view.me) ?? -1;
  const stockBit = 1 << n;
  const everyone = (1 << (n + 1)) - 1;
  const dealtStock = view.history.find((e) => e.type === "dealt")?.stockCount ?? view.stockCount;
  const start = everyone & ~(1 << me) & (dealtStock > 0 ? everyone : ~stockBit);
  const possible = new Map<CardId, number>();
  for (const c of CARD_IDS) possible.set(c, start);
  const mustHold = view.players.map(() => new Set<ThemeId>());
  const inference = memory === "inference";

  for (const e of view.history) {
    if (e.type === "asked") {
      const from = seatOf.get(e.from) ?? 0;
      const to = seatOf.get(e.to) ?? 0;
      const theme = themeOf(e.card);
      if (e.got) {
        possible.set(e.card, 1 << from);
        if (inference) {
          mustHold[from]?.add(theme);
          mustHold[to]?.delete(theme);
        }
      } else if (inference) {
        possible.set(e.card, (possible.get(e.card) ?? 0) & ~(1 << from) & ~(1 << to));
        if (!view.settings.allowBluff) mustHold[from]?.add(theme);
      }
    } else if (e.type === "drew") {
      const seat = seatOf.get(e.player) ?? 0;
      if (e.card) possible.set(e.card, 1 << seat);
      else if (inference) {
        for (const [c, mask] of possible) if (mask & stockBit) possible.set(c, mask | (1 << seat));
      }
    } else if (e.type === "quartet") {
      for (const c of THEME_CARDS[e.theme]) possible.set(c, 0);
      for (const set of mustHold) set.delete(e.theme);
    }
  }

  const counts = view.players.map((p) => p.handCount);
  counts.push(view.stockCount);
  const own = new Set(view.hand);
  for (const c of CARD_IDS) {
    let mask = own.has(c) ? 0 : (possible.get(c) ?? 0) & ~(1 << me);
    for (let h = 0; h <= n; h++) if (counts[h] === 0) mask &= ~(1 << h);
    possible.set(c, mask);
  }
  const knowledge: Knowledge = { holders: n + 1, possible, mustHold, counts };
  if (inference) propagate(knowledge, me);
  return knowledge;
}

/** Cards known to be with holder `h`. */
export function knownCards(k: Knowledge, h: number): CardId[] {
  const bit = 1 << h;
  const out: CardId[] = [];
  for (const [c, mask] of k.possible) if (mask === bit) out.push(c);
  return out;
}

/** Narrows holders until stable: a holder whose known cards fill its count can hold nothing else; a must-hold theme with one candidate card pins it. */
function propagate(k: Knowledge, me: number): void {
  for (let changed = true; changed;) {
    changed = false;
    for (let h = 0; h < k.holders; h++) {
      if (h === me) continue;
      const bit = 1 << h;
      if (knownCards(k, h).length >= (k.counts[h] ?? 0)) {
        for (const [c, mask] of k.possible) {
          if (mask !== bit && mask & bit) {
            k.possible.set(c, mask & ~bit);
            changed = true;
          }
        }
      }
      for (const theme of k.mustHold[h] ?? []) {
        const candidates = THEME_CARDS[theme].filter((c) => (k.possible.get(c) ?? 0) & bit);
        if (candidates.length === 1 && k.possible.get(candidates[0] as CardId) !== bit) {
          k.possible.set(candidates[0] as CardId, bit);
          changed = true;
        }
      }
    }
  }
}

/**
 * Estimated chance that holder `h` has card `c`: 1 when known, 0 when ruled
 * out, else its share of the unexplained cards among the possible holders,
 * raised to 1/|S| when `h` must hold the theme and S are its candidate cards.
 */
export function hitChance(k: Knowledge, h: number, c: CardId): number {
  const mask = k.possible.get(c) ?? 0;
  const bit = 1 << h;
  if (!(mask & bit)) return 0;
  if (mask === bit) return 1;
  let total = 0;
  let mine = 0;
  for (let o = 0; o < k.holders; o++) {
    if (!(mask & (1 << o))) continue;
    const free = Math.max(0, (k.counts[o] ?? 0) - knownCards(k, o).length);
    total += free;
    if (o === h) mine = free;
  }
  let p = total > 0 ? mine / total : 0;
  const theme = themeOf(c);
  if (k.mustHold[h]?.has(theme) && !knownCards(k, h).some((x) => themeOf(x) === theme)) {
    const candidates = THEME_CARDS[theme].filter((x) => (k.possible.get(x) ?? 0) & bit).length;
    if (candidates > 0) p = Math.max(p, 1 / candidates);
  }
  return p;
}
