import { spawn, type ChildProcess } from "node:child_process";
import { Client } from "@colyseus/sdk";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/src/db/database.js";
import { WorkshopStore } from "../../server/src/db/store.js";
import { hashPassword } from "../../server/src/workshop/auth.js";
import { TEST_PG_URL } from "./db/databases.js";
import { askOnce, testRandom, waitForState, type ClientState, type QRoom } from "./harness.js";
import { openStream } from "./sse.js";

/** What the tests read of a pushed overview and lobby. */
interface PushedOverview {
  participants: { name: string }[];
  tables: { status: string; roomId: string; live: { game: string; asks?: number } | null }[];
}
interface PushedLobby {
  table: { status: string; roomId: string } | null;
}

/** Redis database for this test (kept apart from anything else on the server). */
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7";
const PORTS = [2611, 2612] as const;
const schema = `scale_${process.pid}`;
const dbUrl = `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

async function startProcess(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--disable-warning=ExperimentalWarning", "--import", "tsx", "server/src/main.ts"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        REDIS_URL,
        DATABASE_URL: dbUrl,
        PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        QUARTET_BOT_DELAY_MS: "0",
        WORKSHOP_START_AFTER_MS: "30000",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on ${port} did not start`);
}

function api(port: number) {
  let cookie = "";
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}/api${path}`, {
      method,
      headers: { "content-type": "application/json", cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0] ?? "";
    return (await res.json()) as Record<string, unknown>;
  };
}

describe("scale-out: two server processes on Redis and PostgreSQL", () => {
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    await redis.quit();
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: dbUrl });
    await new WorkshopStore(db).addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    await db.destroy();
    for (const port of PORTS) children.push(await startProcess(port));
  });
  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it("runs one workshop whose tables live on both processes, reached from either", async () => {
    const [a, b] = PORTS;
    const fac = api(a);
    await fac("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const w = (await fac("POST", "/workshops", { title: "Twee processen", tableSize: 3, botLevel: "easy" })) as {
      id: string;
      code: string;
    };
    // The facilitator's console follows the workshop through process a.
    const login = await fetch(`http://127.0.0.1:${a}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ann@example.org", password: "correct-horse-battery" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const watch = await openStream(`http://127.0.0.1:${a}/api/workshops/${w.id}/events`, { cookie });
    expect(watch.status).toBe(200);
    // Participants join through the other process; a's stream hears of every join.
    const tokens: string[] = [];
    for (const name of ["Anna", "Bram", "Chris", "Dewi"]) {
      const j = await api(b)("POST", "/join", { code: w.code, name });
      tokens.push(String(j.token));
    }
    await watch.waitFor<PushedOverview>("overview", (o) => o.participants.length === 4, 10_000, "joins via b on a");
    // Anna's lobby follows through process b; the tables start through process a.
    const ticket = (await fetch(`http://127.0.0.1:${b}/api/lobby/ticket`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens[0]}` },
    }).then((r) => r.json())) as { ticket: string };
    const lobbyStream = await openStream(
      `http://127.0.0.1:${b}/api/lobby/events?ticket=${encodeURIComponent(ticket.ticket)}`,
    );
    expect(lobbyStream.status).toBe(200);
    await fac("POST", `/workshops/${w.id}/tables/form`);
    const overview = (await fac("POST", `/workshops/${w.id}/start`)) as {
      tables: { roomId: string; status: string }[];
    };
    expect(overview.tables.map((t) => t.status)).toEqual(["playing", "playing"]);
    await lobbyStream.waitFor<PushedLobby>("lobby", (l) => l.table?.status === "playing", 10_000, "start via a on b");
    lobbyStream.close();

    // One table on each process.
    const local = await Promise.all(PORTS.map((p) => fetch(`http://127.0.0.1:${p}/health`).then((r) => r.json())));
    expect(local.map((h: { localRooms: number }) => h.localRooms)).toEqual([1, 1]);
    expect(new Set(local.map((h: { processId: string }) => h.processId)).size).toBe(2);

    // Tables are dealt round (Anna, Chris | Bram, Dewi); each table gets one player through each process,
    // so at every table somebody reaches a room that lives on the other process.
    const rooms: QRoom[] = [];
    for (const [i, token] of tokens.entries()) {
      const port = PORTS[Math.floor(i / 2) % 2] as number;
      const lobby = await fetch(`http://127.0.0.1:${port}/api/lobby`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json() as Promise<{ table: { roomId: string } }>);
      rooms.push(await new Client(`ws://127.0.0.1:${port}`).joinById<ClientState>(lobby.table.roomId, { token }));
    }
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing", 15_000)));
    const rnd = testRandom(4);
    // One ask at each table first, and a's stream shows it (the table on process b's too).
    const roomIds = [...new Set(rooms.map((r) => r.roomId))];
    expect(roomIds).toHaveLength(2);
    for (const [table, roomId] of roomIds.entries()) {
      const seated = rooms.filter((r) => r.roomId === roomId);
      // Wait (the bots play in between) until one of the table's humans has the turn by their own state.
      let mine: QRoom | undefined;
      for (const until = Date.now() + 20_000; !mine && Date.now() < until;) {
        mine = seated.find((r) => r.state.phase === "playing" && r.state.turn === r.sessionId);
        if (!mine) await new Promise((r) => setTimeout(r, 5));
      }
      if (!mine) throw new Error(`no human's turn at table ${table + 1}`);
      // A refused ask (the state had moved on before it arrived) is asked again from the state as it is now.
      while ((await askOnce(mine, rnd)) === "rejected") await new Promise((r) => setTimeout(r, 5));
      await watch.waitFor<PushedOverview>(
        "overview",
        (o) => o.tables.some((t) => t.roomId === roomId && (t.live?.asks ?? 0) > 0),
        10_000,
        `table ${table + 1}'s ask pushed to a`,
      );
    }
    const deadline = Date.now() + 60_000;
    while (rooms.some((r) => r.state.phase !== "finished") && Date.now() < deadline) {
      const mine = rooms.find((r) => r.state.phase === "playing" && r.state.turn === r.sessionId);
      // The ask is answered, or the state had moved on before it arrived (then it was refused).
      if (mine) await askOnce(mine, rnd);
      else await new Promise((r) => setTimeout(r, 5));
    }
    expect(rooms.every((r) => r.state.phase === "finished")).toBe(true);
    // Both tables' moves reached a's stream (the table on process b's too), and both tables' end.
    await watch.waitFor<PushedOverview>(
      "overview",
      (o) => o.tables.every((t) => t.status === "finished"),
      10_000,
      "both tables finished, pushed to a",
    );
    const pushed = watch.events.filter((e) => e.event === "overview").map((e) => e.data as PushedOverview);
    for (const [table, roomId] of roomIds.entries()) {
      expect(
        pushed.some((o) => o.tables.some((t) => t.roomId === roomId && (t.live?.asks ?? 0) > 0)),
        `table ${table + 1}'s asks pushed`,
      ).toBe(true);
    }
    watch.close();
    await new Promise((r) => setTimeout(r, 300));
    // The results of both tables are in the shared database, seen from either process.
    const debrief = (await api(b)("GET", `/workshops/${w.id}/debrief`)) as { code?: string };
    expect(debrief.code).toBe("UNAUTHORIZED");
    const fromA = (await fac("GET", `/workshops/${w.id}/debrief`)) as { tables: { ranking: unknown[] }[] };
    expect(fromA.tables.map((t) => t.ranking.length)).toEqual([3, 3]);
    await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
  });
});
