import { describe, expect, it } from "vitest";
import { rejectionMessage, rejectionTexts } from "@iot/shared/i18n/messages";
import { REJECTION_CODES } from "@iot/shared/quartet/types";

describe("rejection messages", () => {
  it("has a sentence for every code in Dutch and English", () => {
    for (const lang of ["nl", "en"] as const) {
      expect(Object.keys(rejectionTexts[lang]).sort()).toEqual([...REJECTION_CODES].sort());
      for (const code of REJECTION_CODES) {
        const text = rejectionMessage({ code, detail: { min: 2, max: 6, setting: "x" } }, lang);
        expect(text).toMatch(/\S/);
        expect(text).not.toMatch(/\{\{|\}\}/);
        expect(text).not.toBe(code);
      }
    }
  });

  it("fills in details and differs by language", () => {
    expect(rejectionMessage({ code: "NOTE_TOO_LONG", detail: { max: 280 } }, "nl")).toContain("280");
    expect(rejectionMessage({ code: "NOT_YOUR_TURN" }, "nl")).not.toBe(
      rejectionMessage({ code: "NOT_YOUR_TURN" }, "en"),
    );
  });
});
