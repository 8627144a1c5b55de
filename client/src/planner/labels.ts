/**
 * Placement of the map's town labels so that no two overlap: towns in order
 * of importance each try a few spots around their dot (right above, right
 * below, left above, left below, above, below); a spot is taken when its box
 * overlaps no label placed before and nothing in `avoid` (the depot's label);
 * a spot clear of the pins is preferred. A town with no free spot keeps its
 * dot and goes without a label. Text width is estimated on the high side, so
 * the boxes drawn are inside the boxes checked.
 */

/** An axis-aligned box in SVG units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label to place: the point it belongs to and its text. */
export interface LabelInput {
  id: string;
  x: number;
  y: number;
  text: string;
}

/** Where a label goes: its text's anchor point and `text-anchor`, and the box checked. */
export interface PlacedLabel {
  id: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  box: Box;
}

/** Font size of a town's label (SVG units; map.css `.map-town text`: 13px). */
export const LABEL_FONT = 13;
/** Width of a character, as a share of the font size: above the widest of the town names' sans-serif letters on average (about 0.55). */
const CHAR_EM = 0.64;
/** Room kept clear around a label's text (SVG units): the white halo (stroke 3px) and a hair. */
const HALO = 3;
/** Gap between a town's dot and its label (SVG units). */
const GAP = 6;

/** True when boxes `a` and `b` overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The box of `text` at font size `font` anchored at (x, y) (the baseline) as `anchor`, halo included. */
export function textBox(x: number, y: number, text: string, anchor: PlacedLabel["anchor"], font = LABEL_FONT): Box {
  const width = text.length * font * CHAR_EM + 2 * HALO;
  const left = anchor === "start" ? x - HALO : anchor === "end" ? x - width + HALO : x - width / 2;
  return { x: left, y: y - font - HALO + 2, width, height: font + 2 * HALO };
}

/**
 * Labels placed in the order given (the most important first), each at the
 * first spot free of the labels before it and of `avoid`, preferring spots
 * clear of `soft` (the pins); labels with no free spot are left out.
 */
export function placeLabels(
  labels: readonly LabelInput[],
  avoid: readonly Box[],
  soft: readonly Box[],
  font = LABEL_FONT,
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const l of labels) {
    const spots: [number, number, PlacedLabel["anchor"]][] = [
      [l.x + GAP, l.y - GAP, "start"],
      [l.x + GAP, l.y + font + GAP - 2, "start"],
      [l.x - GAP, l.y - GAP, "end"],
      [l.x - GAP, l.y + font + GAP - 2, "end"],
      [l.x, l.y - GAP - 2, "middle"],
      [l.x, l.y + font + GAP + 2, "middle"],
    ];
    const free = spots
      .map(([x, y, anchor]) => ({ id: l.id, x, y, anchor, box: textBox(x, y, l.text, anchor, font) }))
      .filter((p) => !placed.some((q) => overlaps(p.box, q.box)) && !avoid.some((b) => overlaps(p.box, b)));
    const best = free.find((p) => !soft.some((b) => overlaps(p.box, b))) ?? free[0];
    if (best) placed.push(best);
  }
  return placed;
}
