import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { VrpInstance, VrpSolution } from "@iot/shared/planner/solver/instance";

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

/**
 * The worker thread's entry: the built `worker.js` beside this module when the
 * server runs from `dist/server/` (`npm run build:server`); otherwise, running
 * the TypeScript sources (tsx, Vitest), `worker-entry.mjs`, which loads
 * `worker.ts` through tsx.
 */
export function solverWorkerUrl(base: string | URL = import.meta.url): URL {
  const built = new URL("./worker.js", base);
  return existsSync(fileURLToPath(built)) ? built : new URL("./worker-entry.mjs", base);
}

/**
 * Runs the planning assistant off the event loop: a worker thread that
 * solves one instance at a time. Rooms await `solve` and keep serving their
 * clients meanwhile. Close it when the server stops.
 */
export class SolverWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (s: VrpSolution) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker = new Worker(solverWorkerUrl());
    // An idle worker never keeps the process alive; the server's own sockets do while it runs.
    this.worker.unref();
    this.worker.on("message", (msg: { id: number; solution?: VrpSolution; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.solution) p.resolve(msg.solution);
      else p.reject(new Error(msg.error ?? "solver failed"));
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", () => this.fail(new Error("solver worker stopped")));
  }

  private dead: Error | null = null;

  private fail(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** Solves `instance` in the worker. */
  solve(instance: VrpInstance, options: WorkerSolveOptions): Promise<VrpSolution> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, instance, ...options });
    });
  }

  /** Stops the worker; pending solves are rejected. */
  async close(): Promise<void> {
    for (const p of this.pending.values()) p.reject(new Error("solver closed"));
    this.pending.clear();
    await this.worker.terminate();
  }
}

/**
 * A few solver workers shared by every planner room of the process; each
 * solve goes to the worker with the fewest solves waiting. Workers start on
 * the first request, so a server that never plans starts none.
 */
export class SolverPool {
  private workers: { worker: SolverWorker; busy: number }[] = [];

  constructor(private readonly size: number) {}

  /** Solves `instance` on the least busy worker. */
  async solve(instance: VrpInstance, options: WorkerSolveOptions): Promise<VrpSolution> {
    if (this.workers.length < this.size && this.workers.every((w) => w.busy > 0)) {
      this.workers.push({ worker: new SolverWorker(), busy: 0 });
    }
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    try {
      return await slot.worker.solve(instance, options);
    } finally {
      slot.busy--;
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const all = this.workers;
    this.workers = [];
    await Promise.all(all.map((w) => w.worker.close()));
  }
}
