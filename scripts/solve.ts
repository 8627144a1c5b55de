/**
 * Solves one routing benchmark file and prints one JSON line
 * {"cost", "vehicles", "routes", "unassigned"} (the file's node numbers, depot
 * left out; "unassigned": the customers no route serves).
 * Usage: npm run solve -- FILE [--time-limit-ms T | --iterations N] [--seed S] [--customers N] [--fleet N|unlimited]
 * Stops after T ms (default 1000), or with --iterations after N iterations
 * without reading the clock, so the same seed and N print the same bytes.
 * Exit code 0 when every customer is planned, 3 when some are left out, 2 on bad input.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { solveVrp } from "@iot/shared/planner/solver/sisr";
import { parseIterations, readInstance, solutionJson } from "./solverFiles.js";

/** Time limit per solve when neither --time-limit-ms nor --iterations is given (ms). */
const DEFAULT_TIME_LIMIT_MS = 1000;

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "time-limit-ms": { type: "string" },
      iterations: { type: "string" },
      seed: { type: "string", default: "1" },
      customers: { type: "string" },
      fleet: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error("give exactly one FILE");
  const iterations = parseIterations(values.iterations);
  if (iterations !== undefined && values["time-limit-ms"] !== undefined)
    throw new Error("give --time-limit-ms or --iterations, not both");
  const limit = values["time-limit-ms"] === undefined ? DEFAULT_TIME_LIMIT_MS : Number(values["time-limit-ms"]);
  const seed = Number(values.seed);
  if (!(limit > 0)) throw new Error("--time-limit-ms must be a positive number");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const customers = values.customers === undefined ? undefined : Number(values.customers);
  const fleet =
    values.fleet === undefined ? undefined : values.fleet === "unlimited" ? "unlimited" : Number(values.fleet);
  if (typeof fleet === "number" && !(Number.isInteger(fleet) && fleet > 0))
    throw new Error("--fleet must be a whole number > 0 or unlimited");
  const parsed = readInstance(file, {
    ...(customers !== undefined ? { customers } : {}),
    ...(fleet !== undefined ? { fleet } : {}),
  });
  const solution = solveVrp(
    parsed.instance,
    iterations !== undefined
      ? { seed, maxIterations: iterations }
      : { seed, timeLimitMs: limit, now: () => performance.now() },
  );
  if (solution.unassigned.length > 0) {
    console.error(`solve: ${solution.unassigned.length} customers could not be planned with this fleet`);
  }
  console.log(JSON.stringify(solutionJson(parsed, solution)));
  process.exitCode = solution.unassigned.length > 0 ? 3 : 0;
} catch (e) {
  console.error(`solve: ${(e as Error).message}`);
  process.exitCode = 2;
}
