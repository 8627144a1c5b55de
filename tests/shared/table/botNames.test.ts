import { describe, expect, it } from "vitest";
import { BOT_NAMES, botNames } from "@iot/shared/table/botNames";
import { createRng } from "@iot/shared/rng";

describe("bot names", () => {
  it("are Dutch first names from the list, distinct at a table, over 200 seeded tables", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const names = botNames(5, ["Anna"], createRng(seed));
      expect(names).toHaveLength(5);
      expect(new Set(names).size).toBe(5);
      for (const n of names) expect(BOT_NAMES as readonly string[]).toContain(n);
      for (const n of names) seen.add(n);
    }
    // Drawn, not fixed: every name of the list comes up.
    expect(seen.size).toBe(BOT_NAMES.length);
  });

  it("never equal a human's name at the table, nor its first word, case and accents ignored", () => {
    for (let seed = 0; seed < 200; seed++) {
      const names = botNames(3, ["sanne", "Daan de Vries", " LÔTTE ", "Jöris"], createRng(seed));
      expect(names).not.toContain("Sanne");
      expect(names).not.toContain("Daan");
      expect(names).not.toContain("Lotte");
      expect(names).not.toContain("Joris");
      expect(new Set(names).size).toBe(3);
    }
  });

  it("are the same for the same seed, and number the rest when the list runs out", () => {
    expect(botNames(4, [], createRng(7))).toEqual(botNames(4, [], createRng(7)));
    const many = botNames(BOT_NAMES.length + 2, [], createRng(1));
    expect(new Set(many).size).toBe(BOT_NAMES.length + 2);
    expect(many.slice(BOT_NAMES.length).every((n) => / 2$/.test(n))).toBe(true);
  });
});
