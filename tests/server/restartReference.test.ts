import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/src/db/database.js";
import { WorkshopStore } from "../../server/src/db/store.js";
import { hashPassword } from "../../server/src/workshop/auth.js";
import type { PlannerTable } from "@iot/shared/planner/game/definition";
import { myCarrier, plannerRoom, waitFor, type PRoom } from "./planner/harness.js";
import { apiClient, startServerProcess } from "./serverProcess.js";

const PORT = 2619;
const dataDir = mkdtempSync(path.join(tmpdir(), "iot-restart-reference-"));
/** How long the assistant thinks (ms): while it does, the one solver thread runs nothing else. */
const ASSISTANT_MS = 8_000;
let child: ChildProcess | null = null;

const start = (): Promise<ChildProcess> =>
  startServerProcess(PORT, {
    DATA_DIR: dataDir,
    PLANNER_ASSISTANT_MS: String(ASSISTANT_MS),
    PLANNER_SOLVER_WORKERS: "1",
    PLANNER_SEED: "3",
  });

const api = () => apiClient(PORT);

/** What the database holds of the workshop's one table (read while no server runs, or beside it). */
async function saved(workshopId: string) {
  const db = await openDatabase({ dataDir });
  try {
    const store = new WorkshopStore(db);
    const [table] = await store.tables(workshopId);
    if (!table) throw new Error("no table");
    const json = await store.snapshot(table.id);
    const snapshot = json ? (JSON.parse(json) as { table: { state: PlannerTable } }) : null;
    const rounds = await store.planner.rounds(table.id);
    return { game: snapshot?.table.state.game ?? null, rounds };
  } finally {
    await db.destroy();
  }
}

afterAll(() => {
  child?.kill("SIGKILL");
});
// A failed or cut-short run must not leave a server behind on the test port.
process.once("exit", () => child?.kill("SIGKILL"));

describe("a server crash while a round's reference plans are computed", () => {
  it("asks for them again after the restart: the round's results get their reference", async () => {
    const db = await openDatabase({ dataDir });
    await new WorkshopStore(db).addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    await db.destroy();
    child = await start();
    const fac = api();
    await fac("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const w = (await fac("POST", "/workshops", { title: "Restart", game: "planner", tableSize: 2, difficulty: 1 })) as {
      id: string;
      code: string;
    };
    const guest = api();
    const tokens: string[] = [];
    for (const name of ["Anna", "Bram"])
      tokens.push(String((await guest("POST", "/join", { code: w.code, name })).token));
    await fac("POST", `/workshops/${w.id}/tables/form`);

    // Another region on the same server keeps the one solver thread busy: its planner asks the assistant in round 2.
    const busy = plannerRoom(
      await new Client(`ws://127.0.0.1:${PORT}`).create("planner", { name: "Quinn", planners: 1, difficulty: 1 }),
    );
    busy.reconnection.enabled = false;
    for (const type of ["event", "results", "proposal", "error"]) busy.onMessage(type, () => undefined);
    busy.send("start", {});
    await waitFor(busy, (s) => s.phase === "round" && s.round === 1, "quick region in round 1");
    busy.send("next", {});
    await waitFor(busy, (s) => s.phase === "review", "quick region in review");
    busy.send("next", {});
    await waitFor(busy, (s) => s.phase === "round" && s.round === 2, "quick region in round 2");
    busy.send("assist", {});
    const askedAt = Date.now();

    // The workshop's region starts: its reference plans wait behind the assistant on the solver thread.
    await fac("POST", `/workshops/${w.id}/start`);
    const rooms: PRoom[] = [];
    for (const token of tokens) {
      const lobby = (await guest("GET", "/lobby", undefined, token)) as { table: { roomId: string } };
      const room = plannerRoom(await new Client(`ws://127.0.0.1:${PORT}`).joinById(lobby.table.roomId, { token }));
      room.reconnection.enabled = false;
      for (const type of ["event", "results"]) room.onMessage(type, () => undefined);
      rooms.push(room);
    }
    await Promise.all(rooms.map((r) => waitFor(r, (s) => s.round === 1 && myCarrier(r) !== null, "own carrier")));
    await fac("POST", `/workshops/${w.id}/next`, {});
    await Promise.all(rooms.map((r) => waitFor(r, (s) => s.phase === "review", "round 1 ended")));
    // Saves run after every change; give the round's end a moment to reach the disk.
    await new Promise((r) => setTimeout(r, 500));
    // Still within the assistant's time: nothing behind it on the solver thread can have run.
    expect(Date.now() - askedAt).toBeLessThan(ASSISTANT_MS - 1_000);
    child.kill("SIGKILL");
    await new Promise((r) => child?.once("exit", r));

    // What the crashed server left: round 1 ended, both results without their reference, saved so.
    const before = await saved(w.id);
    expect(before.game?.phase).toBe("review");
    expect(before.game?.results.map((r) => [r.round, r.reference ?? null])).toEqual([
      [1, null],
      [1, null],
    ]);
    expect(before.rounds.map((r) => [r.round, r.reference_score])).toEqual([
      [1, null],
      [1, null],
    ]);

    // The restart brings the table back, and with it the solves it still waits for; no one needs to come back or move.
    child = await start();
    let after = await saved(w.id);
    for (
      let i = 0;
      i < 150 &&
      (after.rounds.some((r) => r.reference_score === null) || after.game?.results.some((r) => !r.reference));
      i++
    ) {
      await new Promise((r) => setTimeout(r, 200));
      after = await saved(w.id);
    }
    expect(after.rounds).toHaveLength(2);
    for (const r of after.rounds) {
      expect(r.round).toBe(1);
      expect(r.reference_score).toEqual(expect.any(Number));
      expect(r.reference_cost).toBeGreaterThan(0);
    }
    expect(after.game?.results.every((r) => r.round === 1 && r.reference !== null)).toBe(true);
    child.kill("SIGKILL");
    await new Promise((r) => child?.once("exit", r));
    child = null;
  });
});
