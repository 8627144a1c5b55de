import { describe, expect, it } from "vitest";
import { endRound, newPlannerGame, startRound, type PlannerGame } from "@iot/shared/planner/game/index";
import { advanceTo, must, region } from "./fixtures.js";

describe("newPlannerGame", () => {
  it("gives every planner a carrier with ids unique in the region", () => {
    const g = region(3);
    expect(g.phase).toBe("waiting");
    expect(g.round).toBe(0);
    expect(g.players).toEqual(["p1", "p2", "p3"]);
    expect(g.names.p2).toBe("Planner 2");
    const orders = g.players.flatMap((p) => g.carriers[p]?.scenario.orders.map((o) => o.id) ?? []);
    const vehicles = g.players.flatMap((p) => g.carriers[p]?.scenario.fleet.map((v) => v.id) ?? []);
    expect(orders).toHaveLength(45);
    expect(new Set(orders).size).toBe(45);
    expect(new Set(vehicles).size).toBe(vehicles.length);
    expect(g.carriers.p2?.scenario.orders.every((o) => o.id.startsWith("c2-"))).toBe(true);
    expect(g.carriers.p3?.scenario.fleet.every((v) => v.id.startsWith("c3-"))).toBe(true);
    // Each carrier has its own day (the seat is mixed into the seed); the same seed gives the same region.
    expect(g.carriers.p1?.scenario.orders.map((o) => o.town)).not.toEqual(
      g.carriers.p2?.scenario.orders.map((o) => o.town),
    );
    expect(region(3)).toStrictEqual(g);
    // Every disruption names the carrier's own vehicles and orders.
    for (const c of Object.values(g.carriers)) {
      const prefix = `c${c.index + 1}-`;
      const ids = new Set(c.scenario.orders.map((o) => o.id));
      for (const d of c.scenario.disruptions) {
        if (d.kind === "breakdown" || d.kind === "driver-absent") expect(d.vehicle.startsWith(prefix)).toBe(true);
        if (d.kind === "rush-order") expect(d.order.id).toMatch(new RegExp(`^${prefix}rush-\\d$`));
        if (d.kind === "window-change") expect(ids.has(d.order)).toBe(true);
      }
    }
    const times = g.carriers.p1?.scenario.disruptions.map((d) => d.at) ?? [];
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(g.carriers.p1?.plan).toEqual({ routes: [] });
  });

  it("rejects a bad player count, bad ids and bad settings", () => {
    const p = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `x${i}`, name: "x" }));
    expect(newPlannerGame({ players: [], difficulty: 1, seed: 1 })).toEqual({
      ok: false,
      rejection: { code: "BAD_PLAYER_COUNT", detail: { min: 1, max: 8 } },
    });
    expect(newPlannerGame({ players: p(9), difficulty: 1, seed: 1 }).ok).toBe(false);
    expect(newPlannerGame({ players: p(8), difficulty: 1, seed: 1 }).ok).toBe(true);
    const dup = newPlannerGame({ players: [...p(1), ...p(1)], difficulty: 1, seed: 1 });
    expect(!dup.ok && dup.rejection.code).toBe("UNKNOWN_PLAYER");
    const bad = newPlannerGame({ players: p(2), difficulty: 5 as 1, seed: 1 });
    expect(!bad.ok && bad.rejection.code).toBe("BAD_MESSAGE");
    const seed = newPlannerGame({ players: p(2), difficulty: 1, seed: 1.5 });
    expect(!seed.ok && seed.rejection.code).toBe("BAD_MESSAGE");
  });
});

describe("startRound", () => {
  const end = (g: PlannerGame) => must(endRound(g));

  it("runs the rounds in order", () => {
    const g = region();
    const r1 = startRound(g, 1);
    expect(r1.ok && r1.events).toEqual([{ type: "round-started", round: 1, clock: g.clock }]);
    const g1 = must(r1);
    expect(g1.phase).toBe("round");
    expect(g1.round).toBe(1);
    const wrong = startRound(must(endRound(g1)), 3);
    expect(!wrong.ok && wrong.rejection).toEqual({ code: "WRONG_ROUND", detail: { round: 2 } });
    const during = startRound(g1, 2);
    expect(!during.ok && during.rejection.code).toBe("ALREADY_STARTED");
    expect(!startRound(g, 2).ok).toBe(true);
    const g4 = advanceTo(g, 4, end);
    expect(g4.round).toBe(4);
    const finished = end(g4);
    expect(finished.phase).toBe("finished");
    const after = startRound(finished, 4);
    expect(!after.ok && after.rejection.code).toBe("WRONG_ROUND");
  });

  it("starts round 1 from an empty plan, keeps the plan later, sets the clock in round 3", () => {
    let g = must(startRound(region(), 1));
    g = {
      ...g,
      carriers: {
        ...g.carriers,
        p1: {
          ...g.carriers.p1!,
          plan: { routes: [{ vehicle: "c1-v1", orders: ["c1-o1"] }] },
          proposal: { routes: [] },
        },
      },
    };
    const g2 = must(startRound(end(g), 2));
    expect(g2.carriers.p1?.plan.routes[0]?.orders).toEqual(["c1-o1"]);
    expect(g2.carriers.p1?.proposal).toBeNull();
    const g3 = must(startRound(end({ ...g2, clock: 999 }), 3));
    expect(g3.clock).toBe(g3.carriers.p1?.scenario.dayStart);
    expect(g3.carriers.p1?.applied).toBe(0);
  });
});
