import { describe, expect, it } from "vitest";
import { defaultStockHandSize, maxStockHandSize, resolveSettings } from "@iot/shared/quartet/settings";
import { DEFAULT_SETTINGS } from "@iot/shared/quartet/types";

describe("table settings", () => {
  it("defaults to the standard Dutch kwartet", () => {
    expect(resolveSettings(4)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS).toEqual({ missPassesTo: "asked", allowBluff: false, stockHandSize: 0, emptyHand: "out" });
  });

  it("allows 2 players only with the stock", () => {
    expect(resolveSettings(2).ok).toBe(false);
    expect(resolveSettings(2, { stockHandSize: defaultStockHandSize(2) }).ok).toBe(true);
  });

  it("keeps at least one card in the stock", () => {
    for (let n = 2; n <= 6; n++) {
      expect(maxStockHandSize(n) * n).toBeLessThan(20);
      expect(resolveSettings(n, { stockHandSize: maxStockHandSize(n) + 1 }).ok).toBe(false);
      expect(defaultStockHandSize(n)).toBeLessThanOrEqual(maxStockHandSize(n));
    }
  });

  it("rejects unknown values with BAD_SETTINGS", () => {
    expect(resolveSettings(3, { allowBluff: "yes" as never })).toMatchObject({ rejection: { code: "BAD_SETTINGS" } });
    expect(resolveSettings(3, { stockHandSize: 2.5 })).toMatchObject({ rejection: { code: "BAD_SETTINGS" } });
    expect(resolveSettings(3, { emptyHand: "draw" })).toMatchObject({ rejection: { code: "BAD_SETTINGS" } });
    expect(resolveSettings(3, { emptyHand: "draw", stockHandSize: 4 }).ok).toBe(true);
    expect(resolveSettings(7)).toMatchObject({ rejection: { code: "BAD_PLAYER_COUNT", detail: { min: 2, max: 6 } } });
  });
});
