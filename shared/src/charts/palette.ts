/**
 * The one palette of every chart, on screen and in the PDFs: Okabe-Ito, safe
 * for the common kinds of colour blindness (Okabe & Ito, "Color Universal
 * Design", 2008), in the order series and trucks take it: blue, orange,
 * bluish green, vermillion, reddish purple, sky blue, yellow, black. `text` is
 * the colour of text on a fill of that colour (contrast at least 4.5:1);
 * `onLight` says whether a line of it stands out on the light map (yellow
 * does not).
 */
export const OKABE_ITO = [
  { colour: "#0072B2", text: "#ffffff", onLight: true },
  { colour: "#E69F00", text: "#000000", onLight: true },
  { colour: "#009E73", text: "#000000", onLight: true },
  { colour: "#D55E00", text: "#000000", onLight: true },
  { colour: "#CC79A7", text: "#000000", onLight: true },
  { colour: "#56B4E9", text: "#000000", onLight: true },
  { colour: "#F0E442", text: "#000000", onLight: false },
  { colour: "#000000", text: "#ffffff", onLight: true },
] as const;

/** Entry `i` of `list`, counting on from the start after the end. */
export function cycle<T>(list: readonly T[], i: number): T {
  const n = list.length;
  return list[((i % n) + n) % n] as T;
}

/** The colour of series `i` (counted from 0): the Okabe-Ito palette, starting over after eight. */
export function seriesColor(i: number): string {
  return cycle(OKABE_ITO, i).colour;
}

/** Ink of the charts' values and labels: the app's `--ink` (client/src/ui/base.css), AA on white. */
export const CHART_INK = "#13212e";
/** Axis labels and secondary lines: the app's `--muted`, AA on white. */
export const CHART_MUTED = "#4b5a69";
/** Grid lines: light enough to stay behind the bars. */
export const CHART_GRID = "#aab6c3";
