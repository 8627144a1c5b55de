/** Timing and limits of the quartet room. All durations in milliseconds unless named otherwise. */
export interface QuartetConfig {
  /** A bot thinks for a random time in this range before it asks (ms). */
  botDelayMs: [number, number];
  /** How long a dropped player's seat and hand wait for them (seconds). */
  reconnectSeconds: number;
  /** How long a finished table stays open for the end screen (ms). */
  lingerMs: number;
  /** Per-client rate limit: burst size (messages) and refill (messages per second). */
  rateBurst: number;
  ratePerSecond: number;
  /** Fixed deal seed (tests); null draws a fresh seed per table. */
  seed: number | null;
}

export const DEFAULT_QUARTET_CONFIG: QuartetConfig = {
  botDelayMs: [700, 1600],
  reconnectSeconds: 120,
  lingerMs: 10 * 60_000,
  rateBurst: 20,
  ratePerSecond: 10,
  seed: null,
};

function num(env: NodeJS.ProcessEnv, key: string): number | undefined {
  const raw = env[key];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${key} must be a number >= 0, got "${raw}"`);
  return value;
}

/**
 * Reads the quartet settings from the environment, falling back to the
 * defaults: QUARTET_BOT_DELAY_MS ("min,max" or one number), QUARTET_RECONNECT_SECONDS,
 * QUARTET_LINGER_MS, QUARTET_RATE_BURST, QUARTET_RATE_PER_SECOND, QUARTET_SEED.
 * Throws with the variable's name on a malformed value.
 */
export function quartetConfigFromEnv(env: NodeJS.ProcessEnv = process.env): QuartetConfig {
  const c = { ...DEFAULT_QUARTET_CONFIG };
  const delay = env.QUARTET_BOT_DELAY_MS;
  if (delay !== undefined && delay !== "") {
    const parts = delay.split(",").map(Number);
    if (parts.length > 2 || parts.some((x) => !Number.isFinite(x) || x < 0)) {
      throw new Error(`QUARTET_BOT_DELAY_MS must be "min,max" or one number, got "${delay}"`);
    }
    const [lo, hi = lo] = parts as [number, number?];
    c.botDelayMs = [Math.min(lo, hi as number), Math.max(lo, hi as number)];
  }
  c.reconnectSeconds = num(env, "QUARTET_RECONNECT_SECONDS") ?? c.reconnectSeconds;
  c.lingerMs = num(env, "QUARTET_LINGER_MS") ?? c.lingerMs;
  c.rateBurst = num(env, "QUARTET_RATE_BURST") ?? c.rateBurst;
  c.ratePerSecond = num(env, "QUARTET_RATE_PER_SECOND") ?? c.ratePerSecond;
  c.seed = num(env, "QUARTET_SEED") ?? c.seed;
  return c;
}

/** Timing and limits of the planner room. All durations in milliseconds unless named otherwise. */
export interface PlannerConfig {
  /** How long a dropped planner's carrier waits for them (seconds). */
  reconnectSeconds: number;
  /** How long a finished game stays open for the reports (ms). */
  lingerMs: number;
  /** Per-client rate limit: burst size (messages) and refill (messages per second). */
  rateBurst: number;
  ratePerSecond: number;
  /** The assistant's time limit per proposal (ms). */
  assistantMs: number;
  /** Round 3's day clock: game minutes per real second, and how often it moves (ms). */
  minutesPerSecond: number;
  clockTickMs: number;
  /** Round timer in seconds (0: the host or facilitator ends each round). */
  roundSeconds: number;
  /** Solver worker threads per process. */
  solverWorkers: number;
  /** Fixed scenario seed (tests); null draws a fresh seed per room. */
  seed: number | null;
}

export const DEFAULT_PLANNER_CONFIG: PlannerConfig = {
  reconnectSeconds: 120,
  lingerMs: 30 * 60_000,
  rateBurst: 20,
  ratePerSecond: 10,
  assistantMs: 900,
  // A day of 06:30-19:00 (750 game minutes) runs in about 6 minutes.
  minutesPerSecond: 2,
  clockTickMs: 1000,
  roundSeconds: 0,
  solverWorkers: 2,
  seed: null,
};

/**
 * Reads the planner settings from the environment, falling back to the
 * defaults: PLANNER_RECONNECT_SECONDS, PLANNER_LINGER_MS, PLANNER_ASSISTANT_MS,
 * PLANNER_MINUTES_PER_SECOND, PLANNER_CLOCK_TICK_MS, PLANNER_ROUND_SECONDS,
 * PLANNER_SOLVER_WORKERS, PLANNER_SEED. Throws with the variable's name on a malformed value.
 */
export function plannerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PlannerConfig {
  const c = { ...DEFAULT_PLANNER_CONFIG };
  c.reconnectSeconds = num(env, "PLANNER_RECONNECT_SECONDS") ?? c.reconnectSeconds;
  c.lingerMs = num(env, "PLANNER_LINGER_MS") ?? c.lingerMs;
  c.assistantMs = num(env, "PLANNER_ASSISTANT_MS") ?? c.assistantMs;
  c.minutesPerSecond = num(env, "PLANNER_MINUTES_PER_SECOND") ?? c.minutesPerSecond;
  c.clockTickMs = Math.max(50, num(env, "PLANNER_CLOCK_TICK_MS") ?? c.clockTickMs);
  c.roundSeconds = num(env, "PLANNER_ROUND_SECONDS") ?? c.roundSeconds;
  c.solverWorkers = Math.max(1, Math.floor(num(env, "PLANNER_SOLVER_WORKERS") ?? c.solverWorkers));
  c.seed = num(env, "PLANNER_SEED") ?? c.seed;
  return c;
}

/** The HTTP layer's settings behind a reverse proxy and for cross-site requests. */
export interface HttpConfig {
  /** Express' `trust proxy`: false (default), true, a hop count, or addresses/subnets/names (`loopback`, `10.0.0.0/8`). */
  trustProxy: boolean | number | string;
  /** The session cookie is always `Secure` (otherwise only on requests Express sees as HTTPS). */
  cookieSecure: boolean;
  /** Origins besides the app's own that may send state-changing API requests (`https://host[:port]`). */
  allowedOrigins: string[];
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = { trustProxy: false, cookieSecure: false, allowedOrigins: [] };

/** `TRUST_PROXY` as Express reads it: `true`/`false` as booleans, a whole number as a hop count, else the string. */
export function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const value = (raw ?? "").trim();
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * Reads the HTTP settings: TRUST_PROXY (see {@link parseTrustProxy}),
 * COOKIE_SECURE (`1`/`true`), ALLOWED_ORIGINS (comma-separated origins).
 * Throws with the variable's name on a malformed origin.
 */
export function httpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter((o) => o !== "")
    .map((o) => {
      let url: URL;
      try {
        url = new URL(o);
      } catch {
        throw new Error(`ALLOWED_ORIGINS must list origins like https://host:port, got "${o}"`);
      }
      if (url.origin === "null" || url.origin !== o.replace(/\/$/, "").toLowerCase())
        throw new Error(`ALLOWED_ORIGINS must list origins like https://host:port, got "${o}"`);
      return url.origin;
    });
  return {
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    cookieSecure: ["1", "true"].includes((env.COOKIE_SECURE ?? "").trim().toLowerCase()),
    allowedOrigins,
  };
}
