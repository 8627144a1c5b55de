/**
 * Runs the planning assistant on the public benchmarks in ../shared/benchmarks
 * and prints per instance cost, best-known solution, gap and time, and the
 * mean gap per set; then the game figures (60-order scenarios).
 * Fleet rules: A, B, P at most k vehicles (k from the name; the BKS uses
 * exactly k); X unlimited; Solomon as in the file, distance only.
 * Usage: npm run bench:solver [-- --time-limit-ms 1000 | --iterations N] [--sets A,B,P,X,S25,S50,S100|none] [--limit N] [--seed S] [--games N] [--against REV]
 * The game figures use the assistant's own time limit (ASSISTANT_TIME_LIMIT_MS).
 * Then the assistant's time to a proposal as the game gets it, on the same
 * days: the problem built as the server builds it (assistantProblem at the
 * start of the day), solved through the server's SolverPool (worker threads,
 * the default pool size), timed from the request to the solution arriving;
 * p50, p95 and max over the days. One warm-up request starts a worker first
 * and is not counted.
 * A plan that uses fewer vehicles than a best-known solution that uses
 * exactly k (bks.json `fleet: "exactly k"`) is marked and left out of the
 * set's mean (e.g. P-n55-k8: 576 on 7 routes against 588 on 8).
 * For Solomon the mean gap per class (C1, C2, R1, R2, RC1, RC2) follows the set's.
 * With --iterations every solve (the game days and the pool too) stops after N
 * iterations instead of at a time limit, so costs do not depend on machine speed.
 * With --against REV (a git revision: a commit, tag, branch, HEAD~3) every
 * benchmark instance is solved a second time, right after, by the solver of
 * that revision (solverAt.ts), with the same seed and budget: its cost, gap
 * and time stand beside each row, and its mean gaps (per set and Solomon
 * class) beside today's. Today's solver is the one in the working tree,
 * uncommitted changes included. The game figures are today's solver's alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { ASSISTANT_TIME_LIMIT_MS, assistantProblem } from "@iot/shared/planner/assistant";
import { generateScenario } from "@iot/shared/planner/generator";
import { toInstance } from "@iot/shared/planner/scenario";
import type { VrpSolution } from "@iot/shared/planner/solver/instance";
import { solveVrp } from "@iot/shared/planner/solver/sisr";
import { DEFAULT_PLANNER_CONFIG } from "../server/src/config.js";
import { SolverPool } from "../server/src/planner/solverWorker.js";
import { percentile } from "./benchStats.js";
import { solverAt } from "./solverAt.js";
import { parseIterations, readInstance } from "./solverFiles.js";

/** Time limit per instance when neither --time-limit-ms nor --iterations is given (ms). */
const DEFAULT_TIME_LIMIT_MS = 1000;

const { values } = parseArgs({
  options: {
    "time-limit-ms": { type: "string" },
    iterations: { type: "string" },
    sets: { type: "string", default: "A,B,P,X,S25,S50,S100" },
    games: { type: "string", default: "5" },
    limit: { type: "string" },
    seed: { type: "string", default: "1" },
    against: { type: "string" },
  },
});
const ROOT = path.resolve(import.meta.dirname, "..", "..", "shared", "benchmarks");
let iterations: number | undefined;
try {
  iterations = parseIterations(values.iterations);
  if (iterations !== undefined && values["time-limit-ms"] !== undefined)
    throw new Error("give --time-limit-ms or --iterations, not both");
} catch (e) {
  console.error(`bench:solver: ${(e as Error).message}`);
  process.exit(2);
}
/** The other revision's solver (--against), or null. */
let against: Awaited<ReturnType<typeof solverAt>> | null = null;
if (values.against !== undefined) {
  try {
    against = await solverAt(values.against);
  } catch (e) {
    console.error(`bench:solver: ${(e as Error).message}`);
    process.exit(2);
  }
}
/** How the other revision is named in the output: its short commit. */
const againstName = against ? against.commit.slice(0, 7) : "";
const limitMs = values["time-limit-ms"] === undefined ? DEFAULT_TIME_LIMIT_MS : Number(values["time-limit-ms"]);
/** The stopping rule of one solve: the iteration budget, else the time limit by this process's clock. */
const stop = (timeLimitMs: number) =>
  iterations !== undefined ? { maxIterations: iterations } : { timeLimitMs, now: () => performance.now() };
const perSet = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
const seed = Number(values.seed);
const bks = JSON.parse(readFileSync(path.join(ROOT, "bks.json"), "utf8")) as {
  cvrp: Record<string, { bks: number; k?: number; fleet?: string }>;
  vrptw: Record<string, number | { bks: number }>;
};
const bksOf = (key: string): number | null => {
  const v = bks.cvrp[key] ?? bks.vrptw[key];
  if (v === undefined) return null;
  return typeof v === "number" ? v : v.bks;
};
/** The vehicles the best-known solution uses when bks.json says it uses exactly that many (CVRPLIB A, B, P); else null. */
const exactFleetOf = (key: string): number | null => {
  const v = bks.cvrp[key] as { k?: number; fleet?: string } | undefined;
  return v?.fleet === "exactly k" && typeof v.k === "number" ? v.k : null;
};

interface Row {
  set: string;
  name: string;
  cost: number;
  bks: number | null;
  gap: number | null;
  ms: number;
  unassigned: number;
  /**
   * False when the plan uses fewer vehicles than the best-known solution,
   * which uses exactly k (`fleet: "exactly k"` in bks.json): a different
   * problem, so its gap (below 0 as a rule) is left out of the means.
   */
  comparable: boolean;
  /** The same instance solved by the --against revision's solver (same seed and budget). */
  against?: { cost: number; gap: number | null; unassigned: number; comparable: boolean };
}

/** A gap as printed in a row: two decimals, or a dash without a best-known solution. */
const gapText = (gap: number | null) => (gap === null ? "   -  " : `${gap.toFixed(2).padStart(5)}%`);

function runSet(set: string): Row[] {
  const solomon = set.startsWith("S");
  const dir = solomon ? path.join(ROOT, "vrptw", "solomon") : path.join(ROOT, "cvrp", set);
  const customers = solomon ? Number(set.slice(1)) : undefined;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(solomon ? ".txt" : ".vrp"))
    .sort()
    .filter((f) => !solomon || customers === 100 || bksOf(`${f.replace(/\.txt$/, "")}.${customers}`) !== null)
    .slice(0, perSet);
  const rows: Row[] = [];
  for (const f of files) {
    const name = f.replace(/\.(txt|vrp)$/, "");
    const key = solomon && customers !== 100 ? `${name}.${customers}` : name;
    const parsed = readInstance(path.join(dir, f), {
      ...(solomon && customers !== 100 ? { customers } : {}),
      ...(set === "X" ? { fleet: "unlimited" as const } : {}),
    });
    const t0 = performance.now();
    const s = solveVrp(parsed.instance, { seed, ...stop(limitMs) });
    const ms = performance.now() - t0;
    const best = bksOf(key);
    const k = exactFleetOf(key);
    /** A solution's cost (0.1 units), gap, customers left out, and whether its fleet makes it comparable. */
    const scored = (sol: VrpSolution) => {
      const cost = Math.round(sol.distance * 10) / 10;
      return {
        cost,
        gap: best ? (100 * (cost - best)) / best : null,
        unassigned: sol.unassigned.length,
        comparable: k === null || sol.routes.length >= k,
      };
    };
    const row: Row = { set, name: key, bks: best, ms, ...scored(s) };
    let beside = "";
    if (against) {
      const o0 = performance.now();
      let o: ReturnType<typeof against.solve>;
      try {
        o = against.solve(parsed.instance, { seed, ...stop(limitMs) });
      } catch (e) {
        console.error(`bench:solver: the solver of ${againstName} failed on ${key}: ${(e as Error).message}`);
        process.exit(1);
      }
      const oMs = performance.now() - o0;
      const oRow = scored(o);
      row.against = oRow;
      beside = `  | ${againstName} cost ${String(oRow.cost).padStart(9)}  gap ${gapText(oRow.gap)}  ${Math.round(oMs)} ms${oRow.unassigned ? `  UNPLANNED ${oRow.unassigned}` : ""}${oRow.comparable ? "" : `  ${o.routes.length} routes: left out of the mean`}`;
    }
    rows.push(row);
    console.log(
      `${set.padEnd(4)} ${key.padEnd(14)} cost ${String(row.cost).padStart(9)}  bks ${String(best ?? "-").padStart(9)}  gap ${gapText(row.gap)}  ${Math.round(ms)} ms${row.unassigned ? `  UNPLANNED ${row.unassigned}` : ""}${row.comparable ? "" : `  ${s.routes.length} routes, the BKS exactly ${k}: left out of the mean`}${beside}`,
    );
  }
  return rows;
}

/** One solver's result on a row: today's, or the --against revision's. */
type Side = (r: Row) => { gap: number | null; comparable: boolean; unassigned: number } | undefined;
const today: Side = (r) => r;
const other: Side = (r) => r.against;

/**
 * Mean gap per Solomon class (C1, C2, R1, R2, RC1, RC2: the letters and the
 * first digit of the name), with the --against revision's beside when given.
 */
function solomonClasses(rows: Row[]): string[] {
  const byClass = new Map<string, Row[]>();
  for (const r of rows) {
    const cls = /^(RC|R|C)(\d)/i.exec(r.name);
    if (!cls || r.gap === null) continue;
    const key = `${(cls[1] as string).toUpperCase()}${cls[2] as string}`;
    byClass.set(key, [...(byClass.get(key) ?? []), r]);
  }
  const text = (rs: Row[], side: Side) => {
    const gaps = rs.map((r) => side(r)?.gap).filter((g): g is number => typeof g === "number");
    return `mean gap ${(gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length)).toFixed(2)}%, worst ${Math.max(...gaps).toFixed(2)}%`;
  };
  return [...byClass].map(
    ([key, rs]) =>
      `       ${key.padEnd(3)} ${rs.length} instances, ${text(rs, today)}${against ? `  | ${againstName} ${text(rs, other)}` : ""}`,
  );
}

/** A set's summary for one solver: the mean gap over the comparable rows, and what stayed unplanned or was left out. */
function setText(rows: Row[], side: Side): string {
  const sides = rows.map((r) => ({ name: r.name, s: side(r) }));
  const gaps = sides.filter((x) => x.s && x.s.gap !== null && x.s.comparable).map((x) => x.s?.gap as number);
  const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
  const infeasible = sides.filter((x) => (x.s?.unassigned ?? 0) > 0).length;
  const apart = sides.filter((x) => x.s && !x.s.comparable).map((x) => x.name);
  return `mean gap ${mean.toFixed(2)}%${infeasible ? `, ${infeasible} with unplanned customers` : ", all feasible"}${apart.length ? ` (over ${gaps.length}; left out, fewer vehicles than the BKS's exactly k: ${apart.join(", ")})` : ""}`;
}

const summary: string[] = [];
for (const set of String(values.sets)
  .split(",")
  .filter((x) => x && x !== "none")) {
  const rows = runSet(set.trim());
  summary.push(`${set.padEnd(4)} ${rows.length} instances, ${setText(rows, today)}`);
  if (against) summary.push(`${"".padEnd(4)} ${againstName}: ${setText(rows, other)}`);
  if (set.startsWith("S")) summary.push(...solomonClasses(rows));
}
if (summary.length > 0) {
  const budget = iterations !== undefined ? `${iterations} iterations` : `${limitMs} ms`;
  const beside = against ? `; today's solver, then ${againstName}'s (--against ${values.against})` : "";
  console.log(`\nMean gap to BKS at ${budget} per instance (seed ${seed}${beside}):`);
  for (const line of summary) console.log(`  ${line}`);
}

// The game: generated days of 60 orders, the time to the first plan that delivers every order and to the final plan.
const games = Number(values.games);
if (games > 0) {
  const firsts: number[] = [];
  const finals: number[] = [];
  for (let g = 1; g <= games; g++) {
    const scenario = generateScenario(g, 4);
    const { instance } = toInstance(scenario);
    const t0 = performance.now();
    let feasibleAt = Number.NaN;
    const s = solveVrp(instance, {
      seed,
      ...stop(ASSISTANT_TIME_LIMIT_MS),
      onFeasible: () => (feasibleAt = performance.now() - t0),
    });
    const total = performance.now() - t0;
    firsts.push(feasibleAt);
    finals.push(total);
    const late = s.unassigned.length;
    console.log(
      `game ${scenario.id.padEnd(18)} orders ${scenario.orders.length}  first complete plan ${feasibleAt.toFixed(1)} ms  final ${Math.round(total)} ms  cost EUR ${s.cost.toFixed(0)}${late ? `  UNPLANNED ${late}` : ""}`,
    );
  }
  const max = (xs: number[]) => Math.max(...xs);
  console.log(
    `\nGame scenarios (60 orders, ${games} days): first complete plan at most ${max(firsts).toFixed(1)} ms; final plan at most ${Math.round(max(finals))} ms`,
  );
}

// The assistant as the game gets it: the day's problem through the server's worker pool, request to solution.
if (games > 0) {
  const workers = DEFAULT_PLANNER_CONFIG.solverWorkers;
  const pool = new SolverPool(workers);
  const options =
    iterations !== undefined ? { seed, maxIterations: iterations } : { seed, timeLimitMs: ASSISTANT_TIME_LIMIT_MS };
  try {
    // The start of the day (nothing revealed, no truck out, no stop locked): what binding.ts builds on a first request.
    const problems = Array.from({ length: games }, (_, i) => assistantProblem(generateScenario(i + 1, 4)));
    // Warm-up: the pool starts a worker on its first request; that start is not part of a proposal's time.
    if (problems[0]) await pool.solve(problems[0].instance, options);
    const ms: number[] = [];
    for (const { instance, toPlan } of problems) {
      const t0 = performance.now();
      const solution = await pool.solve(instance, options);
      ms.push(performance.now() - t0);
      toPlan(solution);
    }
    ms.sort((a, b) => a - b);
    console.log(
      `Assistant in the worker pool (60 orders, ${games} days, ${workers} workers): p50 ${Math.round(percentile(ms, 0.5))} ms, p95 ${Math.round(percentile(ms, 0.95))} ms, max ${Math.round(ms[ms.length - 1] ?? 0)} ms`,
    );
  } finally {
    await pool.close();
  }
}
