/**
 * The solver's worker thread, a piscina task module: its default export takes
 * one request and returns its solution (a thrown error rejects the request).
 * A time limit is timed by this thread's clock; a request with only
 * `maxIterations` never reads the clock, so it answers the same as `solveVrp`
 * on the main thread.
 */
import { performance } from "node:perf_hooks";
import type { VrpInstance, VrpSolution } from "@iot/shared/planner/solver/instance";
import { solveVrp } from "@iot/shared/planner/solver/sisr";

/** One request: the instance (its typed arrays arrive as structured-clone copies) and the stopping rule. */
export interface SolveTask {
  instance: VrpInstance;
  seed: number;
  /** Stop after this long (ms, by this thread's clock). */
  timeLimitMs?: number;
  /** Stop after this many iterations. */
  maxIterations?: number;
}

/** Solves one request with `solveVrp`; throws what the solver throws. */
export default function solve(task: SolveTask): VrpSolution {
  return solveVrp(task.instance, {
    seed: task.seed,
    ...(task.timeLimitMs !== undefined ? { timeLimitMs: task.timeLimitMs, now: () => performance.now() } : {}),
    ...(task.maxIterations !== undefined ? { maxIterations: task.maxIterations } : {}),
  });
}
