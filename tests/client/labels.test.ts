import { describe, expect, it } from "vitest";
import { createRng } from "@iot/shared/rng";

/* Client modules are loaded by path at run time (see logic.test.ts); the shapes used here are declared below. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface LabelInput {
  id: string;
  x: number;
  y: number;
  text: string;
}
interface PlacedLabel {
  id: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  box: Box;
}
const load = (rel: string) => import(/* @vite-ignore */ new URL(`../../client/src/${rel}`, import.meta.url).href);
const { placeLabels, overlaps, textBox } = (await load("planner/labels.ts")) as {
  placeLabels(labels: readonly LabelInput[], avoid: readonly Box[], soft: readonly Box[]): PlacedLabel[];
  overlaps(a: Box, b: Box): boolean;
  textBox(x: number, y: number, text: string, anchor: PlacedLabel["anchor"]): Box;
};

const NAMES = ["Groningen", "Zuidhorn", "Leek", "Roden", "Hoogezand", "Appingedam", "Delfzijl", "Ten Boer", "Haren"];

describe("the map's town labels", () => {
  it("puts the Groningen cluster's labels apart where the fixed spot had them on top of each other", () => {
    // Groningen and Zuidhorn as the map projects them (SVG units): the old fixed spot (x + 6, y - 6) overlaps.
    const towns: LabelInput[] = [
      { id: "groningen", x: 523.3, y: 218.4, text: "Groningen" },
      { id: "zuidhorn", x: 464.9, y: 202.6, text: "Zuidhorn" },
    ];
    const fixed = towns.map((l) => textBox(l.x + 6, l.y - 6, l.text, "start"));
    expect(overlaps(fixed[0] as Box, fixed[1] as Box)).toBe(true);
    const placed = placeLabels(towns, [], []);
    expect(placed.map((p) => p.id)).toEqual(["groningen", "zuidhorn"]);
    expect(overlaps((placed[0] as PlacedLabel).box, (placed[1] as PlacedLabel).box)).toBe(false);
  });

  it("never lets two placed labels or a label and a box to avoid overlap, over 300 seeded crowds", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rng = createRng(seed);
      const n = rng.int(2, 30);
      const spread = rng.int(20, 400);
      const labels = Array.from({ length: n }, (_, i) => ({
        id: `t${i}`,
        x: 400 + rng.int(-spread, spread),
        y: 300 + rng.int(-spread, spread) / 2,
        text: NAMES[rng.int(0, NAMES.length - 1)] as string,
      }));
      const avoid: Box[] = [{ x: 400, y: 300, width: 90, height: 19 }];
      const placed = placeLabels(labels, avoid, []);
      for (const [i, a] of placed.entries()) {
        for (const b of placed.slice(i + 1))
          expect(overlaps(a.box, b.box), `seed ${seed}: ${a.id}/${b.id}`).toBe(false);
        for (const b of avoid) expect(overlaps(a.box, b), `seed ${seed}: ${a.id} on the depot`).toBe(false);
        // Next to its own town: the point is within the label's height of the box.
        const l = labels.find((x) => x.id === a.id) as LabelInput;
        const dx = Math.max(a.box.x - l.x, 0, l.x - (a.box.x + a.box.width));
        const dy = Math.max(a.box.y - l.y, 0, l.y - (a.box.y + a.box.height));
        expect(Math.hypot(dx, dy), `seed ${seed}: ${a.id} far from its town`).toBeLessThanOrEqual(20);
      }
      // The most important label always has a place (unless it sits on the box to avoid), and towns far apart all do.
      if (!avoid.some((b) => overlaps(textBox(labels[0]!.x + 6, labels[0]!.y - 6, labels[0]!.text, "start"), b)))
        expect(placed[0]?.id).toBe("t0");
    }
    const far = Array.from({ length: 10 }, (_, i) => ({ id: `f${i}`, x: 100 * i, y: 50 * (i % 3), text: "Leek" }));
    expect(placeLabels(far, [], []).length).toBe(10);
  });

  it("prefers a spot clear of the pins when there is one", () => {
    const town = { id: "leek", x: 100, y: 100, text: "Leek" };
    const pin: Box = { x: 105, y: 80, width: 40, height: 20 };
    expect(overlaps(textBox(106, 94, "Leek", "start"), pin)).toBe(true);
    const [placed] = placeLabels([town], [], [pin]);
    expect(placed).toBeDefined();
    expect(overlaps(placed!.box, pin)).toBe(false);
  });
});
