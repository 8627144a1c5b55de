import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { VrpInstance, VrpSolution } from "@iot/shared/planner/solver/instance";
import type { SolveTask } from "./worker.js";

/**
 * Options of one solve, passed to `solveVrp`: a seed and a time limit or an
 * iteration budget (at least one; with both, whichever comes first).
 */
export interface WorkerSolveOptions {
  seed: number;
  /** Stop after this long (ms, by the worker thread's clock). */
  timeLimitMs?: number;
  /** Stop after this many iterations; alone, the result depends only on the instance and the seed. */
  maxIterations?: number;
}

/** A solve with a time limit that has not answered within this many times its limit (plus the grace) is aborted. */
export const SOLVE_TIMEOUT_FACTOR = 10;

/** Added to the scaled time limit to give a solve's time-out (ms): covers a worker thread's start and a busy machine. */
export const SOLVE_TIMEOUT_GRACE_MS = 5_000;

/** Settings of a {@link SolverPool} besides its size; the defaults suit the server. */
export interface SolverPoolOptions {
  /** Time-out of a solve with a time limit, as a multiple of that limit (default {@link SOLVE_TIMEOUT_FACTOR}). */
  timeoutFactor?: number;
  /** Added to the scaled limit (ms, default {@link SOLVE_TIMEOUT_GRACE_MS}). */
  timeoutGraceMs?: number;
}

/**
 * The worker thread's task module and the Node options its threads need: the
 * built `worker.js` beside this module when the server runs from
 * `dist/server/` (`npm run build:server`); otherwise, running the TypeScript
 * sources (tsx, Vitest), `worker.ts`, loaded through tsx's require hook
 * (`--require tsx/cjs` in the threads' `execArgv`; `--import` does not reach
 * worker threads).
 */
export function solverWorkerEntry(base: string | URL = import.meta.url): { filename: string; execArgv?: string[] } {
  const built = fileURLToPath(new URL("./worker.js", base));
  if (existsSync(built)) return { filename: built };
  const tsxRequireHook = createRequire(base).resolve("tsx/cjs");
  return { filename: fileURLToPath(new URL("./worker.ts", base)), execArgv: ["--require", tsxRequireHook] };
}

/**
 * The planning assistant off the event loop: a piscina pool of at most `size`
 * worker threads shared by every planner room of the process. Solves beyond
 * the threads wait in one queue, first come first served. Threads start on
 * demand (the first solve starts one, a solve finding every thread busy starts
 * another up to `size`) and then stay; an idle pool never keeps the process
 * alive, so a server that never plans starts none. Close it when the server
 * stops.
 */
export class SolverPool {
  private pool: Piscina<SolveTask, VrpSolution> | null = null;
  /** Aborted by `close`: every solve under way or queued ends with it. */
  private readonly closing = new AbortController();
  private readonly timeoutFactor: number;
  private readonly timeoutGraceMs: number;

  /** `size`: the most worker threads at a time (at least 1). */
  constructor(
    private readonly size: number,
    options: SolverPoolOptions = {},
  ) {
    this.timeoutFactor = options.timeoutFactor ?? SOLVE_TIMEOUT_FACTOR;
    this.timeoutGraceMs = options.timeoutGraceMs ?? SOLVE_TIMEOUT_GRACE_MS;
  }

  private threads(): Piscina<SolveTask, VrpSolution> {
    this.pool ??= new Piscina<SolveTask, VrpSolution>({
      ...solverWorkerEntry(),
      minThreads: 0,
      maxThreads: Math.max(1, this.size),
      // Started threads stay (starting one loads the solver: hundreds of ms under tsx).
      idleTimeout: Infinity,
    });
    return this.pool;
  }

  /**
   * Solves `instance` on the next free thread (the instance's typed arrays are
   * copied to it, not transferred: the caller keeps them). Rejects with an
   * Error when the solver throws, its thread dies, the pool is closed, or a
   * solve with a time limit `T` has not answered within
   * `timeoutFactor * T + timeoutGraceMs` ms of the request (piscina then stops
   * its thread and starts another on demand). A solve with only
   * `maxIterations` has no time-out.
   */
  async solve(instance: VrpInstance, options: WorkerSolveOptions): Promise<VrpSolution> {
    if (this.closing.signal.aborted) throw new Error("solver closed");
    const timeoutMs =
      options.timeLimitMs === undefined ? null : this.timeoutFactor * options.timeLimitMs + this.timeoutGraceMs;
    const timeout = timeoutMs === null ? null : AbortSignal.timeout(timeoutMs);
    const signal = timeout ? AbortSignal.any([this.closing.signal, timeout]) : this.closing.signal;
    try {
      return await this.threads().run({ instance, ...options }, { signal });
    } catch (e) {
      if (this.closing.signal.aborted) throw new Error("solver closed", { cause: e });
      if (timeout?.aborted) throw new Error(`solver timed out after ${timeoutMs} ms`, { cause: e });
      throw e instanceof Error ? e : new Error(String(e));
    }
  }

  /** Rejects every pending solve (queued or running), then stops the threads; later solves are rejected. */
  async close(): Promise<void> {
    this.closing.abort();
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
