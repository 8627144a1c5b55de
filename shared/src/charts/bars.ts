/**
 * Bar charts as SVG text, one module for the facilitator's screen and the
 * PDFs (the same data gives the same SVG in both): every bar carries its
 * value as text, bars have a dark outline (light colours stand out on white),
 * and each chart is one image for assistive technology (`role="img"`) whose
 * name holds the title and every value. All text is escaped ({@link text}).
 */
import { CHART_GRID, CHART_INK, CHART_MUTED } from "./palette.js";
import { el, svgRoot, text } from "./svg.js";

/** One bar: its label (one line of text per entry), its value, the value as shown, and its colour. */
export interface Bar {
  /** Identifies the bar (`data-bar`), e.g. a round number or a competence. */
  key: string;
  label: readonly string[];
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

/** The outer element of a chart: its accessible name, `data-chart` and the class the screens style. */
export const chartFrame = (id: string, label: string, width: number, height: number, children: readonly string[]) =>
  svgRoot({ role: "img", "aria-label": label, "data-chart": id, class: "chart-svg" }, width, height, children);

const barRect = (b: Bar, x: number, y: number, w: number, height: number) =>
  el("rect", {
    x,
    y,
    width: Math.max(0, w),
    height: Math.max(0, height),
    fill: b.color,
    // A bar of no length is not drawn (browsers skip it; the PDF would draw its outline).
    stroke: w > 0 && height > 0 ? CHART_INK : "none",
    "stroke-width": 1,
    "data-bar": b.key,
    "data-value": String(b.value),
  });

/** Width of {@link columnChart} and {@link barChart} in user units (their height follows from the bars). */
export const CHART_WIDTH = 440;
/** Height of {@link columnChart} in user units. */
export const COLUMN_CHART_HEIGHT = 250;

/**
 * A column chart: one vertical bar per entry from a common zero line, the
 * value above each bar and the label (up to two lines) below it. Negative
 * values are drawn as zero (their text still shows the value).
 */
export function columnChart(spec: ChartSpec): string {
  const width = CHART_WIDTH;
  const height = COLUMN_CHART_HEIGHT;
  const top = 30;
  const bottom = 50;
  const side = 12;
  const plotW = width - 2 * side;
  const plotH = height - top - bottom;
  const base = top + plotH;
  const max = scaleMax(spec.bars);
  const slot = plotW / Math.max(1, spec.bars.length);
  const barW = Math.min(80, slot * 0.6);
  const children: string[] = [];
  spec.bars.forEach((b, i) => {
    const cx = side + slot * i + slot / 2;
    const barH = (Math.max(0, b.value) / max) * plotH;
    children.push(
      barRect(b, cx - barW / 2, base - barH, barW, barH),
      text(
        { x: cx, y: base - barH - 8, "text-anchor": "middle", "font-size": 16, "font-weight": 700, fill: CHART_INK },
        b.text,
      ),
      ...b.label.slice(0, 2).map((line, j) =>
        text(
          {
            x: cx,
            y: base + 20 + j * 18,
            "text-anchor": "middle",
            "font-size": 14,
            fill: j === 0 ? CHART_INK : CHART_MUTED,
          },
          line,
        ),
      ),
    );
  });
  children.push(el("line", { x1: side, x2: width - side, y1: base, y2: base, stroke: CHART_INK, "stroke-width": 1 }));
  return chartFrame(spec.id, chartLabel(spec.name, spec.bars), width, height, children);
}

/** The height of a {@link barChart} of `bars` bars, in user units. */
export const barChartHeight = (bars: number) => 8 + 30 * bars + 24;

/**
 * A bar chart on its side: one horizontal bar per entry, the label on the
 * left and the value right of the bar, on a scale from 0 to `max` (default:
 * the largest value) with grid lines at 0, half and `max`.
 */
export function barChart(spec: ChartSpec & { max?: number }): string {
  const width = CHART_WIDTH;
  const labelW = 180;
  const valueW = 48;
  const row = 30;
  const barH = 20;
  const top = 8;
  const plotX = labelW;
  const plotW = width - labelW - valueW;
  const height = barChartHeight(spec.bars.length);
  const base = top + row * spec.bars.length;
  const max = scaleMax(spec.bars, spec.max);
  const children: string[] = [];
  for (const tick of [0, max / 2, max]) {
    const x = plotX + (tick / max) * plotW;
    children.push(
      el("line", { x1: x, x2: x, y1: top, y2: base, stroke: CHART_GRID, "stroke-width": 1 }),
      text(
        { x, y: base + 16, "text-anchor": "middle", "font-size": 12, fill: CHART_MUTED },
        String(Math.round(tick * 10) / 10),
      ),
    );
  }
  spec.bars.forEach((b, i) => {
    const y = top + row * i + (row - barH) / 2;
    const w = (Math.min(max, Math.max(0, b.value)) / max) * plotW;
    children.push(
      text(
        { x: labelW - 10, y: y + barH / 2 + 5, "text-anchor": "end", "font-size": 14, fill: CHART_INK },
        b.label.join(" "),
      ),
      barRect(b, plotX, y, w, barH),
      text({ x: plotX + w + 6, y: y + barH / 2 + 5, "font-size": 15, "font-weight": 700, fill: CHART_INK }, b.text),
    );
  });
  return chartFrame(spec.id, chartLabel(spec.name, spec.bars), width, height, children);
}
