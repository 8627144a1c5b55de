import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { Client, type Room } from "@colyseus/sdk";
import { createGameServer } from "../../../server/src/app.js";
import { DEFAULT_PLANNER_CONFIG, DEFAULT_QUARTET_CONFIG, type PlannerConfig } from "../../../server/src/config.js";
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { TEST_PORT } from "../harness.js";

/** A planner as every client decodes it. */
export interface ClientPlanner {
  name: string;
  seat: number;
  connected: boolean;
  cost: number;
  km: number;
  co2Kg: number;
  late: number;
  unplanned: number;
  deliveries: number;
  carrier?: string;
}

export interface ClientPlannerState {
  phase: string;
  round: number;
  clock: number;
  /** Epoch ms when the round's timer runs out; 0 without one. */
  roundEndsAt: number;
  host: string;
  planners: {
    forEach(cb: (p: ClientPlanner, id: string) => void): void;
    get(id: string): ClientPlanner | undefined;
    size: number;
  };
  offers: Iterable<{ id: string; from: string; order: string; status: string; takenBy: string }> & {
    length: number;
  };
  leaderboard: Iterable<{ player: string; place: number; score: number }> & { length: number };
  leaderboardRound: number;
  regionKm: number;
  regionCo2Kg: number;
  regionKmRound3: number;
  regionCo2KgRound3: number;
  notice: string;
  paused: boolean;
}
export type PRoom = Room<ClientPlannerState>;

/** Boots a game server on the test port with a fast day clock and a short assistant. */
export async function startPlannerServer(config: Partial<PlannerConfig> = {}): Promise<{
  server: ColyseusTestServer;
  client: Client;
}> {
  const server = await boot(
    createGameServer({
      quartet: DEFAULT_QUARTET_CONFIG,
      planner: {
        ...DEFAULT_PLANNER_CONFIG,
        assistantMs: 150,
        minutesPerSecond: 600,
        clockTickMs: 100,
        lingerMs: 60_000,
        solverWorkers: 1,
        seed: 11,
        ...config,
      },
      staticDir: "/nonexistent",
    }),
  );
  return { server, client: new Client(`ws://127.0.0.1:${TEST_PORT}`) };
}

/** This client's own carrier, decoded from its view-filtered JSON. */
export function myCarrier(room: PRoom): CarrierView | null {
  const raw = room.state.planners?.get(room.sessionId)?.carrier;
  return raw ? (JSON.parse(raw) as CarrierView) : null;
}

/** Resolves when `predicate` holds for the room's state (checked on every patch). */
export function waitFor(
  room: PRoom,
  predicate: (s: ClientPlannerState) => boolean,
  what: string,
  ms = 10_000,
): Promise<void> {
  const holds = (s: ClientPlannerState | undefined) => {
    try {
      return s !== undefined && s.planners !== undefined && predicate(s);
    } catch {
      return false;
    }
  };
  return new Promise((resolve, reject) => {
    if (holds(room.state)) return resolve();
    const listener = (s: ClientPlannerState) => {
      if (!holds(s)) return;
      clearTimeout(timer);
      room.onStateChange.remove(listener);
      resolve();
    };
    const timer = setTimeout(() => {
      room.onStateChange.remove(listener);
      reject(new Error(`${what}: not within ${ms} ms`));
    }, ms);
    room.onStateChange(listener);
  });
}

/** Resolves with the next message of `type`. */
export function next<T>(room: PRoom, type: string, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no "${type}" message within ${ms} ms`));
    }, ms);
    const off = room.onMessage(type, (m: T) => {
      clearTimeout(timer);
      off();
      resolve(m);
    });
  });
}
