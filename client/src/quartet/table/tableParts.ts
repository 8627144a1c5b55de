/**
 * Parts of the table the painter places: a seat's avatar (initial in the
 * seat's colour, a screen mark for a computer player), laid quartets as
 * small stacks of their four card faces, and the last ask large in the
 * middle (the card asked for, the question, the answer and a draw).
 */
import type * as Phaser from "phaser";
import type { CardId, ThemeId } from "@iot/shared/quartet/cardIds";
import { CARD_RATIO, type Rect } from "./layout.js";
import type { CardTextures } from "./cardTextures.js";
import type { AvatarModel, LastAskModel } from "./model.js";
import { FONT } from "./cardArt.js";

/** Colours of the answer's band: a hit in green, a miss in amber, both AA with the ink on them. */
const ANSWER = { got: 0xd8f0e0, miss: 0xfbe7c6, line: 0xaab6c3, ink: "#13212e", muted: "#4b5a69" };

/** Text style at the screen's pixel ratio (as the painter's). */
function textStyle(size: number, dpr: number, weight: string, colour: string): Phaser.Types.GameObjects.Text.TextStyle {
  return { fontFamily: FONT, fontSize: `${Math.round(size)}px`, fontStyle: weight, color: colour, resolution: dpr };
}

/** Offset between the cards of a stack, as a share of the card's width. */
const STACK_STEP = 0.14;

/** Where the painter put the parts a reader of the table looks for: each laid quartet's stack by its owner, the last ask's box. */
export interface Painted {
  stacks: { owner: string; theme: ThemeId; rect: Rect }[];
  lastAsk: (Rect & { from: string; to: string; card: CardId }) | null;
}

/** What the parts draw into: the scene's factories, the board they join, the card textures, the pixel ratio. */
export interface PartsTarget {
  scene: Phaser.Scene;
  board: Phaser.GameObjects.Container;
  cards: CardTextures;
  dpr: number;
}

/** Draws an avatar of diameter `d` with its top-left corner at (`x`, `y`); a computer's has a small screen at its lower right. */
export function drawAvatar(t: PartsTarget, a: AvatarModel, x: number, y: number, d: number): void {
  const g = t.scene.add.graphics();
  g.fillStyle(a.colour, 1).fillCircle(x + d / 2, y + d / 2, d / 2);
  g.lineStyle(Math.max(1, d * 0.06), 0xffffff, 1).strokeCircle(x + d / 2, y + d / 2, d / 2);
  t.board.add(g);
  const ink = `#${a.ink.toString(16).padStart(6, "0")}`;
  const letter = t.scene.add
    .text(x + d / 2, y + d / 2, a.initial, textStyle(d * 0.55, t.dpr, "800", ink))
    .setOrigin(0.5, 0.5);
  t.board.add(letter);
  if (!a.bot) return;
  // A screen on a foot: the computer mark, white with an ink outline so it holds on every fill.
  const s = d * 0.46;
  const sx = x + d - s * 0.45;
  const sy = y + d - s * 0.62;
  const m = t.scene.add.graphics();
  m.fillStyle(0xffffff, 1).fillRoundedRect(sx, sy, s, s * 0.7, s * 0.12);
  m.lineStyle(Math.max(1, s * 0.1), 0x13212e, 1).strokeRoundedRect(sx, sy, s, s * 0.7, s * 0.12);
  m.fillStyle(0x13212e, 1).fillRect(sx + s * 0.38, sy + s * 0.7, s * 0.24, s * 0.16);
  t.board.add(m);
}

/** The width a stack of four cards `w` wide takes. */
export function stackWidth(w: number): number {
  return w * (1 + 3 * STACK_STEP);
}

/** Draws a laid quartet as its four faces stacked, card 1 on top, `w` wide, with its top-left corner at (`x`, `y`); returns the stack's rect. */
export function drawStack(t: PartsTarget, theme: ThemeId, x: number, y: number, w: number): Rect {
  const h = w * CARD_RATIO;
  for (let n = 4; n >= 1; n--) {
    const dx = (4 - n) * w * STACK_STEP;
    const img = t.scene.add
      .image(x + dx + w / 2, y + h / 2, t.cards.face(`${theme}-${n}` as CardId, w, t.dpr))
      .setDisplaySize(w, h);
    t.board.add(img);
  }
  return { x, y, w: stackWidth(w), h };
}

/**
 * Draws the last ask inside `r`: the card asked for on the left, as large as
 * the area allows, and beside it the question, the answer on a band (green
 * for a hit, amber for a miss) and the draw that followed. Returns the rect
 * it used.
 */
export function drawLastAsk(t: PartsTarget, ask: LastAskModel, r: Rect, font: number): Rect {
  const pad = Math.max(6, font * 0.5);
  const cardH = Math.min(r.h - 2 * pad, 260);
  const cardW = Math.min(cardH / CARD_RATIO, r.w * 0.26);
  const showCard = cardW >= 34;
  const tx = r.x + pad + (showCard ? cardW + pad * 1.4 : 0);
  const tw = Math.max(60, r.x + r.w - pad - tx);
  const lines = [ask.question, ask.answer, ask.drew].filter(Boolean);
  const texts = lines.map((line, i) =>
    t.scene.add.text(0, 0, line, {
      ...textStyle(font, t.dpr, i === 1 ? "800" : "700", i === 2 ? ANSWER.muted : ANSWER.ink),
      wordWrap: { width: tw - pad, useAdvancedWrap: false },
    }),
  );
  // The largest size (up to 1.5 x the table's font) at which the lines fit the height.
  const room = r.h - 2 * pad;
  let size = Math.min(font * 1.5, Math.max(14, room / (lines.length * 1.9)));
  const height = () => texts.reduce((sum, x) => sum + x.height, 0) + (texts.length - 1) * size * 0.45;
  for (const x of texts) x.setFontSize(Math.round(size));
  for (let k = 0; k < 8 && height() > room && size > 12; k++) {
    size *= 0.9;
    for (const x of texts) x.setFontSize(Math.round(size));
  }
  const blockH = Math.min(room, height());
  const boxH = Math.max(blockH, showCard ? cardH : 0) + 2 * pad;
  const box: Rect = { x: r.x, y: r.y + (r.h - boxH) / 2, w: r.w, h: boxH };
  const g = t.scene.add.graphics();
  g.fillStyle(0xffffff, 0.96).fillRoundedRect(box.x, box.y, box.w, box.h, font * 0.8);
  g.lineStyle(2, ANSWER.line, 1).strokeRoundedRect(box.x, box.y, box.w, box.h, font * 0.8);
  t.board.add(g);
  if (showCard) {
    const cy = box.y + box.h / 2;
    const img = t.scene.add
      .image(r.x + pad + cardW / 2, cy, t.cards.face(ask.card, cardW, t.dpr))
      .setDisplaySize(cardW, cardW * CARD_RATIO);
    t.board.add(img);
  }
  let y = box.y + (box.h - blockH) / 2;
  texts.forEach((x, i) => {
    if (i === 1) {
      const band = t.scene.add.graphics();
      band
        .fillStyle(ask.got ? ANSWER.got : ANSWER.miss, 1)
        .fillRoundedRect(
          tx - size * 0.3,
          y - size * 0.12,
          Math.min(tw, x.width + size * 0.6),
          x.height + size * 0.24,
          size * 0.3,
        );
      t.board.add(band);
    }
    x.setPosition(tx, y);
    t.board.add(x);
    y += x.height + size * 0.45;
  });
  return box;
}
