/**
 * The Okabe-Ito palette, safe for the common kinds of colour blindness, in the
 * order series and trucks take it: blue, orange, bluish green, vermillion,
 * reddish purple, sky blue, yellow, black. `text` is the colour of text on a
 * fill of that colour (contrast at least 4.5:1); `onLight` says whether a line
 * of it stands out on the light map (yellow does not).
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
