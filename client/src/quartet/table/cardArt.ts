/**
 * Card faces and backs drawn with the Canvas 2D API at device resolution, so
 * text stays crisp; the Phaser scene turns each drawing into a texture once
 * and reuses it. A face shows, as on the printed cards: the theme colour as a
 * band with the theme's icon and name (never colour alone), the number, the
 * title, and the four titles of the set with this one highlighted.
 */
import { RAIL_COLOURS } from "../../ui/brand.js";
import { MIN_FACE_W } from "./layout.js";

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';
export const INK = "#13212e";

export interface FaceData {
  themeName: string;
  /** CSS colour of the theme. */
  colour: string;
  /** The theme's icon, already drawn in white (may still be loading). */
  icon: HTMLImageElement | null;
  number: number;
  title: string;
  /** The four titles of the set in the printed order. */
  set: readonly string[];
}

/** Rounded rectangle path. */
export function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/**
 * Splits `text` into at most `maxLines` lines no wider than `width`, only at
 * spaces: a word is never broken (one wider than a line gets a line of its
 * own). When the text does not fit, the last line ends in "…" after its last
 * whole word.
 */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (!line || ctx.measureText(joined).width <= width) {
      line = joined;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(ctx, `${kept[maxLines - 1]} ${lines[maxLines]}`, width);
  return kept;
}

/** `text` cut after its last whole word that fits `width` with "…" (a single word too wide is cut). */
function ellipsize(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  const words = text.split(" ");
  while (words.length > 1) {
    words.pop();
    const cut = `${words.join(" ").replace(/[\s,.;:–-]+$/, "")}…`;
    if (ctx.measureText(cut).width <= width) return cut;
  }
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Black or white, whichever reads better on `colour` (a #rrggbb colour). */
export function inkOn(colour: string): string {
  const n = parseInt(colour.replace("#", ""), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : INK;
}

/** Clears the canvas and draws an empty card: white, rounded by `r`, its outline `line` wide. */
function blankCard(ctx: CanvasRenderingContext2D, w: number, h: number, line: number, r: number): void {
  ctx.clearRect(0, 0, w, h);
  roundRect(ctx, line / 2, line / 2, w - line, h - line, r);
  ctx.fillStyle = "#ffffff";
  ctx.fill();
  ctx.lineWidth = line;
  ctx.strokeStyle = "#9aa7b5";
  ctx.stroke();
}

/**
 * Draws a card face filling a `w` x `h` canvas (device pixels); `unit` is
 * the device pixels per CSS pixel, so the smallest type stays legible (the
 * title at least TYPE.title, the set at least TYPE.set, or pips when a face
 * is too small for it). Returns what it drew.
 */
export function drawFace(ctx: CanvasRenderingContext2D, w: number, h: number, unit: number, d: FaceData): FaceMetrics {
  const r = w * 0.06;
  const line = Math.max(1, unit);
  blankCard(ctx, w, h, line, r);

  // Theme band: colour, icon, name and the number.
  const band = h * 0.19;
  const ink = inkOn(d.colour);
  ctx.save();
  roundRect(ctx, line, line, w - 2 * line, h - 2 * line, r);
  ctx.clip();
  ctx.fillStyle = d.colour;
  ctx.fillRect(0, 0, w, band);
  ctx.restore();
  const m = w * 0.05;
  const iconSize = band * 0.56;
  if (d.icon?.complete && d.icon.naturalWidth > 0) {
    ctx.drawImage(d.icon, m, (band - iconSize) / 2, iconSize, iconSize);
  }
  const numR = band * 0.31;
  ctx.fillStyle = "#ffffff";
  ctx.beginPath();
  ctx.arc(w - m - numR, band / 2, numR, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = d.colour === "#ffffff" ? INK : darker(d.colour);
  ctx.font = `800 ${Math.round(numR * 1.35)}px ${FONT}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(String(d.number), w - m - numR, band / 2 + numR * 0.05);
  ctx.textAlign = "left";
  ctx.fillStyle = ink;
  const nameX = m + iconSize + m * 0.6;
  const nameW = w - nameX - 2 * numR - m * 1.5;
  // The theme's name shrinks to fit; a long one breaks at a space or soft hyphen into two lines before it is shortened.
  const fullSize = Math.min(band * 0.36, w * 0.095);
  const minSize = Math.max(7 * unit, w * 0.07);
  const name = d.themeName.replace(/\u00ad/g, "");
  ctx.font = `700 ${fullSize}px ${FONT}`;
  const natural = ctx.measureText(name).width;
  const cut = d.themeName.search(/[\s\u00ad]/);
  if (natural * (minSize / fullSize) > nameW && cut > 0) {
    const first = d.themeName.slice(0, cut) + (d.themeName[cut] === "\u00ad" ? "-" : "");
    const second = d.themeName.slice(cut + 1).replace(/\u00ad/g, "");
    ctx.font = `700 ${fullSize}px ${FONT}`;
    const widest = Math.max(ctx.measureText(first).width, ctx.measureText(second).width);
    const size = Math.max(minSize * 0.9, Math.min(band * 0.32, (0.97 * fullSize * nameW) / widest));
    ctx.font = `700 ${size}px ${FONT}`;
    ctx.fillText(ellipsize(ctx, first, nameW), nameX, band / 2 - size * 0.55);
    ctx.fillText(ellipsize(ctx, second, nameW), nameX, band / 2 + size * 0.55);
  } else {
    const size = natural > nameW ? Math.max(minSize, (0.97 * fullSize * nameW) / natural) : fullSize;
    ctx.font = `700 ${size}px ${FONT}`;
    ctx.fillText(ellipsize(ctx, name, nameW), nameX, band / 2);
  }

  // Title, large: the card's name, wrapped at spaces; the type shrinks (to TYPE.title) until every word and line fits.
  const setTop = h * 0.6;
  const titleTop = band + m * 0.9;
  // A hand's face is at least MIN_FACE_W wide and keeps TYPE.title; smaller faces (cards in flight) scale down.
  const minTitle = w / unit >= MIN_FACE_W ? TYPE.title * unit : Math.max(7 * unit, w * 0.075);
  const title = fitTitle(ctx, d.title, w - 2 * m, setTop - titleTop - m * 0.3, Math.max(w * 0.112, minTitle), minTitle);
  ctx.fillStyle = INK;
  title.draw(m, titleTop);

  // The set: four titles, this one highlighted (or four numbered pips when too small to read).
  ctx.fillStyle = "#c9d1db";
  ctx.fillRect(m, setTop - m * 0.5, w - 2 * m, line);
  const rowH = (h - setTop - m * 0.6) / 4;
  const setSize = Math.max(TYPE.set * unit, Math.min(rowH * 0.72, w * 0.075));
  let setPx = 0;
  if (rowH >= setSize * 1.1) {
    setPx = drawSet(ctx, d, m, setTop, w - 2 * m, rowH, setSize, m * 0.5);
  } else {
    const pip = Math.min((w - 2 * m) / 4.6, rowH * 2.2);
    const y = setTop + (h - setTop - pip) / 2 - m * 0.3;
    ctx.font = `700 ${Math.round(pip * 0.6)}px ${FONT}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (let i = 0; i < 4; i++) {
      const x = m + (i * (w - 2 * m - pip)) / 3;
      const own = i === d.number - 1;
      roundRect(ctx, x, y, pip, pip, pip * 0.25);
      ctx.fillStyle = own ? d.colour : "#eef1f4";
      ctx.fill();
      ctx.fillStyle = own ? ink : "#4b5a69";
      ctx.fillText(String(i + 1), x + pip / 2, y + pip / 2);
    }
    ctx.textAlign = "left";
  }
  return { titlePx: title.size / unit, titleLines: title.lines, setPx: setPx / unit };
}

/**
 * The smallest type on a card face or tile, CSS px: the title never below
 * 14 px, the set list never below 12 px (issue 17's phone legibility).
 */
export const TYPE = { title: 14, set: 12 } as const;

/** Narrow faces first, so a card's long compound words fit a phone's tile at TYPE.title. */
export const TITLE_FONT = `"Liberation Sans Narrow", "Arial Narrow", "sans-serif-condensed", "Roboto Condensed", "Avenir Next Condensed", ${FONT}`;

/** What a card's drawing used, in CSS px: the title's size and lines, the set list's size (0: shown as pips). */
export interface FaceMetrics {
  titlePx: number;
  titleLines: string[];
  setPx: number;
}

interface FittedTitle {
  size: number;
  lines: string[];
  draw(x: number, y: number): void;
}

/**
 * The title in lines of at most `width` within `height` (device px), at the
 * largest size from `start` down to `min` that fits without cutting; at
 * `min` a word still too wide is drawn condensed (narrower glyphs, same
 * height) rather than broken.
 */
function fitTitle(
  ctx: CanvasRenderingContext2D,
  text: string,
  width: number,
  height: number,
  start: number,
  min: number,
): FittedTitle {
  let size = Math.max(min, start);
  for (;;) {
    ctx.font = `700 ${size}px ${TITLE_FONT}`;
    const maxLines = Math.max(1, Math.floor(height / (size * 1.15)));
    const widest = Math.max(...text.split(/\s+/).map((word) => ctx.measureText(word).width));
    const squeeze = Math.min(1, width / widest);
    const lines = wrapText(ctx, text, width / squeeze, maxLines);
    const fits = squeeze === 1 && !lines.some((l) => l.endsWith("…"));
    if (fits || size <= min) {
      const font = ctx.font;
      return {
        size,
        lines,
        draw: (x, y) => {
          ctx.save();
          ctx.font = font;
          ctx.textBaseline = "top";
          ctx.translate(x, y);
          ctx.scale(squeeze, 1);
          lines.forEach((l, i) => ctx.fillText(l, 0, i * size * 1.15));
          ctx.restore();
        },
      };
    }
    size = Math.max(min, size * 0.92);
  }
}

/** The set's four titles in rows of `rowH` from `top`, this card's highlighted; returns the size used. */
function drawSet(
  ctx: CanvasRenderingContext2D,
  d: FaceData,
  x: number,
  top: number,
  width: number,
  rowH: number,
  size: number,
  inset: number,
): number {
  ctx.textBaseline = "middle";
  // Not rounded: a rounded device size could fall under TYPE.set CSS px on a quantized texture.
  const px = size;
  d.set.forEach((title, i) => {
    const y = top + i * rowH;
    const own = i === d.number - 1;
    if (own) {
      ctx.fillStyle = tint(d.colour);
      roundRect(ctx, x - inset, y, width + 2 * inset, rowH * 0.92, rowH * 0.3);
      ctx.fill();
    }
    ctx.fillStyle = own ? INK : "#4b5a69";
    ctx.font = `${own ? 800 : 500} ${px}px ${TITLE_FONT}`;
    ctx.fillText(ellipsize(ctx, `${i + 1}  ${title}`, width - inset), x, y + rowH * 0.48);
  });
  return px;
}

/**
 * Draws a card as a landscape tile filling `w` x `h` (device pixels; `unit`
 * device pixels per CSS pixel), for a hand too narrow for portrait faces: the
 * theme's colour as a column on the left with the number and the icon, the
 * title (at least TYPE.title, wrapped at spaces) and, when the tile is tall
 * enough, the set list (TYPE.set). The top `TILE_PEEK` CSS px (number, icon
 * top, the title's first line) identify the card when the next row covers
 * the rest.
 */
export function drawTile(ctx: CanvasRenderingContext2D, w: number, h: number, unit: number, d: FaceData): FaceMetrics {
  const u = unit;
  const r = 8 * u;
  const line = Math.max(1, u);
  blankCard(ctx, w, h, line, r);
  const bw = 34 * u;
  ctx.save();
  roundRect(ctx, line, line, w - 2 * line, h - 2 * line, r);
  ctx.clip();
  ctx.fillStyle = d.colour;
  ctx.fillRect(0, 0, bw, h);
  ctx.restore();
  const numR = 10 * u;
  ctx.fillStyle = "#ffffff";
  ctx.beginPath();
  ctx.arc(bw / 2, 4 * u + numR, numR, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = d.colour === "#ffffff" ? INK : darker(d.colour);
  ctx.font = `800 ${Math.round(13 * u)}px ${FONT}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(String(d.number), bw / 2, 4 * u + numR + u * 0.5);
  ctx.textAlign = "left";
  const iconSize = 20 * u;
  if (d.icon?.complete && d.icon.naturalWidth > 0 && h >= 50 * u) {
    ctx.drawImage(d.icon, (bw - iconSize) / 2, 28 * u, iconSize, iconSize);
  }
  const x = bw + 7 * u;
  const textW = w - x - 7 * u;
  const top = 5 * u;
  const title = fitTitle(ctx, d.title, textW, Math.min(3 * 16 * 1.15 * u, h - top - 4 * u), 16 * u, TYPE.title * u);
  ctx.fillStyle = INK;
  title.draw(x, top);
  const setTop = top + title.lines.length * title.size * 1.15 + 6 * u;
  const rowH = 14 * u;
  let setPx = 0;
  if (h - setTop - 3 * u >= 4 * rowH) {
    ctx.fillStyle = "#c9d1db";
    ctx.fillRect(x, setTop - 3 * u, textW, line);
    setPx = drawSet(ctx, d, x, setTop, textW, rowH, TYPE.set * u, 3 * u);
  }
  return { titlePx: title.size / u, titleLines: title.lines, setPx: setPx / u };
}

/** Draws the card back: the game's mark, two rails held by sleepers, and "1 + 1 = 4". */
export function drawBack(ctx: CanvasRenderingContext2D, w: number, h: number, unit: number): void {
  const r = w * 0.06;
  ctx.clearRect(0, 0, w, h);
  roundRect(ctx, 0, 0, w, h, r);
  ctx.fillStyle = "#1b2d3f";
  ctx.fill();
  roundRect(ctx, w * 0.07, w * 0.07, w * 0.86, h - w * 0.14, r * 0.7);
  ctx.lineWidth = Math.max(1, unit);
  ctx.strokeStyle = "#4d6279";
  ctx.stroke();
  const hex = (c: number) => `#${c.toString(16).padStart(6, "0")}`;
  const railW = w * 0.1;
  const x1 = w * 0.34;
  const x2 = w * 0.66 - railW;
  ctx.fillStyle = hex(RAIL_COLOURS.sleeper);
  for (let y = h * 0.14; y < h * 0.72; y += h * 0.085) ctx.fillRect(w * 0.24, y, w * 0.52, h * 0.025);
  ctx.fillStyle = hex(RAIL_COLOURS.social);
  ctx.fillRect(x1, h * 0.11, railW, h * 0.64);
  ctx.fillStyle = hex(RAIL_COLOURS.tech);
  ctx.fillRect(x2, h * 0.11, railW, h * 0.64);
  const size = Math.max(6 * unit, w * 0.14);
  if (size >= 6 * unit) {
    ctx.fillStyle = "#ffffff";
    ctx.font = `800 ${Math.round(size)}px ${FONT}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText("1 + 1 = 4", w / 2, h * 0.85);
    ctx.textAlign = "left";
  }
}

function darker(colour: string): string {
  const n = parseInt(colour.replace("#", ""), 16);
  const f = (c: number) => Math.round(c * 0.8);
  return `rgb(${f((n >> 16) & 255)},${f((n >> 8) & 255)},${f(n & 255)})`;
}

/** A light tint of a theme colour for highlights. */
export function tint(colour: string, amount = 0.22): string {
  const n = parseInt(colour.replace("#", ""), 16);
  const f = (c: number) => Math.round(255 - (255 - c) * amount);
  return `rgb(${f((n >> 16) & 255)},${f((n >> 8) & 255)},${f(n & 255)})`;
}
