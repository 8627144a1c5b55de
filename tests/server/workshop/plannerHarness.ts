import { randomBytes } from "node:crypto";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Client } from "@colyseus/sdk";
import { DEFAULT_PLANNER_CONFIG, DEFAULT_QUARTET_CONFIG } from "../../../server/src/config.js";
import type { Db } from "../../../server/src/db/database.js";
import { WorkshopStore } from "../../../server/src/db/store.js";
import type { ManualScheduler } from "../../../server/src/table/scheduler.js";
import { WorkshopService } from "../../../server/src/workshop/service.js";
import type { PlannerTableSummary, TableSummary } from "@iot/shared/workshop/api";
import { bootApp, TEST_PORT } from "../harness.js";
import { myCarrier, plannerRoom, waitFor, type PRoom } from "../planner/harness.js";

/**
 * A game server with workshops on `db`, with the production timings (a day
 * clock of 2 game minutes a second ticking every second, a table starting
 * with whoever came 30 s after it opened, a dropped seat waiting 120 s), one
 * solver worker, a short assistant and a fixed scenario. The tables run on
 * `clock` when given (a {@link ManualScheduler}: table time moves only with
 * its `advance`), else on the rooms' own clocks.
 */
export async function startWorkshopServer(
  db: Db,
  clock?: ManualScheduler,
): Promise<{ server: ColyseusTestServer; service: WorkshopService; sdk: Client }> {
  const serverKey = randomBytes(16).toString("hex");
  const service = new WorkshopService(new WorkshopStore(db), serverKey);
  const { server, client } = await bootApp({
    quartet: DEFAULT_QUARTET_CONFIG,
    planner: { ...DEFAULT_PLANNER_CONFIG, assistantMs: 150, solverWorkers: 1, seed: 11 },
    workshops: { service, serverKey },
    ...(clock ? { scheduler: clock } : {}),
  });
  return { server, service, sdk: client };
}

export interface Reply {
  status: number;
  data: Record<string, unknown> & Buffer;
  type: string;
}

/** A tiny HTTP client that keeps the session cookie; `token` sends a participant's bearer token. */
export function http(lang = "nl") {
  let cookie = "";
  return async (method: string, path: string, body?: unknown, token?: string): Promise<Reply> => {
    const init = {
      method,
      headers: {
        "content-type": "application/json",
        "accept-language": lang,
        cookie,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    const url = `http://127.0.0.1:${TEST_PORT}/api${path}`;
    // A kept-alive socket to a server that was just restarted fails once; a fresh one then works.
    const res = await fetch(url, init).catch(() => fetch(url, init));
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0] ?? "";
    const type = res.headers.get("content-type") ?? "";
    const data = type.includes("json") ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, data: data as Record<string, unknown> & Buffer, type };
  };
}
export type Http = ReturnType<typeof http>;

/** The facilitator's overview as the tests read it. */
export interface Overview {
  workshop: { status: string };
  participants: { id: string; name: string; tableId: string | null }[];
  tables: { id: string; number: number; status: string; participants: { name: string }[]; live: TableSummary | null }[];
}

/** A table's live summary if it is a planner region's (undefined otherwise). */
export function plannerLive(live: TableSummary | null | undefined): PlannerTableSummary | undefined {
  return live?.game === "planner" ? live : undefined;
}

/** Polls `probe` every 50 ms until it holds (or fails after `ms`). */
export async function eventually<T>(probe: () => Promise<T>, ok: (x: T) => boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const x = await probe();
    if (ok(x)) return x;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms (last: ${JSON.stringify(x)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Joins each participant's region from their lobby with their token; resolves when each has their carrier. */
export async function joinRegions(sdk: Client, guest: Http, tokens: readonly string[]): Promise<PRoom[]> {
  const rooms: PRoom[] = [];
  for (const token of tokens) {
    const lobby = (await guest("GET", "/lobby", undefined, token)).data as unknown as { table: { roomId: string } };
    const room = plannerRoom(await sdk.joinById(lobby.table.roomId, { token, lang: "en" }));
    for (const type of ["event", "results"]) room.onMessage(type, () => undefined);
    rooms.push(room);
  }
  await Promise.all(rooms.map((r) => waitFor(r, () => myCarrier(r) !== null, "own carrier")));
  return rooms;
}

/** Waits until every room shows `round` in `phase`. */
export function allAt(rooms: readonly PRoom[], phase: string, round: number): Promise<void[]> {
  return Promise.all(
    rooms.map((r) => waitFor(r, (s) => s.phase === phase && s.round === round, `${phase} of round ${round}`)),
  );
}
