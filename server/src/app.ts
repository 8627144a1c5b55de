import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { matchMaker, Server, type MatchMakerDriver, type Presence } from "@colyseus/core";
import express from "express";
import { ROOMS } from "@iot/shared/protocol";
import { PLANNER_ROOM } from "@iot/shared/planner/protocol";
import {
  DEFAULT_HTTP_CONFIG,
  DEFAULT_PLANNER_CONFIG,
  type HttpConfig,
  type PlannerConfig,
  type QuartetConfig,
} from "./config.js";
import { quartetBinding } from "./quartet/binding.js";
import { plannerBinding } from "./planner/binding.js";
import { SolverPool } from "./planner/solverWorker.js";
import { friendsApi } from "./friends/http.js";
import { FriendsTable } from "./friends/table.js";
import { FRIENDS_ROOM } from "@iot/shared/quartet/friends";
import { FrameLimitedTransport } from "./table/frames.js";
import { quickPlay } from "./table/quickPlay.js";
import { tableRoom } from "./table/rooms.js";
import type { Scheduler } from "./table/scheduler.js";
import { plannerApi } from "./planner/http.js";
import type { ThrottleStore } from "./workshop/auth.js";
import { apiErrorHandler, apiNotFound, crossSiteGuard } from "./workshop/errors.js";
import { WorkshopStreams } from "./workshop/events.js";
import { workshopApi } from "./workshop/http.js";
import { WORKSHOP_GAMES } from "./workshop/games.js";
import { WorkshopSeating } from "./workshop/seating.js";
import type { WorkshopService } from "./workshop/service.js";

export { MAX_FRAME_BYTES } from "./table/frames.js";

/** The built client, served in production. */
export const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/client");

export interface AppOptions {
  quartet: QuartetConfig;
  /** The planner game's settings; left out, the defaults. */
  planner?: PlannerConfig;
  /** Folder of the built client; served when it exists. */
  staticDir?: string;
  /** Workshops (facilitator API and workshop tables); left out, the server hosts quick play only. */
  workshops?: { service: WorkshopService; serverKey: string };
  /** Reverse proxy, Secure cookie and cross-site settings; left out, none trusted and no extra origins. */
  http?: HttpConfig;
  /** Where the join and sign-in throttles count (Redis: shared by every process); left out, this process's memory. */
  throttles?: ThrottleStore;
  /** Scale-out: Colyseus' Redis presence and driver shared by every process. */
  presence?: Presence;
  driver?: MatchMakerDriver;
  /** This process's address as clients reach it (host:port[/path]), when several processes serve one app. */
  publicAddress?: string;
  /** Time for every table (tests pass a ManualScheduler); left out, each room's own clock. */
  scheduler?: Scheduler;
}

/**
 * Picks the process for a new room: the one hosting the fewest rooms in the
 * shared room listing (which every process updates at once), so the tables
 * of a workshop spread over all processes.
 */
export async function leastBusyProcess(): Promise<string> {
  const processes = (await matchMaker.stats.fetchAll()).map((p) => p.processId);
  if (processes.length === 0) return matchMaker.processId;
  const load = new Map<string, number>(processes.map((id) => [id, 0]));
  for (const room of await matchMaker.query({})) {
    if (load.has(room.processId)) load.set(room.processId, (load.get(room.processId) ?? 0) + 1);
  }
  return (
    [...load.entries()].sort((x, y) => x[1] - y[1] || (x[0] === matchMaker.processId ? -1 : 1))[0]?.[0] ??
    matchMaker.processId
  );
}

/**
 * Builds the game server: Colyseus over WebSocket on one HTTP port, `GET
 * /health`, the `quartet`, `quartet-friends` (with `GET /api/tables/:code`) and `planner` rooms, the workshop API and its
 * quartet and planner tables when given, and the built client when
 * `staticDir` exists (any other path falls back to its index.html).
 */
export function createGameServer(options: AppOptions): Server {
  const staticDir = options.staticDir ?? CLIENT_DIST;
  const http = options.http ?? DEFAULT_HTTP_CONFIG;
  // The facilitator's and the participants' event streams (ended when the server shuts down).
  const streams = new WorkshopStreams();
  const server = new Server({
    transport: new FrameLimitedTransport(),
    greet: false,
    ...(options.presence ? { presence: options.presence } : {}),
    ...(options.driver ? { driver: options.driver } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    ...(options.driver ? { selectProcessIdToCreateRoom: leastBusyProcess } : {}),
    express: (app) => {
      // The client's address (req.ip), scheme (req.secure) and host as the proxy saw them, when it is trusted.
      app.set("trust proxy", http.trustProxy);
      app.get("/health", async (_req, res) => {
        const rooms = await matchMaker.query({});
        const local = rooms.filter((r) => r.processId === matchMaker.processId).length;
        res.json({ ok: true, rooms: rooms.length, localRooms: local, processId: matchMaker.processId });
      });
      app.use("/api", crossSiteGuard(http.allowedOrigins));
      app.use("/api", plannerApi());
      app.use("/api", friendsApi());
      if (options.workshops)
        app.use(
          "/api",
          workshopApi(options.workshops.service, streams, {
            ...http,
            ...(options.throttles ? { throttles: options.throttles } : {}),
          }),
        );
      app.use("/api", apiNotFound);
      if (existsSync(staticDir)) {
        app.use(express.static(staticDir, { index: "index.html", maxAge: "1h" }));
        app.get(/^\/(?!matchmake\/|api\/).*/, (_req, res) => res.sendFile(path.join(staticDir, "index.html")));
      }
      // Last: every error (malformed JSON, a body over the limit, a thrown error) is `{ code, message }` JSON.
      app.use(apiErrorHandler);
    },
  });
  server.onBeforeShutdown(() => streams.close());
  const plannerConfig = options.planner ?? DEFAULT_PLANNER_CONFIG;
  const solver = new SolverPool(plannerConfig.solverWorkers);
  const quartet = quartetBinding(options.quartet);
  const planner = plannerBinding(plannerConfig, solver);
  server.define(
    ROOMS.quartet,
    tableRoom(quartet, () => quickPlay, options.scheduler),
  );
  server.define(
    FRIENDS_ROOM,
    tableRoom(quartet, () => new FriendsTable(), options.scheduler),
  );
  server.define(
    PLANNER_ROOM,
    tableRoom(planner, () => quickPlay, options.scheduler),
  );
  if (options.workshops) {
    const { service, serverKey } = options.workshops;
    const services = { store: service.store, serverKey };
    server.define(
      WORKSHOP_GAMES.quartet.room,
      tableRoom(quartet, () => new WorkshopSeating(services, WORKSHOP_GAMES.quartet), options.scheduler),
    );
    server.define(
      WORKSHOP_GAMES.planner.room,
      tableRoom(planner, () => new WorkshopSeating(services, WORKSHOP_GAMES.planner), options.scheduler),
    );
  }
  return server;
}
