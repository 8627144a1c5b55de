import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGameServer } from "../../../server/src/app.js";
import { DEFAULT_QUARTET_CONFIG } from "../../../server/src/config.js";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { ApiError, apiErrorHandler } from "../../../server/src/workshop/errors.js";
import { WorkshopService } from "../../../server/src/workshop/service.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { TEST_PORT } from "../harness.js";

const base = `http://127.0.0.1:${TEST_PORT}`;

/** Asserts an error answer: its status, JSON, `{ code, message }`, no stack line, no server path. */
async function expectError(res: Response, status: number, code: string): Promise<string> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["code", "message"]);
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe("string");
  expect(text).not.toMatch(/\bat /);
  expect(text).not.toContain("/work/");
  expect(text).not.toContain("node_modules");
  return body.message as string;
}

describe("API errors", () => {
  let t: TestDb;
  let server: ColyseusTestServer;
  beforeAll(async () => {
    t = await freshDatabase("sqlite");
    const serverKey = randomBytes(16).toString("hex");
    server = await boot(
      createGameServer({
        quartet: DEFAULT_QUARTET_CONFIG,
        staticDir: "/nonexistent",
        workshops: { service: new WorkshopService(new WorkshopStore(t.db), serverKey, 20_000), serverKey },
      }),
    );
  });
  afterAll(async () => {
    await server?.shutdown();
    await t.cleanup();
  });

  const post = (path: string, body: string, lang = "nl") =>
    fetch(base + path, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": lang },
      body,
    });

  it("answers malformed JSON with 400 { code, message } in the caller's language", async () => {
    const nl = await expectError(await post("/api/join", '{"code": "ABC', "nl"), 400, "BAD_REQUEST");
    const en = await expectError(await post("/api/auth/login", "{nope", "en"), 400, "BAD_REQUEST");
    expect(nl).toContain("verzoek");
    expect(en).toContain("request");
  });

  it("answers a body over the limit with 413", async () => {
    const big = JSON.stringify({ code: "ABCDEF", name: "x".repeat(20 * 1024) });
    expect(await expectError(await post("/api/join", big, "en"), 413, "PAYLOAD_TOO_LARGE")).toContain("too large");
    await expectError(await post("/api/planner/report.pdf", "{oops"), 400, "BAD_REQUEST");
  });

  it("answers an unknown /api route with 404 on any method", async () => {
    await expectError(await fetch(`${base}/api/nope`), 404, "NOT_FOUND");
    expect(
      await expectError(
        await fetch(`${base}/api/nope/deeper`, { headers: { "accept-language": "en" } }),
        404,
        "NOT_FOUND",
      ),
    ).toBe("Not found.");
    await expectError(await fetch(`${base}/api/nope`, { method: "DELETE" }), 404, "NOT_FOUND");
  });
});

describe("the last error handler", () => {
  it("answers a thrown error with 500 SERVER_ERROR and no details, an ApiError with its code", async () => {
    const app = express();
    app.get("/boom", () => {
      throw new Error(`secret at ${import.meta.filename}`);
    });
    app.get("/busy", () => {
      throw new ApiError("TOO_MANY_ATTEMPTS", 7);
    });
    app.use(apiErrorHandler);
    const listener = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
      const message = await expectError(
        await fetch(`${url}/boom`, { headers: { "accept-language": "en" } }),
        500,
        "SERVER_ERROR",
      );
      expect(message).not.toContain("secret");
      const busy = await fetch(`${url}/busy`);
      expect(busy.headers.get("retry-after")).toBe("7");
      await expectError(busy, 429, "TOO_MANY_ATTEMPTS");
    } finally {
      console.error = quiet;
      listener.close();
    }
  });
});
