import { describe, expect, it } from "vitest";
import { plannerGame, type PlannerTable } from "@iot/shared/planner/game/definition";
import {
  advanceClock,
  computeReference,
  endRound,
  playersNeedingReference,
  recordReference,
  referenceKey,
  referenceKpi,
  referenceNeeded,
  startRound,
  withReferences,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { hm } from "@iot/shared/planner/scenario";
import { createRng } from "@iot/shared/rng";
import { handDayRound3, must, region } from "./fixtures.js";

const definition = plannerGame({ minutesPerSecond: 2, clockTickMs: 1000 });
const tableOf = (game: PlannerGame): PlannerTable => ({
  game,
  roundEndsAt: 0,
  roundLeftMs: 0,
  tickAt: 0,
  roundSeconds: 0,
});
const ctx = (player: string) => ({ player, now: 0, rng: createRng(1) });

describe("the reference plan: the assistant's plan for every carrier, asked or not", () => {
  it("is asked for every carrier as a round starts, and is deterministic", () => {
    const setup = definition.setup(
      [
        { id: "p1", name: "A", isBot: false },
        { id: "p2", name: "B", isBot: false },
      ],
      { difficulty: 1, roundSeconds: 0, minutesPerSecond: 2, clockTickMs: 1000 },
      { now: 0, rng: createRng(1), seed: 7 },
    );
    if (!setup.ok) throw new Error("setup refused");
    const g = setup.state.game;
    // One per carrier and situation: the host runs each once, however often it is asked while it runs.
    expect(setup.effects).toEqual([
      { kind: "reference", player: "p1", key: `reference:p1:${referenceKey(g, "p1")}` },
      { kind: "reference", player: "p2", key: `reference:p2:${referenceKey(g, "p2")}` },
    ]);
    const a = computeReference(g, "p1");
    const b = computeReference(g, "p1");
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // It plans every order of the day within capacity and range.
    const k = referenceKpi(g.carriers.p1!, a!);
    expect(k.unplanned).toBe(0);
    expect(k.overCapacity + k.overRange).toBe(0);
  });

  it("is recorded by the server move, and then no more is asked until the situation changes", () => {
    const g = must(startRound(region(2, 7), 1));
    const ref = computeReference(g, "p1")!;
    // The payload as it arrives from the worker: plain JSON, checked by the move's schema.
    const payload = definition.moves.reference.schema.parse(JSON.parse(JSON.stringify(ref)));
    const out = definition.moves.reference.apply(tableOf(g), payload, ctx("p1"));
    if (!out.ok) throw new Error("refused");
    expect(out.state.game.carriers.p1?.reference).toEqual(ref);
    expect(out.effects?.map((e) => e.player)).toEqual(["p2"]);
    expect(playersNeedingReference(withReferences(g))).toEqual([]);
  });

  it("ignores a reference made for another situation", () => {
    const g = withReferences(handDayRound3());
    const stale = computeReference(g, "p1")!;
    const broken = must(advanceClock(g, hm(8, 5)));
    expect(referenceNeeded(broken, "p1")).toBe(true);
    const r = recordReference(broken, "p1", stale);
    expect(r.ok && r.game).toBe(broken);
  });

  it("follows the day: the clock alone asks for nothing, a breakdown asks for a plan without the truck", () => {
    const g = withReferences(handDayRound3());
    expect(referenceNeeded(must(advanceClock(g, hm(7, 30))), "p1")).toBe(false);
    const broken = must(advanceClock(g, hm(8, 5)));
    expect(broken.carriers.p1?.unavailable).toEqual(["c1-v1"]);
    expect(referenceNeeded(broken, "p1")).toBe(true);
    const ref = computeReference(broken, "p1")!;
    expect(ref.at).toBe(hm(8, 5));
    const c = broken.carriers.p1!;
    // The stops c1-v1 drove before it broke down stay its own; it gets nothing more.
    const v1 = ref.plan.routes.find((r) => r.vehicle === "c1-v1")?.orders ?? [];
    expect(v1.every((o) => c.locked.includes(o))).toBe(true);
    // No other truck sets off for an open stop before the breakdown was known.
    const k = referenceKpi(c, ref);
    expect(k.unplanned).toBe(0);
    expect(ref.holds["c1-v2"]?.at(-1)?.until).toBe(hm(8, 5));
    expect(referenceKey(broken, "p1")).toBe(ref.situation);
  });

  it("marks whether a disruption's open orders could be planned again: true once a reference plans one, false while none does", () => {
    const broken = must(advanceClock(withReferences(handDayRound3()), hm(8, 5)));
    const [record] = broken.carriers.p1!.usage.replans;
    expect(record?.orders.length).toBeGreaterThan(0);
    expect(record?.plannable).toBeUndefined();
    const ref = computeReference(broken, "p1")!;
    const open = new Set(record?.orders);
    const without = {
      ...ref,
      plan: { routes: ref.plan.routes.map((r) => ({ ...r, orders: r.orders.filter((o) => !open.has(o)) })) },
    };
    const marked = (g: PlannerGame) => g.carriers.p1?.usage.replans[0]?.plannable;
    const none = recordReference(broken, "p1", without);
    if (!none.ok) throw new Error("refused");
    expect(marked(none.game)).toBe(false);
    const some = recordReference(none.game, "p1", ref);
    if (!some.ok) throw new Error("refused");
    expect(ref.plan.routes.some((r) => r.orders.some((o) => open.has(o)))).toBe(true);
    expect(marked(some.game)).toBe(true);
    // Once it could be planned, a later reference that plans none of them does not take that back.
    const again = recordReference(some.game, "p1", without);
    if (!again.ok) throw new Error("refused");
    expect(marked(again.game)).toBe(true);
  });

  it("completes a round that ended before it arrived, and the finished game's results go out again", () => {
    const g = must(startRound(region(2, 7), 1));
    const ended = must(endRound(g));
    expect(ended.results.every((r) => r.reference === null)).toBe(true);
    expect(playersNeedingReference(ended)).toEqual(["p1", "p2"]);
    const late = recordReference(ended, "p1", computeReference(ended, "p1")!);
    if (!late.ok) throw new Error("refused");
    const r1 = late.game.results.find((r) => r.player === "p1");
    expect(r1?.reference).not.toBeNull();
    expect(r1?.referenceScore).toBeGreaterThan(0);
    expect(late.events).toEqual([{ type: "reference-recorded", player: "p1", round: 1 }]);
    // In review nobody is sent anything; once the game is over every planner gets the results again.
    const event = late.events[0]!;
    expect(definition.deliver(event, tableOf(late.game))).toEqual([]);
    const finished = { ...late.game, phase: "finished" as const };
    const out = definition.deliver(event, tableOf(finished));
    expect(out.map((o) => [o.type, o.audience])).toEqual([
      ["results", { to: "player", player: "p1" }],
      ["results", { to: "player", player: "p2" }],
    ]);
    // Another carrier's orders (in the situation a round ended in) do not go out with the results.
    const bytes = JSON.stringify(out);
    expect(bytes).not.toContain("referenceSituation");
    expect(bytes).not.toContain("c2-o1");
    // One planned while round 1 was on review still completes p2's round-1 result once round 2 is under way.
    const inReview = computeReference(late.game, "p2")!;
    const round2 = must(startRound(late.game, 2));
    const later = recordReference(round2, "p2", inReview);
    if (!later.ok) throw new Error("refused");
    expect(later.game.results.find((r) => r.player === "p2" && r.round === 1)?.reference).toEqual(inReview.kpi);
    expect(later.game.carriers.p2?.reference ?? null).toBeNull();
    // A second one for the same result changes nothing.
    const again = recordReference(late.game, "p1", computeReference(late.game, "p1")!);
    expect(again.ok && again.game).toBe(late.game);
  });
});
