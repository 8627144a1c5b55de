import { describe, expect, it } from "vitest";
import {
  JOIN_REFUSAL_CODES,
  JOIN_REFUSAL_STATUS,
  joinRefusalMessage,
  joinRefusalTexts,
  optionsLang,
  plannerBadOptionsText,
} from "@iot/shared/i18n/joinRefusals";
import { rejectionMessage } from "@iot/shared/i18n/messages";
import { LANGS } from "@iot/shared/protocol";
import { resolveSettings } from "@iot/shared/quartet/settings";
import type { TableSettings } from "@iot/shared/quartet/types";

/** Text that looks like a program's key: camelCase or dotted (e.g. "stockHandSize", "home.failed"), or a {{placeholder}} left over. */
const KEY_LIKE = /[a-z][A-Z]|\b[a-z]+\.[a-z]+\b|\{\{|[A-Z]{2,}_[A-Z]/;

/** Every house rule a creator can get wrong, with each table size. */
function badSettings(): { seats: number; rules: Partial<TableSettings> }[] {
  const out: { seats: number; rules: Partial<TableSettings> }[] = [];
  for (const seats of [2, 3, 4, 5, 6, 7, 1]) {
    out.push({ seats, rules: {} });
    out.push({ seats, rules: { stockHandSize: 19 } });
    out.push({ seats, rules: { stockHandSize: 2.5 } });
    out.push({ seats, rules: { stockHandSize: 0, emptyHand: "draw" } });
    out.push({ seats, rules: { allowBluff: "yes" as never } });
    out.push({ seats, rules: { missPassesTo: "left" as never } });
    out.push({ seats, rules: { emptyHand: "stay" as never } });
  }
  return out;
}

describe("refusals at create and join", () => {
  it("every refusal has a sentence in Dutch and English, with no key in it", () => {
    for (const lang of LANGS) {
      for (const code of JOIN_REFUSAL_CODES) {
        const text = joinRefusalMessage(code, lang);
        expect(text, `${lang} ${code}`).toMatch(/^[A-Z].*\.$/);
        expect(text, `${lang} ${code}`).not.toMatch(KEY_LIKE);
      }
      expect(plannerBadOptionsText[lang]).not.toMatch(KEY_LIKE);
    }
    expect(joinRefusalTexts.nl.TABLE_FULL).toBe("Deze tafel is vol.");
    expect(joinRefusalTexts.nl.TABLE_STARTED).toBe("Deze tafel is al begonnen.");
    expect(joinRefusalTexts.en.TABLE_FULL).toBe("This table is full.");
    expect(joinRefusalTexts.nl.BAD_OPTIONS).toContain("je naam");
  });

  it("a full and a started table have their own numbers, told apart from Colyseus' 'no such room' (522)", () => {
    expect(JOIN_REFUSAL_STATUS.TABLE_FULL).not.toBe(JOIN_REFUSAL_STATUS.TABLE_STARTED);
    for (const status of Object.values(JOIN_REFUSAL_STATUS)) expect([522, 524]).not.toContain(status);
  });

  it("every house-rule refusal names the rule in words, in both languages", () => {
    let refused = 0;
    for (const { seats, rules } of badSettings()) {
      const result = resolveSettings(seats, rules);
      if (result.ok) continue;
      refused++;
      for (const lang of LANGS) {
        const text = rejectionMessage(result.rejection, lang);
        expect(text, `${lang} ${seats} ${JSON.stringify(rules)}`).not.toMatch(KEY_LIKE);
      }
    }
    expect(refused).toBeGreaterThan(30);
    const tooMany = resolveSettings(4, { stockHandSize: 19 });
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) {
      expect(rejectionMessage(tooMany.rejection, "nl")).toBe(
        "Deze tafelregel kan zo niet: met een stapel krijgt iedereen 1 tot 4 kaarten.",
      );
      expect(rejectionMessage(tooMany.rejection, "en")).toBe(
        "This table rule is not possible: with a stock everyone gets 1 to 4 cards.",
      );
    }
  });

  it("takes the language from the options, Dutch when none or an unknown one is given", () => {
    expect(optionsLang({ lang: "en" })).toBe("en");
    expect(optionsLang({ lang: "nl" })).toBe("nl");
    expect(optionsLang({ lang: "fr" })).toBe("nl");
    expect(optionsLang(undefined)).toBe("nl");
    expect(optionsLang("en")).toBe("nl");
  });
});
