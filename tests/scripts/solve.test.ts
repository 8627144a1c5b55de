import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BENCH = path.resolve(ROOT, "../shared/benchmarks");

/** Runs `scripts/solve.ts` the way `npm run solve` does (tsx), with the given arguments. */
function solve(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "solve.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Answer {
  cost: number;
  vehicles: number;
  routes: number[][];
}

describe("npm run solve", () => {
  it("prints one JSON line with the file's node numbers, depot left out, for a CVRPLIB file", () => {
    const r = solve(path.join(BENCH, "cvrp/A/A-n32-k5.vrp"), "--time-limit-ms", "200", "--seed", "3");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const a = JSON.parse(lines[0] as string) as Answer;
    expect(a.vehicles).toBe(a.routes.length);
    expect(a.vehicles).toBeLessThanOrEqual(5);
    // Nodes 2..32 (node 1 is the depot), each exactly once.
    expect(a.routes.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 31 }, (_, i) => i + 2));
    // Within 3% of the best-known 784 even in 200 ms.
    expect(a.cost).toBeGreaterThanOrEqual(784);
    expect(a.cost).toBeLessThan(784 * 1.03);
  }, 30_000);

  it("keeps the depot and the first N customers of a Solomon file with --customers", () => {
    const r = solve(path.join(BENCH, "vrptw/solomon/C101.txt"), "--customers", "25", "--time-limit-ms", "200");
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as Answer;
    expect(a.routes.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // C101.25: optimum 191.3 on the truncated grid.
    expect(a.cost).toBeGreaterThanOrEqual(191.3 - 1e-9);
    expect(a.cost).toBeLessThan(191.3 * 1.01);
  }, 30_000);

  it("refuses malformed input with a clear error and a non-zero exit", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "iot-solve-"));
    const bad = path.join(dir, "bad.vrp");
    writeFileSync(bad, "NAME : bad\nDIMENSION : 3\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : GEO\n");
    const r = solve(bad);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/EUC_2D/);
    expect(r.stdout).toBe("");
    const missing = solve(path.join(dir, "nothing-here.vrp"));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read/);
    const noFile = solve();
    expect(noFile.status).not.toBe(0);
    expect(noFile.stderr).toMatch(/FILE/);
  }, 30_000);
});
