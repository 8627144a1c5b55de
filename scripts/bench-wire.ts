/**
 * Wire cost and CPU of the game server, speaking only the public protocol, so
 * it runs against any checkout of this repository (compare before and after a
 * refactor). Starts `node --import tsx DIR/server/src/main.ts` (cwd DIR) on a
 * free port, puts a small TCP proxy in front of it that counts the bytes and
 * WebSocket frames each connection receives from the server, and measures:
 *
 *   a. bytes server->client per quartet ask (4 human SDK clients at one table,
 *      whole games until --asks asks), in all and per client;
 *   b. bytes server->client per planner plan edit (3 planners, --edits edits,
 *      each moving one order onto a truck);
 *   c. server CPU per day-clock tick of a planner room with 6 planners in
 *      round 3 (ticks every 100 ms), minus an idle baseline in round 2, over
 *      --seconds seconds each.
 *
 * Every action waits for its answer at every client and for the state patch
 * it causes (150 ms at most: a view-only game sends none) before the next one
 * goes out, so each action has a patch of its own in every version. The
 * choices are seeded and the server runs with QUARTET_SEED=1 and
 * PLANNER_SEED=1, so a version plays the same games on every run and the
 * byte counts repeat exactly. Bytes are TCP payload (WebSocket frame headers included, TCP/IP
 * headers not); only WebSocket connections count, not the matchmaking HTTP
 * requests; the joins and the deal before the first action are left out.
 *
 * The clients are contract clients (the state and its patches) unless
 * --views: then they join with `views: true` and ask for their seat view
 * (`resync`), as the project's browser client does where the server has the
 * view route; every byte counts either way.
 *
 * Usage: npx tsx scripts/bench-wire.ts [--server-dir DIR] [--json] [--views] [--asks N] [--edits N] [--seconds S]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Client, type Room } from "@colyseus/sdk";

// ---------------------------------------------------------------------------
// Pure helpers (tests/scripts/benchWire.test.ts)

/** Bytes and frames of one kind. */
export interface Count {
  frames: number;
  bytes: number;
}

/** What one connection received from the server. */
export interface Tally {
  /** Every byte received (the HTTP upgrade response and frames not yet complete included). */
  bytes: number;
  /** Complete WebSocket frames and their bytes, by the Colyseus protocol code of their payload. */
  patch: Count;
  message: Count;
  other: Count;
}

export function emptyTally(): Tally {
  return { bytes: 0, patch: { frames: 0, bytes: 0 }, message: { frames: 0, bytes: 0 }, other: { frames: 0, bytes: 0 } };
}

/** `a` plus `b` (sign -1: minus), as a new tally. */
export function addTally(a: Tally, b: Tally, sign = 1): Tally {
  const add = (x: Count, y: Count): Count => ({ frames: x.frames + sign * y.frames, bytes: x.bytes + sign * y.bytes });
  return {
    bytes: a.bytes + sign * b.bytes,
    patch: add(a.patch, b.patch),
    message: add(a.message, b.message),
    other: add(a.other, b.other),
  };
}

/** Data frames (patches, messages and the rest) of a tally. */
export function framesOf(t: Tally): number {
  return t.patch.frames + t.message.frames + t.other.frames;
}

// Colyseus protocol codes (@colyseus/shared-types): the low 5 bits of a frame's first payload byte.
const ROOM_DATA = 13;
const ROOM_STATE = 14;
const ROOM_STATE_PATCH = 15;
const ROOM_DATA_SCHEMA = 16;
const ROOM_DATA_BYTES = 17;
const ROOM_RESPONSE = 22;

type Kind = "patch" | "message" | "other";

function kindOf(code: number): Kind {
  if (code === ROOM_STATE || code === ROOM_STATE_PATCH) return "patch";
  if ([ROOM_DATA, ROOM_DATA_SCHEMA, ROOM_DATA_BYTES, ROOM_RESPONSE].includes(code)) return "message";
  return "other";
}

/**
 * Counts one direction of a connection as it passes, chunk by chunk: first
 * the HTTP response head; after a `101 Switching Protocols` every WebSocket
 * frame (RFC 6455), sorted by the Colyseus protocol code in its first
 * payload byte: state and patches, room messages, the rest (control frames
 * among them). A frame's bytes count once it is complete.
 */
export class WsDownstreamCounter {
  readonly tally = emptyTally();
  /** null until the response head is read; then whether the connection became a WebSocket. */
  websocket: boolean | null = null;
  private head = Buffer.alloc(0);
  private frameHead: number[] = [];
  private remaining = 0;
  private inPayload = false;
  private frameBytes = 0;
  private kind: Kind = "other";
  private lastDataKind: Kind = "other";
  private needKind = false;
  private mask: number[] | null = null;
  private opcode = 0;

  push(chunk: Buffer): void {
    this.tally.bytes += chunk.length;
    if (this.websocket === false) return;
    if (this.websocket === null) {
      this.head = Buffer.concat([this.head, chunk]);
      const end = this.head.indexOf("\r\n\r\n");
      if (end < 0) {
        if (this.head.length > 65536) this.websocket = false;
        return;
      }
      this.websocket = /^HTTP\/1\.[01] 101\b/.test(this.head.subarray(0, end).toString("latin1"));
      const rest = this.head.subarray(end + 4);
      this.head = Buffer.alloc(0);
      if (this.websocket) this.frames(rest);
      return;
    }
    this.frames(chunk);
  }

  private frames(buf: Buffer): void {
    let i = 0;
    while (i < buf.length) {
      if (!this.inPayload) {
        this.frameHead.push(buf[i++] as number);
        const h = this.frameHead;
        if (h.length < 2) continue;
        const len7 = (h[1] as number) & 127;
        const ext = len7 === 126 ? 2 : len7 === 127 ? 8 : 0;
        const masked = ((h[1] as number) & 128) !== 0;
        const total = 2 + ext + (masked ? 4 : 0);
        if (h.length < total) continue;
        let length = len7;
        if (ext === 2) length = ((h[2] as number) << 8) | (h[3] as number);
        if (ext === 8) length = h.slice(2, 10).reduce((n, b) => n * 256 + b, 0);
        this.mask = masked ? h.slice(2 + ext, total) : null;
        const opcode = (h[0] as number) & 15;
        this.frameBytes = total + length;
        this.remaining = length;
        this.needKind = false;
        if (opcode >= 8) this.kind = "other";
        else if (opcode === 0) this.kind = this.lastDataKind;
        else this.needKind = true;
        this.frameHead = [];
        if (length === 0) this.finish(opcode);
        else {
          this.inPayload = true;
          this.opcode = opcode;
        }
        continue;
      }
      if (this.needKind) {
        const first = (buf[i] as number) ^ (this.mask ? (this.mask[0] as number) : 0);
        this.kind = kindOf(first & 31);
        this.needKind = false;
      }
      const take = Math.min(this.remaining, buf.length - i);
      i += take;
      this.remaining -= take;
      if (this.remaining === 0) {
        this.inPayload = false;
        this.finish(this.opcode);
      }
    }
  }

  private finish(opcode: number): void {
    if (this.needKind) this.kind = "other";
    this.needKind = false;
    const c = this.tally[this.kind];
    c.frames++;
    c.bytes += this.frameBytes;
    if (opcode < 8) this.lastDataKind = this.kind;
  }
}

/** One JSON patch operation (RFC 6902) of the kinds a server sends: add, replace, remove. */
export interface PatchOp {
  op: string;
  path: string;
  value?: unknown;
}

/** Applies `ops` to `doc` in place (the root replaced by a "" path) and returns the document. */
export function applyPatch(doc: unknown, ops: readonly PatchOp[]): unknown {
  for (const { op, path: p, value } of ops) {
    if (p === "") {
      if (op !== "remove") doc = value;
      continue;
    }
    const keys = p
      .split("/")
      .slice(1)
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    const last = keys.pop() as string;
    let parent = doc as Record<string, unknown> | unknown[];
    for (const k of keys) parent = (parent as Record<string, unknown>)[k] as Record<string, unknown>;
    if (Array.isArray(parent)) {
      const index = last === "-" ? parent.length : Number(last);
      if (op === "add") parent.splice(index, 0, value);
      else if (op === "replace") parent[index] = value;
      else if (op === "remove") parent.splice(index, 1);
    } else if (op === "remove") delete parent[last];
    else parent[last] = value;
  }
  return doc;
}

/** A planner's plan as the `plan` message carries it. */
export interface Plan {
  routes: { vehicle: string; orders: string[] }[];
}

/** `plan` with `order` taken off wherever it is and put last on `vehicle` (empty routes left out). */
export function moveOrder(plan: Plan, order: string, vehicle: string): Plan {
  const routes = plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.filter((o) => o !== order) }));
  let route = routes.find((r) => r.vehicle === vehicle);
  if (!route) {
    route = { vehicle, orders: [] };
    routes.push(route);
  }
  route.orders.push(order);
  return { routes: routes.filter((r) => r.orders.length > 0) };
}

/** Every legal ask of a player (quartet rule): any card not held of a theme held, from another player with cards. */
export function legalAsks(hand: readonly string[], others: readonly string[]): { to: string; card: string }[] {
  const themes = [...new Set(hand.map((c) => c.slice(0, c.lastIndexOf("-"))))];
  const out: { to: string; card: string }[] = [];
  for (const to of others)
    for (const t of themes)
      for (let n = 1; n <= 4; n++) if (!hand.includes(`${t}-${n}`)) out.push({ to, card: `${t}-${n}` });
  return out;
}

/** A small seeded generator (mulberry32) in [0, 1): the same choices in every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CPU seconds (user + system, every thread) a Linux process has used, from /proc/<pid>/stat. */
export function cpuSeconds(stat: string, ticksPerSecond: number): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

// ---------------------------------------------------------------------------
// The counting proxy and the server

interface Connection {
  id: number;
  /** The Colyseus session of a room connection (from `?sessionId=` of the upgrade request), else "". */
  sessionId: string;
  down: WsDownstreamCounter;
}

/** A TCP proxy in front of the server that counts what every connection receives from it. */
class CountingProxy {
  readonly connections: Connection[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server) {}

  static async start(target: number): Promise<{ proxy: CountingProxy; port: number }> {
    const proxy = new CountingProxy(net.createServer());
    proxy.server.on("connection", (inbound) => {
      const outbound = net.connect(target, "127.0.0.1");
      const conn: Connection = { id: proxy.connections.length, sessionId: "", down: new WsDownstreamCounter() };
      proxy.connections.push(conn);
      let request = "";
      inbound.on("data", (d: Buffer) => {
        if (request.length > 8192 || request.includes("\r\n")) return;
        request += d.toString("latin1");
        const line = /^GET (\S+) HTTP/.exec(request);
        if (line?.[1]) conn.sessionId = new URL(line[1], "http://x").searchParams.get("sessionId") ?? "";
      });
      outbound.on("data", (d: Buffer) => conn.down.push(d));
      for (const s of [inbound, outbound]) {
        proxy.sockets.add(s);
        s.on("close", () => proxy.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      inbound.pipe(outbound);
      outbound.pipe(inbound);
      inbound.on("close", () => outbound.destroy());
      outbound.on("close", () => inbound.destroy());
    });
    await new Promise<void>((resolve) => proxy.server.listen(0, "127.0.0.1", resolve));
    return { proxy, port: (proxy.server.address() as net.AddressInfo).port };
  }

  /** What every WebSocket connection has received so far, by session id ("" for others summed). */
  mark(): Map<string, Tally> {
    const m = new Map<string, Tally>();
    for (const c of this.connections) {
      if (c.down.websocket !== true) continue;
      m.set(c.sessionId, addTally(m.get(c.sessionId) ?? emptyTally(), c.down.tally));
    }
    return m;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What each session received between two marks. */
function since(before: Map<string, Tally>, after: Map<string, Tally>): Map<string, Tally> {
  const m = new Map<string, Tally>();
  for (const [id, t] of after) m.set(id, addTally(t, before.get(id) ?? emptyTally(), -1));
  return m;
}

/**
 * Splits the bytes of a run of actions into what the acting client and the
 * other clients received: `next` closes the interval of the action before
 * (everything received since it was sent) and opens one for the next actor.
 */
class ActorSplit {
  private actor = 0;
  private others = 0;
  private actions = 0;
  private otherClients = 0;
  private open: { mark: Map<string, Tally>; actor: string; ids: readonly string[] } | null = null;

  constructor(private readonly proxy: CountingProxy) {}

  next(actor: string | null, ids: readonly string[] = []): void {
    const now = this.proxy.mark();
    if (this.open) {
      const d = since(this.open.mark, now);
      for (const id of this.open.ids) {
        const bytes = d.get(id)?.bytes ?? 0;
        if (id === this.open.actor) this.actor += bytes;
        else this.others += bytes;
      }
      this.actions++;
      this.otherClients += this.open.ids.length - 1;
    }
    this.open = actor === null ? null : { mark: now, actor, ids };
  }

  /** Bytes per action to the client that acted, and to each other client. */
  result(): { toActor: number; toEachOther: number } {
    const r = (x: number, n: number) => (n === 0 ? 0 : Math.round((x / n) * 10) / 10);
    return { toActor: r(this.actor, this.actions), toEachOther: r(this.others, this.otherClients) };
  }
}

function total(m: Map<string, Tally>): Tally {
  let t = emptyTally();
  for (const x of m.values()) t = addTally(t, x);
  return t;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

interface Server {
  child: ChildProcess;
  pid: number;
  port: number;
  proxy: CountingProxy;
  url: string;
  stop(): Promise<void>;
}

/** Starts the game server of checkout `dir` and a counting proxy in front of it; waits for `/health`. */
async function startServer(dir: string, extraEnv: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "iot-bench-wire-"));
  tempDirs.push(dataDir);
  const child = spawn(
    process.execPath,
    ["--disable-warning=ExperimentalWarning", "--import", "tsx", path.join(dir, "server", "src", "main.ts")],
    {
      cwd: dir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATA_DIR: dataDir,
        QUARTET_BOT_DELAY_MS: "0",
        QUARTET_SEED: "1",
        PLANNER_SEED: "1",
        // The quartet's per-client rate limit out of the way (the planner's pace stays under its own).
        QUARTET_RATE_BURST: "1000",
        QUARTET_RATE_PER_SECOND: "1000",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.add(child);
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("exit", () => children.delete(child));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer /health within 60 s:\n${output}`);
    await sleep(100);
  }
  const { proxy, port: proxyPort } = await CountingProxy.start(port);
  return {
    child,
    pid: child.pid as number,
    port,
    proxy,
    url: `ws://127.0.0.1:${proxyPort}`,
    async stop() {
      await leaveAll([...openRooms].map((room) => ({ room })));
      await proxy.close();
      await stopChild(child);
    },
  };
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

let clockTicks = 0;

/** Server CPU seconds so far; clock ticks per second from `getconf CLK_TCK` (100 if it does not answer). */
function serverCpu(pid: number): number {
  if (clockTicks === 0) {
    const n = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim());
    clockTicks = Number.isFinite(n) && n > 0 ? n : 100;
  }
  return cpuSeconds(readFileSync(`/proc/${pid}/stat`, "utf8"), clockTicks);
}

// ---------------------------------------------------------------------------
// Clients

/** Callbacks re-checked after every WebSocket message any client decodes. */
const watchers = new Set<() => void>();

/** Resolves true once `cond` holds (checked after every incoming message), false after `timeoutMs`. */
function until(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  if (cond()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      watchers.delete(check);
      resolve(ok);
    };
    const check = () => {
      if (cond()) done(true);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    watchers.add(check);
  });
}

async function mustUntil(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  if (!(await until(cond, timeoutMs))) throw new Error(`timed out waiting for ${what}`);
}

interface MapLike<T> {
  get(key: string): T | undefined;
  forEach(cb: (value: T, key: string) => void): void;
}

/** One SDK client in a room, with what the benchmark follows of it. */
class Seat<S> {
  /** State patches (and full states) this client has decoded. */
  patches = 0;
  /** Room messages by type, each with the number of patches decoded before it. */
  readonly messages = new Map<string, { payload: unknown; patches: number }[]>();
  rejections: string[] = [];
  /** The document of the `view` route (whole view, then JSON patches), when the server sends one. */
  view: unknown = null;

  constructor(readonly room: Room<S>) {
    const events = room.connection.events as { onmessage?: (e: MessageEvent) => void };
    const decode = events.onmessage;
    events.onmessage = (e: MessageEvent) => {
      const data = e.data as ArrayBuffer | Uint8Array;
      const first = data instanceof ArrayBuffer ? new Uint8Array(data)[0] : data[0];
      decode?.(e);
      if (kindOf((first ?? 0) & 31) === "patch") this.patches++;
      for (const w of [...watchers]) w();
    };
    // The messages are the same in every game; the state type does not matter here.
    const any = room as unknown as Room;
    any.onMessage("rejected", (m: { code: string }) => this.rejections.push(m.code));
    any.onMessage("view", (m: { full?: unknown; ops?: PatchOp[] }) => {
      if ("full" in m) this.view = m.full;
      else if (m.ops && this.view !== null) this.view = applyPatch(this.view, m.ops);
    });
    any.onMessage("*", (type: string | number, payload: unknown) => this.keep(String(type), payload));
    for (const type of ["asked", "event"]) any.onMessage(type, (payload: unknown) => this.keep(type, payload));
  }

  private keep(type: string, payload: unknown): void {
    const list = this.messages.get(type) ?? [];
    list.push({ payload, patches: this.patches });
    this.messages.set(type, list);
  }

  get id(): string {
    return this.room.sessionId;
  }

  count(type: string, match: (m: unknown) => boolean = () => true): number {
    const sent = (this.messages.get(type) ?? []).filter((m) => match(m.payload)).length;
    // A client on the view route gets no `asked`: the ask is in its view's history.
    const history = (this.view as { game?: { history?: { type: string }[] } } | null)?.game?.history ?? [];
    return sent + history.filter((e) => e.type === type && match(e)).length;
  }

  /** Whether message `n` (from 0) of `type` that matches has arrived, and a state patch after it. */
  patchedAfter(type: string, match: (m: unknown) => boolean, n: number): boolean {
    const m = (this.messages.get(type) ?? []).filter((x) => match(x.payload))[n];
    return m !== undefined && this.patches > m.patches;
  }

  get state(): S {
    return this.room.state as S;
  }
}

/**
 * Seats `n` clients at a new room: the first creates it, the others join by id.
 * With `views`, each joins with `views: true` and asks for its seat view
 * (`resync`), as the project's own browser client does on the view route.
 */
async function openTable<S>(
  client: Client,
  roomName: string,
  hostOptions: Record<string, unknown>,
  n: number,
  views: boolean,
): Promise<Seat<S>[]> {
  const extra = views ? { views: true } : {};
  const host = await client.create<S>(roomName, { name: "P0", ...hostOptions, ...extra });
  openRooms.add(host);
  const seats = [new Seat(host)];
  for (let i = 1; i < n; i++) {
    const room = await client.joinById<S>(host.roomId, { name: `P${i}`, ...extra });
    openRooms.add(room);
    seats.push(new Seat(room));
  }
  if (views) {
    for (const s of seats) s.room.send("resync", {});
    const ok = await until(() => seats.every((s) => s.view !== null), 5000);
    if (!ok) {
      const answer = seats[0]?.rejections[0] ?? "no answer";
      throw new Error(`--views: no view from the ${roomName} room (${answer}); has this server the view route?`);
    }
  }
  return seats;
}

/** How long an action waits for a state patch after its message (Colyseus patches every 50 ms by default). */
const PATCH_WAIT_MS = 150;

/**
 * One action of `actor`: sends it, waits for the message every client gets
 * when it is accepted (`type` matching `match`) or the actor's rejection, then
 * for the state patch after that message at every client. The server sends
 * room messages (seat views among them, before the events) at once and
 * patches on its patch clock, so that patch is the action's own, and the
 * next action starts with nothing of this one under way. Where the state
 * has nothing that changes (a view-only game), no patch comes: "no patch"
 * after {@link PATCH_WAIT_MS}.
 */
async function act<S>(
  seats: readonly Seat<S>[],
  actor: Seat<S>,
  type: string,
  match: (m: unknown) => boolean,
  send: () => void,
): Promise<"ok" | "rejected" | "no patch"> {
  const n0 = seats.map((s) => s.count(type, match));
  const p0 = seats.map((s) => s.patches);
  const mine = n0[seats.indexOf(actor)] as number;
  const r0 = actor.rejections.length;
  send();
  await mustUntil(
    () => actor.count(type, match) > mine || actor.rejections.length > r0,
    5000,
    `the answer to ${type === "asked" ? "an ask" : "a plan"}`,
  );
  if (actor.rejections.length > r0) return "rejected";
  await mustUntil(
    () => seats.every((s, i) => s.count(type, match) > (n0[i] as number)),
    5000,
    `every client's ${type} message`,
  );
  // The view route sends no state patch; on the state's route the action's patch may come before or after its message.
  if (seats.every((s) => s.view !== null)) return "ok";
  const all = () =>
    seats.every((s, i) => s.patchedAfter(type, match, n0[i] as number) || s.patches > (p0[i] as number));
  return (await until(all, PATCH_WAIT_MS)) ? "ok" : "no patch";
}

/** Rooms joined and not yet left (left before a server stops, so the SDK does not try to reconnect). */
const openRooms = new Set<Leavable>();

interface Leavable {
  leave(consented?: boolean): Promise<number>;
}

async function leaveAll(seats: readonly { room: Leavable }[]): Promise<void> {
  await Promise.all(
    seats.map((s) => {
      openRooms.delete(s.room);
      return Promise.race([s.room.leave(true).catch(() => undefined), sleep(2000)]);
    }),
  );
}

// ---------------------------------------------------------------------------
// a. Quartet asks

interface QuartetPlayer {
  hand?: Iterable<string>;
  handCount: number;
  seat: number;
}
interface QuartetState {
  phase: string;
  turn: string;
  players: MapLike<QuartetPlayer>;
}

/** What one quartet client knows: from its seat view on the view route, else from the state. */
interface QuartetSeen {
  phase: string;
  turn: string;
  hand: string[];
  players: { id: string; seat: number; handCount: number }[];
}

function quartetSeen(seat: Seat<QuartetState>): QuartetSeen {
  const game = (seat.view as { game?: QuartetSeen | null } | null)?.game;
  if (game) return { phase: game.phase, turn: game.turn ?? "", hand: game.hand ?? [], players: game.players ?? [] };
  const state = seat.state;
  const players: QuartetSeen["players"] = [];
  state.players?.forEach((p, id) => players.push({ id, seat: p.seat, handCount: p.handCount }));
  const hand = [...(state.players?.get(seat.id)?.hand ?? [])];
  return { phase: state.phase ?? "waiting", turn: state.turn ?? "", hand, players };
}

interface PerAction {
  /** Bytes to all clients per action, and per client (the mean). */
  bytes: number;
  bytesPerClient: number;
  /** Of `bytes`: state patches and room messages. */
  patchBytes: number;
  messageBytes: number;
  /** WebSocket data frames to all clients per action. */
  frames: number;
  /** Bytes per action to each seat, host first. */
  bySeat: number[];
  /** Server CPU per action over the window (ms; idle included). */
  cpuMsGross: number;
}

function perAction(t: Map<string, Tally>, order: string[][], actions: number, clients: number, cpuS: number) {
  const sum = total(t);
  const r = (x: number, d = 1) => Math.round((x / actions) * 10 ** d) / 10 ** d;
  const seatCount = Math.max(...order.map((o) => o.length));
  const bySeat = Array.from({ length: seatCount }, (_, i) =>
    r(order.reduce((a, ids) => a + (t.get(ids[i] ?? "")?.bytes ?? 0), 0)),
  );
  return {
    bytes: r(sum.bytes),
    bytesPerClient: r(sum.bytes / clients),
    patchBytes: r(sum.patch.bytes),
    messageBytes: r(sum.message.bytes),
    frames: r(framesOf(sum), 2),
    bySeat,
    cpuMsGross: r(cpuS * 1000, 3),
  } satisfies PerAction;
}

async function benchQuartet(server: Server, targetAsks: number, views: boolean) {
  const client = new Client(server.url);
  let asks = 0;
  let games = 0;
  let rejected = 0;
  let patchTimeouts = 0;
  const window = new Map<string, Tally>();
  const split = new ActorSplit(server.proxy);
  let cpu = 0;
  const seatOrders: string[][] = [];
  while (asks < targetAsks) {
    const seats = await openTable<QuartetState>(client, "quartet", { seats: 4 }, 4, views);
    const host = seats[0] as Seat<QuartetState>;
    const bySession = new Map(seats.map((s) => [s.id, s]));
    seatOrders.push(seats.map((s) => s.id));
    const rng = seeded(games + 1);
    host.room.send("start", {});
    const playing = () => quartetSeen(host).phase === "playing";
    await mustUntil(
      () => seats.every((s) => quartetSeen(s).phase === "playing" && quartetSeen(s).hand.length > 0),
      5000,
      "the deal",
    );
    await sleep(150);
    const m0 = server.proxy.mark();
    const c0 = serverCpu(server.pid);
    while (playing()) {
      let actor: Seat<QuartetState> | undefined;
      await mustUntil(
        () => {
          actor = bySession.get(quartetSeen(host).turn);
          return !playing() || (actor !== undefined && quartetSeen(actor).turn === actor.id);
        },
        3000,
        "the turn",
      );
      if (!playing() || !actor) break;
      const me = actor;
      const seen = quartetSeen(me);
      const others = seen.players.filter((p) => p.id !== me.id && p.handCount > 0).sort((x, y) => x.seat - y.seat);
      const options = legalAsks(
        seen.hand,
        others.map((o) => o.id),
      );
      if (options.length === 0) {
        // The state may be a patch behind; wait for the next one.
        const p = me.patches;
        await mustUntil(() => me.patches > p || !playing(), 3000, "a legal ask");
        continue;
      }
      const ask = options[Math.floor(rng() * options.length)] as { to: string; card: string };
      split.next(
        me.id,
        seats.map((s) => s.id),
      );
      const outcome = await act(
        seats,
        me,
        "asked",
        (m) => (m as { from?: string }).from === me.id,
        () => me.room.send("ask", ask),
      );
      if (outcome === "rejected") {
        rejected++;
        continue;
      }
      asks++;
      if (outcome === "no patch") patchTimeouts++;
    }
    await sleep(200);
    split.next(null);
    for (const [id, t] of since(m0, server.proxy.mark())) window.set(id, addTally(window.get(id) ?? emptyTally(), t));
    cpu += serverCpu(server.pid) - c0;
    if (quartetSeen(host).phase === "finished") games++;
    await leaveAll(seats);
  }
  return { asks, games, rejected, patchTimeouts, ...perAction(window, seatOrders, asks, 4, cpu), ...split.result() };
}

// ---------------------------------------------------------------------------
// b. and c. Planner

interface PlannerState {
  phase: string;
  round: number;
  clock: number;
  planners: MapLike<{ carrier?: string }>;
}

/** Phase, round and clock of the planner game, from the seat view where there is one, else from the state. */
function plannerSeen(seat: Seat<PlannerState>): { phase: string; round: number; clock: number } {
  const game = (seat.view as { game?: { phase: string; round: number; clock: number } | null } | null)?.game;
  if (game) return game;
  return { phase: seat.state.phase ?? "waiting", round: seat.state.round ?? 0, clock: seat.state.clock ?? 0 };
}

interface CarrierIds {
  orders: string[];
  fleet: string[];
  plan: Plan;
}

/**
 * The planner's own carrier: the view-filtered `carrier` JSON in the state
 * (the schema route), or the `carrier` of the game in the `view` document
 * (the view route).
 */
function carrierOf(seat: Seat<PlannerState>): CarrierIds | null {
  const json = seat.state.planners?.get(seat.id)?.carrier;
  type Doc = { scenario?: { orders?: { id: string }[]; fleet?: { id: string }[] }; plan?: Plan };
  const doc: Doc | null | undefined =
    typeof json === "string" && json !== ""
      ? (JSON.parse(json) as Doc)
      : (seat.view as { game?: { carrier?: Doc } } | null)?.game?.carrier;
  const orders = doc?.scenario?.orders?.map((o) => o.id);
  const fleet = doc?.scenario?.fleet?.map((v) => v.id);
  if (!doc || !orders?.length || !fleet?.length) return null;
  return { orders, fleet, plan: doc.plan ?? { routes: [] } };
}

/** Sends a plan and waits for its `plan-set` event and the patch after it at every client. */
function sendPlan(seats: readonly Seat<PlannerState>[], seat: Seat<PlannerState>, plan: Plan) {
  const mine = (m: unknown) => {
    const e = m as { type?: string; player?: string };
    return e.type === "plan-set" && e.player === seat.id;
  };
  return act(seats, seat, "event", mine, () => seat.room.send("plan", { plan }));
}

async function openPlanner(server: Server, planners: number, views: boolean): Promise<Seat<PlannerState>[]> {
  const options = { planners, difficulty: 2 };
  const seats = await openTable<PlannerState>(new Client(server.url), "planner", options, planners, views);
  (seats[0] as Seat<PlannerState>).room.send("start", {});
  const ready = () =>
    seats.every((s) => plannerSeen(s).phase === "round" && plannerSeen(s).round === 1 && carrierOf(s) !== null);
  if (!views && !(await until(ready, 3000))) {
    // A server whose planner sends the carrier only on the view route: ask for the views after all.
    notes.add("the planner carrier came only after `resync` (view route)");
    for (const s of seats) s.room.send("resync", {});
  }
  await mustUntil(ready, 10_000, "round 1 and every carrier");
  await sleep(150);
  return seats;
}

/** Things a reader of the figures should know (printed after the table). */
const notes = new Set<string>();

async function benchPlanEdits(server: Server, edits: number, views: boolean) {
  const seats = await openPlanner(server, 3, views);
  const carriers = seats.map((s) => carrierOf(s) as CarrierIds);
  const plans = carriers.map((c) => c.plan);
  let rejected = 0;
  let patchTimeouts = 0;
  let done = 0;
  const ids = seats.map((s) => s.id);
  const split = new ActorSplit(server.proxy);
  const m0 = server.proxy.mark();
  const c0 = serverCpu(server.pid);
  for (let i = 0; i < edits; i++) {
    const j = i % seats.length;
    const k = Math.floor(i / seats.length);
    const { orders, fleet } = carriers[j] as CarrierIds;
    const order = orders[k % orders.length] as string;
    // On every pass over the orders, each goes to the next truck, so every edit changes the plan.
    const vehicle = fleet[(k + Math.floor(k / orders.length)) % fleet.length] as string;
    const plan = moveOrder(plans[j] as Plan, order, vehicle);
    split.next(ids[j] as string, ids);
    const outcome = await sendPlan(seats, seats[j] as Seat<PlannerState>, plan);
    if (outcome === "rejected") {
      rejected++;
      continue;
    }
    plans[j] = plan;
    done++;
    if (outcome === "no patch") patchTimeouts++;
  }
  await sleep(200);
  split.next(null);
  const window = since(m0, server.proxy.mark());
  const cpu = serverCpu(server.pid) - c0;
  await leaveAll(seats);
  return {
    edits: done,
    rejected,
    patchTimeouts,
    ...perAction(window, [ids], done, seats.length, cpu),
    ...split.result(),
  };
}

/** Every order of the carrier, spread over its trucks in turn. */
function spreadPlan(c: CarrierIds): Plan {
  let plan: Plan = { routes: [] };
  c.orders.forEach((o, i) => (plan = moveOrder(plan, o, c.fleet[i % c.fleet.length] as string)));
  return plan;
}

const TICK_MS = 100;
const MINUTES_PER_SECOND = 20;

async function benchClock(dir: string, seconds: number, views: boolean) {
  const server = await startServer(dir, {
    PLANNER_CLOCK_TICK_MS: String(TICK_MS),
    PLANNER_MINUTES_PER_SECOND: String(MINUTES_PER_SECOND),
  });
  try {
    const seats = await openPlanner(server, 6, views);
    const host = seats[0] as Seat<PlannerState>;
    // Every carrier plans its whole day, so the clock has routes to drive and stops to lock.
    for (const s of seats) {
      const outcome = await sendPlan(seats, s, spreadPlan(carrierOf(s) as CarrierIds));
      if (outcome === "rejected") throw new Error(`the full plan was rejected: ${s.rejections.at(-1)}`);
    }
    const step = async (phase: string, round: number) => {
      host.room.send("next", {});
      const at = () => plannerSeen(host).phase === phase && plannerSeen(host).round === round;
      await mustUntil(at, 10_000, `${phase} ${round}`);
    };
    await step("review", 1);
    await step("round", 2);
    await sleep(1000);
    const measure = async () => {
      const m0 = server.proxy.mark();
      const c0 = serverCpu(server.pid);
      const clock0 = plannerSeen(host).clock;
      const t0 = performance.now();
      let changes = 0;
      let last = clock0;
      const onChange = () => {
        const clock = plannerSeen(host).clock;
        if (clock !== last) changes++;
        last = clock;
      };
      watchers.add(onChange);
      await sleep(seconds * 1000);
      watchers.delete(onChange);
      return {
        ms: performance.now() - t0,
        cpu: serverCpu(server.pid) - c0,
        bytes: total(since(m0, server.proxy.mark())),
        clockMinutes: Math.round(plannerSeen(host).clock - clock0),
        changes,
      };
    };
    const idle = await measure();
    await step("review", 2);
    await step("round", 3);
    await sleep(300);
    const day = await measure();
    await leaveAll(seats);
    const ticks = day.ms / TICK_MS;
    const idleCpuPerMs = idle.cpu / idle.ms;
    const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
    return {
      planners: seats.length,
      seconds: r(day.ms / 1000, 1),
      ticks: Math.round(ticks),
      clockChanges: day.changes,
      clockMinutes: day.clockMinutes,
      idleCpuPercent: r(idleCpuPerMs * 1e5, 2),
      round3CpuPercent: r((day.cpu / day.ms) * 1e5, 2),
      cpuMsPerTick: r(((day.cpu - idleCpuPerMs * day.ms) * 1000) / ticks, 3),
      bytesPerTick: r(day.bytes.bytes / ticks, 1),
      framesPerTick: r(framesOf(day.bytes) / ticks, 2),
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "server-dir": { type: "string", default: path.resolve(import.meta.dirname, "..") },
      json: { type: "boolean", default: false },
      asks: { type: "string", default: "300" },
      edits: { type: "string", default: "100" },
      seconds: { type: "string", default: "20" },
      views: { type: "boolean", default: false },
    },
  });
  const dir = path.resolve(values["server-dir"] as string);
  const asks = Number(values.asks);
  const edits = Number(values.edits);
  const seconds = Number(values.seconds);
  const views = values.views as boolean;
  if (![asks, edits, seconds].every((x) => Number.isFinite(x) && x > 0)) {
    throw new Error("--asks, --edits and --seconds must be positive numbers");
  }
  if (!existsSync(path.join(dir, "server", "src", "main.ts"))) throw new Error(`no server/src/main.ts in ${dir}`);
  const commit = spawnSync("git", ["-C", dir, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const t0 = performance.now();

  const server = await startServer(dir, {});
  let quartet: Awaited<ReturnType<typeof benchQuartet>>;
  let planner: Awaited<ReturnType<typeof benchPlanEdits>>;
  try {
    quartet = await benchQuartet(server, asks, views);
    planner = await benchPlanEdits(server, edits, views);
  } finally {
    await server.stop();
  }
  const clock = await benchClock(dir, seconds, views);
  const report = {
    serverDir: dir,
    commit,
    route: views ? "views" : "schema",
    notes: [...notes],
    quartet,
    planner,
    clock,
    runSeconds: Math.round((performance.now() - t0) / 100) / 10,
  };
  if (values.json) {
    console.log(JSON.stringify(report));
    return;
  }
  const q = quartet;
  const p = planner;
  const c = clock;
  const rows: [string, string][] = [
    [`quartet: bytes to 4 clients per ask (${q.asks} asks, ${q.games} games)`, `${q.bytes}`],
    ["  per client (mean; by seat)", `${q.bytesPerClient} (${q.bySeat.join(" / ")})`],
    ["  to the asker / to each other client", `${q.toActor} / ${q.toEachOther}`],
    ["  of which patches / messages", `${q.patchBytes} / ${q.messageBytes}`],
    ["  WebSocket frames per ask (all clients)", `${q.frames}`],
    ["  server CPU per ask, gross (ms)", `${q.cpuMsGross}`],
    [`planner: bytes to 3 clients per plan edit (${p.edits} edits)`, `${p.bytes}`],
    ["  per client (mean; by seat)", `${p.bytesPerClient} (${p.bySeat.join(" / ")})`],
    ["  to the editor / to each other client", `${p.toActor} / ${p.toEachOther}`],
    ["  of which patches / messages", `${p.patchBytes} / ${p.messageBytes}`],
    ["  WebSocket frames per edit (all clients)", `${p.frames}`],
    ["  server CPU per edit, gross (ms)", `${p.cpuMsGross}`],
    [`planner clock, ${c.planners} planners, round 3 (${c.ticks} ticks of ${TICK_MS} ms)`, ""],
    ["  server CPU per tick, minus idle (ms)", `${c.cpuMsPerTick}`],
    ["  CPU round 3 / round 2 idle (% of one core)", `${c.round3CpuPercent} / ${c.idleCpuPercent}`],
    ["  bytes / frames to 6 clients per tick", `${c.bytesPerTick} / ${c.framesPerTick}`],
    ["  clock changes seen (game minutes)", `${c.clockChanges} (${c.clockMinutes})`],
  ];
  console.log(`bench:wire ${dir} (${commit}), ${report.route} route, ${report.runSeconds} s`);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  const problems = [
    q.rejected && `${q.rejected} asks rejected`,
    q.patchTimeouts && `${q.patchTimeouts} asks without a state patch`,
    p.rejected && `${p.rejected} edits rejected`,
    p.patchTimeouts && `${p.patchTimeouts} edits without a state patch`,
  ].filter(Boolean);
  for (const note of notes) problems.push(note);
  if (problems.length > 0) console.log(`note: ${problems.join("; ")}`);
}

function cleanUp(): void {
  for (const child of children) child.kill("SIGKILL");
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  process.on("exit", cleanUp);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      cleanUp();
      process.exit(130);
    });
  main()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(`bench:wire: ${(error as Error).stack ?? error}`);
      process.exit(1);
    });
}
