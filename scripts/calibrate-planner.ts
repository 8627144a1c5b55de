/**
 * Calibrates the planner assessment with scripted planners of known skill.
 * Usage: npm run calibrate:planner -- --seeds N [--first-seed S] [--difficulty 1-4]
 *        [--iterations I] [--partners P] [--reference-iterations R] [--json]
 * Prints each planner's mean profile and spread over the days, Spearman's rho
 * between designed level and score per competence, and the pooled spread;
 * with --json exactly one line of JSON.
 */
import { parseArgs } from "node:util";
import { calibrationJson, formatCalibration, runCalibration } from "@iot/shared/planner/sim/calibration";
import type { Difficulty } from "@iot/shared/planner/generator";

const { values } = parseArgs({
  options: {
    seeds: { type: "string", default: "20" },
    "first-seed": { type: "string", default: "1" },
    difficulty: { type: "string", default: "2" },
    iterations: { type: "string" },
    partners: { type: "string" },
    "reference-iterations": { type: "string" },
    json: { type: "boolean", default: false },
  },
});

try {
  const report = runCalibration({
    seeds: Number(values.seeds),
    firstSeed: Number(values["first-seed"]),
    difficulty: Number(values.difficulty) as Difficulty,
    ...(values.iterations !== undefined ? { iterations: Number(values.iterations) } : {}),
    ...(values.partners !== undefined ? { partners: Number(values.partners) } : {}),
    ...(values["reference-iterations"] !== undefined
      ? { referenceIterations: Number(values["reference-iterations"]) }
      : {}),
  });
  console.log(values.json ? calibrationJson(report) : formatCalibration(report));
} catch (error) {
  console.error(`calibrate:planner: ${(error as Error).message}`);
  process.exit(2);
}
