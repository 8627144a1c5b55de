import { randomBytes } from "node:crypto";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGameServer } from "../../../server/src/app.js";
import { DEFAULT_QUARTET_CONFIG } from "../../../server/src/config.js";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { WORKSHOP_ROOM, WorkshopService } from "../../../server/src/workshop/service.js";
import { ManualScheduler } from "../../../server/src/table/scheduler.js";
import { JOIN_CODE_ALPHABET } from "@iot/shared/workshop/api";
import { freshDatabase, type TestDb } from "../db/databases.js";
import {
  legalAskFor,
  nextPatch,
  PLAYER_THINKS_MS,
  TEST_PORT,
  testRandom,
  waitForState,
  type ClientState,
  type QRoom,
} from "../harness.js";
import { eventually } from "./plannerHarness.js";

const base = `http://127.0.0.1:${TEST_PORT}`;

/** The tables' time: a ManualScheduler that moves only when the test says so. */
let clock = new ManualScheduler();

async function startServer(db: TestDb["db"]): Promise<ColyseusTestServer> {
  const serverKey = randomBytes(16).toString("hex");
  const service = new WorkshopService(new WorkshopStore(db), serverKey, 20_000);
  clock = new ManualScheduler();
  return boot(
    createGameServer({
      quartet: { ...DEFAULT_QUARTET_CONFIG, botDelayMs: [0, 0], seed: 5 },
      staticDir: "/nonexistent",
      workshops: { service, serverKey },
      scheduler: clock,
    }),
  );
}

/** A tiny HTTP client that keeps the session cookie. */
function http(lang = "nl") {
  let cookie = "";
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init = {
      method,
      headers: { "content-type": "application/json", "accept-language": lang, cookie, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    // A kept-alive socket to a server that was just restarted fails once; a fresh one then works.
    const res = await fetch(base + path, init).catch(() => fetch(base + path, init));
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0] ?? "";
    const type = res.headers.get("content-type") ?? "";
    const data = type.includes("json") ? await res.json() : Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      data: data as Record<string, unknown> & Buffer,
      type,
      disposition: res.headers.get("content-disposition"),
      retryAfter: res.headers.get("retry-after"),
    };
  };
}

describe.each(["sqlite", "postgres"] as const)("workshops on %s", (dialect) => {
  let t: TestDb;
  let server: ColyseusTestServer;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const store = new WorkshopStore(t.db);
    await store.addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    await store.addFacilitator("bob@example.org", await hashPassword("another-long-secret"));
    server = await startServer(t.db);
  });
  afterAll(async () => {
    await server?.shutdown();
    await t.cleanup();
  });

  it("signs facilitators in with a cookie and throttles wrong passwords", async () => {
    const ann = http();
    expect((await ann("GET", "/api/auth/me")).data).toEqual({ email: null });
    expect((await ann("GET", "/api/workshops")).status).toBe(401);
    const wrong = await ann("POST", "/api/auth/login", { email: "ann@example.org", password: "nope" });
    expect(wrong).toMatchObject({ status: 401, data: { code: "BAD_LOGIN" } });
    expect((await ann("POST", "/api/auth/login", { email: "not-an-email", password: "x" })).status).toBe(400);
    const ok = await ann("POST", "/api/auth/login", { email: "ANN@example.org", password: "correct-horse-battery" });
    expect(ok.status).toBe(200);
    expect((await ann("GET", "/api/auth/me")).data).toEqual({ email: "ann@example.org" });
    await ann("POST", "/api/auth/logout");
    expect((await ann("GET", "/api/auth/me")).data).toEqual({ email: null });
    // Five wrong passwords for bob from this address: this address waits before it tries bob again
    // (2^0 s, growing with each failure), but the account is not blocked and ann signs in from here.
    const mallory = http("en");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await mallory("POST", "/api/auth/login", { email: "bob@example.org", password: `guess${i}` })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await mallory("POST", "/api/auth/login", {
      email: "bob@example.org",
      password: "another-long-secret",
    });
    expect(blocked).toMatchObject({ status: 429, retryAfter: "1" });
    expect(blocked.data).toMatchObject({ code: "TOO_MANY_ATTEMPTS", message: expect.stringContaining("Too many") });
    expect(
      (await http()("POST", "/api/auth/login", { email: "ann@example.org", password: "correct-horse-battery" })).status,
    ).toBe(200);
  });

  it("runs a workshop: join by code, tables, live overview, play to the end, debrief, exports, end, restart", async () => {
    const ann = http();
    await ann("POST", "/api/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    expect((await ann("POST", "/api/workshops", { title: "" })).data).toMatchObject({ code: "BAD_REQUEST" });
    const created = await ann("POST", "/api/workshops", { title: "Regio Noord", tableSize: 4, botLevel: "easy" });
    expect(created.status).toBe(201);
    const w = created.data as unknown as { id: string; code: string };
    expect(w.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));

    // Somebody else's workshop is off limits.
    const other = http();
    await other("POST", "/api/auth/login", { email: "bob@example.org", password: "another-long-secret" }).catch(
      () => undefined,
    );
    const foreign = await other("GET", `/api/workshops/${w.id}`);
    expect([401, 403, 429]).toContain(foreign.status);

    const guest = http();
    expect((await guest("POST", "/api/join", { code: "ZZZZZZ", name: "Eve" })).data).toMatchObject({
      code: "UNKNOWN_CODE",
    });
    const names = ["Anna", "<b>Bram</b>", "Chris", "Dewi"];
    const tokens: string[] = [];
    for (const [i, name] of names.entries()) {
      const code = i === 0 ? w.code.toLowerCase().replace(/(...)/, "$1 ") : w.code;
      const j = await guest("POST", "/api/join", { code, name, role: "entrepreneur", phase: "aware" });
      expect(j.status).toBe(201);
      tokens.push(String(j.data.token));
    }
    // Two tables of two humans; bots fill the other seats.
    await ann("POST", `/api/workshops/${w.id}/tables/form`);
    let overview = (await ann("GET", `/api/workshops/${w.id}`)).data as unknown as {
      tables: { id: string; number: number; participants: { name: string }[]; live: unknown; status: string }[];
      participants: { id: string; name: string }[];
    };
    expect(overview.participants.map((p) => p.name)).toEqual(names);
    expect(overview.tables.map((x) => x.participants.length)).toEqual([4]);
    const bram = overview.participants.find((p) => p.name === "<b>Bram</b>");
    const dewi = overview.participants.find((p) => p.name === "Dewi");
    await ann("POST", `/api/workshops/${w.id}/move`, { participantId: bram?.id, tableNumber: 2 });
    overview = (await ann("POST", `/api/workshops/${w.id}/move`, { participantId: dewi?.id, tableNumber: 2 }))
      .data as unknown as typeof overview;
    expect(overview.tables.map((x) => x.participants.length)).toEqual([2, 2]);
    await ann("POST", `/api/workshops/${w.id}/start`);

    // Each participant finds their table in the lobby and joins it with their token.
    const sdk = new Client(`ws://127.0.0.1:${TEST_PORT}`);
    await expect(sdk.create(WORKSHOP_ROOM, { name: "x" })).rejects.toThrow();
    const rooms: QRoom[] = [];
    for (const token of tokens) {
      const lobby = (await guest("GET", "/api/lobby", undefined, { authorization: `Bearer ${token}` }))
        .data as unknown as {
        table: { roomId: string; status: string };
      };
      expect(lobby.table.status).toBe("playing");
      expect((lobby as unknown as { present: string[] }).present).toEqual(names);
      await expect(sdk.joinById(lobby.table.roomId, { token: "forged" })).rejects.toThrow();
      rooms.push(await sdk.joinById<ClientState>(lobby.table.roomId, { token }));
    }
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
    expect(rooms[1]?.state.players.get(rooms[1].sessionId)?.name).toBe("<b>Bram</b>");
    overview = (await ann("GET", `/api/workshops/${w.id}`)).data as unknown as typeof overview;
    expect(overview.tables.every((x) => x.live !== null)).toBe(true);

    // Pause holds the tables; resume lets them play on.
    await ann("POST", `/api/workshops/${w.id}/pause`);
    await waitForState(rooms[0] as QRoom, (s) => (s as unknown as { paused: boolean }).paused);
    await ann("POST", `/api/workshops/${w.id}/message`, { text: "Nog 10 minuten" });
    await waitForState(rooms[0] as QRoom, (s) => (s as unknown as { notice: string }).notice === "Nog 10 minuten");
    await ann("POST", `/api/workshops/${w.id}/resume`);

    // Play both tables to the end; whoever lays a quartet picks an action.
    const rnd = testRandom(11);
    const picked = new Set<string>();
    for (const r of rooms) {
      r.onMessage("event", (e: { type: string; player: string; theme: string }) => {
        if (e.type === "quartet" && e.player === r.sessionId && !picked.has(r.sessionId)) {
          picked.add(r.sessionId);
          r.send("pick", { card: `${e.theme}-1`, note: `Plan van ${r.sessionId.slice(0, 4)}` });
        }
      });
    }
    const deadline = Date.now() + 60_000;
    while (rooms.some((r) => r.state.phase !== "finished") && Date.now() < deadline) {
      const mine = rooms.find((r) => r.state.phase === "playing" && r.state.turn === r.sessionId);
      if (mine) {
        const asks = mine.state.asks;
        clock.advance(PLAYER_THINKS_MS);
        mine.send("ask", legalAskFor(mine, rnd));
        await waitForState(mine, (s) => s.asks > asks || s.phase !== "playing");
      } else {
        // A bot's turn (its ask is due at once: bots think 0 ms here), or a patch still on its way.
        const changed = nextPatch(rooms);
        clock.advance(0);
        await changed;
      }
    }
    expect(rooms.every((r) => r.state.phase === "finished")).toBe(true);

    // What the tables produced lands: both rankings and every pick.
    type Debrief = {
      tables: { status: string; ranking: { name: string }[]; plan: { card: string }[] }[];
      combined: { theme: string }[];
    };
    const debrief = await eventually(
      async () => (await ann("GET", `/api/workshops/${w.id}/debrief`)).data as unknown as Debrief,
      (d) =>
        d.tables.length === 2 &&
        d.tables.every((x) => x.ranking.length === 4 && x.status === "finished") &&
        d.tables.flatMap((x) => x.plan).length === picked.size,
      "the debrief complete",
    );
    expect(debrief.tables).toHaveLength(2);
    for (const table of debrief.tables) expect(table.ranking).toHaveLength(4);
    const picks = debrief.tables.flatMap((x) => x.plan);
    expect(picks.length).toBe(picked.size);
    const csv = await ann("GET", `/api/workshops/${w.id}/export.csv`);
    expect(csv.type).toContain("text/csv");
    expect(csv.disposition).toContain("attachment");
    const csvText = csv.data.toString("utf8");
    expect(csvText.split("\n")[0]).toContain("kind,table,name");
    expect(csvText.match(/^result,/gm)).toHaveLength(8);
    expect(csvText).toContain("<b>Bram</b>");
    const pdf = await ann("GET", `/api/workshops/${w.id}/report.pdf`);
    expect(pdf.data.subarray(0, 5).toString()).toBe("%PDF-");
    const qr = await ann("GET", `/api/workshops/${w.id}/qr.svg`);
    expect(qr.data.toString()).toContain("<svg");

    await ann("POST", `/api/workshops/${w.id}/end`);
    expect((await guest("POST", "/api/join", { code: w.code, name: "Late" })).data).toMatchObject({
      code: "WORKSHOP_ENDED",
    });
    await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));

    // A restart keeps everything the workshop produced.
    await server.shutdown();
    const reopened = await t.reopen();
    server = await startServer(reopened);
    const again = http();
    await again("POST", "/api/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const after = (await again("GET", `/api/workshops/${w.id}/debrief`)).data as unknown as typeof debrief & {
      workshop: { status: string };
    };
    expect(after.workshop.status).toBe("ended");
    expect(after.tables).toEqual(debrief.tables);
    expect(
      ((await again("GET", `/api/workshops/${w.id}`)).data as unknown as typeof overview).participants,
    ).toHaveLength(4);
  });
});
