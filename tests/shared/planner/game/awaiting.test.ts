import { describe, expect, it } from "vitest";
import { plannerGame, type PlannerTable } from "@iot/shared/planner/game/definition";
import { computeReference, referenceKey } from "@iot/shared/planner/game/index";
import type { Outcome } from "@iot/shared/table/definition";
import { createRng } from "@iot/shared/rng";

const definition = plannerGame({ minutesPerSecond: 2, clockTickMs: 1000 });
const ctx = (player: string) => ({ player, now: 0, rng: createRng(1) });

function accepted<S>(outcome: Outcome<S, unknown, { code: string }>) {
  if (!outcome.ok) throw new Error(`refused: ${outcome.rejection.code}`);
  return outcome;
}

/** A two-carrier region at round 1, as the table host sets it up. */
function region(): PlannerTable {
  return accepted(
    definition.setup(
      [
        { id: "p1", name: "A", isBot: false },
        { id: "p2", name: "B", isBot: false },
      ],
      { difficulty: 1, roundSeconds: 0, minutesPerSecond: 2, clockTickMs: 1000 },
      { now: 0, rng: createRng(1), seed: 7 },
    ),
  ).state;
}

/** `player`'s reference plan for the situation now, as the solver pool hands it back: plain JSON through the move. */
function withReference(table: PlannerTable, player: string): PlannerTable {
  const ref = JSON.parse(JSON.stringify(computeReference(table.game, player))) as unknown;
  const payload = definition.moves.reference.schema.parse(ref);
  return accepted(definition.moves.reference.apply(table, payload, ctx(player))).state;
}

describe("what the planner's table still awaits after a restart", () => {
  it("is the reference of a round that ended without it, the same effect the round's end asked for", () => {
    // The round ends before either carrier's reference plan came back (the solves were under way).
    const ended = accepted(definition.moves.next.apply(region(), { only: "end" }, ctx("host")));
    expect(ended.state.game.phase).toBe("review");
    expect(ended.state.game.results.map((r) => r.reference ?? null)).toEqual([null, null]);
    const g = ended.state.game;
    const expected = ["p1", "p2"].map((p) => ({
      kind: "reference",
      player: p,
      key: `reference:${p}:${referenceKey(g, p)}`,
    }));
    expect(definition.awaiting?.(ended.state)).toEqual(expected);
    expect(ended.effects).toEqual(expected);

    // One reference recorded: only the other carrier's is still awaited; both: none.
    const one = withReference(ended.state, "p1");
    expect(one.game.results.find((r) => r.player === "p1")?.reference).not.toBeNull();
    expect(definition.awaiting?.(one)).toEqual([expected[1]]);
    const both = withReference(one, "p2");
    expect(definition.awaiting?.(both)).toEqual([]);
  });

  it("awaits each carrier's reference as a round starts, and nothing once they are recorded", () => {
    const start = region();
    expect(definition.awaiting?.(start).map((e) => e.player)).toEqual(["p1", "p2"]);
    const recorded = withReference(withReference(start, "p1"), "p2");
    expect(definition.awaiting?.(recorded)).toEqual([]);
    // Ended with its references in: the results have them, nothing is awaited.
    const ended = accepted(definition.moves.next.apply(recorded, { only: "end" }, ctx("host"))).state;
    expect(ended.game.results.every((r) => (r.reference ?? null) !== null)).toBe(true);
    expect(definition.awaiting?.(ended)).toEqual([]);
  });
});
