import { captureBytes } from "../harness.js";
import { describe, expect, it } from "vitest";
import { CARD_IDS } from "@iot/shared/quartet/cardIds";
import {
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

function ownHand(room: QRoom): string[] {
  return [...(room.state.players.get(room.sessionId)?.hand ?? [])];
}

/** Card ids that appear as bytes in the frames. */
function idsInBytes(frames: Buffer[]): Set<string> {
  const all = Buffer.concat(frames).toString("latin1");
  return new Set(CARD_IDS.filter((id) => all.includes(id)));
}

/** Other players' hands as this client decoded them (must be absent or empty). */
function foreignHandCards(s: ClientState, me: string): string[] {
  const seen: string[] = [];
  s.players.forEach((p, id) => {
    if (id !== me) seen.push(...(p.hand ?? []));
  });
  return seen;
}

describe("quartet room: secret hands on the wire", () => {
  it("sends each client its own hand and no card of anyone else's, right after the deal and throughout", async () => {
    const rooms = await openTable(env.client, 4, { seats: 4 });
    const frames = rooms.map(captureBytes);
    const leaks: string[] = [];
    for (const r of rooms) {
      r.onStateChange((s: ClientState) => {
        const foreign = foreignHandCards(s, r.sessionId);
        if (foreign.length > 0) leaks.push(`${r.sessionId} decoded ${foreign.join(",")}`);
      });
    }
    rooms[0]?.send("start", {});
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing" && ownHand(r).length > 0)));
    for (const [i, r] of rooms.entries()) {
      const hand = new Set(ownHand(r));
      const seen = idsInBytes(frames[i] as Buffer[]);
      // The own hand did arrive ...
      for (const c of hand) expect(seen.has(c), `${c} missing from its owner's bytes`).toBe(true);
      // ... and nothing else did.
      expect([...seen].filter((c) => !hand.has(c))).toEqual([]);
      expect(ownHand(r).length).toBe(r.state.players.get(r.sessionId)?.handCount);
    }
    // Play on: decoded states never hold another player's hand.
    const rnd = testRandom(3);
    for (let n = 0; n < 40 && rooms[0]?.state.phase === "playing"; n++) {
      const room = rooms.find((r) => r.sessionId === rooms[0]?.state.turn) as QRoom;
      const before = rooms[0]?.state.asks ?? 0;
      env.clock.advance(PLAYER_THINKS_MS);
      room.send("ask", legalAskFor(room, rnd));
      await Promise.all(rooms.map((r) => waitForState(r, (s) => s.asks > before)));
    }
    expect(leaks).toEqual([]);
    await Promise.all(rooms.map((r) => r.leave()));
  });
});
