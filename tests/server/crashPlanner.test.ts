import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/src/db/database.js";
import { WorkshopStore } from "../../server/src/db/store.js";
import { hashPassword } from "../../server/src/workshop/auth.js";
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { myCarrier, plannerRoom, waitFor, type PRoom } from "./planner/harness.js";
import { handPlan, planOf } from "./planner/play.js";
import { apiClient, startServerProcess } from "./serverProcess.js";

const PORT = 2618;
const dataDir = mkdtempSync(path.join(tmpdir(), "iot-crash-planner-"));
let child: ChildProcess | null = null;

const start = (): Promise<ChildProcess> =>
  startServerProcess(PORT, {
    DATA_DIR: dataDir,
    PLANNER_ASSISTANT_MS: "150",
    PLANNER_MINUTES_PER_SECOND: "60",
    PLANNER_CLOCK_TICK_MS: "100",
    PLANNER_SOLVER_WORKERS: "1",
    PLANNER_SEED: "3",
  });

const api = () => apiClient(PORT);

afterAll(() => {
  child?.kill("SIGKILL");
});
// A failed or cut-short run must not leave a server behind on the test port.
process.once("exit", () => child?.kill("SIGKILL"));

describe("a server crash in the middle of a planner round", () => {
  it("brings the region back after SIGKILL: same carriers, orders and plans; the game finishes", async () => {
    const db = await openDatabase({ dataDir });
    await new WorkshopStore(db).addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    await db.destroy();
    child = await start();
    const fac = api();
    await fac("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const w = (await fac("POST", "/workshops", { title: "Crash", game: "planner", tableSize: 2, difficulty: 1 })) as {
      id: string;
      code: string;
    };
    const guest = api();
    const code = w.code;
    const tokens: string[] = [];
    for (const name of ["Anna", "Bram"]) tokens.push(String((await guest("POST", "/join", { code, name })).token));
    await fac("POST", `/workshops/${w.id}/tables/form`);
    await fac("POST", `/workshops/${w.id}/start`);
    const join = async (): Promise<PRoom[]> => {
      const rooms: PRoom[] = [];
      for (const token of tokens) {
        const lobby = (await guest("GET", "/lobby", undefined, token)) as { table: { roomId: string } };
        const room = plannerRoom(await new Client(`ws://127.0.0.1:${PORT}`).joinById(lobby.table.roomId, { token }));
        room.reconnection.enabled = false;
        for (const type of ["event", "results"]) room.onMessage(type, () => undefined);
        rooms.push(room);
      }
      await Promise.all(rooms.map((r) => waitFor(r, (s) => s.round >= 1 && myCarrier(r) !== null, "own carrier")));
      return rooms;
    };
    let rooms = await join();

    // Round 1 by hand: both planners set a plan, then the server is killed mid-round.
    for (const r of rooms) {
      const plan = handPlan(myCarrier(r) as CarrierView);
      r.send("plan", { plan });
      await waitFor(r, () => planOf(r) === JSON.stringify(plan), "plan set");
    }
    const before = rooms.map((r) => {
      const c = myCarrier(r) as CarrierView;
      return {
        plan: c.plan,
        orders: c.scenario.orders.map((o) => o.id),
        name: r.state.planners.get(r.sessionId)?.name,
      };
    });
    // Saves run after every change; give the last one a moment to reach the disk.
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGKILL");
    await new Promise((r) => child?.once("exit", r));
    child = await start();

    rooms = await join();
    const after = rooms.map((r) => {
      const c = myCarrier(r) as CarrierView;
      return {
        plan: c.plan,
        orders: c.scenario.orders.map((o) => o.id),
        name: r.state.planners.get(r.sessionId)?.name,
      };
    });
    expect(after).toEqual(before);
    expect(rooms[0]?.state.round).toBe(1);
    expect(rooms[0]?.state.phase).toBe("round");

    // The facilitator moves the region through the remaining rounds; the game finishes and the debrief has it all.
    for (let step = 0; step < 7; step++) {
      await fac("POST", `/workshops/${w.id}/next`, {});
      await new Promise((r) => setTimeout(r, 150));
    }
    await Promise.all(rooms.map((r) => waitFor(r, (s) => s.phase === "finished", "finished", 15_000)));
    await new Promise((r) => setTimeout(r, 300));
    const d = (await fac("GET", `/workshops/${w.id}/debrief`)) as unknown as Debrief;
    const planners = d.tables[0]?.planner?.planners ?? [];
    expect(planners.map((p) => p.name).sort()).toEqual(["Anna", "Bram"]);
    for (const p of planners) expect(p.rounds.map((r) => r.round)).toEqual([1, 2, 3, 4]);
    await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
  });
});
