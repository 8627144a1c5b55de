/**
 * The solver's worker thread: one request in, one solution out. A time limit
 * is timed by this thread's clock; a request with only `maxIterations` never
 * reads the clock, so it answers the same as `solveVrp` on the main thread.
 */
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import type { VrpInstance } from "@iot/shared/planner/solver/instance";
import { solveVrp } from "@iot/shared/planner/solver/sisr";

parentPort?.on(
  "message",
  (msg: { id: number; instance: VrpInstance; seed: number; timeLimitMs?: number; maxIterations?: number }) => {
    try {
      const solution = solveVrp(msg.instance, {
        seed: msg.seed,
        ...(msg.timeLimitMs !== undefined ? { timeLimitMs: msg.timeLimitMs, now: () => performance.now() } : {}),
        ...(msg.maxIterations !== undefined ? { maxIterations: msg.maxIterations } : {}),
      });
      parentPort?.postMessage({ id: msg.id, solution });
    } catch (e) {
      parentPort?.postMessage({ id: msg.id, error: (e as Error).message });
    }
  },
);
