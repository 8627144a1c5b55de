import { describe, expect, it } from "vitest";
import { askSchema, joinOptionsSchema, parsePayload, pickSchema, startSchema } from "@iot/shared/protocol";

describe("protocol validation", () => {
  it("applies the contract's join defaults and trims the name", () => {
    expect(parsePayload(joinOptionsSchema, { name: "  Anna " })).toEqual({
      name: "Anna",
      seats: 4,
      bots: 0,
      botLevel: "medium",
      lang: "nl",
      turnSeconds: 0,
    });
  });

  it("rejects bad join options", () => {
    for (const bad of [
      {},
      { name: "   " },
      { name: "x".repeat(25) },
      { name: "A", seats: 7 },
      { name: "A", seats: 1 },
      { name: "A", seats: 3.5 },
      { name: "A", bots: 6 },
      { name: "A", botLevel: "expert" },
      { name: "A", lang: "de" },
      { name: "A", role: "king" },
      { name: "A", rules: { missPassesTo: "left" } },
      { name: "A", turnSeconds: -1 },
      null,
      "name",
    ]) {
      expect(parsePayload(joinOptionsSchema, bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it("validates messages strictly", () => {
    expect(parsePayload(startSchema, {})).toEqual({});
    expect(parsePayload(startSchema, undefined)).toEqual({});
    expect(parsePayload(startSchema, { go: 1 })).toBeNull();
    expect(parsePayload(askSchema, { to: "abc", card: "geld-1" })).toEqual({ to: "abc", card: "geld-1" });
    expect(parsePayload(askSchema, { to: "abc" })).toBeNull();
    expect(parsePayload(askSchema, { to: 5, card: "geld-1" })).toBeNull();
    expect(parsePayload(askSchema, "geld-1")).toBeNull();
    expect(parsePayload(pickSchema, { card: "geld-1", note: "x" })).toEqual({ card: "geld-1", note: "x" });
    expect(parsePayload(pickSchema, { card: "geld-1", note: 5 })).toBeNull();
  });
});
