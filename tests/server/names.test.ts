import { randomBytes } from "node:crypto";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGameServer } from "../../server/src/app.js";
import { DEFAULT_QUARTET_CONFIG } from "../../server/src/config.js";
import { WorkshopStore } from "../../server/src/db/store.js";
import { hashPassword } from "../../server/src/workshop/auth.js";
import { WorkshopService } from "../../server/src/workshop/service.js";
import { freshDatabase, type TestDb } from "./db/databases.js";
import { startTestServer, TEST_PORT, waitForState, type ClientState } from "./harness.js";

describe("names at a quick-play table", () => {
  let env: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    env = await startTestServer();
  });
  afterAll(async () => {
    await env.server.shutdown();
  });

  it("cleans bidi controls and numbers a second Anna", async () => {
    const host = await env.client.create<ClientState>("quartet", { name: "\u202EAnna\u200B", seats: 4, bots: 0 });
    const second = await env.client.joinById<ClientState>(host.roomId, { name: "anna" });
    const third = await env.client.joinById<ClientState>(host.roomId, { name: "Anna\u00A0" });
    await Promise.all([host, second, third].map((r) => waitForState(r, (s) => s.players.size === 3)));
    const names = (room: typeof host) => room.state.players.get(room.sessionId)?.name;
    expect(names(host)).toBe("Anna");
    expect(names(second)).toBe("anna (2)");
    expect(names(third)).toBe("Anna (3)");
    const all: string[] = [];
    host.state.players.forEach((p) => all.push(p.name));
    expect(all.sort()).toEqual(["Anna", "Anna (3)", "anna (2)"]);
    await expect(env.client.joinById(host.roomId, { name: "\u202E\u200D" })).rejects.toThrow(/je naam moet/);
    for (const r of [host, second, third]) await r.leave();
  });
});

describe("names in a workshop", () => {
  let t: TestDb;
  let server: ColyseusTestServer;
  const base = `http://127.0.0.1:${TEST_PORT}`;
  beforeAll(async () => {
    t = await freshDatabase("sqlite");
    const store = new WorkshopStore(t.db);
    await store.addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    const serverKey = randomBytes(16).toString("hex");
    server = await boot(
      createGameServer({
        quartet: DEFAULT_QUARTET_CONFIG,
        staticDir: "/nonexistent",
        workshops: { service: new WorkshopService(store, serverKey, 20_000), serverKey },
      }),
    );
  });
  afterAll(async () => {
    await server?.shutdown();
    await t.cleanup();
  });

  it("cleans names and titles and refuses a second Anna with a free name to take", async () => {
    let cookie = "";
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: { "content-type": "application/json", cookie },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const set = res.headers.get("set-cookie");
      if (set) cookie = set.split(";")[0] ?? "";
      return { status: res.status, data: (await res.json()) as Record<string, unknown> };
    };
    await call("POST", "/api/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const created = await call("POST", "/api/workshops", { title: "\u2067Regio\u00A0 Noord\u2069" });
    expect(created.status).toBe(201);
    const w = created.data as { id: string; code: string; title: string };
    const facilitatorCookie = cookie;
    cookie = "";
    for (const name of ["\u202EAnna", "Łukasz"]) {
      expect((await call("POST", "/api/join", { code: w.code, name })).status).toBe(201);
    }
    // The same name once cleaned, in any case, is taken: refused with a free one to suggest.
    for (const name of ["Anna", "ANNA\u00AD"]) {
      const again = await call("POST", "/api/join", { code: w.code, name });
      expect(again).toMatchObject({ status: 409, data: { code: "NAME_TAKEN", suggestion: `${name.slice(0, 4)} 2` } });
    }
    expect((await call("POST", "/api/join", { code: w.code, name: "\u200B\u202E" })).status).toBe(400);
    cookie = facilitatorCookie;
    const overview = (await call("GET", `/api/workshops/${w.id}`)).data as {
      title?: string;
      workshop?: { title: string };
      participants: { name: string }[];
    };
    expect(overview.participants.map((p) => p.name)).toEqual(["Anna", "Łukasz"]);
    expect(overview.workshop?.title ?? overview.title).toBe("Regio Noord");
  });
});
