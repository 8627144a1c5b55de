import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSolomon } from "@iot/shared/planner/formats/solomon";
import { solveVrp } from "@iot/shared/planner/solver/sisr";
import { SolverPool } from "../../../server/src/planner/solverWorker.js";

const worker = new SolverPool(1);
afterAll(async () => {
  await worker.close();
});

function solomon(name: string, customers?: number) {
  const text = readFileSync(
    path.resolve(import.meta.dirname, `../../../../shared/benchmarks/vrptw/solomon/${name}.txt`),
    "utf8",
  );
  return parseSolomon(text, customers).instance;
}

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

  it("rejects a solve that does not answer within its time-out, and the next solve gets a fresh thread", async () => {
    // Time-out = 0 x the time limit + 300 ms, far below the 60 s the solve would take.
    const pool = new SolverPool(1, { timeoutFactor: 0, timeoutGraceMs: 300 });
    try {
      const instance = solomon("C101", 25);
      const started = performance.now();
      await expect(pool.solve(instance, { seed: 1, timeLimitMs: 60_000 })).rejects.toThrow(
        "solver timed out after 300 ms",
      );
      expect(performance.now() - started).toBeLessThan(10_000);
      const next = await pool.solve(instance, { seed: 4, maxIterations: 300 });
      expect(next).toEqual(solveVrp(instance, { seed: 4, maxIterations: 300 }));
    } finally {
      await pool.close();
    }
  });

  it("close() rejects the solves running and queued, and later ones", async () => {
    const pool = new SolverPool(1);
    const instance = solomon("C101", 25);
    // A first solve starts the thread, so the next one is handed to it at once and the one after waits.
    await pool.solve(instance, { seed: 1, maxIterations: 10 });
    const running = pool.solve(instance, { seed: 1, timeLimitMs: 60_000 });
    const queued = pool.solve(instance, { seed: 2, timeLimitMs: 60_000 });
    const started = performance.now();
    await pool.close();
    await expect(running).rejects.toThrow("solver closed");
    await expect(queued).rejects.toThrow("solver closed");
    await expect(pool.solve(instance, { seed: 3, maxIterations: 10 })).rejects.toThrow("solver closed");
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
