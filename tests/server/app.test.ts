import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGameServer } from "../../server/src/app.js";
import { DEFAULT_QUARTET_CONFIG, quartetConfigFromEnv } from "../../server/src/config.js";
import { TokenBucket } from "../../server/src/table/rateLimit.js";
import { TEST_PORT } from "./harness.js";

const dir = mkdtempSync(path.join(tmpdir(), "iot-client-"));
writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Innovation on Track</title>");
let server: ColyseusTestServer;
beforeAll(async () => {
  server = await boot(createGameServer({ quartet: DEFAULT_QUARTET_CONFIG, staticDir: dir }));
});
afterAll(async () => {
  await server.shutdown();
});

describe("game server over HTTP", () => {
  it("answers GET /health with 200 and JSON", async () => {
    const res = await fetch(`http://127.0.0.1:${TEST_PORT}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rooms: 0 });
  });

  it("serves the built client, with index.html for app paths", async () => {
    for (const p of ["/", "/table/abc"]) {
      const res = await fetch(`http://127.0.0.1:${TEST_PORT}${p}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Innovation on Track");
    }
  });
});

describe("server configuration", () => {
  it("reads the environment and refuses malformed values", () => {
    expect(quartetConfigFromEnv({})).toEqual(DEFAULT_QUARTET_CONFIG);
    expect(
      quartetConfigFromEnv({ QUARTET_BOT_DELAY_MS: "0", QUARTET_RECONNECT_SECONDS: "5", QUARTET_SEED: "3" }),
    ).toMatchObject({
      botDelayMs: [0, 0],
      reconnectSeconds: 5,
      seed: 3,
    });
    expect(quartetConfigFromEnv({ QUARTET_BOT_DELAY_MS: "900,300" }).botDelayMs).toEqual([300, 900]);
    expect(() => quartetConfigFromEnv({ QUARTET_RECONNECT_SECONDS: "soon" })).toThrow(/QUARTET_RECONNECT_SECONDS/);
    expect(() => quartetConfigFromEnv({ QUARTET_BOT_DELAY_MS: "1,2,3" })).toThrow(/QUARTET_BOT_DELAY_MS/);
  });

  it("limits messages with a token bucket", () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(400)).toBe(false);
    expect(bucket.take(500)).toBe(true);
  });
});
