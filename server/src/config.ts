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
