/**
 * Draws the table's parts into a Phaser container: opponents' seats (avatar,
 * name, card backs, count, state, laid quartets as stacks), the middle (the
 * last ask large: the card, the question, the answer; the stock), the own
 * strip (with its stacks) and the own hand.
 */
import type * as Phaser from "phaser";
import type { CardId } from "@iot/shared/quartet/cardIds";
import { FONT } from "./cardArt.js";
import type { CardLook, CardTextures } from "./cardTextures.js";
import { raisedRect, type Rect, type TableLayout } from "./layout.js";
import type { SeatModel, TableModel } from "./model.js";
import { drawAvatar, drawLastAsk, drawStack, stackWidth, type Painted, type PartsTarget } from "./tableParts.js";

export const COLOURS = {
  seat: 0xffffff,
  seatLine: 0xaab6c3,
  turn: 0xf2b705,
  ink: "#13212e",
  muted: "#4b5a69",
  selected: 0x1f5fbf,
};
const C = COLOURS;

/** Text style at the screen's pixel ratio (the camera zooms by it). */
export function textStyle(
  size: number,
  dpr: number,
  weight = "600",
  colour = C.ink,
): Phaser.Types.GameObjects.Text.TextStyle {
  return { fontFamily: FONT, fontSize: `${Math.round(size)}px`, fontStyle: weight, color: colour, resolution: dpr };
}

/** Paints one frame of the table into `board`. */
export class TablePainter {
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly board: Phaser.GameObjects.Container,
    private readonly cards: CardTextures,
    private readonly look: CardLook,
    private readonly dpr: number,
  ) {}

  /** Where the last `paint` put the stacks and the last ask. */
  readonly painted: Painted = { stacks: [], lastAsk: null };

  /** Draws every part of `model` at `layout`; returns where the stacks and the last ask went. */
  paint(model: TableModel, layout: TableLayout): Painted {
    model.seats.forEach((seat, i) => this.drawSeat(seat, layout.seats[i] as Rect, layout));
    this.drawCenter(model, layout);
    this.drawOwn(model, layout);
    this.drawHand(model, layout);
    return this.painted;
  }

  private textStyle(size: number, weight = "600", colour = C.ink): Phaser.Types.GameObjects.Text.TextStyle {
    return textStyle(size, this.dpr, weight, colour);
  }

  drawSeat(seat: SeatModel, r: Rect, layout: TableLayout): void {
    const g = this.scene.add.graphics();
    const line = seat.turn ? Math.max(4, layout.font * 0.28) : 2;
    g.fillStyle(seat.connected ? C.seat : 0xf1f3f5, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 10);
    g.lineStyle(line, seat.turn ? C.turn : seat.selected ? C.selected : C.seatLine, 1);
    g.strokeRoundedRect(r.x + line / 2, r.y + line / 2, r.w - line, r.h - line, 10);
    if (seat.selected && !seat.turn)
      g.lineStyle(3, C.selected, 1).strokeRoundedRect(r.x + 4, r.y + 4, r.w - 8, r.h - 8, 8);
    this.board.add(g);
    const f = Math.min(layout.font, r.w / 8.5);
    const pad = Math.max(5, f * 0.45);
    const d = f * 1.3;
    drawAvatar(this.parts(), seat.avatar, r.x + pad, r.y + pad * 0.7, d);
    const nx = r.x + pad + d + pad * 0.6;
    const name = this.scene.add.text(nx, r.y + pad, seat.name, this.textStyle(f * 1.05, "800"));
    this.board.add(fitText(name, r.x + r.w - pad - nx));
    // Card backs with the count.
    const cw = Math.min(layout.smallCard, (r.h - f * 2.4 - pad * 2) / (88 / 63));
    const by = r.y + pad + f * 1.45;
    const stack = Math.min(seat.handCount, 3);
    for (let k = 0; k < stack; k++) {
      const back = this.scene.add
        .image(r.x + pad + cw / 2 + k * cw * 0.22, by + (cw * 88) / 63 / 2, this.cards.back(cw, this.dpr))
        .setDisplaySize(cw, (cw * 88) / 63);
      if (!seat.connected) back.setAlpha(0.55);
      this.board.add(back);
    }
    const tx = r.x + pad + (stack > 0 ? cw + (stack - 1) * cw * 0.22 + pad * 0.8 : 0);
    const room = r.x + r.w - pad - tx;
    const detail = this.scene.add.text(tx, by, seat.detail, this.textStyle(f * 0.95, "700"));
    if (detail.width > room) detail.setText(String(seat.handCount)).setFontSize(Math.round(f * 1.3));
    this.board.add(fitText(detail, room));
    const tags = seat.tags.join(" · ");
    if (tags)
      this.board.add(
        fitText(
          this.scene.add.text(tx, by + detail.height + f * 0.1, tags, this.textStyle(f * 0.85, "600", C.muted)),
          room,
        ),
      );
    // Laid quartets as stacks of their four faces along the bottom edge, before their owner.
    const sw = Math.min(f * 1.05, (room / 5 - 3) / stackWidth(1));
    const sh = sw * (88 / 63);
    seat.quartets.forEach((theme, k) => {
      const rect = drawStack(this.parts(), theme, tx + k * (stackWidth(sw) + 3), r.y + r.h - pad * 0.6 - sh, sw);
      this.painted.stacks.push({ owner: seat.id, theme, rect });
    });
  }

  /** The middle: the last ask large (the card, the question, the answer, a draw), the stock's count below it. */
  private drawCenter(model: TableModel, layout: TableLayout): void {
    const r = layout.center;
    const f = layout.font;
    const stockH = model.stock ? f * 1.2 : 0;
    if (model.lastAsk) {
      const area = { x: r.x, y: r.y, w: r.w, h: Math.max(f * 2, r.h - stockH) };
      const { from, to, card } = model.lastAsk;
      this.painted.lastAsk = { ...drawLastAsk(this.parts(), model.lastAsk, area, f), from, to, card };
    }
    if (model.stock) {
      const s = this.scene.add.text(r.x + r.w, r.y + r.h, model.stock, this.textStyle(f * 0.85, "700", C.muted));
      this.board.add(s.setOrigin(1, 1));
    }
  }

  private parts(): PartsTarget {
    return { scene: this.scene, board: this.board, cards: this.cards, dpr: this.dpr };
  }

  private drawOwn(model: TableModel, layout: TableLayout): void {
    const r = layout.own;
    const f = Math.min(layout.font, r.h * 0.55);
    const me = model.me;
    if (me.turn) {
      this.board.add(
        this.scene.add
          .graphics()
          .fillStyle(C.turn, 1)
          .fillRoundedRect(r.x, r.y, r.w, r.h, r.h / 2),
      );
    }
    const label = [me.name, me.detail, ...me.tags].filter(Boolean).join(" · ");
    const t = this.scene.add.text(r.x + f * 0.6, r.y + r.h / 2, label, this.textStyle(f, "800")).setOrigin(0, 0.5);
    this.board.add(t);
    // The own laid quartets as stacks at the strip's right end.
    const sh = r.h * 0.92;
    const sw = sh / (88 / 63);
    me.quartets.forEach((theme, k) => {
      const x = r.x + r.w - (k + 1) * (stackWidth(sw) + 5) - f * 0.4;
      const rect = drawStack(this.parts(), theme, x, r.y + (r.h - sh) / 2, sw);
      this.painted.stacks.push({ owner: me.id, theme, rect });
    });
  }

  /** The hand: faces or tiles at their cells, in order; the raised card last, whole (`raisedRect`). */
  private drawHand(model: TableModel, layout: TableLayout): void {
    const order = model.hand.map((card, i) => ({ card, r: layout.hand[i] as Rect }));
    const up = order.findIndex((c) => c.card === model.raised);
    if (up >= 0) {
      const [raised] = order.splice(up, 1) as [{ card: CardId; r: Rect }];
      order.push({ card: raised.card, r: raisedRect(raised.r, layout.handArea, layout.handTiles) });
    }
    for (const { card, r } of order) {
      const img = this.scene.add.image(r.x + r.w / 2, r.y + r.h / 2, this.cards.face(card, r.w, this.dpr, r.h));
      img.setDisplaySize(r.w, r.h);
      const dim = model.highlightTheme !== null && !card.startsWith(`${model.highlightTheme}-`);
      if (dim) img.setAlpha(card === model.raised ? 0.85 : 0.45);
      this.board.add(img);
      if ((model.highlightTheme && !dim) || card === model.raised) {
        const g = this.scene.add
          .graphics()
          .lineStyle(4, card === model.raised ? 0x13212e : C.selected, 1)
          .strokeRoundedRect(r.x - 3, r.y - 3, r.w + 6, r.h + 6, 8);
        this.board.add(g);
      }
    }
  }
}

/** Makes `text` fit `width`: first a slightly smaller font, then an ellipsis. */
export function fitText(text: Phaser.GameObjects.Text, width: number): Phaser.GameObjects.Text {
  if (text.width <= width) return text;
  const size = parseFloat(String(text.style.fontSize));
  text.setFontSize(Math.max(10, Math.round(size * Math.max(0.8, width / text.width))));
  let value = text.text;
  while (text.width > width && value.length > 1) {
    value = value.slice(0, -1);
    text.setText(`${value.trimEnd()}…`);
  }
  return text;
}
