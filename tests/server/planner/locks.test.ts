import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "@iot/shared/planner/evaluate";
import { myCarrier, next, plannerRoom, startPlannerServer, waitFor } from "./harness.js";
import { assistAndAccept, handPlan, planOf, refused } from "./play.js";

let env: Awaited<ReturnType<typeof startPlannerServer>>;
beforeAll(async () => {
  env = await startPlannerServer({ assistantMs: 300 });
});
afterAll(async () => {
  await env.server.shutdown();
});

const routeOf = (plan: Plan | undefined, v: string) => plan?.routes.find((r) => r.vehicle === v)?.orders ?? [];
const vehicleOf = (plan: Plan | undefined, o: string) => plan?.routes.find((r) => r.orders.includes(o))?.vehicle;

describe("planner room: locks and optimising the rest", () => {
  it("refuses bad locks (the planner keeps the seat), keeps a locked route and a locked stop in the proposal taken", async () => {
    const room = plannerRoom(await env.client.create("planner", { name: "Anna", planners: 1, difficulty: 2 }));
    room.send("start", {});
    await waitFor(room, (s) => s.phase === "round" && s.round === 1, "round 1");
    const plan = handPlan(myCarrier(room)!);
    room.send("plan", { plan });
    await waitFor(room, () => planOf(room) === JSON.stringify(plan), "the plan by hand");
    // Round 1 is by hand: nothing to lock for the assistant.
    await refused(room, "lock", { vehicle: plan.routes[0]!.vehicle, locked: true }, "ASSISTANT_NOT_ALLOWED");
    room.send("next", {});
    await waitFor(room, (s) => s.phase === "review", "round 1 ended");
    room.send("next", {});
    await waitFor(room, (s) => s.phase === "round" && s.round === 2, "round 2");

    await refused(room, "lock", { vehicle: "c1-v1", order: "c1-o1", locked: true }, "BAD_MESSAGE");
    await refused(room, "lock", { vehicle: "c9-v1", locked: true }, "NOT_YOUR_VEHICLE");
    await refused(room, "lock", { order: "nope", locked: true }, "UNKNOWN_ORDER");

    const [first, second] = myCarrier(room)!.plan.routes;
    const stop = second!.orders.at(-1)!;
    env.clock.advance(1000);
    room.send("lock", { vehicle: first!.vehicle, locked: true });
    room.send("lock", { order: stop, locked: true });
    await waitFor(
      room,
      () =>
        myCarrier(room)?.planLocks.routes.includes(first!.vehicle) === true &&
        myCarrier(room)?.planLocks.stops.includes(stop) === true,
      "the locks in the view",
    );
    const taken = await assistAndAccept(room);
    expect(routeOf(taken, first!.vehicle)).toEqual(first!.orders);
    expect(vehicleOf(taken, stop)).toBe(second!.vehicle);

    // Unlocking makes the proposal outdated: it was made for the locks.
    env.clock.advance(1000);
    room.send("lock", { vehicle: first!.vehicle, locked: false });
    await waitFor(room, () => myCarrier(room)?.planLocks.routes.length === 0, "the route unlocked");
    const asked = next<{ plan: Plan }>(room, "proposal");
    room.send("assist", {});
    await asked;
    room.send("lock", { order: stop, locked: false });
    await waitFor(room, () => myCarrier(room)?.proposalOutdated === true, "the proposal outdated by the unlock");
    await refused(room, "acceptProposal", {}, "PROPOSAL_OUTDATED");
    await room.leave();
  });
});
