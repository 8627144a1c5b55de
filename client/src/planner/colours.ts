/**
 * Colours of the trucks on the map and in the lists: the Okabe-Ito palette
 * without the colour that does not stand out on the light map, with a dash
 * pattern once the colours have all been used, so no two of fourteen routes
 * look alike.
 */
import { cycle, OKABE_ITO } from "../ui/palette.js";

const TRUCK_COLOURS = OKABE_ITO.filter((c) => c.onLight);

export interface TruckColour {
  stroke: string;
  /** The pallet count's colour on a pin of this colour. */
  text: string;
  /** SVG stroke-dasharray of the truck's route; "" for a solid line. */
  dash: string;
}

/** The colour of the truck at `index` in the carrier's fleet. */
export function truckColour(index: number): TruckColour {
  const c = cycle(TRUCK_COLOURS, index);
  const dashed = Math.floor(index / TRUCK_COLOURS.length) % 2 === 1;
  return { stroke: c.colour, text: c.text, dash: dashed ? "12 5" : "" };
}
