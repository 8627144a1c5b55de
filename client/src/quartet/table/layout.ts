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
  /** The hand is drawn as landscape tiles (see `handGrid`), not portrait faces. */
  handTiles: boolean;
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
  // Overlapping tiles may need more than the hand's share: the center gives way before a title is hidden.
  const handAreaH = grid.tiles ? grid.height : Math.min(handSpace, grid.height);
  const handArea: Rect = { x: pad, y: h - pad - handAreaH, w: w - 2 * pad, h: handAreaH };
  const own: Rect = { x: pad, y: handArea.y - ownH - Math.round(pad / 2), w: w - 2 * pad, h: ownH };
  const center: Rect = { x: pad, y: centerTop, w: w - 2 * pad, h: Math.max(centerMin, own.y - centerTop - pad / 2) };
  const hand = grid.cells.map((c) => ({ x: handArea.x + c.x, y: handArea.y + c.y, w: c.w, h: c.h }));
  const smallCard = clamp(Math.round(seatH * 0.36), 26, 60);
  return { seats, center, own, hand, handArea, handTiles: grid.tiles, font, smallCard };
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
 * Narrowest portrait card, CSS px, whose face keeps its title at 14 px and
 * its set list at 12 px (`cardArt.ts`); below it the hand becomes tiles.
 */
export const MIN_FACE_W = 150;
/** Narrowest tile, CSS px: two columns on a 360 px phone, room for the deck's longest word at 14 px. */
export const TILE_MIN_W = 160;
/** Height of a whole tile, CSS px: three title lines and the set list (`cardArt.ts`, `TILE_TYPE`). */
export const TILE_FULL_H = 130;
/** Height of a tile with its whole title but no set list, CSS px. */
export const TILE_MIN_H = 64;
/** What stays visible of a tile covered by the next row, CSS px: its band and the title's first line. */
export const TILE_PEEK = 26;

/** The hand's cells and the height they take. */
export interface HandGrid {
  cells: Rect[];
  height: number;
  /** True when the cards are landscape tiles (a narrow or crowded hand), false for portrait faces. */
  tiles: boolean;
}

/**
 * Lays `n` cards out inside `width` x `height`: portrait faces in a grid, as
 * large as fits (at most `maxW` wide), when they can be at least
 * `MIN_FACE_W` wide; otherwise landscape tiles at least `TILE_MIN_W` wide in
 * as many columns as fit. Tiles shrink from `TILE_FULL_H` down to
 * `TILE_MIN_H`; when even that does not fit, rows overlap like a fanned hand,
 * each keeping at least `TILE_PEEK` visible, and the height grows past
 * `height` rather than hide more.
 */
export function handGrid(width: number, height: number, n: number, maxW: number): HandGrid {
  if (n <= 0) return { cells: [], height: Math.min(height, 60), tiles: false };
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
  if (best.cw >= MIN_FACE_W) {
    const cw = Math.floor(best.cw);
    return place(width, n, best.cols, cw, Math.floor(cw * CARD_RATIO), Math.floor(cw * CARD_RATIO) + gap, gap, false);
  }
  const cols = clamp(Math.floor((width + gap) / (TILE_MIN_W + gap)), 1, n);
  const rows = Math.ceil(n / cols);
  const tw = Math.floor(Math.min((width - gap * (cols - 1)) / cols, 2.6 * TILE_FULL_H));
  const fit = (height - gap * (rows - 1)) / rows;
  if (fit >= TILE_MIN_H) {
    const th = Math.floor(Math.min(TILE_FULL_H, fit));
    return place(width, n, cols, tw, th, th + gap, gap, true);
  }
  const step = rows > 1 ? Math.max(TILE_PEEK, (height - TILE_MIN_H) / (rows - 1)) : 0;
  return place(width, n, cols, tw, TILE_MIN_H, step, gap, true);
}

function place(
  width: number,
  n: number,
  cols: number,
  cw: number,
  ch: number,
  rowStep: number,
  gap: number,
  tiles: boolean,
): HandGrid {
  const rows = Math.ceil(n / cols);
  const cells: Rect[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / cols);
    const inRow = row === rows - 1 ? n - row * cols : cols;
    const rowW = inRow * cw + (inRow - 1) * gap;
    const x = (width - rowW) / 2 + (i - row * cols) * (cw + gap);
    cells.push({ x: Math.round(x), y: Math.round(row * rowStep), w: cw, h: ch });
  }
  return { cells, height: Math.ceil((rows - 1) * rowStep + ch), tiles };
}

/**
 * Where a raised hand card (focused or under the pointer) is drawn whole: a
 * tile grown to `TILE_FULL_H`, its bottom inside `area` (a low hand lets it
 * reach up over the own strip while it is raised); a portrait face keeps its
 * cell.
 */
export function raisedRect(cell: Rect, area: Rect, tiles: boolean): Rect {
  if (!tiles || cell.h >= TILE_FULL_H) return cell;
  const y = Math.max(0, Math.min(cell.y, area.y + area.h - TILE_FULL_H));
  return { x: cell.x, y, w: cell.w, h: TILE_FULL_H };
}

/** The center of a rect. */
export function middle(r: Rect): { x: number; y: number } {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}
