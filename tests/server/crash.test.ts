import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/src/db/database.js";
import { WorkshopStore } from "../../server/src/db/store.js";
import { hashPassword } from "../../server/src/workshop/auth.js";
import { askOnce, testRandom, waitForState, type ClientState, type QRoom } from "./harness.js";
import { apiClient, startServerProcess } from "./serverProcess.js";

const PORT = 2617;
const dataDir = mkdtempSync(path.join(tmpdir(), "iot-crash-"));
let child: ChildProcess | null = null;

const start = (): Promise<ChildProcess> =>
  startServerProcess(PORT, {
    DATA_DIR: dataDir,
    QUARTET_BOT_DELAY_MS: "0",
    QUARTET_RECONNECT_SECONDS: "60",
    // A fixed deal, so the game is still under way when the server is killed.
    QUARTET_SEED: "5",
  });

const api = () => apiClient(PORT);

const hand = (r: QRoom) => [...(r.state.players.get(r.sessionId)?.hand ?? [])].sort();

afterAll(() => {
  child?.kill("SIGKILL");
});
// A failed or cut-short run must not leave a server behind on the test port.
process.once("exit", () => child?.kill("SIGKILL"));

describe("a server restart in the middle of a workshop game", () => {
  beforeAll(async () => {
    const db = await openDatabase({ dataDir });
    await new WorkshopStore(db).addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    await db.destroy();
  });

  // SIGKILL: a crash, the table comes back from its last snapshot. SIGTERM: a clean stop, in which the server
  // closes every connection itself; that is no participant leaving, so no bot may take a seat or move meanwhile.
  it.each(["SIGKILL", "SIGTERM"] as const)(
    "brings the table back after %s: same seats, hands and history; the game finishes",
    async (signal) => {
      child = await start();
      const fac = api();
      await fac("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
      const w = (await fac("POST", "/workshops", { title: "Crash", tableSize: 3, botLevel: "easy" })) as {
        id: string;
        code: string;
      };
      const guest = api();
      const tokens: string[] = [];
      for (const name of ["Anna", "Bram"])
        tokens.push(String((await guest("POST", "/join", { code: w.code, name })).token));
      await fac("POST", `/workshops/${w.id}/tables/form`);
      await fac("POST", `/workshops/${w.id}/start`);
      const join = async (): Promise<QRoom[]> => {
        const rooms: QRoom[] = [];
        for (const token of tokens) {
          const lobby = (await guest("GET", "/lobby", undefined, token)) as { table: { roomId: string } };
          const room = await new Client(`ws://127.0.0.1:${PORT}`).joinById<ClientState>(lobby.table.roomId, { token });
          room.reconnection.enabled = false;
          rooms.push(room);
        }
        const everyone = (s: ClientState) =>
          s.phase === "playing" && rooms.every((o) => s.players.get(o.sessionId) !== undefined);
        await Promise.all(rooms.map((r) => waitForState(r, everyone, 10_000, "everyone seated and playing")));
        return rooms;
      };
      let rooms = await join();
      const rnd = testRandom(21);
      const play = async (asks: number) => {
        for (let n = 0; n < asks;) {
          const first = rooms[0] as QRoom;
          if (first.state.phase !== "playing") return;
          const mine = rooms.find((r) => r.state.turn === r.sessionId);
          if (!mine) {
            await new Promise((r) => setTimeout(r, 5));
            continue;
          }
          if ((await askOnce(mine, rnd)) === "rejected") continue;
          n++;
        }
      };
      await play(4);
      expect(rooms[0]?.state.phase).toBe("playing");
      await new Promise((r) => setTimeout(r, 300));
      const before = {
        hands: rooms.map(hand),
        asks: rooms[0]?.state.asks,
        names: rooms.map((r) => r.state.players.get(r.sessionId)?.name),
      };
      const oldRoom = rooms[0]?.roomId;

      child.kill(signal);
      await new Promise((r) => child?.once("exit", r));
      child = await start();

      // Each participant finds the table again from the lobby and takes back the same seat and hand.
      const lobby = (await guest("GET", "/lobby", undefined, tokens[0])) as {
        table: { roomId: string; status: string };
      };
      expect(lobby.table.status).toBe("playing");
      expect(lobby.table.roomId).not.toBe(oldRoom);
      rooms = await join();
      await Promise.all(
        rooms.map((r) =>
          waitForState(
            r,
            (s) => {
              const me = s.players.get(r.sessionId);
              return me !== undefined && me.hand !== undefined && me.hand.length === me.handCount;
            },
            10_000,
            `hand back (before: ${JSON.stringify(before.hands)})`,
          ),
        ),
      );
      expect(rooms.map(hand)).toEqual(before.hands);
      expect(rooms[0]?.state.asks).toBe(before.asks);
      expect(rooms.map((r) => r.state.players.get(r.sessionId)?.name)).toEqual(before.names);
      expect(rooms[0]?.state.players.size).toBe(3);
      // The humans' seats are theirs, not a bot's, and the table's own bot is the only bot.
      const bots: string[] = [];
      rooms[0]?.state.players.forEach((p) => p.isBot && bots.push(p.name));
      expect(bots).toHaveLength(1);

      await play(5_000);
      await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "finished", 30_000)));
      await new Promise((r) => setTimeout(r, 300));
      const debrief = (await fac("GET", `/workshops/${w.id}/debrief`)) as { tables: { ranking: unknown[] }[] };
      expect(debrief.tables[0]?.ranking).toHaveLength(3);
      await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
      child.kill("SIGKILL");
      await new Promise((r) => child?.once("exit", r));
      child = null;
    },
  );
});
