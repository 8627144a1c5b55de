/**
 * Colours of the trucks on the map and in the lists: the Okabe-Ito palette
 * (safe for the common kinds of colour blindness), with a dash pattern from
 * the ninth truck on, so no two of sixteen routes look alike; `text` is the pallet
 * count's colour on a pin of that colour (contrast at least 4.5:1).
 */
const PALETTE = [
  { stroke: "#0072B2", text: "#ffffff" },
  { stroke: "#D55E00", text: "#000000" },
  { stroke: "#009E73", text: "#000000" },
  { stroke: "#CC79A7", text: "#000000" },
  { stroke: "#E69F00", text: "#000000" },
  { stroke: "#56B4E9", text: "#000000" },
  { stroke: "#000000", text: "#ffffff" },
  { stroke: "#999933", text: "#000000" },
] as const;

export interface TruckColour {
  stroke: string;
  text: string;
  /** SVG stroke-dasharray of the truck's route; "" for a solid line. */
  dash: string;
}

/** The colour of the truck at `index` in the carrier's fleet. */
export function truckColour(index: number): TruckColour {
  const i = ((index % PALETTE.length) + PALETTE.length) % PALETTE.length;
  const round = Math.floor(index / PALETTE.length) % 2;
  return { ...(PALETTE[i] as (typeof PALETTE)[number]), dash: round === 1 ? "12 5" : "" };
}
