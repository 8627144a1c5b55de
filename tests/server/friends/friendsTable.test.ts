import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET } from "@iot/shared/workshop/constants";
import { AGAIN_MESSAGE, FRIENDS_ROOM } from "@iot/shared/quartet/friends";
import {
  BOT_THINKS_MS,
  legalAskFor,
  nextMessage,
  PLAYER_THINKS_MS,
  useTestServer,
  TEST_PORT,
  testRandom,
  waitForState,
  type QRoom,
} from "../harness.js";

const env = useTestServer();

const CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`);

/** What the server says about join code `code` (`GET /api/tables/:code`). */
async function lookUp(code: string): Promise<{ status: number; body: { code: string; status?: string } }> {
  const res = await fetch(`http://127.0.0.1:${TEST_PORT}/api/tables/${encodeURIComponent(code)}`);
  return { status: res.status, body: (await res.json()) as { code: string; status?: string } };
}

const names = (room: QRoom) => {
  const all: { name: string; isBot: boolean }[] = [];
  room.state.players.forEach((p) => all.push({ name: p.name, isBot: p.isBot }));
  return all.sort((x, y) => x.name.localeCompare(y.name));
};

/** Plays the table to its end: the humans ask legal questions, the bots get their thinking time on the fake clock. */
async function playToEnd(rooms: QRoom[]): Promise<number> {
  const first = rooms[0] as QRoom;
  const rnd = testRandom(11);
  let moves = 0;
  while (first.state.phase === "playing" && moves < 2_000) {
    const before = first.state.asks;
    const human = rooms.find((r) => r.sessionId === first.state.turn);
    if (human) {
      env.clock.advance(PLAYER_THINKS_MS);
      human.send("ask", legalAskFor(human, rnd));
    } else env.clock.advance(BOT_THINKS_MS);
    moves++;
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.asks > before || s.phase === "finished")));
  }
  return moves;
}

describe("friends' table", () => {
  it("two humans join by the 6-character code, the host starts, bots fill the empty seats, and both play again at a new table", async () => {
    const host = (await env.client.create(FRIENDS_ROOM, {
      name: "Anna",
      seats: 4,
      bots: 3,
      botLevel: "easy",
    })) as QRoom;
    const code = host.roomId;
    expect(code).toMatch(CODE);
    expect(await lookUp(code.toLowerCase())).toEqual({ status: 200, body: { code, status: "open" } });
    // A well-formed code without a table (a workshop's, say) is an answer; a malformed one is not found.
    expect(await lookUp("ZZZZZZ")).toEqual({ status: 200, body: { code: "ZZZZZZ", status: "none" } });
    expect((await lookUp("ZZ")).status).toBe(404);

    const friend = (await env.client.joinById(code, { name: "Bram" })) as QRoom;
    await waitForState(host, (s) => s.players.size === 2);
    expect(host.state.host).toBe(host.sessionId);
    // Only the host starts.
    friend.send("start", {});
    expect((await nextMessage<{ code: string }>(friend, "rejected")).code).toBe("NOT_HOST");
    // Before the end nobody can ask to play again.
    host.send(AGAIN_MESSAGE, {});
    expect((await nextMessage<{ code: string }>(host, "rejected")).code).toBe("BAD_MESSAGE");

    host.send("start", {});
    await Promise.all([host, friend].map((r) => waitForState(r, (s) => s.phase === "playing")));
    const seated = names(host);
    expect(seated).toHaveLength(4);
    expect(seated.filter((p) => !p.isBot).map((p) => p.name)).toEqual(["Anna", "Bram"]);
    expect(seated.filter((p) => p.isBot)).toHaveLength(2);
    expect((await lookUp(code)).body.status).toBe("started");
    await expect(env.client.joinById(code, { name: "Chris" })).rejects.toThrow();

    const moves = await playToEnd([host, friend]);
    expect(moves).toBeGreaterThan(10);
    await Promise.all([host, friend].map((r) => waitForState(r, (s) => s.phase === "finished")));

    const heard: Record<string, string[]> = { host: [], friend: [] };
    host.onMessage(AGAIN_MESSAGE, (m: { code: string }) => heard.host?.push(m.code));
    friend.onMessage(AGAIN_MESSAGE, (m: { code: string }) => heard.friend?.push(m.code));
    friend.send(AGAIN_MESSAGE, {});
    host.send(AGAIN_MESSAGE, {});
    // Both asked: each client hears the code twice, and it is one new table's.
    await expect.poll(() => [heard.host?.length, heard.friend?.length]).toEqual([2, 2]);
    const a = { code: heard.host?.[0] ?? "" };
    expect(a.code).toMatch(CODE);
    expect(a.code).not.toBe(code);
    expect(new Set([...(heard.host ?? []), ...(heard.friend ?? [])])).toEqual(new Set([a.code]));
    expect((await lookUp(a.code)).body.status).toBe("open");

    const again = (await env.client.joinById(a.code, { name: "Bram" })) as QRoom;
    const againHost = (await env.client.joinById(a.code, { name: "Anna" })) as QRoom;
    await waitForState(again, (s) => s.players.size === 2);
    expect(again.state.host).toBe(again.sessionId);
    expect(again.state.phase).toBe("waiting");
    again.send("start", {});
    await Promise.all([again, againHost].map((r) => waitForState(r, (s) => s.phase === "playing")));
    expect(
      names(again)
        .filter((p) => !p.isBot)
        .map((p) => p.name),
    ).toEqual(["Anna", "Bram"]);
    expect(names(again).filter((p) => p.isBot)).toHaveLength(2);
    for (const r of [host, friend, again, againHost]) await r.leave();
  });

  it("a table opened to play again closes when nobody comes", async () => {
    const room = (await env.client.create(FRIENDS_ROOM, { name: "Anna", seats: 2, bots: 1 })) as QRoom;
    room.send("start", {});
    await waitForState(room, (s) => s.phase === "playing");
    await playToEnd([room]);
    await waitForState(room, (s) => s.phase === "finished");
    const heard = nextMessage<{ code: string }>(room, AGAIN_MESSAGE);
    room.send(AGAIN_MESSAGE, {});
    const { code } = await heard;
    await room.leave();
    expect((await lookUp(code)).body.status).toBe("open");
    env.clock.advance(10 * 60 * 1000);
    await expect.poll(async () => (await lookUp(code)).body.status).toBe("none");
  });
});
