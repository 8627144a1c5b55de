import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffViews, patchView } from "@iot/shared/table/patch";

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.integer(),
    fc.string({ maxLength: 4 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("a", "b", "c/d", "e~f", "-", "0"), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("view patches", () => {
  it("turn any view into any other (seeded property test)", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const before = structuredClone(a);
        expect(patchView(a, diffViews(a, b))).toEqual(b);
        expect(a).toEqual(before);
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });

  it("skip what is the same object, append at the end, and send a shifted list whole", () => {
    const shared = { big: Array.from({ length: 50 }, (_, i) => i) };
    expect(diffViews({ shared, n: 1 }, { shared, n: 2 })).toEqual([{ op: "replace", path: "/n", value: 2 }]);
    expect(diffViews({ log: [1, 2] }, { log: [1, 2, 3] })).toEqual([{ op: "add", path: "/log/-", value: 3 }]);
    const shifted = diffViews({ ids: ["o1", "o2", "o3", "o4", "o5"] }, { ids: ["o2", "o3", "o4", "o5"] });
    expect(shifted).toEqual([{ op: "replace", path: "/ids", value: ["o2", "o3", "o4", "o5"] }]);
    expect(diffViews({ a: 1, gone: 2 }, { a: 1 })).toEqual([{ op: "remove", path: "/gone" }]);
  });
});

describe("view patches with keys that are undefined", () => {
  it("treat an undefined key as absent, as JSON does", () => {
    const ops = diffViews({ a: undefined, b: 1 }, { a: 2, b: undefined });
    expect(ops).toEqual([
      { op: "remove", path: "/b" },
      { op: "add", path: "/a", value: 2 },
    ]);
    expect(patchView({ b: 1 }, ops)).toEqual({ a: 2 });
  });
});

describe("view patches with a memo shared by the seats", () => {
  it("give the same operations as without (seeded property test)", () => {
    fc.assert(
      fc.property(json, json, json, json, (shared1, shared2, own1, own2) => {
        const memo = new Map();
        const before = [
          { s: shared1, o: own1 },
          { s: shared1, o: own2 },
        ];
        const after = [
          { s: shared2, o: own2 },
          { s: shared2, o: own1 },
        ];
        for (const [i, b] of before.entries()) {
          const a = after[i];
          expect(diffViews(b, a, memo)).toEqual(diffViews(b, a));
          expect(patchView(b, diffViews(b, a, memo))).toEqual(a);
        }
      }),
      { seed: 20261202, numRuns: 1000 },
    );
  });
});
