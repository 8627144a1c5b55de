/**
 * What the browser tests and the client benchmark share: build the client
 * when it is older than its sources, start the real game server on a free
 * port (bots thinking fast) behind a small TCP proxy that can cut every
 * connection (a network drop), and launch Debian's Chromium with
 * playwright-core (never a downloaded browser).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, "dist", "client", "index.html");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Newest modification time of any file under `dir` (0 when missing). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  const stat = statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules") continue;
    max = Math.max(max, newest(path.join(dir, entry)));
  }
  return max;
}

/** Builds the client with Vite when `dist/client` is missing or older than its sources. */
export function buildClient(force = false): void {
  const sources = Math.max(
    newest(path.join(ROOT, "client")),
    newest(path.join(ROOT, "shared", "src")),
    newest(path.join(ROOT, "assets")),
    newest(path.join(ROOT, "vite.config.ts")),
  );
  if (!force && existsSync(DIST) && statSync(DIST).mtimeMs >= sources) return;
  const vite = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
  // Vitest sets NODE_ENV=test, which would make Vite build a development bundle.
  const env = { ...process.env, NODE_ENV: "production" };
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** A TCP proxy in front of the server; `drop()` cuts every open connection like a network failure. */
export class DropProxy {
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;

  private constructor(server: net.Server) {
    this.server = server;
  }

  static async start(port: number, target: number): Promise<DropProxy> {
    const proxy = new DropProxy(net.createServer());
    proxy.server.on("connection", (inbound) => {
      const outbound = net.connect(target, "127.0.0.1");
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
    await new Promise<void>((resolve) => proxy.server.listen(port, "127.0.0.1", resolve));
    return proxy;
  }

  /** Resets every connection (the browser sees an abnormal close). */
  drop(): void {
    for (const s of this.sockets) s.resetAndDestroy();
  }

  close(): Promise<void> {
    this.drop();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Starts the game server on `port` with its workshop data in `dataDir` and waits for `/health`. */
export async function startServer(
  port: number,
  dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "iot-data-")),
): Promise<ChildProcess> {
  const entry = process.env.IOT_SERVER_ENTRY ?? path.join(ROOT, "server", "src", "main.ts");
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      // Bots think fast in tests (see server/src/config.ts).
      QUARTET_BOT_DELAY_MS: process.env.QUARTET_BOT_DELAY_MS ?? "100,160",
      // The planner's round-3 day runs three times as fast as in a workshop (6 game minutes a second).
      PLANNER_MINUTES_PER_SECOND: process.env.PLANNER_MINUTES_PER_SECOND ?? "6",
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`server did not answer /health within 30 s:\n${output}`);
}

/** Launches headless Chromium from the system (Debian's package). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

export interface AppServer {
  /** The app's address, through the drop proxy. */
  url: string;
  proxy: DropProxy;
  /**
   * Stops the server with `signal` (SIGKILL: a crash; SIGTERM: a clean stop), waits until it has exited and
   * starts it again on the same port and data: what a restart at a venue does. Resolves once it answers `/health`.
   */
  restart(signal: "SIGKILL" | "SIGTERM"): Promise<void>;
  close(): Promise<void>;
}

function stopped(child: ChildProcess): Promise<unknown> {
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));
}

/** Builds the client if needed, starts the server (a fresh data folder unless DATA_DIR says) and a drop proxy in front of it. */
export async function startApp(): Promise<AppServer> {
  buildClient();
  const serverPort = await freePort();
  const dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "iot-data-"));
  let server = await startServer(serverPort, dataDir);
  const proxyPort = await freePort();
  const proxy = await DropProxy.start(proxyPort, serverPort);
  return {
    url: `http://127.0.0.1:${proxyPort}/`,
    proxy,
    async restart(signal) {
      server.kill(signal);
      await stopped(server);
      server = await startServer(serverPort, dataDir);
    },
    async close() {
      await proxy.close();
      server.kill("SIGTERM");
      await stopped(server);
    },
  };
}
