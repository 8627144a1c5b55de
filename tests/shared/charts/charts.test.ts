import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { barChart, columnChart, type Bar } from "@iot/shared/charts/bars";
import { groupedBars, groupedColumns, legend, niceMax, type Series } from "@iot/shared/charts/grouped";
import { OKABE_ITO, seriesColor } from "@iot/shared/charts/palette";
import { escapeXml } from "@iot/shared/charts/svg";

const HOSTILE = "<b>Zoë</b>";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e] ?? "");

/** The texts of the chart's `text` elements, decoded as an XML parser reads them. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] ?? ""));
/** The chart's element names in document order. */
const tags = (svg: string) => [...svg.matchAll(/<([a-z]+)[\s/>]/g)].map((m) => m[1]);
/** A rect's attribute. */
const attr = (rect: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(rect)?.[1];
const rects = (svg: string) => [...svg.matchAll(/<rect [^>]*\/>/g)].map((m) => m[0]);

const bar = (key: string, name: string, value: number, i: number): Bar => ({
  key,
  label: [name],
  value,
  text: String(value),
  color: seriesColor(i),
});

describe("the shared charts", () => {
  it("print a name as text, never as markup, in the labels and the accessible name", () => {
    const bars = [bar("a", HOSTILE, 3, 0), bar("b", "Łukasz Żółć", 1, 1)];
    for (const svg of [
      columnChart({ id: "c", name: `Quartets ${HOSTILE}`, bars }),
      barChart({ id: "b", name: `Quartets ${HOSTILE}`, bars }),
    ]) {
      expect(texts(svg)).toContain(HOSTILE);
      expect(texts(svg)).toContain("Łukasz Żółć");
      expect(svg).not.toContain("<b>");
      expect(tags(svg)).not.toContain("b");
      expect(svg).toContain("&lt;b&gt;Zoë&lt;/b&gt;");
      const label = /aria-label="([^"]*)"/.exec(svg)?.[1] ?? "";
      expect(decode(label)).toBe(`Quartets ${HOSTILE}: ${HOSTILE}: 3; Łukasz Żółć: 1`);
    }
    const series: Series[] = [{ mark: "1", name: HOSTILE, color: seriesColor(0), values: [2, null] }];
    for (const svg of [
      groupedColumns({ id: "g", name: "Cost", groups: ["1", "2"], series }),
      groupedBars({ id: "p", name: "Profile", rows: ["Efficiency", "Green"], series }, "n/a"),
      legend("l", "Planners", series),
    ]) {
      expect(svg).not.toContain("<b>");
      expect(decode(/aria-label="([^"]*)"/.exec(svg)?.[1] ?? "")).toContain(HOSTILE);
    }
    expect(texts(legend("l", "Planners", series))).toContain(`1  ${HOSTILE}`);
    expect(escapeXml(`a"b'c&`)).toBe("a&quot;b&apos;c&amp;");
  });

  it("give the same SVG for the same data, and draw each bar to its value (200 seeded cases)", () => {
    const bars = fc.array(
      fc.record({ name: fc.string({ maxLength: 12 }), value: fc.double({ min: 0, max: 1e5, noNaN: true }) }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(bars, (list) => {
        const make = () => list.map((b, i) => bar(String(i), b.name, b.value, i));
        const spec = { id: "x", name: "X" };
        const column = columnChart({ ...spec, bars: make() });
        expect(columnChart({ ...spec, bars: structuredClone(make()) })).toBe(column);
        const side = barChart({ ...spec, bars: make() });
        expect(barChart({ ...spec, bars: make() })).toBe(side);
        // Every bar carries its value; a larger value never has a shorter bar.
        const heights = rects(column).map((r) => ({
          value: Number(attr(r, "data-value")),
          height: Number(attr(r, "height")),
        }));
        expect(heights.map((h) => h.value)).toEqual(list.map((b) => b.value));
        for (const a of heights)
          for (const b of heights) if (a.value > b.value) expect(a.height).toBeGreaterThanOrEqual(b.height);
        expect(texts(column)).toEqual(expect.arrayContaining(list.map((b) => b.name.slice(0, 12))));
      }),
      { seed: 6, numRuns: 200 },
    );
  });

  it("scale the grouped columns to a round maximum and leave a gap for a missing value", () => {
    expect([niceMax(0), niceMax(7), niceMax(13), niceMax(480), niceMax(1000)]).toEqual([1, 10, 20, 500, 1000]);
    const svg = groupedColumns({
      id: "cost",
      name: "Cost",
      groups: ["1", "2", "3"],
      series: [
        { mark: "1", name: "Anna", color: seriesColor(0), values: [100, null, 400] },
        { mark: "2", name: "Bo", color: seriesColor(1), values: [200, 300, null] },
      ],
    });
    expect(rects(svg).map((r) => attr(r, "data-bar"))).toEqual(["0:1", "0:2", "1:2", "2:1"]);
    const h = rects(svg).map((r) => Number(attr(r, "height")));
    // Axis to 500: 400 is four fifths of the plot, 100 one fifth.
    expect((h[3] ?? 0) / (h[0] ?? 1)).toBeCloseTo(4, 5);
    expect(texts(svg)).toContain("500");
  });

  it("mark a competence that could not be shown, with no bar", () => {
    const svg = groupedBars(
      {
        id: "profiles",
        name: "Profiles",
        rows: ["Efficiency", "Collaboration"],
        series: [{ mark: "1", name: "Anna", color: seriesColor(0), values: [64, null] }],
      },
      "n.v.t.",
    );
    expect(texts(svg)).toEqual(expect.arrayContaining(["1: 64", "1: n.v.t."]));
    expect(rects(svg)).toHaveLength(1);
  });

  it("take every colour from the one Okabe-Ito palette, starting over after eight", () => {
    expect(seriesColor(0)).toBe("#0072B2");
    expect(seriesColor(8)).toBe(seriesColor(0));
    expect(new Set(OKABE_ITO.map((c) => c.colour)).size).toBe(8);
  });
});

describe("a bar of no length", () => {
  it("has no outline, so neither the screen nor the PDF draws a line for it", () => {
    const svg = barChart({
      id: "p",
      name: "Profile",
      max: 100,
      bars: [bar("a", "Green", 0, 0), bar("b", "Service", 50, 0)],
    });
    expect(rects(svg).map((r) => attr(r, "stroke"))).toEqual(["none", "#13212e"]);
  });
});
