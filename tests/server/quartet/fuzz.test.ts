import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_IDS } from "@iot/shared/quartet/cardIds";
import {
  invariantTotal,
  legalAskFor,
  openTable,
  startTestServer,
  testRandom,
  waitForState,
  type ClientState,
  type QRoom,
} from "../harness.js";

let env: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  env = await startTestServer({ rateBurst: 1_000_000, ratePerSecond: 1_000_000 });
});
afterAll(async () => {
  await env.server.shutdown();
});

/** A message that the room must reject, chosen at random from many kinds of bad input. */
function badMessage(rnd: () => number, sender: QRoom, rooms: QRoom[]): [string, unknown] {
  const s = sender.state;
  const me = sender.sessionId;
  const isTurn = s.turn === me;
  const other = rooms.find((r) => r.sessionId !== me)?.sessionId ?? "x";
  const card = CARD_IDS[Math.floor(rnd() * 20)] as string;
  const own = [...(s.players.get(me)?.hand ?? [])];
  const junk = [null, 0, -1, 1e308, "", "x".repeat(20_000), [], [1, 2], { a: 1 }, true, "geld-1"];
  const j = () => junk[Math.floor(rnd() * junk.length)];
  const kinds: (() => [string, unknown])[] = [
    () => [`nonsense-${Math.floor(rnd() * 1e6)}`, j()],
    () => ["ask", j()],
    () => ["ask", { to: j(), card: j() }],
    () => ["ask", { to: other, card, extra: 1 }],
    () => ["start", j() ?? { go: 1 }],
    () => ["start", {}],
    () => ["pick", j()],
    () => ["pick", { card: "beleid-9" }],
    () => ["ask", { to: me, card }],
    () => ["ask", { to: "nobody", card }],
    () => ["ask", { to: other, card: "geld-9" }],
  ];
  if (!isTurn) kinds.push(() => ["ask", { to: other, card }]);
  if (isTurn && own.length > 0) kinds.push(() => ["ask", { to: other, card: own[Math.floor(rnd() * own.length)] }]);
  // A start while playing is ALREADY_STARTED from the host and NOT_HOST from others: rejected either way.
  return (kinds[Math.floor(rnd() * kinds.length)] as () => [string, unknown])();
}

function snapshot(s: ClientState): string {
  return JSON.stringify((s as unknown as { toJSON(): unknown }).toJSON());
}

describe("quartet room: seeded fuzz of bad messages during play", () => {
  it("answers each of 2,000+ bad messages with one rejection, changes nothing and keeps every seat", async () => {
    const rooms = await openTable(env.client, 4, { seats: 4 });
    const rejected = new Map<string, number>(rooms.map((r) => [r.sessionId, 0]));
    const codes = new Map<string, number>();
    // Who waits for the rejections to add up (checked with every rejection that arrives).
    const waiting = new Set<() => void>();
    const count = (id: string) => {
      rejected.set(id, (rejected.get(id) ?? 0) + 1);
      for (const check of [...waiting]) check();
    };
    let left = 0;
    let closing = false;
    for (const r of rooms) {
      r.onMessage("rejected", (m: { code: string; message: string }) => {
        count(r.sessionId);
        codes.set(m.code, (codes.get(m.code) ?? 0) + 1);
        expect(m.message.length).toBeGreaterThan(0);
      });
      r.onLeave(() => {
        if (!closing) left++;
      });
    }
    rooms[0]?.send("start", {});
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
    const rnd = testRandom(20261122);
    let sent = 0;
    const expected = new Map<string, number>(rooms.map((r) => [r.sessionId, 0]));
    /** Resolves when every seat has had a rejection for each bad message it sent. */
    const everyRejection = () =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!rooms.every((r) => (rejected.get(r.sessionId) ?? 0) >= (expected.get(r.sessionId) ?? 0))) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error("rejections missing"));
        }, 5_000);
        waiting.add(check);
        check();
      });
    while (sent < 2_100) {
      if (rooms[0]?.state.phase !== "playing") break;
      const before = snapshot(rooms[0].state);
      for (let i = 0; i < 30; i++) {
        const sender = rooms[Math.floor(rnd() * rooms.length)] as QRoom;
        const [type, payload] = badMessage(rnd, sender, rooms);
        sender.send(type, payload);
        expected.set(sender.sessionId, (expected.get(sender.sessionId) ?? 0) + 1);
        sent++;
      }
      await everyRejection();
      expect(snapshot(rooms[0].state)).toBe(before);
      expect(invariantTotal(rooms[0].state)).toBe(20);
      // One legal move keeps the game going.
      const turnRoom = rooms.find((r) => r.sessionId === rooms[0]?.state.turn) as QRoom;
      const asks = rooms[0].state.asks;
      turnRoom.send("ask", legalAskFor(turnRoom, rnd));
      await Promise.all(rooms.map((r) => waitForState(r, (s) => s.asks > asks || s.phase === "finished")));
      if ((rooms[0].state.phase as string) === "finished") {
        // Start a new table so the flood continues during play.
        closing = true;
        await Promise.all(rooms.map((r) => r.leave()));
        closing = false;
        const next = await openTable(env.client, 4, { seats: 4 });
        rooms.splice(0, 4, ...next);
        for (const r of rooms) {
          rejected.set(r.sessionId, 0);
          expected.set(r.sessionId, 0);
          r.onMessage("rejected", (m: { code: string }) => {
            count(r.sessionId);
            codes.set(m.code, (codes.get(m.code) ?? 0) + 1);
          });
          r.onLeave(() => {
            if (!closing) left++;
          });
        }
        rooms[0]?.send("start", {});
        await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
      }
    }
    expect(sent).toBeGreaterThanOrEqual(2_000);
    for (const r of rooms) expect(rejected.get(r.sessionId)).toBe(expected.get(r.sessionId));
    expect(left).toBe(0);
    for (const code of ["BAD_MESSAGE", "NOT_YOUR_TURN", "UNKNOWN_PLAYER", "ASK_SELF", "UNKNOWN_CARD", "NOT_HOST"]) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
    await Promise.all(rooms.map((r) => r.leave()));
  });
});
