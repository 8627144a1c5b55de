/**
 * Draws the table's parts into a Phaser container: opponents' seats (name,
 * card backs, count, state, laid quartets), the middle (the last ask and its
 * answer, the laid quartets, the stock), the own strip and the own hand.
 */
import * as Phaser from "phaser";
import type { ThemeId } from "@iot/shared/quartet/cardIds";
import { FONT } from "./cardArt.js";
import type { CardLook, CardTextures } from "./cardTextures.js";
import type { Rect, TableLayout } from "./layout.js";
import type { SeatModel, TableModel } from "./model.js";

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

  /** Draws every part of `model` at `layout`. */
  paint(model: TableModel, layout: TableLayout): void {
    model.seats.forEach((seat, i) => this.drawSeat(seat, layout.seats[i] as Rect, layout));
    this.drawCenter(model, layout);
    this.drawOwn(model, layout);
    this.drawHand(model, layout);
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
    const name = this.scene.add.text(r.x + pad, r.y + pad, seat.name, this.textStyle(f * 1.05, "800"));
    this.board.add(fitText(name, r.w - 2 * pad));
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
    // Laid quartets as icon badges along the bottom edge (colour and icon, never colour alone).
    const bs = Math.min(f * 1.3, room / 5.4);
    seat.quartets.forEach((theme, k) => this.badge(theme, tx + k * (bs + 2), r.y + r.h - pad - bs, bs));
  }

  badge(theme: ThemeId, x: number, y: number, size: number): void {
    const colour = Phaser.Display.Color.HexStringToColor(this.look.colour(theme)).color;
    const g = this.scene.add
      .graphics()
      .fillStyle(colour, 1)
      .fillRoundedRect(x, y, size, size, size * 0.2);
    this.board.add(g);
    const key = this.cards.icon(theme);
    if (key)
      this.board.add(this.scene.add.image(x + size / 2, y + size / 2, key).setDisplaySize(size * 0.72, size * 0.72));
  }

  private drawCenter(model: TableModel, layout: TableLayout): void {
    const r = layout.center;
    const f = layout.font;
    // Laid quartets as chips (icon, theme name, owner), flowing in rows from the bottom up.
    const chipH = Math.round(Math.max(f * 1.5, Math.min(f * 2.1, r.h * 0.25)));
    const chipF = chipH * 0.42;
    const gap = f * 0.35;
    const chips = model.laid.map((laid) => {
      const t = this.scene.add.text(0, 0, `${laid.themeName} · ${laid.owner}`, this.textStyle(chipF, "700"));
      return { laid, t, w: Math.min(r.w - f, chipH + t.width + chipF) };
    });
    const rows: (typeof chips)[] = [];
    let rowW = Infinity;
    for (const chip of chips) {
      if (rowW + chip.w + gap > r.w - f) {
        rows.push([]);
        rowW = 0;
      }
      (rows[rows.length - 1] as typeof chips).push(chip);
      rowW += chip.w + gap;
    }
    const chipsH = rows.length * (chipH + gap);
    rows.forEach((row, k) => {
      const total = row.reduce((sum, c) => sum + c.w + gap, -gap);
      let x = r.x + (r.w - total) / 2;
      const y = r.y + r.h - chipsH + k * (chipH + gap);
      for (const { laid, t, w } of row) {
        this.board.add(
          this.scene.add
            .graphics()
            .fillStyle(0xffffff, 1)
            .fillRoundedRect(x, y, w, chipH, chipH / 2),
        );
        this.badge(laid.theme, x + chipH * 0.12, y + chipH * 0.12, chipH * 0.76);
        t.setPosition(x + chipH + chipF * 0.3, y + (chipH - t.height) / 2);
        this.board.add(t);
        x += w + gap;
      }
    });
    // The last ask and its answer, in a bubble.
    const lines = model.bubble.slice(0, 3);
    const room = r.h - chipsH - f * 0.6;
    const size = Math.max(11, Math.min(f * 1.15, room / (lines.length * 2.6 + 0.6)));
    if (lines.length > 0 && room > size * 2) {
      const text = this.scene.add
        .text(r.x + r.w / 2, r.y + size * 0.5, lines.join("\n"), {
          ...this.textStyle(size, "700"),
          align: "center",
          wordWrap: { width: r.w - 2 * f, useAdvancedWrap: true },
        })
        .setOrigin(0.5, 0);
      for (let k = 0; k < 4 && text.height + size > room; k++) text.setFontSize(Math.max(10, size * (0.85 - k * 0.1)));
      const bw = text.width + size * 1.4;
      const bh = text.height + size;
      const g = this.scene.add.graphics();
      g.fillStyle(0xffffff, 1).fillRoundedRect(r.x + (r.w - bw) / 2, r.y, bw, bh, size * 0.8);
      g.lineStyle(2, C.seatLine, 1).strokeRoundedRect(r.x + (r.w - bw) / 2, r.y, bw, bh, size * 0.8);
      this.board.add([g, text]);
    }
    if (model.stock) {
      const s = this.scene.add.text(
        r.x + r.w,
        r.y + r.h - chipsH - f * 0.2,
        model.stock,
        this.textStyle(f * 0.85, "700", C.muted),
      );
      this.board.add(s.setOrigin(1, 1));
    }
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
    const bs = r.h * 0.78;
    me.quartets.forEach((theme, k) =>
      this.badge(theme, r.x + r.w - (k + 1) * (bs + 4) - f * 0.4, r.y + (r.h - bs) / 2, bs),
    );
  }

  private drawHand(model: TableModel, layout: TableLayout): void {
    model.hand.forEach((card, i) => {
      const r = layout.hand[i] as Rect;
      const img = this.scene.add.image(r.x + r.w / 2, r.y + r.h / 2, this.cards.face(card, r.w, this.dpr));
      img.setDisplaySize(r.w, r.h);
      const dim = model.highlightTheme !== null && !card.startsWith(`${model.highlightTheme}-`);
      if (dim) img.setAlpha(0.45);
      this.board.add(img);
      if (model.highlightTheme && !dim) {
        const g = this.scene.add
          .graphics()
          .lineStyle(4, C.selected, 1)
          .strokeRoundedRect(r.x - 3, r.y - 3, r.w + 6, r.h + 6, 8);
        this.board.add(g);
      }
    });
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
