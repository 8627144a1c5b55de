import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, MAX_NAME_LENGTH } from "@iot/shared/text";
import { freeName, nameKey, nameTaken } from "../../../server/src/workshop/names.js";

describe("names within a workshop", () => {
  it("compares names without case and accents, composed or decomposed", () => {
    expect(nameKey("Zoë")).toBe("zoe");
    expect(nameKey("ZOE\u0308")).toBe("zoe");
    expect(nameKey("Łukasz")).toBe("łukasz");
    expect(nameTaken("zoe", ["Anna", "Zoë"])).toBe(true);
    expect(nameTaken("Chloé", ["Chloe"])).toBe(true);
    expect(nameTaken("Zoey", ["Zoë"])).toBe(false);
  });

  it("suggests the first free 'name n', within the name length", () => {
    expect(freeName("Anna", ["Anna"])).toBe("Anna 2");
    expect(freeName("anna", ["Anna", "ANNA 2", "Anna 3"])).toBe("anna 4");
    expect(freeName("Maximiliaan-Alexandertje", ["Maximiliaan-Alexandertje"])).toBe("Maximiliaan-Alexandert 2");
  });

  it("never suggests a taken name, one over the join schema's 24 characters or unclean text (300 seeded cases)", () => {
    const name = fc
      .string({
        unit: fc.constantFrom("a", "A", "é", "e\u0301", "ë", "Ø", " ", "2", "👩‍💻"),
        minLength: 1,
        maxLength: 30,
      })
      .map((s) => Array.from(cleanText(s)).slice(0, MAX_NAME_LENGTH).join(""))
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 12 }), (wanted, others) => {
        const taken = [wanted, ...others];
        const suggestion = freeName(wanted, taken);
        expect(nameTaken(suggestion, taken)).toBe(false);
        expect(suggestion.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        expect(cleanText(suggestion)).toBe(suggestion);
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
