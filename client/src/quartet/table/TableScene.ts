/**
 * The table, drawn by Phaser: opponents along the top with card backs,
 * counts, connection state and laid quartets; the ask and its answer in the
 * middle; the own hand as readable card faces along the bottom. Cards travel
 * between players and quartets are laid with a clear moment. The scene takes
 * no input: the DOM layer puts real buttons over the rects it reports.
 */
import * as Phaser from "phaser";
import type { CardId } from "@iot/shared/quartet/cardIds";
import { CardTextures, type CardLook } from "./cardTextures.js";
import type { FaceMetrics } from "./cardArt.js";
import { middle, tableLayout, type Rect, type TableLayout } from "./layout.js";
import type { TableModel, TableMoment } from "./model.js";
import { TablePainter, textStyle } from "./painter.js";
import type { Painted } from "./tableParts.js";

export interface TableSceneHooks {
  look: CardLook;
  /** Called after every layout change with the rects the DOM layer covers. */
  onLayout(layout: TableLayout, painted: Painted): void;
  /** Called when moments (animations) start and when the last one has ended. */
  onMoment(active: boolean): void;
  /** Called when a quartet moment starts, with the area it plays in (above the own strip, never over the hand), and with null when it ends. */
  onQuartetArea?(area: Rect | null): void;
}

/** The Phaser scene of the quartet table. */
export class TableScene extends Phaser.Scene {
  private model: TableModel | null = null;
  private layout: TableLayout | null = null;
  private board!: Phaser.GameObjects.Container;
  private fx!: Phaser.GameObjects.Container;
  private cards!: CardTextures;
  private size = { w: 0, h: 0, dpr: 1 };
  private motion = true;
  private moments = 0;
  private pending = false;
  /** The quartet moment playing, with its area; it ends early when the layout moves the area. */
  private quartet: { area: Rect; done: () => void } | null = null;
  /** Between `create` and the scene's shutdown: the only time its factories, tweens and clock exist. */
  private live = false;

  constructor(private readonly hooks: TableSceneHooks) {
    super({ key: "table" });
  }

  create(): void {
    this.cards = new CardTextures(this.textures, this.hooks.look);
    this.board = this.add.container(0, 0);
    this.fx = this.add.container(0, 0);
    this.live = true;
    const stop = () => {
      this.live = false;
    };
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
    this.events.once(Phaser.Scenes.Events.DESTROY, stop);
    this.applyCamera();
    this.redraw();
  }

  /** The stage size in CSS pixels and the device pixel ratio (the camera zooms so world units are CSS pixels). */
  resize(w: number, h: number, dpr: number): void {
    this.size = { w, h, dpr };
    if (!this.live) return;
    this.applyCamera();
    this.redraw();
  }

  /** What the hand's card `card` at `w` x `h` CSS px is drawn with (its texture is made if missing). */
  faceMetrics(card: CardId, w: number, h: number): FaceMetrics | undefined {
    if (!this.live) return undefined;
    return this.cards.metrics(this.cards.face(card, w, this.size.dpr, h));
  }

  /** Turns animations on or off (off: moments are shown without motion). */
  setMotion(on: boolean): void {
    this.motion = on;
    if (!on) this.tweens?.killAll();
    if (!on && this.live) {
      this.fx.removeAll(true);
      this.moments = 0;
      if (this.quartet) this.hooks.onQuartetArea?.(null);
      this.quartet = null;
      this.hooks.onMoment(false);
    }
  }

  /** Shows a new table model (drawn on the next frame, at most once per frame). */
  show(model: TableModel): void {
    this.model = model;
    if (!this.live || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (this.live) this.redraw();
    });
  }

  /** Animates a moment: a card travelling, a card drawn, a quartet laid. */
  play(moment: TableMoment): void {
    if (!this.layout || !this.live) return;
    if (moment.type === "quartet") return this.playQuartet(moment);
    if (!this.motion) return;
    const w = this.layout.smallCard * 1.6;
    const h = w * (88 / 63);
    const from = moment.type === "move" ? this.anchor(moment.from, h) : middle(this.layout.center);
    const to = this.anchor(moment.type === "move" ? moment.to : moment.player, h);
    const card = moment.card;
    const key = card ? this.cards.face(card, w, this.size.dpr) : this.cards.back(w, this.size.dpr);
    const ghost = this.add.image(from.x, from.y, key).setDisplaySize(w, w * (88 / 63));
    this.fx.add(ghost);
    this.begin();
    this.tweens.add({
      targets: ghost,
      x: to.x,
      y: to.y,
      duration: 520,
      ease: "Cubic.easeInOut",
      onComplete: () => {
        ghost.destroy();
        this.end();
      },
    });
  }

  /**
   * A quartet laid: a light veil over the table above the own strip, the four
   * cards sliding together in that area, a banner; the own hand stays in view.
   */
  private playQuartet(m: Extract<TableMoment, { type: "quartet" }>): void {
    const layout = this.layout as TableLayout;
    const f = layout.font;
    const area = quartetArea(layout, this.size.w);
    this.quartet?.done();
    const sw = area.w;
    // The banner at the area's top, the four cards below it as large as the rest of the area allows.
    const banner = this.add
      .text(sw / 2, area.y + f * 0.3, m.banner, {
        ...this.textStyle(f * 1.3, "800"),
        align: "center",
        wordWrap: { width: sw - 2 * f, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0)
      .setBackgroundColor("#fff7d6")
      .setPadding(f * 0.6, f * 0.3, f * 0.6, f * 0.3);
    const top = area.y + f * 0.3 + banner.height + f * 0.4;
    const w = Math.max(20, Math.min(sw / 5.2, (area.y + area.h - f * 0.8 - top) / (88 / 63), 200));
    const ch = w * (88 / 63);
    const cy = top + ch / 2;
    const start = this.anchor(m.player, ch);
    start.y = Math.min(start.y, cy);
    const group = this.add.container(0, 0);
    this.fx.add(group);
    this.begin();
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      group.destroy();
      if (this.quartet === moment) {
        this.quartet = null;
        this.hooks.onQuartetArea?.(null);
      }
      this.end();
    };
    const moment = { area, done };
    this.quartet = moment;
    this.hooks.onQuartetArea?.(area);
    const veil = this.add.rectangle(area.x, area.y, area.w, area.h, 0xffffff, 0.82).setOrigin(0, 0);
    group.add([veil, banner]);
    [1, 2, 3, 4].forEach((n, i) => {
      const key = this.cards.face(`${m.theme}-${n}` as CardId, w, this.size.dpr);
      const img = this.add.image(start.x, start.y, key).setDisplaySize(w, ch);
      group.add(img);
      const x = sw / 2 + (i - 1.5) * w * 0.62;
      if (this.motion) {
        this.tweens.add({
          targets: img,
          x,
          y: cy,
          angle: (i - 1.5) * 5,
          duration: 480,
          delay: i * 70,
          ease: "Cubic.easeOut",
        });
      } else {
        img.setPosition(x, cy).setAngle((i - 1.5) * 5);
      }
    });
    if (this.motion) {
      veil.setAlpha(0);
      this.tweens.add({ targets: veil, alpha: 1, duration: 200 });
    }
    this.time.delayedCall(this.motion ? 1500 : 1200, () => {
      if (!this.motion || finished) return done();
      this.tweens.add({ targets: group, alpha: 0, duration: 250, onComplete: done });
    });
  }

  private begin(): void {
    if (this.moments++ === 0) this.hooks.onMoment(true);
  }

  private end(): void {
    this.moments = Math.max(0, this.moments - 1);
    if (this.moments === 0) this.hooks.onMoment(false);
  }

  /**
   * Where a card `h` high travels to or from a player: an opponent's seat,
   * or, for the own seat, just above the own strip, so it never covers the hand.
   */
  private anchor(player: string, h: number): { x: number; y: number } {
    const layout = this.layout as TableLayout;
    const model = this.model;
    const i = model ? model.seats.findIndex((s) => s.id === player) : -1;
    if (i >= 0 && layout.seats[i]) return middle(layout.seats[i]);
    return { x: middle(layout.own).x, y: Math.max(layout.center.y, layout.own.y - h / 2 - 2) };
  }

  private applyCamera(): void {
    const cam = this.cameras.main;
    cam.setSize(Math.round(this.size.w * this.size.dpr), Math.round(this.size.h * this.size.dpr));
    cam.setOrigin(0, 0);
    cam.setZoom(this.size.dpr);
    cam.setScroll(0, 0);
  }

  private textStyle(size: number, weight = "600"): Phaser.Types.GameObjects.Text.TextStyle {
    return textStyle(size, this.size.dpr, weight);
  }

  private redraw(): void {
    const model = this.model;
    if (!model || this.size.w === 0) return;
    this.board.removeAll(true);
    const layout = tableLayout(this.size.w, this.size.h, model.seats.length, model.hand.length);
    this.layout = layout;
    const area = this.quartet?.area;
    const now = quartetArea(layout, this.size.w);
    // The own strip moved up (the hand grew, the stage shrank): the moment's area would reach the hand, so it ends.
    if (area && (now.y + now.h < area.y + area.h - 0.5 || now.w !== area.w)) this.quartet?.done();
    const painted = new TablePainter(this, this.board, this.cards, this.hooks.look, this.size.dpr).paint(model, layout);
    this.hooks.onLayout(layout, painted);
  }
}

/**
 * The area a quartet moment plays in: the whole width from the top of the
 * stage down to just above the own strip (the seats and the middle), so the
 * own strip and the hand stay uncovered.
 */
export function quartetArea(layout: TableLayout, width: number): Rect {
  return { x: 0, y: 0, w: width, h: Math.max(0, layout.own.y - 2) };
}
