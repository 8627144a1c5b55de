import { describe, expect, it } from "vitest";
import { applyPick, cleanNote, MAX_PICK_NOTE } from "@iot/shared/quartet/actionPlan";

const state = { quartets: { a: ["geld" as const], b: [] } };

describe("action plan picks", () => {
  it("records a pick from an own quartet and replaces an earlier one", () => {
    const first = applyPick(state, [], "a", "geld-2", "  Start  met\nde\tgemeente ");
    expect(first).toMatchObject({ ok: true, pick: { theme: "geld", card: "geld-2", note: "Start met de gemeente" } });
    if (!first.ok) return;
    const second = applyPick(state, first.picks, "a", "geld-3");
    expect(second.ok && second.picks).toEqual([{ player: "a", theme: "geld", card: "geld-3", note: "" }]);
  });

  it("rejects foreign quartets, unknown cards and long notes", () => {
    expect(applyPick(state, [], "b", "geld-1")).toMatchObject({ ok: false, rejection: { code: "NOT_YOUR_QUARTET" } });
    expect(applyPick(state, [], "a", "beleid-1")).toMatchObject({ ok: false, rejection: { code: "NOT_YOUR_QUARTET" } });
    expect(applyPick(state, [], "zed", "geld-1")).toMatchObject({ ok: false, rejection: { code: "NOT_YOUR_QUARTET" } });
    expect(applyPick(state, [], "a", "geld-5")).toMatchObject({ ok: false, rejection: { code: "UNKNOWN_CARD" } });
    expect(applyPick(state, [], "a", 42)).toMatchObject({ ok: false, rejection: { code: "UNKNOWN_CARD" } });
    expect(applyPick(state, [], "a", "geld-1", "x".repeat(MAX_PICK_NOTE + 1))).toMatchObject({
      ok: false,
      rejection: { code: "NOTE_TOO_LONG", detail: { max: 280 } },
    });
    expect(applyPick(state, [], "a", "geld-1", "x".repeat(MAX_PICK_NOTE)).ok).toBe(true);
  });

  it("keeps notes plain text", () => {
    expect(cleanNote("a\u0000b\u001b[31mc")).toBe("a b [31mc");
  });
});
