import { readFileSync } from "node:fs";
import { parseCvrplib, type ParsedInstance } from "@iot/shared/planner/formats/cvrplib";
import { parseSolomon } from "@iot/shared/planner/formats/solomon";
import type { VrpSolution } from "@iot/shared/planner/solver/instance";

/** Reads a CVRPLIB `.vrp` or Solomon `.txt` file; `fleet` for CVRP ("unlimited" or at most N; default the k in the name). */
export function readInstance(
  file: string,
  opts: { customers?: number; fleet?: number | "unlimited" } = {},
): ParsedInstance {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  if (/\.vrp$/i.test(file) || /^\s*NAME\s*:/m.test(text)) {
    if (opts.customers !== undefined) throw new Error("--customers is for Solomon files");
    const dimension = Number(/DIMENSION\s*:\s*(\d+)/.exec(text)?.[1] ?? 0);
    const fleet = opts.fleet === "unlimited" ? Math.max(1, dimension - 1) : opts.fleet;
    return parseCvrplib(text, fleet);
  }
  return parseSolomon(text, opts.customers);
}

/**
 * Reads `--iterations`: undefined when not given, else the iteration budget,
 * a whole number >= 1. Throws an Error naming the option otherwise.
 */
export function parseIterations(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new Error(`--iterations must be a whole number > 0, got "${value}"`);
  return n;
}

/**
 * The CLI's answer: cost, vehicles used, routes with the file's node numbers
 * (depot left out), and the customers left out of every route (node numbers,
 * ascending; empty when all are planned).
 */
export function solutionJson(
  parsed: ParsedInstance,
  s: VrpSolution,
): { cost: number; vehicles: number; routes: number[][]; unassigned: number[] } {
  const node = (c: number) => parsed.nodeIds[c] as number;
  return {
    cost: Math.round(s.distance * 10) / 10,
    vehicles: s.routes.length,
    routes: s.routes.map((r) => r.customers.map(node)),
    unassigned: s.unassigned.map(node).sort((a, b) => a - b),
  };
}
