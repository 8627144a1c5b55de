/**
 * Where everything sits on the table, as a pure function of the stage size
 * (CSS pixels) and what is on it. The Phaser scene draws at these rects and
 * the DOM layer puts its buttons over the same rects, so they always agree.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Playing-card proportions: 63 x 88 mm. */
export const CARD_RATIO = 88 / 63;

export interface TableLayout {
  /** Opponents' seats, in the order given. */
  seats: Rect[];
  /** Middle of the table: the ask bubble, the stock and the laid quartets. */
  center: Rect;
  /** The own strip (name, quartets) above the hand. */
  own: Rect;
  /** The own hand's cards, in the order given. */
  hand: Rect[];
  /** The hand's area. */
  handArea: Rect;
  /** Base font size in CSS pixels for labels on the table. */
  font: number;
  /** Width of a small card (card backs in seats, cards in flight to seats). */
  smallCard: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The layout for a stage of `width` x `height` with `opponents` other players
 * and `handSize` own cards. Opponents sit in a row (or arc) along the top, the
 * own hand along the bottom, the center in between.
 */
export function tableLayout(width: number, height: number, opponents: number, handSize: number): TableLayout {
  const w = Math.max(240, width);
  const h = Math.max(240, height);
  const pad = clamp(Math.round(Math.min(w, h) * 0.02), 6, 24);
  const font = clamp(Math.round(Math.min(w / 26, h / 34)), 13, 30);
  const seatH = clamp(Math.round(h * 0.17), 76, 170);
  const seats = seatRow(w, pad, seatH, opponents);
  const ownH = Math.round(font * 1.9);
  const centerTop = pad + seatH + pad;
  const centerMin = Math.round(font * 4.2);
  // The hand gets everything but a minimal center; the center takes what the hand leaves.
  const handSpace = Math.max(h * 0.3, h - centerTop - centerMin - ownH - pad * 2);
  const maxCard = Math.min(280, w * (w < 600 ? 0.32 : w < 1000 ? 0.24 : 0.17));
  const grid = handGrid(w - 2 * pad, handSpace, handSize, maxCard);
  const handAreaH = Math.min(handSpace, grid.height);
  const handArea: Rect = { x: pad, y: h - pad - handAreaH, w: w - 2 * pad, h: handAreaH };
  const own: Rect = { x: pad, y: handArea.y - ownH - Math.round(pad / 2), w: w - 2 * pad, h: ownH };
  const center: Rect = { x: pad, y: centerTop, w: w - 2 * pad, h: Math.max(centerMin, own.y - centerTop - pad / 2) };
  const hand = grid.cells.map((c) => ({ x: handArea.x + c.x, y: handArea.y + c.y, w: c.w, h: c.h }));
  const smallCard = clamp(Math.round(seatH * 0.36), 26, 60);
  return { seats, center, own, hand, handArea, font, smallCard };
}

function seatRow(w: number, pad: number, seatH: number, n: number): Rect[] {
  if (n <= 0) return [];
  const maxW = 300;
  const seatW = Math.min(maxW, (w - pad * (n + 1)) / n);
  const total = seatW * n + pad * (n - 1);
  const x0 = (w - total) / 2;
  return Array.from({ length: n }, (_, i) => ({ x: x0 + i * (seatW + pad), y: pad, w: seatW, h: seatH }));
}

/**
 * Lays `n` cards out in a grid inside `width` x `height`, as large as fits
 * (at most `maxW` wide), centered horizontally; when even the smallest
 * readable size does not fit, rows overlap so every card keeps its top band
 * and title visible.
 */
export function handGrid(width: number, height: number, n: number, maxW: number): { cells: Rect[]; height: number } {
  if (n <= 0) return { cells: [], height: Math.min(height, 60) };
  const gap = clamp(Math.round(width / 90), 4, 14);
  let best = { cols: n, cw: 0 };
  // From one row down: fewer rows win when the cards are as large.
  for (let cols = n; cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const byW = (width - gap * (cols - 1)) / cols;
    const byH = (height - gap * (rows - 1)) / rows / CARD_RATIO;
    const cw = Math.min(byW, byH, maxW);
    if (cw > best.cw + 0.5) best = { cols, cw };
  }
  const minW = Math.min(62, (width - gap * 3) / 4);
  let { cols, cw } = best;
  let rowStep = cw * CARD_RATIO + gap;
  if (cw < minW) {
    // Overlap rows: fixed readable width, rows step by what is left.
    cw = minW;
    cols = Math.max(1, Math.floor((width + gap) / (cw + gap)));
    const rows = Math.ceil(n / cols);
    rowStep = rows > 1 ? Math.max(cw * 0.55, (height - cw * CARD_RATIO) / (rows - 1)) : 0;
  }
  cw = Math.floor(cw);
  const ch = Math.floor(cw * CARD_RATIO);
  const rows = Math.ceil(n / cols);
  const cells: Rect[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / cols);
    const inRow = row === rows - 1 ? n - row * cols : cols;
    const rowW = inRow * cw + (inRow - 1) * gap;
    const x = (width - rowW) / 2 + (i - row * cols) * (cw + gap);
    cells.push({ x: Math.round(x), y: Math.round(row * rowStep), w: cw, h: ch });
  }
  const used = (rows - 1) * rowStep + ch;
  return { cells, height: Math.ceil(used) };
}

/** The center of a rect. */
export function middle(r: Rect): { x: number; y: number } {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}
