import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  addTally,
  applyPatch,
  cpuSeconds,
  emptyTally,
  framesOf,
  legalAsks,
  moveOrder,
  seeded,
  WsDownstreamCounter,
} from "../../scripts/bench-wire.js";

/** A server frame (unmasked unless a mask is given) with `payload`. */
function frame(opcode: number, payload: Buffer, mask?: number[]): Buffer {
  const n = payload.length;
  const len =
    n < 126
      ? [n]
      : n < 65536
        ? [126, n >> 8, n & 255]
        : [127, 0, 0, 0, 0, n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  const body = mask ? payload.map((b, i) => b ^ (mask[i % 4] as number)) : payload;
  return Buffer.concat([
    Buffer.from([0x80 | opcode, (mask ? 128 : 0) | (len[0] as number), ...len.slice(1), ...(mask ?? [])]),
    body,
  ]);
}

const UPGRADE = Buffer.from("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
const patch = (n: number) => Buffer.concat([Buffer.from([15]), Buffer.alloc(n - 1, 7)]);
const message = (n: number) => Buffer.concat([Buffer.from([13]), Buffer.alloc(n - 1, 7)]);

describe("bench:wire byte counter", () => {
  it("sorts WebSocket frames by Colyseus code, whatever the chunks", () => {
    const stream = Buffer.concat([
      UPGRADE,
      frame(2, patch(10)),
      frame(2, message(300)),
      frame(2, patch(70_000)),
      frame(9, Buffer.alloc(0)),
      frame(2, message(5), [1, 2, 3, 4]),
    ]);
    for (const size of [1, 3, 7, 1000, stream.length]) {
      const c = new WsDownstreamCounter();
      for (let i = 0; i < stream.length; i += size) c.push(stream.subarray(i, i + size));
      expect(c.websocket).toBe(true);
      expect(c.tally.bytes).toBe(stream.length);
      expect(c.tally.patch).toEqual({ frames: 2, bytes: 2 + 10 + 10 + 70_000 });
      expect(c.tally.message).toEqual({ frames: 2, bytes: 4 + 300 + 6 + 5 });
      expect(c.tally.other).toEqual({ frames: 1, bytes: 2 });
      expect(framesOf(c.tally)).toBe(5);
    }
  });

  it("counts a frame only once it is complete, and plain HTTP as bytes only", () => {
    const c = new WsDownstreamCounter();
    c.push(Buffer.concat([UPGRADE, frame(2, patch(50)).subarray(0, 20)]));
    expect(c.tally.patch.frames).toBe(0);
    const http = new WsDownstreamCounter();
    const response = Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    http.push(response);
    expect(http.websocket).toBe(false);
    expect(http.tally.bytes).toBe(response.length);
    expect(framesOf(http.tally)).toBe(0);
  });

  it("adds and subtracts tallies", () => {
    const a = { ...emptyTally(), bytes: 10, patch: { frames: 2, bytes: 8 } };
    const b = addTally(a, a);
    expect(b.bytes).toBe(20);
    expect(addTally(b, a, -1)).toEqual(a);
  });
});

describe("bench:wire helpers", () => {
  it("applies add, replace and remove operations", () => {
    const doc = { game: { carrier: { plan: { routes: [{ vehicle: "v1", orders: ["o1"] }] }, n: 1 } } };
    const out = applyPatch(doc, [
      { op: "add", path: "/game/carrier/plan/routes/0/orders/-", value: "o2" },
      { op: "add", path: "/game/carrier/plan/routes/0/orders/0", value: "o0" },
      { op: "replace", path: "/game/carrier/n", value: 2 },
      { op: "remove", path: "/game/carrier/plan/routes/0/orders/1" },
      { op: "add", path: "/game/a~1b", value: true },
    ]);
    expect(out).toEqual({
      game: { carrier: { plan: { routes: [{ vehicle: "v1", orders: ["o0", "o2"] }] }, n: 2 }, "a/b": true },
    });
    expect(applyPatch(out, [{ op: "replace", path: "", value: 5 }])).toBe(5);
  });

  it("moves an order onto a truck", () => {
    const plan = { routes: [{ vehicle: "v1", orders: ["o1", "o2"] }] };
    expect(moveOrder(plan, "o3", "v1")).toEqual({ routes: [{ vehicle: "v1", orders: ["o1", "o2", "o3"] }] });
    expect(moveOrder(plan, "o1", "v2")).toEqual({
      routes: [
        { vehicle: "v1", orders: ["o2"] },
        { vehicle: "v2", orders: ["o1"] },
      ],
    });
    expect(moveOrder({ routes: [{ vehicle: "v1", orders: ["o1"] }] }, "o1", "v2")).toEqual({
      routes: [{ vehicle: "v2", orders: ["o1"] }],
    });
    expect(plan.routes[0]?.orders).toEqual(["o1", "o2"]);
  });

  it("lists the legal asks of a hand", () => {
    const asks = legalAsks(["geld-1", "geld-3", "beleid-2"], ["b"]);
    expect(asks.map((a) => a.card).sort()).toEqual(["beleid-1", "beleid-3", "beleid-4", "geld-2", "geld-4"]);
    expect(legalAsks(["geld-1"], [])).toEqual([]);
  });

  it("draws the same numbers from the same seed", () => {
    const a = seeded(1);
    const b = seeded(1);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("reads the CPU time of a process from /proc", () => {
    expect(cpuSeconds("1 (a b) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0", 100)).toBe(3);
    expect(cpuSeconds(readFileSync("/proc/self/stat", "utf8"), 100)).toBeGreaterThan(0);
  });
});
