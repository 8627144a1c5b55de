import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_QUARTET_CONFIG } from "../../../server/src/config.js";
import {
  letBotAsk,
  legalAskFor,
  nextMessage,
  openTable,
  PLAYER_THINKS_MS,
  useTestServer,
  tableOf,
  testRandom,
  waitForState,
  type QRoom,
} from "../harness.js";

const env = useTestServer();

function hand(room: QRoom): string[] {
  return [...(room.state.players.get(room.sessionId)?.hand ?? [])];
}

/** The reconnection window of the production settings (ms). */
const WINDOW_MS = DEFAULT_QUARTET_CONFIG.reconnectSeconds * 1000;

/** The table as the server holds it: what has happened there, with no patch in between. */
function atServer(room: QRoom): { asks: number; turn: string; isBot(id: string): boolean | undefined } {
  const table = tableOf(env.server, room.roomId);
  const state = table.state as { asks: number; turn: string };
  return { asks: state.asks, turn: state.turn, isBot: (id) => table.seats.get(id)?.isBot };
}

/** Plays the bots' turns until it is a human's turn at the table (bots think on the fake clock). */
async function untilHumanTurn(room: QRoom): Promise<void> {
  for (let n = 0; n < 200 && room.state.players.get(room.state.turn)?.isBot; n++) await letBotAsk(env.clock, room);
  expect(room.state.players.get(room.state.turn)?.isBot).toBe(false);
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
      await expect(env.client.create("quartet", bad)).rejects.toThrow(
        /^Deze tafel kan zo niet: je naam moet 1 tot 24 tekens hebben, een tafel 2 tot 6 plaatsen/,
      );
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
    const all = new Promise<void>((resolve) =>
      room?.onMessage("rejected", (m: { code: string }) => {
        codes.push(m.code);
        if (codes.length === 60) resolve();
      }),
    );
    for (let i = 0; i < 60; i++) room?.send("ask", { to: "x", card: "geld-1" });
    await all;
    expect(codes).toHaveLength(60);
    // No table time passes during the flood: the burst of 20 and nothing more.
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBe(40);
    expect(codes[0]).toBe("NOT_PLAYING");
    room?.send("ask", { to: "x", card: "geld-1" });
    expect(await nextMessage(room as QRoom, "rejected")).toMatchObject({ code: "RATE_LIMITED" });
    // A second of table time refills the bucket.
    env.clock.advance(1_000);
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
    // Back just before the window closes.
    env.clock.advance(WINDOW_MS - 1_000);
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
    await waitForState(host, (s) => s.players.get(gone)?.connected === false);
    // The seat waits the whole window (the bots play on meanwhile) ...
    env.clock.advance(WINDOW_MS - 1);
    // (A closed window hands the seat over a few promise steps later: a round trip to the room first.)
    host.send("start", {});
    expect(await nextMessage(host, "rejected")).toMatchObject({ code: "ALREADY_STARTED" });
    expect(atServer(host).isBot(gone)).toBe(false);
    // ... and a bot takes it when the window closes.
    env.clock.advance(1);
    await waitForState(host, (s) => s.players.get(gone)?.isBot === true, 5_000);
    const rnd = testRandom(9);
    for (let n = 0; n < 2_000 && host.state.phase === "playing"; n++) {
      if (host.state.turn === host.sessionId) {
        const asks = host.state.asks;
        env.clock.advance(PLAYER_THINKS_MS);
        host.send("ask", legalAskFor(host, rnd));
        await waitForState(host, (s) => s.asks > asks || s.phase !== "playing");
      } else {
        await letBotAsk(env.clock, host);
      }
    }
    expect(host.state.phase).toBe("finished");
    expect(host.state.players.get(gone)?.isBot).toBe(true);
    await host.leave();
  });

  it("lets a bot think its time before it asks", async () => {
    const [host] = (await openTable(env.client, 1, { seats: 3, bots: 2 })) as [QRoom];
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    const rnd = testRandom(5);
    while (host.state.turn === host.sessionId) {
      const asks = host.state.asks;
      env.clock.advance(PLAYER_THINKS_MS);
      host.send("ask", legalAskFor(host, rnd));
      await waitForState(host, (s) => s.asks > asks);
    }
    const bot = host.state.turn;
    expect(host.state.players.get(bot)?.isBot).toBe(true);
    const asks = host.state.asks;
    // The bots think 700-1600 ms: after 600 ms of table time this one has not asked ...
    env.clock.advance(600);
    expect(atServer(host)).toMatchObject({ asks, turn: bot });
    // ... and by 1,700 ms it has.
    env.clock.advance(1_100);
    await waitForState(host, (s) => s.asks > asks, 5_000, "the bot's ask");
    expect(atServer(host).asks).toBeGreaterThan(asks);
    await host.leave();
  });

  it("lets no bot play a dropped player's turn before their reconnection window has closed, even with a turn timer", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4, bots: 2, turnSeconds: 30 });
    const [host, guest] = rooms as [QRoom, QRoom];
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    // Play on until it is the guest's turn.
    const rnd = testRandom(3);
    for (let n = 0; n < 200 && host.state.turn !== guest.sessionId && host.state.phase === "playing"; n++) {
      if (host.state.turn === host.sessionId) {
        const asks = host.state.asks;
        env.clock.advance(PLAYER_THINKS_MS);
        host.send("ask", legalAskFor(host, rnd));
        await waitForState(host, (s) => s.asks > asks || s.phase !== "playing");
      } else await letBotAsk(env.clock, host);
    }
    expect(host.state.turn).toBe(guest.sessionId);
    const gone = guest.sessionId;
    const asks = host.state.asks;
    guest.reconnection.enabled = false;
    guest.connection.close();
    await waitForState(host, (s) => s.players.get(gone)?.connected === false);
    // Far past the 30 s turn timer, but inside the window: the turn waits for the player.
    env.clock.advance(WINDOW_MS - 1);
    host.send("start", {});
    expect(await nextMessage(host, "rejected")).toMatchObject({ code: "ALREADY_STARTED" });
    expect(atServer(host)).toMatchObject({ asks, turn: gone });
    expect(atServer(host).isBot(gone)).toBe(false);
    // When the window closes the seat's bot takes over and plays.
    env.clock.advance(1);
    await waitForState(host, (s) => s.players.get(gone)?.isBot === true, 5_000);
    await letBotAsk(env.clock, host);
    await waitForState(host, (s) => s.asks > asks, 5_000, "the bot's ask for the seat");
    await host.leave();
  });

  it("lets the seat's bot ask when the turn timer runs out", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4, bots: 2, turnSeconds: 30 });
    const [host] = rooms as [QRoom, QRoom];
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    await untilHumanTurn(host);
    const idle = host.state.turn;
    // The timer started when the turn came to the seat: at most the bot's thinking time ago.
    const left = host.state.turnDeadline - env.clock.now();
    expect(left).toBeLessThanOrEqual(30_000);
    expect(left).toBeGreaterThan(30_000 - 1_600);
    const asked = new Promise<{ from: string }>((resolve) => {
      host.onMessage("asked", (m: { from: string }) => {
        if (m.from === idle) resolve(m);
      });
    });
    // Nobody moves: until the last millisecond the seat is left alone, then its bot asks for it.
    const asks = host.state.asks;
    env.clock.advance(left - 1);
    expect(atServer(host)).toMatchObject({ asks, turn: idle });
    env.clock.advance(1);
    expect((await asked).from).toBe(idle);
    expect(host.state.players.get(idle)?.isBot).toBe(false);
    await Promise.all(rooms.map((r) => r.leave()));
  });
});
