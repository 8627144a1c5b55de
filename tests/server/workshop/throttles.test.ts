import { randomBytes, randomInt } from "node:crypto";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGameServer } from "../../../server/src/app.js";
import { DEFAULT_HTTP_CONFIG, DEFAULT_QUARTET_CONFIG } from "../../../server/src/config.js";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { addressKey, hashPassword, JoinThrottle, LoginThrottle } from "../../../server/src/workshop/auth.js";
import { WorkshopService } from "../../../server/src/workshop/service.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { TEST_PORT } from "../harness.js";

const base = `http://127.0.0.1:${TEST_PORT}`;

/** POSTs JSON from the client address `from` (through the trusted proxy's X-Forwarded-For). */
async function post(path: string, body: unknown, from: string, cookie = "") {
  const res = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from, "accept-language": "en", cookie },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    data: (await res.json()) as Record<string, unknown>,
    retryAfter: Number(res.headers.get("retry-after") ?? 0),
    cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
  };
}

const ANN = { email: "ann@example.org", password: "correct-horse-battery" };
const BOB = { email: "bob@example.org", password: "another-long-secret" };

describe("throttles made for a venue (TRUST_PROXY=loopback)", () => {
  let t: TestDb;
  let server: ColyseusTestServer;
  beforeAll(async () => {
    t = await freshDatabase("sqlite");
    const store = new WorkshopStore(t.db);
    await store.addFacilitator(ANN.email, await hashPassword(ANN.password));
    await store.addFacilitator(BOB.email, await hashPassword(BOB.password));
    const serverKey = randomBytes(16).toString("hex");
    server = await boot(
      createGameServer({
        quartet: DEFAULT_QUARTET_CONFIG,
        staticDir: "/nonexistent",
        http: { ...DEFAULT_HTTP_CONFIG, trustProxy: "loopback" },
        workshops: { service: new WorkshopService(store, serverKey, 20_000), serverKey },
      }),
    );
  });
  afterAll(async () => {
    await server?.shutdown();
    await t.cleanup();
  });

  it("lets a room of 40 behind one address join after 20 mistyped codes", async () => {
    const bob = await post("/api/auth/login", BOB, "198.51.100.1");
    expect(bob.status).toBe(200);
    const w = await post("/api/workshops", { title: "Venue", tableSize: 4 }, "198.51.100.1", bob.cookie);
    const code = String(w.data.code);
    const venue = "203.0.113.7";
    const wrong = code === "ZZZZZZ" ? "ZZZZZY" : "ZZZZZZ";
    for (let i = 0; i < 20; i++)
      expect((await post("/api/join", { code: wrong, name: `Typo ${i}` }, venue)).data.code).toBe("UNKNOWN_CODE");
    for (let i = 0; i < 40; i++) {
      const joined = await post("/api/join", { code, name: `Participant ${i}` }, venue);
      expect(joined.status, JSON.stringify(joined.data)).toBe(201);
    }
  });

  it("holds an address back after 100 unknown codes, not the others", async () => {
    const guesser = "192.0.2.66";
    for (let i = 0; i < 100; i++)
      expect((await post("/api/join", { code: "ZZZZZZ", name: "Eve" }, guesser)).status).toBe(404);
    const held = await post("/api/join", { code: "ZZZZZZ", name: "Eve" }, guesser);
    expect(held).toMatchObject({ status: 429, data: { code: "TOO_MANY_ATTEMPTS" } });
    expect(held.retryAfter).toBeGreaterThan(500);
    expect(held.retryAfter).toBeLessThanOrEqual(600);
    expect((await post("/api/join", { code: "ZZZZZZ", name: "Eve" }, "192.0.2.67")).status).toBe(404);
  });

  it("never locks a facilitator out: 5 wrong passwords from A hold back A only, with growing delays", async () => {
    const [a, b] = ["198.51.100.10", "198.51.100.20"];
    for (let i = 0; i < 5; i++)
      expect((await post("/api/auth/login", { ...ANN, password: `guess-${i}` }, a)).data.code).toBe("BAD_LOGIN");
    // The right password from A must wait now (2^0 s after the 5th failure) ...
    const held = await post("/api/auth/login", ANN, a);
    expect(held).toMatchObject({ status: 429, data: { code: "TOO_MANY_ATTEMPTS", message: expect.any(String) } });
    expect(held.retryAfter).toBe(1);
    // ... while ann signs in from B at once, and bob from A too.
    expect((await post("/api/auth/login", ANN, b)).status).toBe(200);
    expect((await post("/api/auth/login", BOB, a)).status).toBe(200);
    // After the wait A may try again; its next failure earns 2 s.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await post("/api/auth/login", { ...ANN, password: "guess-5" }, a)).data.code).toBe("BAD_LOGIN");
    const longer = await post("/api/auth/login", ANN, a);
    expect(longer.status).toBe(429);
    expect(longer.retryAfter).toBe(2);
  });
});

describe("throttle keys and the Redis store", () => {
  it("keys IPv4 by address and IPv6 by its /64", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(addressKey("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).toBe("2001:db8:0:1::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });

  it("shares counts between processes through Redis", async () => {
    const one = new Redis("redis://127.0.0.1:6379");
    const two = new Redis("redis://127.0.0.1:6379");
    try {
      const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
      const limits = { perWindow: 3, windowS: 60, perDay: 100 };
      const p1 = new JoinThrottle({ kind: "redis", client: one }, limits);
      const p2 = new JoinThrottle({ kind: "redis", client: two }, limits);
      await p1.fail(ip);
      await p2.fail(ip);
      expect(await p1.wait(ip)).toBe(0);
      await p1.fail(ip);
      expect(await p2.wait(ip)).toBeGreaterThan(55);

      const email = `x${randomInt(1e9)}@example.org`;
      const l1 = new LoginThrottle(
        { kind: "redis", client: one },
        { freePerAccount: 2, freePerAddress: 50, maxDelayS: 60 },
      );
      const l2 = new LoginThrottle(
        { kind: "redis", client: two },
        { freePerAccount: 2, freePerAddress: 50, maxDelayS: 60 },
      );
      await l1.fail(ip, email);
      expect(await l2.wait(ip, email)).toBe(0);
      await l2.fail(ip, email);
      expect(await l1.wait(ip, email)).toBe(1);
      expect(await l1.wait(`${ip.replace(/\.\d+$/, ".1")}`, email)).toBe(0);
      await l1.succeed(ip, email);
      expect(await l2.wait(ip, email)).toBe(0);
      await one.del(`iot-join-window:${ip}`, `iot-join-day:${ip}`, `iot-login-fail:i:${ip}`);
    } finally {
      one.disconnect();
      two.disconnect();
    }
  });
});
