import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BENCH = path.resolve(ROOT, "../shared/benchmarks");
/** Upper bound for one `solve` run (ms). */
const RUN_TIMEOUT_MS = 30_000;

/** Runs `scripts/solve.ts` the way `npm run solve` does (tsx), with the given arguments. */
function solve(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "solve.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: RUN_TIMEOUT_MS,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `text` to a fresh temporary directory as `name` and returns its path. */
function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "iot-solve-")), name);
  writeFileSync(file, text);
  return file;
}

/** A Solomon file: depot 0 at (40, 50), capacity 50, and the given customer lines. */
function solomon(customers: string[]): string {
  return [
    "TINY",
    "",
    "VEHICLE",
    "NUMBER     CAPACITY",
    "  3         50",
    "",
    "CUSTOMER",
    "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME",
    "",
    "    0      40         50          0          0       1000          0",
    ...customers,
    "",
  ].join("\n");
}

interface Answer {
  cost: number;
  vehicles: number;
  routes: number[][];
  unassigned: number[];
}

describe("npm run solve --iterations", () => {
  it("prints the same bytes for the same seed and iteration budget", () => {
    const file = path.join(BENCH, "cvrp/A/A-n32-k5.vrp");
    const a = solve(file, "--seed", "7", "--iterations", "3000");
    const b = solve(file, "--seed", "7", "--iterations", "3000");
    expect(a.stderr).toBe("");
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    const answer = JSON.parse(a.stdout) as Answer;
    expect(answer.routes.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 31 }, (_, i) => i + 2));
    expect(answer.unassigned).toEqual([]);
    expect(b.stdout).toBe(a.stdout);
  }, 60_000);

  it("refuses an iteration budget that is not a positive whole number, and one given with a time limit", () => {
    const file = path.join(BENCH, "cvrp/A/A-n32-k5.vrp");
    for (const bad of ["0", "-5", "2.5", "many", ""]) {
      const r = solve(file, `--iterations=${bad}`);
      expect(r.status, bad).toBe(2);
      expect(r.stderr, bad).toMatch(/^solve: --iterations must be a whole number > 0/);
      expect(r.stdout, bad).toBe("");
    }
    const both = solve(file, "--iterations", "100", "--time-limit-ms", "100");
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--time-limit-ms or --iterations/);
  }, 60_000);

  it("names the customers left out in the JSON, by the file's numbers", () => {
    // Customer 3 is 50 away from the depot but due at 10: no vehicle reaches it in time.
    const file = tempFile(
      "tiny.txt",
      solomon([
        "    1      45         50         10          0       1000         10",
        "    2      40         55         10          0       1000         10",
        "    3      90         50         10          0         10         10",
        "    4      35         50         10          0       1000         10",
      ]),
    );
    const r = solve(file, "--time-limit-ms", "100");
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/1 customers could not be planned/);
    const a = JSON.parse(r.stdout) as Answer;
    expect(a.unassigned).toEqual([3]);
    expect(a.routes.flat().sort((x, y) => x - y)).toEqual([1, 2, 4]);
    expect(a.vehicles).toBe(a.routes.length);
  }, 30_000);
});

describe("npm run solve on a negative demand", () => {
  it("refuses it in a Solomon file, naming the customer and the value", () => {
    const file = tempFile(
      "negative.txt",
      solomon([
        "    1      45         50         10          0       1000         10",
        "    2      40         55         -7          0       1000         10",
      ]),
    );
    const r = solve(file, "--time-limit-ms", "100");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/customer 2 has a negative demand: -7/);
    expect(r.stdout).toBe("");
  }, 30_000);

  it("refuses it in a CVRPLIB file, naming the node and the value", () => {
    const file = tempFile(
      "negative.vrp",
      [
        "NAME : negative-n4-k1",
        "DIMENSION : 4",
        "CAPACITY : 100",
        "EDGE_WEIGHT_TYPE : EUC_2D",
        "NODE_COORD_SECTION",
        "1 0 0",
        "2 10 0",
        "3 0 10",
        "4 10 10",
        "DEMAND_SECTION",
        "1 0",
        "2 5",
        "3 -12",
        "4 5",
        "DEPOT_SECTION",
        "1",
        "-1",
        "EOF",
        "",
      ].join("\n"),
    );
    const r = solve(file, "--time-limit-ms", "100");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/node 3 has a negative demand: -12/);
    expect(r.stdout).toBe("");
  }, 30_000);
});
