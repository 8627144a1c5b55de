import { describe, it, expect } from "vitest";
import { CARDS, INTRO, THEMES, card, theme } from "@iot/shared/quartet/deck";
import type { LocalizedText } from "@iot/shared/quartet/deck";
import { CARD_IDS, THEME_IDS, numberOf, themeOf } from "@iot/shared/quartet/cardIds";
import type { CardId } from "@iot/shared/quartet/cardIds";

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of a colour against white. */
function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

function expectFilled(text: LocalizedText, label: string): void {
  expect(typeof text.nl, `${label}.nl`).toBe("string");
  expect(typeof text.en, `${label}.en`).toBe("string");
  expect(text.nl.trim().length, `${label}.nl`).toBeGreaterThan(0);
  expect(text.en.trim().length, `${label}.en`).toBeGreaterThan(0);
}

describe("quartet deck", () => {
  it("has the 20 card ids in the order of CARD_IDS", () => {
    expect(CARDS).toHaveLength(20);
    const ids = CARDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(20);
    expect(ids).toEqual([...CARD_IDS]);
  });

  it("has 4 cards per theme, each matching its id", () => {
    for (const t of THEME_IDS) {
      expect(CARDS.filter((c) => c.theme === t)).toHaveLength(4);
    }
    for (const c of CARDS) {
      expect(c.theme).toBe(themeOf(c.id));
      expect(c.number).toBe(numberOf(c.id));
      expect(c.id).toBe(`${c.theme}-${c.number}`);
    }
  });

  it("has the 5 themes in the printed order", () => {
    expect(THEMES.map((t) => t.id)).toEqual([...THEME_IDS]);
    for (const t of THEMES) expect(theme(t.id)).toBe(t);
  });

  it("keeps the printed titles that pin the order", () => {
    expect(card("netwerk-2").title.nl).toBe("Co-creatie");
    expect(card("geld-3").title.nl).toBe("Less is more");
    expect(card("geld-3").title.en).toBe("Less is more");
    expect(card("beleid-4").title.nl).toBe("Sociale partners slaan handen ineen");
  });

  it("has every text in both languages", () => {
    for (const t of THEMES) {
      expectFilled(t.name, `${t.id}.name`);
      expectFilled(t.summary, `${t.id}.summary`);
    }
    for (const c of CARDS) {
      expectFilled(c.title, `${c.id}.title`);
      expectFilled(c.action, `${c.id}.action`);
      expectFilled(c.example, `${c.id}.example`);
      expectFilled(c.tip, `${c.id}.tip`);
      expect(c.action.nl, `${c.id}.action`).not.toBe(c.action.en);
      expect(c.example.nl, `${c.id}.example`).not.toBe(c.example.en);
    }
    expectFilled(INTRO.tagline, "intro.tagline");
    expectFilled(INTRO.message, "intro.message");
    expectFilled(INTRO.howToUse, "intro.howToUse");
    expect(INTRO.message.nl).toContain("1 + 1 = 4");
    expect(INTRO.message.en).toContain("1 + 1 = 4");
  });

  it("keeps texts card-sized", () => {
    for (const c of CARDS) {
      for (const lang of ["nl", "en"] as const) {
        expect(c.action[lang].length, `${c.id}.action.${lang}`).toBeLessThanOrEqual(160);
        expect(c.example[lang].length, `${c.id}.example.${lang}`).toBeLessThanOrEqual(320);
        expect(c.tip[lang].length, `${c.id}.tip.${lang}`).toBeLessThanOrEqual(200);
      }
    }
  });

  it("has only absolute http(s) links", () => {
    for (const c of CARDS) {
      for (const link of c.links) {
        const url = new URL(link);
        expect(["http:", "https:"], `${c.id}: ${link}`).toContain(url.protocol);
      }
    }
  });

  it("has distinct colours readable with white text", () => {
    const colours = THEMES.map((t) => t.color.toLowerCase());
    for (const colour of colours) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(colours).size).toBe(5);
  });

  it("has 5 distinct icon names", () => {
    const icons = THEMES.map((t) => t.icon);
    for (const icon of icons) expect(icon).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(icons).size).toBe(5);
  });

  it("addresses the reader as je/jij in Dutch, never with u/uw", () => {
    const formal = /(?<![\p{L}\p{N}])(?:u|uw)(?![\p{L}\p{N}])/iu;
    const texts: [string, string][] = [
      ["intro.tagline", INTRO.tagline.nl],
      ["intro.message", INTRO.message.nl],
      ["intro.howToUse", INTRO.howToUse.nl],
      ...THEMES.flatMap((t): [string, string][] => [
        [`${t.id}.name`, t.name.nl],
        [`${t.id}.summary`, t.summary.nl],
      ]),
      ...CARDS.flatMap((c): [string, string][] =>
        (["title", "action", "example", "tip"] as const).map((part) => [`${c.id}.${part}`, c[part].nl]),
      ),
    ];
    expect(formal.test("Heeft u een plan voor uw regio?")).toBe(true);
    expect(formal.test("Uw regio")).toBe(true);
    expect(formal.test("Heb je nu een duurzaam plan voor jouw regio? Kijk bij TNO.")).toBe(false);
    for (const [label, text] of texts) expect(text, label).not.toMatch(formal);
    expect(INTRO.message.nl).toContain("je investering");
  });

  it("throws a RangeError for unknown ids", () => {
    expect(() => card("netwerk-5" as CardId)).toThrow(RangeError);
    expect(() => card("onbekend-1" as CardId)).toThrow(RangeError);
    expect(() => theme("onbekend" as never)).toThrow(RangeError);
  });
});
