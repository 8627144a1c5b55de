/**
 * Charts that compare several series side by side (for instance every
 * planner of a region per round), as SVG text like ./bars.ts: a short mark
 * printed with each bar (so colour is never the only cue) and a legend that
 * names the marks. The PDFs draw them; the screens can insert them as they are.
 */
import { chartFrame } from "./bars.js";
import { CHART_GRID, CHART_INK, CHART_MUTED } from "./palette.js";
import { el, text } from "./svg.js";

/** One series: its mark (e.g. the seat number), its name for the legend, its colour and a value per group or row (null: none). */
export interface Series {
  mark: string;
  name: string;
  color: string;
  values: readonly (number | null)[];
}

/** The smallest 1, 2 or 5 times a power of ten that is at least `x` (1 for nothing to show). */
export function niceMax(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}

const tickLabel = (x: number) => (x >= 100 ? x.toFixed(0) : String(Number(x.toFixed(x >= 10 ? 1 : 2))));

/** The accessible name: the title, then per series its name and its value in each group or row. */
const seriesLabel = (name: string, groups: readonly string[], series: readonly Series[], missing: string) =>
  `${name}: ${series
    .map((s) => `${s.name}: ${groups.map((g, i) => `${g} ${s.values[i] ?? missing}`).join(", ")}`)
    .join("; ")}`;

/** Width of the grouped charts in user units. */
export const GROUPED_WIDTH = 600;
/** Height of {@link groupedColumns} in user units. */
export const GROUPED_COLUMNS_HEIGHT = 200;

/**
 * Vertical bars in groups (one group per round, one bar per series): a value
 * axis from 0 with four grid lines, each bar's mark under it and the group's
 * label below. Missing values leave a gap.
 */
export function groupedColumns(
  spec: { id: string; name: string; groups: readonly string[]; series: readonly Series[] },
  missing = "-",
): string {
  const width = GROUPED_WIDTH;
  const height = GROUPED_COLUMNS_HEIGHT;
  const axisLeft = 48;
  const plotWidth = width - axisLeft;
  const plotBottom = height - 34;
  const plotHeight = height - 42;
  const max = niceMax(Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const children: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const y = plotBottom - (plotHeight * i) / 4;
    children.push(
      el("line", { x1: axisLeft, x2: width, y1: y, y2: y, stroke: CHART_GRID, "stroke-width": 0.7 }),
      text(
        { x: axisLeft - 4, y: y + 4, "text-anchor": "end", "font-size": 10, fill: CHART_MUTED },
        tickLabel((max * i) / 4),
      ),
    );
  }
  const groupWidth = plotWidth / Math.max(1, spec.groups.length);
  const barWidth = Math.min(36, (groupWidth - 14) / Math.max(1, spec.series.length));
  spec.groups.forEach((name, g) => {
    const start = axisLeft + g * groupWidth + (groupWidth - barWidth * spec.series.length) / 2;
    spec.series.forEach((s, i) => {
      const v = s.values[g];
      const x = start + i * barWidth;
      if (v !== null && v !== undefined) {
        const h = (plotHeight * Math.max(0, v)) / max;
        children.push(
          el("rect", {
            x: x + 1,
            y: plotBottom - h,
            width: barWidth - 2,
            height: h,
            fill: s.color,
            stroke: CHART_INK,
            "stroke-width": 0.5,
            "data-bar": `${g}:${s.mark}`,
            "data-value": String(v),
          }),
        );
      }
      children.push(
        text(
          { x: x + barWidth / 2, y: plotBottom + 11, "text-anchor": "middle", "font-size": 9, fill: CHART_INK },
          s.mark,
        ),
      );
    });
    children.push(
      text(
        {
          x: axisLeft + (g + 0.5) * groupWidth,
          y: plotBottom + 27,
          "text-anchor": "middle",
          "font-size": 11,
          fill: CHART_INK,
        },
        name,
      ),
    );
  });
  return chartFrame(spec.id, seriesLabel(spec.name, spec.groups, spec.series, missing), width, height, children);
}

const LABEL_WIDTH = 160;
const profileBar = (series: number) => Math.max(7, Math.min(16, 64 / Math.max(1, series)));

/** The height of {@link groupedBars} for `rows` rows of `series` bars, in user units. */
export const groupedBarsHeight = (rows: number, series: number) => (profileBar(series) * series + 12) * rows + 18;

/**
 * Horizontal bars on a 0-100 scale, one row per dimension and one bar per
 * series in each row (a competence profile per planner), the mark and value
 * at the end of each bar ("1: 64") and a grid every 25 points; a null value
 * has no bar and `missing` ("n.v.t.", "n/a") for its value.
 */
export function groupedBars(
  spec: { id: string; name: string; rows: readonly string[]; series: readonly Series[] },
  missing = "-",
): string {
  const width = GROUPED_WIDTH;
  const left = LABEL_WIDTH;
  const plot = width - LABEL_WIDTH - 60;
  const bar = profileBar(spec.series.length);
  const rowHeight = bar * spec.series.length + 12;
  const plotHeight = rowHeight * spec.rows.length;
  const children: string[] = [];
  for (let p = 0; p <= 100; p += 25) {
    const x = left + (plot * p) / 100;
    children.push(
      el("line", { x1: x, x2: x, y1: 0, y2: plotHeight, stroke: CHART_GRID, "stroke-width": 0.7 }),
      text({ x, y: plotHeight + 13, "text-anchor": "middle", "font-size": 10, fill: CHART_MUTED }, String(p)),
    );
  }
  spec.rows.forEach((name, r) => {
    const top = r * rowHeight + 6;
    children.push(text({ x: 0, y: top + (bar * spec.series.length) / 2 + 4, "font-size": 12, fill: CHART_INK }, name));
    spec.series.forEach((s, i) => {
      const raw = s.values[r] ?? null;
      const v = raw === null ? 0 : Math.min(100, Math.max(0, raw));
      const y = top + i * bar;
      if (v > 0)
        children.push(
          el("rect", {
            x: left,
            y: y + 0.5,
            width: (plot * v) / 100,
            height: bar - 1,
            fill: s.color,
            stroke: CHART_INK,
            "stroke-width": 0.5,
            "data-bar": `${r}:${s.mark}`,
            "data-value": raw === null ? undefined : String(raw),
          }),
        );
      const size = Math.min(10, bar);
      children.push(
        text(
          { x: left + (plot * v) / 100 + 4, y: y + bar / 2 + size / 3, "font-size": size, fill: CHART_INK },
          `${s.mark}: ${raw === null ? missing : String(v)}`,
        ),
      );
    });
  });
  const height = groupedBarsHeight(spec.rows.length, spec.series.length);
  return chartFrame(spec.id, seriesLabel(spec.name, spec.rows, spec.series, missing), width, height, children);
}

/** The height of a {@link legend} of `entries` entries, in user units. */
export const legendHeight = (entries: number) => Math.ceil(entries / 2) * 20 + 4;

/** A legend: colour square, mark and name per series, in two columns. */
export function legend(id: string, name: string, series: readonly Series[]): string {
  const column = GROUPED_WIDTH / 2;
  const children = series.flatMap((s, i) => {
    const x = (i % 2) * column;
    const y = Math.floor(i / 2) * 20;
    return [
      el("rect", { x, y: y + 3, width: 13, height: 13, fill: s.color, stroke: CHART_INK, "stroke-width": 0.5 }),
      text({ x: x + 20, y: y + 14, "font-size": 12, fill: CHART_INK }, `${s.mark}  ${s.name}`),
    ];
  });
  const label = `${name}: ${series.map((s) => `${s.mark} ${s.name}`).join(", ")}`;
  return chartFrame(id, label, GROUPED_WIDTH, legendHeight(series.length), children);
}
