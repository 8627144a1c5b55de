/**
 * Load benchmark of the quartet room, speaking only the public protocol.
 * Starts a server process, opens N tables of 4 real SDK clients, and lets the
 * player whose turn it is ask at R asks per table per second. Prints p50/p95/p99
 * latency from `ask` sent to `asked` received, WebSocket messages per second
 * delivered to clients (state patches and room messages), and the server process's CPU and peak RSS.
 *
 * Usage: npm run bench:quartet -- --tables N [--rate R] [--duration S] [--port P] [--processes K] [--views] [--json]
 * With --views the clients join as the project's own client does (`views: true`):
 * they keep their seat's view from the `view` messages and read hands and turns
 * from it; without, they read the contract's synchronised state.
 * With --processes K > 1, K server processes share Colyseus' Redis presence and
 * driver (--redis URL, a database this benchmark empties first), clients spread
 * over them, and CPU and RSS are summed over the processes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { Client, type Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import { patchViewInPlace, type ViewOperation } from "@iot/shared/table/patch";
import { percentile, procStats, slope } from "./benchStats.js";

const { values } = parseArgs({
  options: {
    tables: { type: "string", default: "50" },
    rate: { type: "string", default: "1" },
    duration: { type: "string", default: "30" },
    port: { type: "string", default: "2591" },
    processes: { type: "string", default: "1" },
    redis: { type: "string", default: "redis://127.0.0.1:6379/8" },
    json: { type: "boolean", default: false },
    views: { type: "boolean", default: false },
  },
});
const views = values.views === true;
const tables = Number(values.tables);
const rate = Number(values.rate);
const duration = Number(values.duration);
const port = Number(values.port);
const processes = Number(values.processes);
if (![tables, rate, duration, port, processes].every((x) => Number.isFinite(x) && x > 0)) {
  console.error("bench:quartet: --tables, --rate, --duration, --port and --processes must be positive numbers");
  process.exit(2);
}

interface PlayerView {
  hand?: Iterable<string>;
  handCount: number;
}
interface TableState {
  phase: string;
  turn: string;
  players: { forEach(cb: (p: PlayerView, id: string) => void): void; get(id: string): PlayerView | undefined };
}

const latencies: number[] = [];
let delivered = 0;
let measuring = false;
let asksSent = 0;
let errors = 0;

/** What a client on the view route knows: its seat's view, kept from the `view` messages. */
type SeatViewLike = {
  turn: string | null;
  phase: string;
  hand: string[];
  players: { id: string; handCount: number }[];
  history: { type: string }[];
};
const seatViews = new WeakMap<object, { view: { game: SeatViewLike | null } | null; seq: number }>();

function followView(room: Room<TableState>, changed: () => void): void {
  const entry = { view: null as { game: SeatViewLike | null } | null, seq: 0 };
  seatViews.set(room, entry);
  room.onMessage("view", (m: { seq: number; full?: { game: SeatViewLike | null }; ops?: ViewOperation[] }) => {
    if (m.full !== undefined) entry.view = m.full;
    // In place: 2,000 clients in one load generator cannot copy their views on every patch.
    else if (entry.view && m.ops && m.seq === entry.seq + 1) patchViewInPlace(entry.view, m.ops);
    else return room.send("resync", {});
    entry.seq = m.seq;
    changed();
  });
  room.send("resync", {});
}

/** Asks so far in the seat's view. */
const asksSeen = (room: Room<TableState>) =>
  seatViews.get(room)?.view?.game?.history.filter((e) => e.type === "asked").length ?? 0;

/** The turn, phase, own hand and every player's count, from the view or from the contract's state. */
function seen(
  room: Room<TableState>,
): { phase: string; turn: string; hand: string[]; counts: Map<string, number> } | null {
  if (views) {
    const game = seatViews.get(room)?.view?.game;
    if (!game) return null;
    return {
      phase: game.phase,
      turn: game.turn ?? "",
      hand: game.hand,
      counts: new Map(game.players.map((p) => [p.id, p.handCount])),
    };
  }
  const state = room.state;
  if (!state) return null;
  const counts = new Map<string, number>();
  state.players.forEach((p, id) => counts.set(id, p.handCount));
  return { phase: state.phase, turn: state.turn, hand: [...(state.players.get(room.sessionId)?.hand ?? [])], counts };
}

class Table {
  rooms: Room<TableState>[] = [];
  pending: { at: number; from: string; asks: number } | null = null;
  constructor(private readonly client: Client) {}

  async open(): Promise<void> {
    const host = await this.client.create<TableState>("quartet", { name: "Host", seats: 4, views });
    this.rooms = [host];
    for (let i = 1; i < 4; i++)
      this.rooms.push(await this.client.joinById<TableState>(host.roomId, { name: `P${i}`, views }));
    if (views) {
      // The answer to an ask is the host's view showing it (view clients get no `asked` message).
      this.rooms.forEach((r) =>
        followView(r, () => {
          if (r !== host || !this.pending || asksSeen(r) <= this.pending.asks) return;
          if (measuring) latencies.push(performance.now() - this.pending.at);
          this.pending = null;
        }),
      );
    }
    for (const room of this.rooms) {
      const events = room.connection.events as { onmessage?: (e: MessageEvent) => void };
      const decode = events.onmessage;
      events.onmessage = (e: MessageEvent) => {
        if (measuring) delivered++;
        decode?.(e);
      };
      room.onMessage("event", () => undefined);
      room.onMessage("asked", (m: { from: string }) => {
        if (room !== host || !this.pending || m.from !== this.pending.from) return;
        if (measuring) latencies.push(performance.now() - this.pending.at);
        this.pending = null;
      });
      room.onMessage("rejected", () => {
        errors++;
        this.pending = null;
      });
    }
    host.send("start", {});
  }

  /** Lets the player whose turn it is ask once; reopens the table when its game is over. */
  async tick(): Promise<void> {
    const state = this.rooms[0] ? seen(this.rooms[0]) : null;
    if (!state || this.pending) return;
    if (state.phase === "finished") {
      await Promise.all(this.rooms.map((r) => r.leave(true).catch(() => undefined)));
      await this.open();
      return;
    }
    if (state.phase !== "playing") return;
    const room = this.rooms.find((r) => r.sessionId === state.turn);
    const mine = room ? seen(room) : null;
    if (!room || !mine) return;
    const hand = mine.hand;
    const themes = new Set(hand.map((c) => c.slice(0, c.lastIndexOf("-"))));
    const wanted: string[] = [];
    for (const t of themes) for (let n = 1; n <= 4; n++) if (!hand.includes(`${t}-${n}`)) wanted.push(`${t}-${n}`);
    const targets: string[] = [];
    mine.counts.forEach((count, id) => {
      if (id !== room.sessionId && count > 0) targets.push(id);
    });
    if (wanted.length === 0 || targets.length === 0) return;
    const card = wanted[Math.floor(Math.random() * wanted.length)];
    const to = targets[Math.floor(Math.random() * targets.length)];
    this.pending = {
      at: performance.now(),
      from: room.sessionId,
      asks: views && this.rooms[0] ? asksSeen(this.rooms[0]) : 0,
    };
    asksSent++;
    room.send("ask", { to, card });
  }
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error("server did not answer /health within 30 s");
}

/** Starts one server process; several share Colyseus' Redis presence and driver. */
function startServer(p: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ["--disable-warning=ExperimentalWarning", "--import", "tsx", "server/src/main.ts"], {
    env: {
      ...process.env,
      PORT: String(p),
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      ...(processes > 1 ? { REDIS_URL: values.redis, PUBLIC_ADDRESS: `127.0.0.1:${p}` } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function main(): Promise<void> {
  if (processes > 1) {
    const redis = new Redis(values.redis as string);
    await redis.flushdb();
    await redis.quit();
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "iot-bench-"));
  const ports = Array.from({ length: processes }, (_, i) => port + i);
  const servers: ChildProcess[] = [];
  for (const p of ports) {
    servers.push(startServer(p, dataDir));
    await waitForHealth(`http://127.0.0.1:${p}/health`, servers[servers.length - 1] as ChildProcess);
  }
  const kill = () => servers.forEach((s) => s.kill("SIGKILL"));
  process.on("exit", kill);
  /** Stops the servers with SIGTERM and waits (10 s at most) until they are gone, so the ports are free again. */
  const stop = () =>
    Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.exitCode !== null) return resolve();
            const timer = setTimeout(() => {
              s.kill("SIGKILL");
              resolve();
            }, 10_000);
            s.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            s.kill("SIGTERM");
          }),
      ),
    );
  try {
    const clients = ports.map((p) => new Client(`ws://127.0.0.1:${p}`));
    const all: Table[] = [];
    for (let i = 0; i < tables; i++) {
      const t = new Table(clients[i % clients.length] as Client);
      await t.open();
      all.push(t);
    }
    const pids = servers.map((s) => s.pid as number);
    const stats = () => pids.map((pid) => procStats(pid, readFileSync));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const periodMs = 1000 / rate;
    const timers = all.map((t, i) =>
      setTimeout(
        () => {
          void t.tick();
          timersById.set(
            i,
            setInterval(() => void t.tick().catch(() => errors++), periodMs),
          );
        },
        (i / tables) * periodMs,
      ),
    );
    const timersById = new Map<number, NodeJS.Timeout>();
    await sleep(Math.min(5_000, duration * 200));
    measuring = true;
    const before = stats();
    const t0 = performance.now();
    let peakRss = sum(before.map((b) => b.rssBytes));
    const minutes: number[] = [];
    const rssMiB: number[] = [];
    const sampler = setInterval(() => {
      const rss = sum(stats().map((x) => x.rssBytes));
      peakRss = Math.max(peakRss, rss);
      minutes.push((performance.now() - t0) / 60_000);
      rssMiB.push(rss / 1048576);
    }, 500);
    await sleep(duration * 1000);
    measuring = false;
    clearInterval(sampler);
    const after = stats();
    const seconds = (performance.now() - t0) / 1000;
    timers.forEach(clearTimeout);
    timersById.forEach(clearInterval);
    latencies.sort((a, b) => a - b);
    const report = {
      tables,
      clients: tables * 4,
      rate,
      durationSeconds: Math.round(seconds * 10) / 10,
      asksMeasured: latencies.length,
      asksSent,
      rejected: errors,
      latencyMs: {
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        p99: percentile(latencies, 0.99),
      },
      messagesPerSecond: Math.round(delivered / seconds),
      processes,
      serverCpuPercent:
        Math.round((sum(after.map((a, i) => a.cpuSeconds - (before[i]?.cpuSeconds ?? 0))) / seconds) * 1000) / 10,
      serverPeakRssMiB: Math.round(peakRss / 1048576),
      // RSS trend over the measured window, from samples every 0.5 s (the soak figure: flat is the goal).
      rssSlopeMiBPerMinute: Math.round(slope(minutes, rssMiB) * 100) / 100,
    };
    if (values.json) console.log(JSON.stringify(report));
    else {
      console.log(
        `quartet bench: ${report.tables} tables, ${report.clients} clients, ${rate} ask/table/s, ${report.durationSeconds} s`,
      );
      console.log(`  asks measured ${report.asksMeasured} (rejected ${report.rejected})`);
      console.log(
        `  latency ask->asked: p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, p99 ${report.latencyMs.p99} ms`,
      );
      console.log(`  messages to clients per second: ${report.messagesPerSecond}`);
      console.log(
        `  server CPU ${report.serverCpuPercent}% of one core, peak RSS ${report.serverPeakRssMiB} MiB (${processes} process${processes > 1 ? "es, summed" : ""})`,
      );
      console.log(`  RSS trend: ${report.rssSlopeMiBPerMinute} MiB per minute`);
    }
  } finally {
    await stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`bench:quartet: ${(error as Error).message}`);
  process.exit(1);
});
