/**
 * The game's mark: two rails, social (warm) and technological (blue)
 * innovation, held together by sleepers. Only together they carry a train:
 * 1 + 1 = 4. Drawn as inline SVG, without text (the words are real text
 * next to it).
 */
import { h, type JSX } from "preact";

const SLEEPERS = Array.from({ length: 9 }, (_, i) => 10 + i * 12.5);

/** The mark for a screen drawn by Preact (decorative: hidden from screen readers). */
export function brandMarkView(className = ""): JSX.Element {
  return h(
    "svg",
    { viewBox: "0 0 120 48", "aria-hidden": "true", focusable: "false", class: className || undefined },
    SLEEPERS.map((x) =>
      h("rect", {
        x: x - 2.5,
        y: 8,
        width: 5,
        height: 32,
        rx: 1.5,
        fill: "#8a94a3",
        style: "fill: var(--rail-sleeper)",
      }),
    ),
    h("rect", { x: 2, y: 12, width: 116, height: 6, rx: 3, fill: "#d9482b", style: "fill: var(--rail-social)" }),
    h("rect", { x: 2, y: 30, width: 116, height: 6, rx: 3, fill: "#1f5fbf", style: "fill: var(--rail-tech)" }),
  );
}

/** Colours of the two rails, shared with the Phaser card back: the values of `--rail-*` in `base.css` (docs/design.md). */
export const RAIL_COLOURS = { social: 0xd9482b, tech: 0x1f5fbf, sleeper: 0x8a94a3 } as const;
