/**
 * The game's mark: two rails, social (warm) and technological (blue)
 * innovation, held together by sleepers. Only together they carry a train:
 * 1 + 1 = 4. Drawn as inline SVG, without text (the words are real text
 * next to it).
 */
const NS = "http://www.w3.org/2000/svg";

/** The mark as an SVG element (decorative: hidden from screen readers). */
export function brandMark(className = ""): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 120 48");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  if (className) svg.setAttribute("class", className);
  const add = (tag: string, attrs: Record<string, string | number>) => {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    svg.append(el);
  };
  for (let x = 10; x <= 110; x += 12.5)
    add("rect", { x: x - 2.5, y: 8, width: 5, height: 32, rx: 1.5, fill: "#8a94a3" });
  add("rect", { x: 2, y: 12, width: 116, height: 6, rx: 3, fill: "#d9482b" });
  add("rect", { x: 2, y: 30, width: 116, height: 6, rx: 3, fill: "#1f5fbf" });
  return svg;
}

/** Colours of the two rails, shared with the Phaser card back. */
export const RAIL_COLOURS = { social: 0xd9482b, tech: 0x1f5fbf, sleeper: 0x8a94a3 } as const;
