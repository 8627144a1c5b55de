import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlannerTable } from "@iot/shared/planner/game/definition";
import { tableOf } from "../harness.js";
import { plannerRoom, startPlannerServer, waitFor, type PRoom } from "./harness.js";

/** Rounds of 10 minutes (PLANNER_ROUND_SECONDS=600), on the fake clock. */
const ROUND_MS = 600_000;

let env: Awaited<ReturnType<typeof startPlannerServer>>;
beforeAll(async () => {
  env = await startPlannerServer({ roundSeconds: ROUND_MS / 1000 });
});
afterAll(async () => {
  await env.server.shutdown();
});

/** The region's game as the server holds it (no patch in between). */
const atServer = (room: PRoom) => (tableOf(env.server, room.roomId).game as PlannerTable).game;

describe("planner room: the round timer", () => {
  it("ends a timed round on its own when its time is up, not before, and gives the next round its full time", async () => {
    const room = plannerRoom(await env.client.create("planner", { name: "Fay", planners: 1, difficulty: 1 }));
    room.onMessage("event", () => undefined);
    room.send("start", {});
    await waitFor(room, (s) => s.phase === "round" && s.round === 1, "round 1");
    expect(room.state.roundEndsAt).toBe(env.clock.now() + ROUND_MS);
    env.clock.advance(ROUND_MS - 1);
    expect(atServer(room)).toMatchObject({ phase: "round", round: 1 });
    env.clock.advance(1);
    await waitFor(room, (s) => s.phase === "review" && s.round === 1, "round 1 ended by its timer");
    expect(room.state.roundEndsAt).toBe(0);
    // Review takes as long as it takes: no timer runs; the next round has its own 10 minutes.
    env.clock.advance(3 * ROUND_MS);
    expect(atServer(room)).toMatchObject({ phase: "review", round: 1 });
    room.send("next", {});
    await waitFor(room, (s) => s.phase === "round" && s.round === 2, "round 2");
    expect(room.state.roundEndsAt).toBe(env.clock.now() + ROUND_MS);
    env.clock.advance(ROUND_MS);
    await waitFor(room, (s) => s.phase === "review" && s.round === 2, "round 2 ended by its timer");
    await room.leave();
  });
});
