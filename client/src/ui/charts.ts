/**
 * The shared charts (`@iot/shared/charts/bars`: the same SVG as the PDFs
 * draw) as Preact elements for the screens: the chart's SVG text, in which
 * every label and name is escaped, is inserted as it is; the `svg` carries
 * `role="img"`, its accessible name with every value, `data-chart` and the
 * `chart-svg` class.
 */
import { h, type JSX } from "preact";
import { barChart as barSvg, columnChart as columnSvg, type ChartSpec } from "@iot/shared/charts/bars";
export { seriesColor } from "@iot/shared/charts/palette";
export type { Bar, ChartSpec } from "@iot/shared/charts/bars";

/** A chart's SVG text as an element (Preact replaces it only when the text changes). */
export function svgChart(svg: string): JSX.Element {
  return h("div", { className: "chart-box", dangerouslySetInnerHTML: { __html: svg } });
}

/** A column chart (see the shared `columnChart`): one bar per entry, the value above it, the label below. */
export function columnChart(spec: ChartSpec): JSX.Element {
  return svgChart(columnSvg(spec));
}

/** A bar chart on its side (see the shared `barChart`), on a scale from 0 to `max`. */
export function barChart(spec: ChartSpec & { max?: number }): JSX.Element {
  return svgChart(barSvg(spec));
}
