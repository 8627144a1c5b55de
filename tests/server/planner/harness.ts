import type { ColyseusTestServer } from "@colyseus/testing";
import type { Client, Room } from "@colyseus/sdk";
import type { AppOptions } from "../../../server/src/app.js";
import { DEFAULT_PLANNER_CONFIG, DEFAULT_QUARTET_CONFIG, type PlannerConfig } from "../../../server/src/config.js";
import { ManualScheduler } from "../../../server/src/table/scheduler.js";
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { PlannerSeatView } from "@iot/shared/planner/seatViewSchema";
import { patchView, type ViewOperation } from "@iot/shared/table/patch";
import type { TableView } from "@iot/shared/table/view";
import { bootApp } from "../harness.js";

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

/** The planner settings of the tests: the production timings (a day clock of 2 game minutes a second, ticking every second; a dropped seat waits 120 s), one solver worker, a short assistant and a fixed scenario. */
function plannerApp(config: Partial<PlannerConfig>): AppOptions {
  return {
    quartet: DEFAULT_QUARTET_CONFIG,
    planner: { ...DEFAULT_PLANNER_CONFIG, assistantMs: 150, solverWorkers: 1, seed: 11, ...config },
  };
}

/** Boots a game server on the test port on a {@link ManualScheduler}: table time moves only with `clock.advance`. */
export async function startPlannerServer(config: Partial<PlannerConfig> = {}): Promise<{
  server: ColyseusTestServer;
  client: Client;
  clock: ManualScheduler;
}> {
  const clock = new ManualScheduler();
  return { ...(await bootApp({ ...plannerApp(config), scheduler: clock })), clock };
}

/** The same server on the rooms' own clocks (the production scheduler), for the real-time smoke test. */
export function startRealClockPlannerServer(config: Partial<PlannerConfig> = {}): ReturnType<typeof bootApp> {
  return bootApp(plannerApp(config));
}

/**
 * Lets the day of the round under way run on the fake clock until it is at
 * least `minute` (game minutes after midnight): as many of the room's ticks
 * as that takes, in one step of table time. Waits until `room` shows it.
 */
export async function runDayUntil(
  clock: ManualScheduler,
  room: PRoom,
  minute: number,
  config: Pick<PlannerConfig, "minutesPerSecond" | "clockTickMs"> = DEFAULT_PLANNER_CONFIG,
): Promise<void> {
  const perTick = (config.minutesPerSecond * config.clockTickMs) / 1000;
  const ticks = Math.max(0, Math.ceil((minute - room.state.clock) / perTick));
  clock.advance(ticks * config.clockTickMs);
  await waitFor(room, (s) => s.clock >= minute, `the day's clock at minute ${minute}`);
}

/** What the harness keeps per room: the seat's view (from the `view` messages) and who waits for it to change. */
const followed = new WeakMap<
  object,
  { view: TableView<PlannerSeatView> | null; state: ClientPlannerState | undefined; listeners: Set<() => void> }
>();

/** The planner state the tests read, from the seat's view (the fields the room's state once had). */
function stateOf(view: TableView<PlannerSeatView>): ClientPlannerState {
  const game = view.game;
  const figures = (id: string) => game?.planners.find((p) => p.id === id);
  const planners = new Map(
    view.seats.map((s) => [
      s.id,
      {
        name: s.name,
        seat: s.seat,
        connected: s.connected,
        cost: figures(s.id)?.cost ?? 0,
        km: figures(s.id)?.km ?? 0,
        co2Kg: figures(s.id)?.co2Kg ?? 0,
        late: figures(s.id)?.late ?? 0,
        unplanned: figures(s.id)?.unplanned ?? 0,
        deliveries: figures(s.id)?.deliveries ?? 0,
      },
    ]),
  );
  return {
    phase: game?.phase ?? "waiting",
    round: game?.round ?? 0,
    clock: game?.clock ?? 0,
    roundEndsAt: game?.roundEndsAt ?? 0,
    host: view.host,
    planners,
    offers: (game?.offers ?? []).map((o) => ({ ...o, takenBy: o.takenBy ?? "" })),
    leaderboard: game?.leaderboard ?? [],
    leaderboardRound: game?.leaderboardRound ?? 0,
    regionKm: game?.regionKm ?? 0,
    regionCo2Kg: game?.regionCo2Kg ?? 0,
    regionKmRound3: game?.regionKmRound3 ?? 0,
    regionCo2KgRound3: game?.regionCo2KgRound3 ?? 0,
    notice: view.notice,
    paused: view.paused,
  };
}

/**
 * Follows a planner room's view route as the browser does (whole view on
 * `resync`, then patches) and gives the room a `state` of the fields the
 * tests read. Call it right after the create or join.
 */
export function plannerRoom(room: unknown): PRoom {
  const r = room as PRoom;
  if (followed.has(r)) return r;
  const entry = {
    view: null as TableView<PlannerSeatView> | null,
    state: undefined as ClientPlannerState | undefined,
    listeners: new Set<() => void>(),
  };
  followed.set(r, entry);
  let seq = 0;
  r.onMessage("view", (m: { seq: number; full?: TableView<PlannerSeatView>; ops?: ViewOperation[] }) => {
    if (m.full !== undefined) entry.view = m.full;
    else if (entry.view && m.ops && m.seq === seq + 1) entry.view = patchView(entry.view, m.ops);
    else return r.send("resync", {});
    seq = m.seq;
    entry.state = stateOf(entry.view);
    for (const l of [...entry.listeners]) l();
  });
  r.onReconnect(() => r.send("resync", {}));
  Object.defineProperty(r, "state", { get: () => entry.state, configurable: true });
  r.send("resync", {});
  return r;
}

/** This client's own carrier, from its view. */
export function myCarrier(room: PRoom): CarrierView | null {
  return followed.get(room)?.view?.game?.carrier ?? null;
}

/** Resolves when `predicate` holds for the room's state (checked on every view). */
export function waitFor(
  room: PRoom,
  predicate: (s: ClientPlannerState) => boolean,
  what: string,
  ms = 10_000,
): Promise<void> {
  const entry = followed.get(room);
  if (!entry) throw new Error("plannerRoom() was not called for this room");
  const holds = () => {
    try {
      return entry.state !== undefined && predicate(entry.state);
    } catch {
      return false;
    }
  };
  return new Promise((resolve, reject) => {
    if (holds()) return resolve();
    const listener = () => {
      if (!holds()) return;
      clearTimeout(timer);
      entry.listeners.delete(listener);
      resolve();
    };
    const timer = setTimeout(() => {
      entry.listeners.delete(listener);
      reject(new Error(`${what}: not within ${ms} ms`));
    }, ms);
    entry.listeners.add(listener);
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

/** Resolves with the next `event` message of type `type` (set it up before what causes the event). */
export function nextEvent<T extends { type: string }>(room: PRoom, type: string, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no "${type}" event within ${ms} ms`));
    }, ms);
    const off = room.onMessage("event", (e: T) => {
      if (e.type !== type) return;
      clearTimeout(timer);
      off();
      resolve(e);
    });
  });
}
