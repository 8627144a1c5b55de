import { reportSchema } from "@iot/shared/planner/report";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, MAX_NAME_LENGTH, uniqueName } from "@iot/shared/text";
import { joinOptionsSchema } from "@iot/shared/protocol";
import { plannerJoinSchema } from "@iot/shared/planner/protocol";
import { joinSchema, messageSchema, workshopSchema } from "@iot/shared/workshop/api";
import { cleanNote } from "@iot/shared/quartet/actionPlan";

const BIDI = [
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200E",
  "\u200F",
  "\u061C",
];
const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\u00AD"];
/** Bidi controls, invisible format characters, control characters and white space (no-break too). */
const junk = fc.constantFrom(...BIDI, ...INVISIBLE, "\u0000", "\u001b", "\u0085", " ", "\u00A0", "\t", "\n", "\u2028");

describe("cleanText", () => {
  it("removes bidi controls and invisible characters from names a participant could type", () => {
    expect(cleanText("\u202EAnna")).toBe("Anna");
    expect(cleanText("\u2067Anna\u2069")).toBe("Anna");
    expect(cleanText("An\u200Bna")).toBe("Anna");
    expect(cleanText("An\u200Dna")).toBe("Anna");
    expect(cleanText("\uFEFFAnna")).toBe("Anna");
    expect(cleanText("An\u00ADna")).toBe("Anna");
    expect(cleanText("Anna\u00A0\u00A0de  Vries ")).toBe("Anna de Vries");
    expect(cleanText("Anna\n\tde\u2028Vries")).toBe("Anna de Vries");
    expect(cleanText("\u202E\u200B \u00AD")).toBe("");
  });

  it("keeps letters of every script, composed (NFC)", () => {
    expect(cleanText("Łukasz Şahin")).toBe("Łukasz Şahin");
    expect(cleanText("Zoe\u0308")).toBe("Zoë");
    expect(cleanText("محمد علي")).toBe("محمد علي");
    expect(cleanText("\u200Fمحمد\u061C")).toBe("محمد");
    expect(cleanText("Ελένη Пётр 李")).toBe("Ελένη Пётр 李");
  });

  it("keeps emoji, with the joiner inside an emoji sequence", () => {
    expect(cleanText("Anna 😀")).toBe("Anna 😀");
    expect(cleanText("👩‍💻 Ada")).toBe("👩‍💻 Ada");
    expect(cleanText("👨‍👩‍👧")).toBe("👨‍👩‍👧");
    expect(cleanText("👩🏽‍🚀")).toBe("👩🏽‍🚀");
    expect(cleanText("❤️‍🔥")).toBe("❤️‍🔥");
    expect(cleanText("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}")).toBe(
      "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    );
    expect(cleanText("😀\u200D")).toBe("😀");
    expect(cleanText("\u200D😀")).toBe("😀");
  });

  it("leaves no bidi control, format character, control or white space run behind, and is idempotent", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "grapheme" }), junk)), (parts) => {
        const cleaned = cleanText(parts.join(""));
        expect(cleaned).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u200C\uFEFF\u00AD]/u);
        // eslint-disable-next-line no-control-regex
        expect(cleaned).not.toMatch(/[\u0000-\u001f\u007f-\u009f]|\s\s|^\s|\s$/u);
        expect(cleaned).toBe(cleaned.normalize("NFC"));
        expect(cleanText(cleaned)).toBe(cleaned);
      }),
    );
  });

  it("does not change text without junk apart from NFC and white space", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "Ł", "ş", "م", "李", "😀", "x y")), (parts) => {
        const text = parts.join("");
        expect(cleanText(text)).toBe(text.trim());
      }),
    );
  });
});

describe("schemas clean names, titles, notes and messages", () => {
  it("every name schema cleans, and refuses a name of only invisible characters", () => {
    expect(joinOptionsSchema.parse({ name: "\u202EAnna" }).name).toBe("Anna");
    expect(plannerJoinSchema.parse({ name: "\u202EAnna\u200B" }).name).toBe("Anna");
    expect(joinSchema.parse({ code: "ABC", name: " An\u00ADna\u00A0" }).name).toBe("Anna");
    for (const empty of ["\u202E", "\u200B\u00AD \u00A0", "\uFEFF"]) {
      expect(joinOptionsSchema.safeParse({ name: empty }).success).toBe(false);
      expect(plannerJoinSchema.safeParse({ name: empty }).success).toBe(false);
      expect(joinSchema.safeParse({ code: "ABC", name: empty }).success).toBe(false);
    }
  });

  it("titles, messages and pick notes are cleaned too", () => {
    expect(workshopSchema.parse({ title: "\u202EWorkshop  Noord" }).title).toBe("Workshop Noord");
    expect(workshopSchema.safeParse({ title: "\u200B" }).success).toBe(false);
    expect(messageSchema.parse({ text: "Pauze\u2067 tot 10:00" }).text).toBe("Pauze tot 10:00");
    expect(messageSchema.safeParse({ text: "\u202E" }).success).toBe(false);
    expect(cleanNote("Start\u202E met de\u00A0gemeente")).toBe("Start met de gemeente");
  });

  it("the personal report's name is cleaned like every other name", () => {
    const profile = { efficiency: 50, green: 50, service: 50, adaptivity: 50, collaboration: 50, digital: 50 };
    const report = { lang: "nl", profile, rounds: [] };
    expect(reportSchema.parse({ ...report, name: "\u202EAnna\u200B" }).name).toBe("Anna");
    expect(reportSchema.safeParse({ ...report, name: "\u202E\u00AD" }).success).toBe(false);
  });
});

describe("uniqueName", () => {
  it("numbers a second and third Anna, case-insensitive after cleaning", () => {
    expect(uniqueName("Anna", [])).toBe("Anna");
    expect(uniqueName("Anna", ["Bob"])).toBe("Anna");
    expect(uniqueName("Anna", ["Anna"])).toBe("Anna (2)");
    expect(uniqueName("anna", ["Anna", "Anna (2)"])).toBe("anna (3)");
    expect(uniqueName("Anna", ["ANNA", "anna (3)"])).toBe("Anna (2)");
    expect(uniqueName("Anna", ["\u202EAnna"])).toBe("Anna (2)");
  });

  it("keeps within the length limit by shortening the base, never splitting an emoji", () => {
    const long = "Alexandra Wilhelmina Jan";
    expect(long.length).toBe(MAX_NAME_LENGTH);
    expect(uniqueName(long, [long])).toBe("Alexandra Wilhelmina (2)");
    expect(uniqueName("😀".repeat(12), ["😀".repeat(12)])).toBe("😀".repeat(10) + " (2)");
  });

  it("never returns a taken name and stays within the limit", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: MAX_NAME_LENGTH }).map(cleanText).filter(Boolean),
        fc.integer({ min: 0, max: 12 }),
        (name, copies) => {
          const taken: string[] = [];
          for (let i = 0; i < copies; i++) taken.push(uniqueName(name, taken));
          const next = uniqueName(name, taken);
          expect(taken.map((t) => t.toLowerCase())).not.toContain(next.toLowerCase());
          expect(next.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        },
      ),
    );
  });
});
