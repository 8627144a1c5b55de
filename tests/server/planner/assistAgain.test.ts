import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Plan } from "@iot/shared/planner/evaluate";
import { SolverPool } from "../../../server/src/planner/solverWorker.js";
import { myCarrier, next, plannerRoom, startPlannerServer, waitFor } from "./harness.js";

/** The assistant's time limit here (ms). */
const ASSISTANT_MS = 300;

let env: Awaited<ReturnType<typeof startPlannerServer>>;
beforeAll(async () => {
  env = await startPlannerServer({ assistantMs: ASSISTANT_MS });
});
afterAll(async () => {
  await env.server.shutdown();
});

describe("planner room: asking the assistant again", () => {
  it("with nothing changed answers at once with the same proposal; after a change it plans again", async () => {
    const room = plannerRoom(await env.client.create("planner", { name: "Anna", planners: 1, difficulty: 2 }));
    room.send("start", {});
    await waitFor(room, (s) => s.phase === "round" && s.round === 1, "round 1");
    room.send("next", {});
    await waitFor(room, (s) => s.phase === "review", "round 1 ended");
    room.send("next", {});
    await waitFor(room, (s) => s.phase === "round" && s.round === 2, "round 2");

    // Every run of the solver, in the game's worker pool.
    const solves = vi.spyOn(SolverPool.prototype, "solve");
    const ask = async () => {
      const answer = next<{ plan: Plan }>(room, "proposal", 10_000);
      room.send("assist", {});
      return answer;
    };
    const first = await ask();
    expect(solves).toHaveBeenCalledTimes(1);
    await waitFor(room, () => JSON.stringify(myCarrier(room)?.proposal) === JSON.stringify(first.plan), "proposal");
    expect(myCarrier(room)?.proposalOutdated).toBe(false);

    const again = await ask();
    expect(again.plan).toEqual(first.plan);
    expect(solves).toHaveBeenCalledTimes(1);

    // The planner asks drivers until one knows something: the proposal is outdated, the assistant plans again.
    for (const o of myCarrier(room)?.scenario.orders ?? []) {
      // Table time for the rate limit to refill (round 2 has no day's clock).
      env.clock.advance(200);
      room.send("reveal", { order: o.id });
      await waitFor(room, () => myCarrier(room)?.revealed.includes(o.id) === true, `${o.id} asked`);
      if (myCarrier(room)?.proposalOutdated) break;
    }
    expect(myCarrier(room)?.proposalOutdated).toBe(true);
    room.send("acceptProposal", {});
    const refused = await next<{ code: string }>(room, "rejected");
    expect(refused.code).toBe("PROPOSAL_OUTDATED");
    await ask();
    expect(solves).toHaveBeenCalledTimes(2);
    await waitFor(room, () => myCarrier(room)?.proposalOutdated === false, "a new proposal");
    await room.leave();
    solves.mockRestore();
  });
});
