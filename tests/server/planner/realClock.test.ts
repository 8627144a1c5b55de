import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { myCarrier, plannerRoom, startRealClockPlannerServer, waitFor } from "./harness.js";

/**
 * The one quick-play planner test on the rooms' own clocks (the production
 * scheduler, over a real socket): every other in-process planner test moves
 * a ManualScheduler. A 1-second round timer and a fast day keep it quick.
 */
let env: Awaited<ReturnType<typeof startRealClockPlannerServer>>;
beforeAll(async () => {
  env = await startRealClockPlannerServer({ roundSeconds: 1, minutesPerSecond: 600, clockTickMs: 100 });
});
afterAll(async () => {
  await env.server.shutdown();
});

describe("planner room on the real clock (smoke)", () => {
  it("ends a timed round on its own and runs round 3's day on the room's clock", async () => {
    const room = plannerRoom(await env.client.create("planner", { name: "Anna", planners: 1, difficulty: 1 }));
    for (const type of ["event", "results"]) room.onMessage(type, () => undefined);
    const started = Date.now();
    room.send("start", {});
    await waitFor(room, (s) => s.phase === "round" && s.round === 1 && myCarrier(room) !== null, "round 1");
    expect(room.state.roundEndsAt).toBeGreaterThanOrEqual(started + 1_000);
    expect(room.state.roundEndsAt).toBeLessThanOrEqual(Date.now() + 1_000);
    // Nobody ends round 1: its timer does.
    await waitFor(room, (s) => s.phase === "review" && s.round === 1, "round 1 ended by its timer", 5_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    for (const [phase, round] of [
      ["round", 2],
      ["review", 2],
      ["round", 3],
    ] as const) {
      room.send("next", {});
      await waitFor(room, (s) => s.phase === phase && s.round === round, `${phase} of round ${round}`);
    }
    const from = room.state.clock;
    await waitFor(room, (s) => s.clock > from, "the day's clock moves", 5_000);
    await waitFor(room, (s) => s.phase === "review" && s.round === 3, "round 3 ended by its timer", 5_000);
    await room.leave();
  });
});
