/**
 * Phaser textures for card faces (portrait, or landscape tiles for a narrow
 * hand), card backs and theme icons, drawn once per card, language and size
 * (see `cardArt.ts`) and then reused, with what each face was drawn with.
 */
import type * as Phaser from "phaser";
import { numberOf, themeOf, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import { CARD_RATIO } from "./layout.js";
import { drawBack, drawFace, drawTile, type FaceMetrics } from "./cardArt.js";

/** What a card looks like in the chosen language. */
export interface CardLook {
  /** Changes when the language changes, so textures are redrawn. */
  key(): string;
  colour(theme: ThemeId): string;
  themeName(theme: ThemeId): string;
  title(card: CardId): string;
  /** The theme's icon drawn in white, loaded. */
  icon(theme: ThemeId): HTMLImageElement | null;
}

/** Makes and caches card textures in a Phaser texture manager. */
export class CardTextures {
  private readonly drawn = new Map<string, FaceMetrics>();

  constructor(
    private readonly textures: Phaser.Textures.TextureManager,
    private readonly look: CardLook,
  ) {}

  /**
   * Texture key of `card`'s face for a card `cssWidth` x `cssHeight` on a
   * screen of `dpr` (portrait by default); a card wider than tall is drawn
   * as a tile (`drawTile`).
   */
  face(card: CardId, cssWidth: number, dpr: number, cssHeight = cssWidth * CARD_RATIO): string {
    const px = quantize(cssWidth * dpr);
    const tile = cssHeight < cssWidth;
    const pxH = tile ? Math.round((px * cssHeight) / cssWidth) : Math.round(px * CARD_RATIO);
    const key = `${tile ? "tile" : "face"}:${this.look.key()}:${card}:${px}${tile ? `x${pxH}` : ""}`;
    if (this.textures.exists(key)) return key;
    const theme = themeOf(card);
    const canvas = this.canvas(px, pxH);
    const data = {
      themeName: this.look.themeName(theme),
      colour: this.look.colour(theme),
      icon: this.look.icon(theme),
      number: numberOf(card),
      title: this.look.title(card),
      set: ([1, 2, 3, 4] as const).map((n) => this.look.title(`${theme}-${n}`)),
    };
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    const draw = tile ? drawTile : drawFace;
    this.drawn.set(key, draw(ctx, canvas.width, canvas.height, px / cssWidth, data));
    this.textures.addCanvas(key, canvas);
    return key;
  }

  /** What the face or tile under `key` was drawn with (CSS px at the width it was asked for). */
  metrics(key: string): FaceMetrics | undefined {
    return this.drawn.get(key);
  }

  /** Texture key of the card back for a card `cssWidth` wide. */
  back(cssWidth: number, dpr: number): string {
    const px = quantize(cssWidth * dpr);
    const key = `back:${px}`;
    if (this.textures.exists(key)) return key;
    const canvas = this.canvas(px, Math.round(px * CARD_RATIO));
    drawBack(canvas.getContext("2d") as CanvasRenderingContext2D, canvas.width, canvas.height, px / cssWidth);
    this.textures.addCanvas(key, canvas);
    return key;
  }

  /** Texture key of a theme's white icon, or null while it is not loaded. */
  icon(theme: ThemeId): string | null {
    const key = `icon:${theme}`;
    if (this.textures.exists(key)) return key;
    const img = this.look.icon(theme);
    if (!img?.complete || img.naturalWidth === 0) return null;
    this.textures.addImage(key, img);
    return key;
  }

  private canvas(px: number, pxH: number): HTMLCanvasElement {
    const canvas = document.createElement("canvas");
    canvas.width = px;
    canvas.height = pxH;
    return canvas;
  }
}

/** Rounds a pixel width up to a multiple of 8, so near-equal sizes share a texture. */
function quantize(px: number): number {
  return Math.max(16, Math.ceil(px / 8) * 8);
}
