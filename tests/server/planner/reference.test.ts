import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { CompetenceProfile, RoundResult } from "@iot/shared/planner/game/index";
import { myCarrier, plannerRoom, runDayUntil, startPlannerServer, waitFor, type PRoom } from "./harness.js";
import { handPlan, planOf } from "./play.js";

let env: Awaited<ReturnType<typeof startPlannerServer>>;
beforeAll(async () => {
  env = await startPlannerServer();
});
afterAll(async () => {
  await env.server.shutdown();
});

interface Results {
  results: RoundResult[];
  profiles: Record<string, CompetenceProfile>;
}

/** Resolves with the first `results` message (of those received from now on) that `ok` accepts. */
function resultsWhere(room: PRoom, ok: (r: Results) => boolean, ms = 60_000): Promise<Results> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no such results within ${ms} ms`));
    }, ms);
    const off = room.onMessage("results", (r: Results) => {
      if (!ok(r)) return;
      clearTimeout(timer);
      off();
      resolve(r);
    });
  });
}

async function planByHand(rooms: readonly PRoom[]): Promise<void> {
  for (const r of rooms) {
    const plan = handPlan(myCarrier(r) as CarrierView);
    r.send("plan", { plan });
    await waitFor(r, () => planOf(r) === JSON.stringify(plan), "hand plan set");
  }
}

describe("planner room: the assessment's yardstick", () => {
  it("computes the assistant's reference plan for every round of planners who never ask", async () => {
    const a = plannerRoom(await env.client.create("planner", { name: "Anna", planners: 2, difficulty: 1 }));
    const b = plannerRoom(await env.client.joinById(a.roomId, { name: "Bram" }));
    const rooms = [a, b];
    const complete = rooms.map((r) =>
      resultsWhere(r, (m) => m.results.length === 8 && m.results.every((x) => x.reference)),
    );
    a.send("start", {});
    for (let round = 1; round <= 4; round++) {
      if (round > 1) a.send("next", {});
      await waitFor(a, (s) => s.phase === "round" && s.round === round, `round ${round}`);
      // Planned by hand in round 1; later rounds keep that plan (as far as the day lets it).
      if (round === 1) await planByHand(rooms);
      // The day runs past the morning's disruptions; the planners let it run and never ask the assistant.
      if (round === 3) await runDayUntil(env.clock, a, 11 * 60);
      a.send("next", {});
      await waitFor(a, (s) => s.phase === (round === 4 ? "finished" : "review") && s.leaderboardRound === round, "end");
    }
    const got = await Promise.all(complete);
    got.forEach((m, i) => {
      const me = (rooms[i] as PRoom).sessionId;
      for (const r of m.results) {
        // Planned for the same situation: the same orders, every one of them within capacity and range.
        expect(r.reference?.orders).toBe(r.kpi.orders);
        expect((r.reference?.overCapacity ?? 1) + (r.reference?.overRange ?? 1)).toBe(0);
        expect(r.referenceScore).toBeGreaterThan(0);
      }
      const profile = m.profiles[me] as CompetenceProfile;
      expect(profile.efficiency).toEqual(expect.any(Number));
      expect(profile.green).toEqual(expect.any(Number));
      // Two planners and no offer made: nothing could be gained by exchanging, so collaboration could not be shown.
      expect(profile.collaboration).toBeNull();
    });
    // The yardstick stays on the server: the planner's own view has no reference plan.
    expect(myCarrier(a)).not.toHaveProperty("reference");
    await Promise.all(rooms.map((r) => r.leave()));
  });
});
