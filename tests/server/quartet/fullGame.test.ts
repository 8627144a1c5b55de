import { describe, expect, it } from "vitest";
import {
  invariantTotal,
  legalAskFor,
  openTable,
  PLAYER_THINKS_MS,
  useTestServer,
  testRandom,
  waitForState,
  type ClientState,
  type QRoom,
} from "../harness.js";

const env = useTestServer();

describe("quartet room: a full game of 4 SDK clients", () => {
  it("plays to the end with the invariant at every patch, a ranking and the action plan", async () => {
    const rooms = await openTable(env.client, 4, { seats: 4, role: "government", phase: "exchanging" });
    const violations: string[] = [];
    let patches = 0;
    for (const r of rooms) {
      r.onStateChange((s: ClientState) => {
        if (s.phase === "waiting") return;
        patches++;
        const total = invariantTotal(s);
        if (total !== 20) violations.push(`${r.sessionId}: ${total}`);
      });
    }
    const quartetsLaid: { player: string; theme: string }[] = [];
    rooms[0]?.onMessage("event", (e: { type: string; player: string; theme: string }) => {
      if (e.type === "quartet") quartetsLaid.push(e);
    });
    let asked = 0;
    // Each `asked` arrives after the patch that carries it: the state already counts it.
    const early: number[] = [];
    rooms[0]?.onMessage("asked", () => {
      asked++;
      if ((rooms[0]?.state.asks ?? 0) < asked) early.push(asked);
    });
    rooms[0]?.send("start", {});
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
    const rnd = testRandom(7);
    let sent = 0;
    while (rooms[0]?.state.phase === "playing" && sent < 2_000) {
      const turn = rooms[0].state.turn;
      const room = rooms.find((r) => r.sessionId === turn) as QRoom;
      const ask = legalAskFor(room, rnd);
      expect(ask).not.toBeNull();
      const before = rooms[0].state.asks ?? 0;
      env.clock.advance(PLAYER_THINKS_MS);
      room.send("ask", ask);
      sent++;
      // Every client has the move before the next one is chosen from their states.
      await Promise.all(rooms.map((r) => waitForState(r, (s) => s.asks > before || s.phase === "finished")));
    }
    for (const r of rooms) await waitForState(r, (s) => s.phase === "finished");
    expect(sent).toBeGreaterThan(10);
    expect(asked).toBe(sent);
    expect(early).toEqual([]);
    expect(patches).toBeGreaterThan(sent);
    expect(violations).toEqual([]);
    const state = rooms[0]?.state as ClientState;
    const ranking = [...state.ranking];
    expect(ranking).toHaveLength(4);
    expect(ranking[0]?.place).toBe(1);
    expect(ranking.reduce((n, r) => n + r.quartets, 0)).toBe(5);
    expect(quartetsLaid.length).toBeGreaterThan(0);

    // The player who laid a quartet picks an action for the region.
    const laid = quartetsLaid[0] as { player: string; theme: string };
    const picker = rooms.find((r) => r.sessionId === laid.player) as QRoom;
    picker.send("pick", { card: `${laid.theme}-2`, note: "Start met een proeftuin" });
    await waitForState(picker, (s) => s.plan.length === 1);
    const plan = [...picker.state.plan][0] as unknown as Record<string, string>;
    expect(plan).toMatchObject({
      player: laid.player,
      theme: laid.theme,
      card: `${laid.theme}-2`,
      note: "Start met een proeftuin",
    });
    if (laid.player === rooms[0]?.sessionId) expect(plan.role).toBe("government");
    await Promise.all(rooms.map((r) => r.leave()));
  });
});
