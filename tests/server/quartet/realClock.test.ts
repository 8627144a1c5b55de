import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legalAskFor, openTable, startRealClockServer, testRandom, waitForState, type QRoom } from "../harness.js";

/**
 * The one quick-play quartet test on the rooms' own clocks (the production
 * scheduler, over a real socket): every other in-process quartet test moves
 * a ManualScheduler. Short real timings keep it quick.
 */
let env: Awaited<ReturnType<typeof startRealClockServer>>;
beforeAll(async () => {
  env = await startRealClockServer({ botDelayMs: [10, 30], reconnectSeconds: 1 });
});
afterAll(async () => {
  await env.server.shutdown();
});

describe("quartet room on the real clock (smoke)", () => {
  it("lets bots think on the room's clock, hands a dropped seat to a bot after its window, and finishes", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4, bots: 2, botLevel: "easy" });
    const [host, guest] = rooms as [QRoom, QRoom];
    for (const type of ["event", "asked"]) host.onMessage(type, () => undefined);
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    const gone = guest.sessionId;
    guest.reconnection.enabled = false;
    const dropped = Date.now();
    guest.connection.close();
    await waitForState(host, (s) => s.players.get(gone)?.isBot === true, 5_000, "a bot in the dropped seat");
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(900);
    const rnd = testRandom(9);
    for (let n = 0; n < 2_000 && host.state.phase === "playing"; n++) {
      if (host.state.turn === host.sessionId) {
        const asks = host.state.asks;
        host.send("ask", legalAskFor(host, rnd));
        await waitForState(host, (s) => s.asks > asks || s.phase !== "playing");
      } else {
        // The bots ask on their own, after their thinking time on the room's clock.
        await waitForState(host, (s) => s.turn === host.sessionId || s.phase !== "playing", 5_000, "the bots' asks");
      }
    }
    expect(host.state.phase).toBe("finished");
    expect([...host.state.ranking]).toHaveLength(4);
    await host.leave();
  });
});
