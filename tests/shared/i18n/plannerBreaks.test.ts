import { describe, expect, it } from "vitest";
import { breakText, drivingBreachText, plannerBreakTexts } from "@iot/shared/i18n/plannerBreaks";

describe("the texts of breaks and driving-time breaches", () => {
  it("say when and how long a break is, on the road or at a stop, in Dutch and English", () => {
    expect(breakText({ start: 755.6, minutes: 45, after: 2, onRoad: true }, "nl")).toBe(
      "Pauze van 45 min om 12:36, onderweg",
    );
    expect(breakText({ start: 600, minutes: 45, after: 3, onRoad: false }, "en")).toBe(
      "Break of 45 min at 10:00, at a stop",
    );
  });

  it("name the truck and the minutes of a breach", () => {
    expect(drivingBreachText("Truck 2", { code: "DAILY_DRIVING", minutes: 129.2 }, "en")).toBe(
      "Truck 2 drives 129 min more than the 9 hours a day the EU allows (Regulation 561/2006). Spread the stops over more trucks.",
    );
    expect(drivingBreachText("Wagen 1", { code: "BREAKS_AFTER_DAY_END", minutes: 30 }, "nl")).toBe(
      "Met de verplichte pauzes is Wagen 1 pas 30 min na sluiting terug bij het DC. Haal een stop van deze rit af.",
    );
  });

  it("have the same keys and placeholders in both languages", () => {
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(plannerBreakTexts.en).sort()).toEqual(Object.keys(plannerBreakTexts.nl).sort());
    for (const [key, nl] of Object.entries(plannerBreakTexts.nl)) {
      expect(holes(plannerBreakTexts.en[key as keyof typeof plannerBreakTexts.en]), key).toEqual(holes(nl));
    }
  });
});
