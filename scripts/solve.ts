/**
 * Solves one routing benchmark file and prints one JSON line
 * {"cost", "vehicles", "routes"} (the file's node numbers, depot left out).
 * Usage: npm run solve -- FILE [--time-limit-ms T] [--seed S] [--customers N] [--fleet N|unlimited]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { solveVrp } from "@iot/shared/planner/solver/sisr";
import { readInstance, solutionJson } from "./solverFiles.js";

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "time-limit-ms": { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      customers: { type: "string" },
      fleet: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error("give exactly one FILE");
  const limit = Number(values["time-limit-ms"]);
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
  const solution = solveVrp(parsed.instance, { seed, timeLimitMs: limit, now: () => performance.now() });
  if (solution.unassigned.length > 0) {
    console.error(`solve: ${solution.unassigned.length} customers could not be planned with this fleet`);
  }
  console.log(JSON.stringify(solutionJson(parsed, solution)));
  process.exitCode = solution.unassigned.length > 0 ? 3 : 0;
} catch (e) {
  console.error(`solve: ${(e as Error).message}`);
  process.exitCode = 2;
}
