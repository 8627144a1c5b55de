import { describe, expect, it } from "vitest";
import { apiErrorTexts } from "@iot/shared/i18n/api";
import { joinRefusalTexts, plannerBadOptionsText } from "@iot/shared/i18n/joinRefusals";
import { rejectionTexts, settingTexts } from "@iot/shared/i18n/messages";
import { plannerRejectionTexts } from "@iot/shared/i18n/plannerMessages";
import { reportTexts } from "@iot/shared/i18n/reports";

/** "u" or "uw" as a word: the formal address docs/design.md rules out. */
const FORMAL = /(?<![\p{L}\p{N}])(?:u|uw)(?![\p{L}\p{N}])/iu;

/** Every string inside a catalogue, with its path. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

describe("one form of address in Dutch", () => {
  it("no Dutch text of the server, its refusals or the hand-outs says u or uw", () => {
    const catalogues: [string, unknown][] = [
      ["api", apiErrorTexts.nl],
      ["refusals", joinRefusalTexts.nl],
      ["plannerRefusal", plannerBadOptionsText.nl],
      ["rejections", rejectionTexts.nl],
      ["rules", settingTexts.nl],
      ["plannerRejections", plannerRejectionTexts.nl],
      ["reports", reportTexts.nl],
    ];
    const all = catalogues.flatMap(([name, value]) => strings(value, name));
    expect(all.length).toBeGreaterThan(100);
    for (const [path, text] of all) expect(text, path).not.toMatch(FORMAL);
  });
});
