import { randomBytes } from "node:crypto";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGameServer } from "../../../server/src/app.js";
import {
  DEFAULT_HTTP_CONFIG,
  DEFAULT_QUARTET_CONFIG,
  httpConfigFromEnv,
  parseTrustProxy,
  type HttpConfig,
} from "../../../server/src/config.js";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { WorkshopService } from "../../../server/src/workshop/service.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { TEST_PORT } from "../harness.js";

const base = `http://127.0.0.1:${TEST_PORT}`;
const own = `http://127.0.0.1:${TEST_PORT}`;
const login = JSON.stringify({ email: "ann@example.org", password: "correct-horse-battery" });

/** Boots a workshop server with `http` settings and one facilitator, ann. */
function serverWith(http: HttpConfig) {
  const ctx: { t?: TestDb; server?: ColyseusTestServer } = {};
  beforeAll(async () => {
    ctx.t = await freshDatabase("sqlite");
    const store = new WorkshopStore(ctx.t.db);
    await store.addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    const serverKey = randomBytes(16).toString("hex");
    ctx.server = await boot(
      createGameServer({
        quartet: DEFAULT_QUARTET_CONFIG,
        staticDir: "/nonexistent",
        http,
        workshops: { service: new WorkshopService(store, serverKey, 20_000), serverKey },
      }),
    );
  });
  afterAll(async () => {
    await ctx.server?.shutdown();
    await ctx.t?.cleanup();
  });
}

async function signIn(headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: login,
  });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie") ?? "";
}

describe("cross-site requests", () => {
  serverWith({ ...DEFAULT_HTTP_CONFIG, allowedOrigins: ["http://localhost:5173"] });

  it("refuses a cross-site text/plain POST and changes nothing; same-origin and header-less requests work", async () => {
    const cookie = (await signIn()).split(";")[0] ?? "";
    const list = async () =>
      (await (
        await fetch(`${base}/api/workshops`, { headers: { cookie, origin: "https://evil.example" } })
      ).json()) as unknown[];
    expect(await list()).toEqual([]);

    const evil = await fetch(`${base}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie, origin: "https://evil.example", "accept-language": "en" },
      body: JSON.stringify({ title: "Planted" }),
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await evil.json()).toEqual({ code: "CROSS_SITE", message: expect.stringContaining("another website") });

    const fetchSite = await fetch(`${base}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ title: "Planted" }),
    });
    expect(fetchSite.status).toBe(403);
    const nullOrigin = await fetch(`${base}/api/auth/logout`, { method: "POST", headers: { cookie, origin: "null" } });
    expect(nullOrigin.status).toBe(403);
    expect(await list()).toEqual([]);

    for (const headers of [
      { origin: own },
      { origin: "http://localhost:5173" },
      { "sec-fetch-site": "same-origin" },
      {} as Record<string, string>,
    ]) {
      const ok = await fetch(`${base}/api/workshops`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, ...headers },
        body: JSON.stringify({ title: "Regio Noord" }),
      });
      expect(ok.status, JSON.stringify(headers)).toBe(201);
    }
    expect(await list()).toHaveLength(4);

    // Another origin may not read the API's answers (no CORS headers); the own and allowed ones may.
    const read = async (origin: string) =>
      (await fetch(`${base}/api/auth/me`, { headers: { cookie, origin } })).headers.get("access-control-allow-origin");
    expect(await read("https://evil.example")).toBeNull();
    expect(await read("http://localhost:5173")).toBe("http://localhost:5173");
  });

  it("keeps the cookie not Secure over plain HTTP and ignores X-Forwarded-Proto from an untrusted peer", async () => {
    expect(await signIn()).not.toMatch(/;\s*Secure/i);
    expect(await signIn({ "x-forwarded-proto": "https" })).not.toMatch(/;\s*Secure/i);
    // Not trusted: the forwarded scheme does not make https://127.0.0.1 the app's own origin.
    const res = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: `https://127.0.0.1:${TEST_PORT}`,
        "x-forwarded-proto": "https",
      },
      body: login,
    });
    expect(res.status).toBe(403);
  });
});

describe("behind a trusted proxy (TRUST_PROXY=loopback)", () => {
  serverWith({ ...DEFAULT_HTTP_CONFIG, trustProxy: "loopback" });

  it("makes the session cookie Secure when the proxy forwarded HTTPS, and not otherwise", async () => {
    const https = await signIn({ "x-forwarded-proto": "https", origin: `https://127.0.0.1:${TEST_PORT}` });
    expect(https).toMatch(/;\s*Secure/i);
    expect(https).toMatch(/HttpOnly/i);
    expect(await signIn({ origin: own })).not.toMatch(/;\s*Secure/i);
    // The forwarded host is the app's own origin too.
    expect(
      (
        await signIn({
          "x-forwarded-proto": "https",
          "x-forwarded-host": "play.example.org",
          origin: "https://play.example.org",
        })
      ).length,
    ).toBeGreaterThan(0);
  });
});

describe("COOKIE_SECURE", () => {
  serverWith({ ...DEFAULT_HTTP_CONFIG, cookieSecure: true });

  it("makes the cookie Secure on every request", async () => {
    expect(await signIn()).toMatch(/;\s*Secure/i);
  });
});

describe("HTTP settings from the environment", () => {
  it("reads TRUST_PROXY as Express does, COOKIE_SECURE and ALLOWED_ORIGINS", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("false")).toBe(false);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("loopback")).toBe("loopback");
    expect(parseTrustProxy("10.0.0.0/8, 192.168.0.1")).toBe("10.0.0.0/8, 192.168.0.1");
    expect(httpConfigFromEnv({})).toEqual(DEFAULT_HTTP_CONFIG);
    expect(
      httpConfigFromEnv({
        TRUST_PROXY: "2",
        COOKIE_SECURE: "1",
        ALLOWED_ORIGINS: "http://localhost:5173, https://a.example/",
      }),
    ).toEqual({ trustProxy: 2, cookieSecure: true, allowedOrigins: ["http://localhost:5173", "https://a.example"] });
    expect(() => httpConfigFromEnv({ ALLOWED_ORIGINS: "localhost:5173/x" })).toThrow(/ALLOWED_ORIGINS/);
  });
});
