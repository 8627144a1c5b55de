import { afterAll, beforeAll } from "vitest";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { Client, type Room } from "@colyseus/sdk";
import { createGameServer, type AppOptions } from "../../server/src/app.js";
import { DEFAULT_QUARTET_CONFIG, type QuartetConfig } from "../../server/src/config.js";
import { ManualScheduler } from "../../server/src/table/scheduler.js";
import type { TableRoom } from "../../server/src/table/TableRoom.js";

/** The port @colyseus/testing's boot() always uses. */
export const TEST_PORT = 2568;

/** Decoded client state, as much of it as the tests read. */
export interface ClientPlayer {
  name: string;
  seat: number;
  isBot: boolean;
  connected: boolean;
  handCount: number;
  quartets: Iterable<string> & { length: number };
  hand?: Iterable<string> & { length: number };
  out: boolean;
}
export interface ClientState {
  phase: string;
  turn: string;
  host: string;
  stockCount: number;
  asks: number;
  turnDeadline: number;
  players: {
    forEach(cb: (p: ClientPlayer, id: string) => void): void;
    get(id: string): ClientPlayer | undefined;
    size: number;
  };
  ranking: Iterable<{ player: string; name: string; place: number; quartets: number }> & { length: number };
  plan: Iterable<{ player: string; theme: string; card: string; note: string }> & { length: number };
}
export type QRoom = Room<ClientState>;

/** The longest a bot thinks before it asks under the production settings (ms): one bot's turn on the fake clock. */
export const BOT_THINKS_MS = DEFAULT_QUARTET_CONFIG.botDelayMs[1];

/** How long a player thinks before an ask in the tests (ms): enough for the rate limit to refill between asks. */
export const PLAYER_THINKS_MS = 1_000;

/** Boots `app` on the test port; the client talks to it over a real socket. */
export async function bootApp(app: AppOptions): Promise<{ server: ColyseusTestServer; client: Client }> {
  const server = await boot(createGameServer({ staticDir: "/nonexistent", ...app }));
  return { server, client: new Client(`ws://127.0.0.1:${TEST_PORT}`) };
}

/** The table room `roomId` as the server holds it (the test boots the server in-process). */
export function tableOf(server: ColyseusTestServer, roomId: string): TableRoom {
  return server.getRoomById<TableRoom>(roomId);
}

/**
 * Boots a game server on the test port with the production timings (bots
 * think 700-1600 ms, a dropped seat waits 120 s, ...) and a fixed deal, on
 * a {@link ManualScheduler}: table time moves only when the test calls
 * `clock.advance`.
 */
export async function startTestServer(config: Partial<QuartetConfig> = {}): Promise<{
  server: ColyseusTestServer;
  client: Client;
  clock: ManualScheduler;
}> {
  const clock = new ManualScheduler();
  const booted = await bootApp({ quartet: { ...DEFAULT_QUARTET_CONFIG, seed: 42, ...config }, scheduler: clock });
  return { ...booted, clock };
}

/** A test server as {@link startTestServer} gives it. */
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Boots a test server before the tests of the file (or `describe`) it is
 * called in and shuts it down after them. Returns the server, its client and
 * its clock, read once the server is up (before that they throw).
 */
export function useTestServer(config: Partial<QuartetConfig> = {}): TestServer {
  let booted: TestServer | undefined;
  beforeAll(async () => {
    booted = await startTestServer(config);
  });
  afterAll(async () => {
    await booted?.server.shutdown();
  });
  const up = (): TestServer => {
    if (!booted) throw new Error("the test server is used before it started");
    return booted;
  };
  return {
    get server() {
      return up().server;
    },
    get client() {
      return up().client;
    },
    get clock() {
      return up().clock;
    },
  };
}

/** The same server on the rooms' own clocks (the production scheduler), for the real-time smoke test. */
export function startRealClockServer(config: Partial<QuartetConfig> = {}): ReturnType<typeof bootApp> {
  return bootApp({ quartet: { ...DEFAULT_QUARTET_CONFIG, seed: 42, ...config } });
}

/** Resolves when `predicate` holds for the room's state (checked on every patch). */
export function waitForState(
  room: QRoom,
  predicate: (s: ClientState) => boolean,
  ms = 10_000,
  what = "state condition",
): Promise<void> {
  const holds = (s: ClientState | undefined) => {
    try {
      return s !== undefined && s.players !== undefined && predicate(s);
    } catch {
      return false;
    }
  };
  return new Promise((resolve, reject) => {
    if (holds(room.state)) return resolve();
    const listener = (s: ClientState) => {
      if (holds(s)) {
        clearTimeout(timer);
        room.onStateChange.remove(listener);
        resolve();
      }
    };
    const timer = setTimeout(() => {
      room.onStateChange.remove(listener);
      reject(new Error(`${what} not met within ${ms} ms`));
    }, ms);
    room.onStateChange(listener);
  });
}

/** Resolves with the next message of `type` on the room. */
export function nextMessage<T>(room: QRoom, type: string, ms = 5_000): Promise<T> {
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

/** Resolves with the next state change any of `rooms` receives. */
export function nextPatch(rooms: readonly QRoom[]): Promise<void> {
  return new Promise((resolve) => {
    const listener = () => {
      for (const r of rooms) r.onStateChange.remove(listener);
      resolve();
    };
    for (const r of rooms) r.onStateChange(listener);
  });
}

/** Lets the bot whose turn it is think as long as a bot may (on the fake clock) and waits until `room` sees its ask. */
export async function letBotAsk(clock: ManualScheduler, room: QRoom): Promise<void> {
  const asks = room.state.asks;
  clock.advance(BOT_THINKS_MS);
  await waitForState(room, (s) => s.asks > asks || s.phase !== "playing", 10_000, "a bot's ask");
}

/** Sum of hand counts + 4 x laid quartets + stock: always 20 (the protocol's invariant). */
export function invariantTotal(s: ClientState): number {
  let n = s.stockCount;
  s.players.forEach((p) => {
    n += p.handCount + 4 * p.quartets.length;
  });
  return n;
}

/** A legal ask for the player whose turn it is, from that player's own decoded state. */
export function legalAskFor(room: QRoom, rnd: () => number): { to: string; card: string } | null {
  const me = room.state.players.get(room.sessionId);
  if (!me || room.state.turn !== room.sessionId) return null;
  const hand = [...(me.hand ?? [])];
  const wanted: string[] = [];
  for (const theme of new Set(hand.map((c) => c.slice(0, c.lastIndexOf("-"))))) {
    for (let n = 1; n <= 4; n++) if (!hand.includes(`${theme}-${n}`)) wanted.push(`${theme}-${n}`);
  }
  const targets: string[] = [];
  room.state.players.forEach((p, id) => {
    if (id !== room.sessionId && p.handCount > 0) targets.push(id);
  });
  if (wanted.length === 0 || targets.length === 0) return null;
  return {
    to: targets[Math.floor(rnd() * targets.length)] as string,
    card: wanted[Math.floor(rnd() * wanted.length)] as string,
  };
}

/**
 * Sends one legal-looking ask and resolves when the table has moved on ("answered": an ask was counted, the
 * turn moved or the game ended) or the server refused it ("rejected", for instance a seat whose new session id
 * had not reached this client yet, or a state that had moved on before the ask arrived). Fails after `ms` with
 * the client's state, so a stuck table says where it stuck.
 */
export function askOnce(room: QRoom, rnd: () => number, ms = 10_000): Promise<"answered" | "rejected"> {
  const before = room.state.asks;
  const turn = room.state.turn;
  return new Promise((resolve, reject) => {
    const done = (outcome: "answered" | "rejected") => {
      clearTimeout(timer);
      offRejected();
      room.onStateChange.remove(onState);
      resolve(outcome);
    };
    const onState = (s: ClientState) => {
      if (s.asks > before || s.turn !== turn || s.phase !== "playing") done("answered");
    };
    const offRejected = room.onMessage("rejected", () => done("rejected"));
    const timer = setTimeout(() => {
      offRejected();
      room.onStateChange.remove(onState);
      const s = room.state;
      const mine = [...(s.players.get(room.sessionId)?.hand ?? [])].join(",");
      reject(
        new Error(
          `no answer to an ask within ${ms} ms (phase ${s.phase}, turn ${s.turn}, asks ${s.asks}, hand ${mine})`,
        ),
      );
    }, ms);
    room.onStateChange(onState);
    room.send("ask", legalAskFor(room, rnd));
  });
}

/** A small seeded PRNG for tests (mulberry32). */
export function testRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Opens a table of `humans` SDK clients (the first creates it). */
export async function openTable(
  client: Client,
  humans: number,
  options: Record<string, unknown> = {},
): Promise<QRoom[]> {
  const host = await client.create<ClientState>("quartet", { name: "Host", ...options });
  const rooms: QRoom[] = [host];
  for (let i = 1; i < humans; i++) rooms.push(await client.joinById<ClientState>(host.roomId, { name: `P${i}` }));
  await Promise.all(rooms.map((r) => waitForState(r, (s) => s.players.size === humans)));
  return rooms;
}

/** Records every frame `room`'s connection receives from now on (the bytes a client gets, for secrecy checks). */
export function captureBytes(room: Room): Buffer[] {
  const frames: Buffer[] = [];
  const events = room.connection.events as { onmessage?: (e: MessageEvent) => void };
  const original = events.onmessage;
  events.onmessage = (e: MessageEvent) => {
    frames.push(Buffer.from(e.data as ArrayBuffer));
    original?.(e);
  };
  return frames;
}
