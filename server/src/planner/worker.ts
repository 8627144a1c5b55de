/** The solver's worker thread: one request in, one solution out, timed by this thread's clock. */
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
        now: () => performance.now(),
        ...(msg.timeLimitMs !== undefined ? { timeLimitMs: msg.timeLimitMs } : {}),
        ...(msg.maxIterations !== undefined ? { maxIterations: msg.maxIterations } : {}),
      });
      parentPort?.postMessage({ id: msg.id, solution });
    } catch (e) {
      parentPort?.postMessage({ id: msg.id, error: (e as Error).message });
    }
  },
);
