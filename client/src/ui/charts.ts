/**
 * Bar charts as inline SVG, made for a projector: every bar carries its value
 * as text, bars have a dark outline (so light colours stand out from the
 * white panel), and each chart is one image for assistive technology
 * (`role="img"`) whose name holds the title and every value.
 */
import { h, type ComponentChild, type JSX } from "preact";
import { cycle, OKABE_ITO } from "./palette.js";

/** Text colour of values and labels (the app's ink; AA on white). */
const INK = "#13212e";
/** Colour of axis labels and grid lines (the app's muted grey; AA on white). */
const MUTED = "#4b5a69";
const GRID = "#aab6c3";

/** The colour of series `i` (counted from 0): the Okabe-Ito palette, starting over after eight. */
export function seriesColor(i: number): string {
  return cycle(OKABE_ITO, i).colour;
}

/** One bar: its label (one line of text per entry), its value, the value as shown, and its colour. */
export interface Bar {
  /** Identifies the bar (`data-bar`), e.g. a round number or a competence. */
  key: string;
  label: string[];
  value: number;
  /** The value as the chart shows and reads it out (formatted, with its unit if any). */
  text: string;
  color: string;
}

/** What every chart needs: its accessible name (the title), an id for `data-chart`, and the bars in order. */
export interface ChartSpec {
  name: string;
  id: string;
  bars: readonly Bar[];
}

/** The accessible name of a chart: its title, then every bar's label and value. */
export function chartLabel(name: string, bars: readonly Bar[]): string {
  return `${name}: ${bars.map((b) => `${b.label.join(", ")}: ${b.text}`).join("; ")}`;
}

const scaleMax = (bars: readonly Bar[], max?: number) => {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  return top > 0 ? top : 1;
};

const frame = (spec: ChartSpec, width: number, height: number, children: ComponentChild[]) =>
  h(
    "svg",
    {
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": chartLabel(spec.name, spec.bars),
      "data-chart": spec.id,
      class: "chart-svg",
      preserveAspectRatio: "xMidYMid meet",
    },
    children,
  );

const barRect = (b: Bar, x: number, y: number, w: number, height: number) =>
  h("rect", {
    x: x.toFixed(1),
    y: y.toFixed(1),
    width: Math.max(0, w).toFixed(1),
    height: Math.max(0, height).toFixed(1),
    fill: b.color,
    stroke: INK,
    "stroke-width": 1,
    "data-bar": b.key,
    "data-value": String(b.value),
  });

/**
 * A column chart: one vertical bar per entry from a common zero line, the
 * value above each bar and the label (up to two lines) below it. Negative
 * values are drawn as zero (their text still shows the value).
 */
export function columnChart(spec: ChartSpec): JSX.Element {
  const width = 440;
  const height = 250;
  const top = 30;
  const bottom = 50;
  const side = 12;
  const plotW = width - 2 * side;
  const plotH = height - top - bottom;
  const base = top + plotH;
  const max = scaleMax(spec.bars);
  const slot = plotW / Math.max(1, spec.bars.length);
  const barW = Math.min(80, slot * 0.6);
  const children: ComponentChild[] = [];
  spec.bars.forEach((b, i) => {
    const cx = side + slot * i + slot / 2;
    const barH = (Math.max(0, b.value) / max) * plotH;
    children.push(
      barRect(b, cx - barW / 2, base - barH, barW, barH),
      h(
        "text",
        { x: cx, y: base - barH - 8, "text-anchor": "middle", "font-size": 16, "font-weight": 700, fill: INK },
        b.text,
      ),
      ...b.label
        .slice(0, 2)
        .map((line, j) =>
          h(
            "text",
            { x: cx, y: base + 20 + j * 18, "text-anchor": "middle", "font-size": 14, fill: j === 0 ? INK : MUTED },
            line,
          ),
        ),
    );
  });
  children.push(h("line", { x1: side, x2: width - side, y1: base, y2: base, stroke: INK, "stroke-width": 1 }));
  return frame(spec, width, height, children);
}

/**
 * A bar chart on its side: one horizontal bar per entry, the label on the
 * left and the value right of the bar, on a scale from 0 to `max` (default:
 * the largest value) with grid lines at 0, half and `max`.
 */
export function barChart(spec: ChartSpec & { max?: number }): JSX.Element {
  const width = 440;
  const labelW = 180;
  const valueW = 48;
  const row = 30;
  const barH = 20;
  const top = 8;
  const bottom = 24;
  const plotX = labelW;
  const plotW = width - labelW - valueW;
  const height = top + row * spec.bars.length + bottom;
  const base = top + row * spec.bars.length;
  const max = scaleMax(spec.bars, spec.max);
  const children: ComponentChild[] = [];
  for (const tick of [0, max / 2, max]) {
    const x = plotX + (tick / max) * plotW;
    children.push(
      h("line", { x1: x, x2: x, y1: top, y2: base, stroke: GRID, "stroke-width": 1 }),
      h(
        "text",
        { x, y: base + 16, "text-anchor": "middle", "font-size": 12, fill: MUTED },
        String(Math.round(tick * 10) / 10),
      ),
    );
  }
  spec.bars.forEach((b, i) => {
    const y = top + row * i + (row - barH) / 2;
    const w = (Math.min(max, Math.max(0, b.value)) / max) * plotW;
    children.push(
      h(
        "text",
        {
          x: labelW - 10,
          y: y + barH / 2,
          "text-anchor": "end",
          "dominant-baseline": "middle",
          "font-size": 14,
          fill: INK,
        },
        b.label.join(" "),
      ),
      barRect(b, plotX, y, w, barH),
      h(
        "text",
        {
          x: plotX + w + 6,
          y: y + barH / 2,
          "dominant-baseline": "middle",
          "font-size": 15,
          "font-weight": 700,
          fill: INK,
        },
        b.text,
      ),
    );
  });
  return frame(spec, width, height, children);
}
