import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  legalAskFor,
  nextMessage,
  openTable,
  startTestServer,
  testRandom,
  waitForState,
  type QRoom,
} from "../harness.js";

let env: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  env = await startTestServer({ reconnectSeconds: 1 });
});
afterAll(async () => {
  await env.server.shutdown();
});

function hand(room: QRoom): string[] {
  return [...(room.state.players.get(room.sessionId)?.hand ?? [])];
}

describe("quartet room: joining", () => {
  it("refuses bad options with a clear error and leaves no room behind", async () => {
    const before = (await matchMaker.query({})).length;
    for (const bad of [
      { name: "" },
      { name: "Anna", seats: 9 },
      { name: "Anna", botLevel: "genius" },
      { name: "A", lang: "fr" },
    ]) {
      await expect(env.client.create("quartet", bad)).rejects.toThrow(/options|name|seats/i);
    }
    expect((await matchMaker.query({})).length).toBe(before);
  });

  it("refuses to join a table that has started", async () => {
    const [host] = await openTable(env.client, 1, { seats: 3, bots: 2 });
    host?.send("start", {});
    await waitForState(host as QRoom, (s) => s.phase !== "waiting");
    await expect(env.client.joinById(host?.roomId as string, { name: "Late" })).rejects.toThrow();
    await host?.leave();
  });

  it("rejects start by a non-host and with too few players, keeping everyone seated", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4 });
    const guest = rooms[1] as QRoom;
    guest.send("start", {});
    expect(await nextMessage(guest, "rejected")).toMatchObject({ code: "NOT_HOST" });
    const host = rooms[0] as QRoom;
    host.send("start", {});
    const r = await nextMessage<{ code: string; message: string }>(host, "rejected");
    expect(r.code).toBe("BAD_PLAYER_COUNT");
    expect(r.message).toContain("spelers");
    expect(host.state.phase).toBe("waiting");
    expect(host.state.players.size).toBe(2);
    await Promise.all(rooms.map((x) => x.leave()));
  });

  it("answers a flood with RATE_LIMITED and keeps the seat", async () => {
    const [room] = await openTable(env.client, 1, { seats: 4, lang: "en" });
    const codes: string[] = [];
    room?.onMessage("rejected", (m: { code: string }) => codes.push(m.code));
    for (let i = 0; i < 60; i++) room?.send("ask", { to: "x", card: "geld-1" });
    await new Promise((r) => setTimeout(r, 300));
    expect(codes).toHaveLength(60);
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBeGreaterThanOrEqual(30);
    expect(codes[0]).toBe("NOT_PLAYING");
    await new Promise((r) => setTimeout(r, 1_000));
    room?.send("ask", { to: "x", card: "geld-1" });
    expect(await nextMessage(room as QRoom, "rejected")).toMatchObject({ code: "NOT_PLAYING" });
    expect(room?.connection.isOpen).toBe(true);
    await room?.leave();
  });
});

describe("quartet room: drops, reloads and bots", () => {
  it("gives a dropped player the same seat and hand back with the reconnection token", async () => {
    const rooms = await openTable(env.client, 4, { seats: 4 });
    rooms[0]?.send("start", {});
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing" && hand(r).length > 0)));
    const p = rooms[2] as QRoom;
    const before = hand(p).sort();
    const token = p.reconnectionToken;
    const id = p.sessionId;
    p.reconnection.enabled = false;
    p.connection.close();
    await waitForState(rooms[0] as QRoom, (s) => s.players.get(id)?.connected === false);
    const back = await env.client.reconnect<never>(token);
    const again = back as unknown as QRoom;
    expect(again.sessionId).toBe(id);
    await waitForState(again, (s) => (s.players.get(id)?.hand?.length ?? 0) > 0);
    expect(hand(again).sort()).toEqual(before);
    await waitForState(rooms[0] as QRoom, (s) => s.players.get(id)?.connected === true);
    await Promise.all([rooms[0], rooms[1], again, rooms[3]].map((r) => r?.leave()));
  });

  it("lets a bot take the seat when the reconnection window closes, and the game finishes", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4, bots: 2, botLevel: "easy" });
    const [host, guest] = rooms as [QRoom, QRoom];
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    const gone = guest.sessionId;
    guest.reconnection.enabled = false;
    guest.connection.close();
    await waitForState(host, (s) => s.players.get(gone)?.isBot === true, 5_000);
    const rnd = testRandom(9);
    const deadline = Date.now() + 30_000;
    while (host.state.phase === "playing" && Date.now() < deadline) {
      if (host.state.turn === host.sessionId) {
        const asks = host.state.asks;
        host.send("ask", legalAskFor(host, rnd));
        await waitForState(host, (s) => s.asks > asks || s.phase !== "playing");
      } else {
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    expect(host.state.phase).toBe("finished");
    expect(host.state.players.get(gone)?.isBot).toBe(true);
    await host.leave();
  });

  it("lets the seat's bot ask when the turn timer runs out", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4, bots: 2, turnSeconds: 1 });
    const [host, guest] = rooms as [QRoom, QRoom];
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    await waitForState(host, (s) => s.turn === host.sessionId || s.turn === guest.sessionId, 10_000);
    const idle = host.state.turn;
    expect(host.state.turnDeadline).toBeGreaterThan(Date.now() - 100);
    const asked = await new Promise<{ from: string }>((resolve) => {
      host.onMessage("asked", (m: { from: string }) => {
        if (m.from === idle) resolve(m);
      });
    });
    expect(asked.from).toBe(idle);
    await Promise.all(rooms.map((r) => r.leave()));
  });
});
