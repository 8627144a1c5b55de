import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSolomon } from "@iot/shared/planner/formats/solomon";
import { solveVrp } from "@iot/shared/planner/solver/sisr";
import { SolverWorker } from "../../../server/src/planner/solverWorker.js";

const worker = new SolverWorker();
afterAll(async () => {
  await worker.close();
});

describe("the solver in a worker thread", () => {
  it("solves off the main thread: the event loop keeps ticking meanwhile", async () => {
    const text = readFileSync(
      path.resolve(import.meta.dirname, "../../../../shared/benchmarks/vrptw/solomon/R101.txt"),
      "utf8",
    );
    const { instance } = parseSolomon(text);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    const solution = await worker.solve(instance, { seed: 1, timeLimitMs: 800 });
    const took = performance.now() - started;
    clearInterval(timer);
    expect(solution.unassigned).toEqual([]);
    expect(solution.routes.length).toBeGreaterThan(0);
    expect(took).toBeGreaterThanOrEqual(700);
    // A solver on the main thread would have blocked every tick for the whole run.
    expect(ticks).toBeGreaterThan(took / 10 / 4);
  });

  it("gives the same answer as the solver in-process for the same seed and iteration cap", async () => {
    const text = readFileSync(
      path.resolve(import.meta.dirname, "../../../../shared/benchmarks/vrptw/solomon/C101.txt"),
      "utf8",
    );
    const { instance } = parseSolomon(text, 25);
    const there = await worker.solve(instance, { seed: 4, maxIterations: 300 });
    const here = solveVrp(instance, { seed: 4, maxIterations: 300 });
    expect(there).toEqual(here);
  });
});
