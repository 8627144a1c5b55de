import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMPETENCES } from "@iot/shared/planner/game/assessment";
import { runCalibration, type CalibrationReport } from "@iot/shared/planner/sim/calibration";
import { SIM_PLANNERS, type Competence } from "@iot/shared/planner/sim/roster";

const ROOT = path.resolve(import.meta.dirname, "../..");
/**
 * The calibration CI runs: ten days of the smallest size (15 orders) with two
 * partner carriers, so an exchange can pay, and reference plans on 2,000
 * iterations instead of the game's 20,000 (a weaker yardstick for every
 * planner alike: 19 s of CPU for the run, measured). Ten days, because on
 * the first five no offer the assistant planner could have taken gained the
 * region, so its collaboration had no applicable day. `npm run
 * calibrate:planner` runs the game's own budget.
 */
const CI_RUN = { seeds: 10, difficulty: 1 as const, partners: 2, referenceIterations: 2_000 };
/**
 * Points by which, in collaboration, the mean of a planner with a higher
 * designed level must exceed that of one with a lower level: the levels
 * are wide apart (never exchanges; waits for offers and takes the best
 * gain; offers its own and takes every gain), so the order must hold with
 * room, not by a fraction of a point.
 */
const COLLABORATION_MARGIN = 5;
/** Upper bound for one calibration run in CI (ms). */
const RUN_TIMEOUT_MS = 240_000;

/** Runs `scripts/calibrate-planner.ts` the way `npm run calibrate:planner` does (tsx). */
function calibrate(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "scripts", "calibrate-planner.ts"), ...args],
    { cwd: ROOT, encoding: "utf8", timeout: RUN_TIMEOUT_MS },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Pairs of planners (weaker, stronger) that differ by design in `c`. */
function designedPairs(c: Competence): [string, string][] {
  return SIM_PLANNERS.flatMap((a) =>
    SIM_PLANNERS.filter((b) => {
      const [low, high] = [a.design[c], b.design[c]];
      return low !== null && high !== null && low < high;
    }).map((b): [string, string] => [a.name, b.name]),
  );
}

const meanOf = (r: CalibrationReport, name: string, c: Competence) =>
  r.planners.find((p) => p.name === name)?.mean[c] ?? Number.NaN;

describe("calibration of the planner assessment", () => {
  let report: CalibrationReport;

  it(
    "plays every scripted planner on the same days",
    () => {
      report = runCalibration(CI_RUN);
      expect(report.planners.map((p) => p.name)).toEqual(SIM_PLANNERS.map((s) => s.name));
      expect(report.byDesign).toEqual([...COMPETENCES]);
    },
    RUN_TIMEOUT_MS,
  );

  it.each(COMPETENCES.map((c) => [c]))("ranks the planners by their designed skill in %s", (c: Competence) => {
    const margin = c === "collaboration" ? COLLABORATION_MARGIN : 0;
    const wrong = designedPairs(c).filter(
      ([weak, strong]) => !(meanOf(report, weak, c) + margin < meanOf(report, strong, c)),
    );
    const shown = wrong.map(([w, s]) => `${w} ${meanOf(report, w, c)} >= ${s} ${meanOf(report, s, c)}`);
    expect(shown).toEqual([]);
  });

  it(
    "prints exactly one line of JSON with --json, and refuses bad options",
    () => {
      const quick = ["--difficulty", "1", "--iterations", "200", "--partners", "1", "--reference-iterations", "300"];
      const r = calibrate("--seeds", "1", ...quick, "--json");
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim().split("\n")).toHaveLength(1);
      const json = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(json)).toEqual(expect.arrayContaining(["seeds", "planners", "rankCorrelation", "retestSd"]));
      expect(json.seeds).toBe(1);
      expect((json.planners as { name: string }[]).map((p) => p.name)).toEqual(SIM_PLANNERS.map((s) => s.name));
      expect(Object.keys(json.rankCorrelation as object)).toEqual([...COMPETENCES]);
      const bad = calibrate("--seeds", "0");
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("--seeds");
    },
    RUN_TIMEOUT_MS,
  );
});
