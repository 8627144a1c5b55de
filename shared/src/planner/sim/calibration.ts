/**
 * Calibration of the assessment: the scripted planners of known skill
 * (`planners.ts`) each play whole games on the same days, and the profiles
 * `assess` gives them are compared with what they were designed to be:
 * mean profile, rank correlation between designed level and score per
 * competence, and each planner's spread over days of the same difficulty.
 */
import { createRng } from "../../rng.js";
import { assess, COMPETENCES } from "../game/assessment.js";
import { previewOffer } from "../game/exchange.js";
import { REFERENCE_ITERATIONS } from "../game/reference.js";
import { roundRule } from "../game/roundRules.js";
import type { Carrier, PlannerGame, PlannerRound } from "../game/types.js";
import { DIFFICULTY_ORDERS, type Difficulty } from "../generator.js";
import { partnerPlanner, type Desk, type SimPlanner } from "./planners.js";
import { SIM_PLANNERS, type Competence, type SimPlannerSpec } from "./roster.js";
import { mean, sd, spearman, variance } from "./stats.js";
import { openSimTable, simGame, simMove, simNext, simTick, type SimTable } from "./table.js";

/** How a calibration runs. */
export interface CalibrationOptions {
  /** Days (seeds) each planner plays: `firstSeed`, `firstSeed + 1`, ... */
  seeds: number;
  firstSeed?: number;
  /** Default 2 (30 orders), the game's default. */
  difficulty?: Difficulty;
  /** The assistant's ruin-and-recreate iterations per solve; default {@link DEFAULT_ITERATIONS}. */
  iterations?: number;
  /** Other carriers in the region (partners to exchange with); default {@link DEFAULT_PARTNERS}. */
  partners?: number;
  /**
   * Iterations per reference plan (the assessment's yardstick); default the
   * game's own `REFERENCE_ITERATIONS`. Fewer make a quicker, weaker yardstick
   * (for a quick check only).
   */
  referenceIterations?: number;
}

/** Iterations per solve of the assistant in a calibration (about 30 ms on a 30-order day; the game's 900 ms reach ~70,000). */
export const DEFAULT_ITERATIONS = 2_000;
/** Partner carriers in a calibration region: two, so an offer has more than one possible taker. */
export const DEFAULT_PARTNERS = 2;
/** A bound on steps of the day's clock in one round (a 12.5 h day at 5 minutes a step takes 150). */
const MAX_CLOCK_STEPS = 1_000;
/** A bound on rounds of taking offers in the exchange (each round lets every planner take what pays). */
const MAX_TAKE_ROUNDS = 3;
/** A bound on the host's steps in one game (four rounds take eight: start and end each). */
const MAX_HOST_STEPS = 16;

/** A competence's score: 0-100, or null where the assessment finds it not applicable. */
export type Score = number | null;
export type Profile = Record<Competence, Score>;

function desk(sim: SimTable, player: string, seed: number, index: number): Desk {
  return {
    player,
    rng: createRng((seed ^ Math.imul(index + 1, 0x2545f491)) | 0),
    game: () => simGame(sim),
    carrier: () => simGame(sim).carriers[player] as Carrier,
    move: (type, payload) => simMove(sim, player, type, payload),
    preview(offer) {
      const p = previewOffer(simGame(sim), offer, player);
      return p.ok ? p.preview : null;
    },
  };
}

function playDay(sim: SimTable, planners: readonly SimPlanner[], desks: readonly Desk[]): void {
  const players = simGame(sim).players;
  const end = Math.max(...players.map((p) => (simGame(sim).carriers[p] as Carrier).scenario.dayEnd));
  for (let step = 0; simGame(sim).clock < end && step < MAX_CLOCK_STEPS; step++) {
    const events = simTick(sim);
    if (!events) return;
    players.forEach((p, i) => {
      const arrived = events.flatMap((e) => (e.type === "disruption" && e.player === p ? [e.disruption] : []));
      planners[i]?.clock(desks[i] as Desk, arrived);
    });
  }
}

function playExchange(planners: readonly SimPlanner[], desks: readonly Desk[]): void {
  planners.forEach((pl, i) => pl.offer(desks[i] as Desk));
  for (let r = 0; r < MAX_TAKE_ROUNDS; r++) {
    const taken = planners.reduce((a, pl, i) => a + pl.take(desks[i] as Desk), 0);
    if (taken === 0) break;
  }
  planners.forEach((pl, i) => pl.settle(desks[i] as Desk));
}

/**
 * Plays the region at `sim` to its end, seat `i` by `planners[i]`: every
 * round's start, the day's clock to the day's end in the round that runs it
 * (each planner hears of the disruptions that reached it, as the game
 * applies them), the exchange where the round opens it, and the host's
 * `next` between. Throws when the game does not finish.
 */
export function playRegion(sim: SimTable, planners: readonly SimPlanner[], seed: number): PlannerGame {
  const desks = simGame(sim).players.map((p, i) => desk(sim, p, seed, i));
  for (let guard = 0; simGame(sim).phase !== "finished" && guard < MAX_HOST_STEPS; guard++) {
    const g = simGame(sim);
    if (g.phase !== "round") {
      simNext(sim);
      continue;
    }
    const round = g.round as PlannerRound;
    const rule = roundRule(round);
    planners.forEach((pl, i) => pl.startRound(desks[i] as Desk, round));
    if (rule?.dayClock) playDay(sim, planners, desks);
    if (rule?.exchange) playExchange(planners, desks);
    simNext(sim);
  }
  const game = simGame(sim);
  if (game.phase !== "finished") throw new Error(`calibration game ${seed} did not finish`);
  return game;
}

/** The seat of the planner under test in a calibration region. */
export const UNDER_TEST = "planner";

/**
 * One whole game: `spec`'s planner in the first seat ({@link UNDER_TEST}) of
 * a region with `partners` partner carriers ({@link partnerPlanner}), played
 * by {@link playRegion}. Deterministic for the options; the planner meets
 * the same day and the same partners whoever it is. Returns the finished
 * game and the profile `assess` gives the planner under test.
 */
export function playCalibrationGame(
  spec: SimPlannerSpec,
  seed: number,
  options: Omit<CalibrationOptions, "seeds" | "firstSeed"> = {},
): { game: PlannerGame; profile: Profile; solves: number; references: number } {
  const partners = options.partners ?? DEFAULT_PARTNERS;
  const players = [UNDER_TEST, ...Array.from({ length: partners }, (_, i) => `partner-${i + 1}`)];
  const { sim } = openSimTable(
    players,
    options.difficulty ?? 2,
    seed,
    options.iterations ?? DEFAULT_ITERATIONS,
    options.referenceIterations ?? REFERENCE_ITERATIONS,
  );
  const game = playRegion(sim, [spec.create(), ...Array.from({ length: partners }, partnerPlanner)], seed);
  return { game, profile: profileOf(game, UNDER_TEST), solves: sim.solves, references: sim.references };
}

/** `player`'s profile by `assess`, every competence a number or null (not applicable). */
export function profileOf(game: PlannerGame, player: string): Profile {
  const raw = assess(game)[player] as unknown as Partial<Record<Competence, Score>>;
  return Object.fromEntries(COMPETENCES.map((c) => [c, raw[c] ?? null])) as Profile;
}

/** One planner's figures over the days it played. */
export interface PlannerFigures {
  name: string;
  /** Mean per competence over the days where it applies; null where it never does. */
  mean: Profile;
  /** Standard deviation over the days (sample, n - 1); null with fewer than two applicable days. */
  sd: Profile;
  /** Days on which a competence was not applicable (null), per competence. */
  notApplicable: Record<Competence, number>;
}

/** The calibration's outcome. */
export interface CalibrationReport {
  seeds: number;
  firstSeed: number;
  difficulty: Difficulty;
  iterations: number;
  referenceIterations: number;
  partners: number;
  planners: PlannerFigures[];
  /**
   * Spearman's rho between designed level and score over every game where
   * the competence applies, of the planners with a designed level in it
   * (not null, see `SimPlannerSpec.design`).
   */
  rankCorrelation: Profile;
  /** The spread of one planner over days of the same difficulty, pooled over planners (root of the mean variance). */
  retestSd: Profile;
  /** The competences in which the planners differ by design. */
  byDesign: Competence[];
  /** Solves of the assistant over all games. */
  solves: number;
  /** Reference plans computed over all games (the game's own iteration budget each). */
  references: number;
}

const each = <T>(f: (c: Competence) => T) =>
  Object.fromEntries(COMPETENCES.map((c) => [c, f(c)])) as Record<Competence, T>;

/**
 * Plays every scripted planner of {@link SIM_PLANNERS} on days `firstSeed`
 * to `firstSeed + seeds - 1` and sums up (see {@link CalibrationReport}).
 * Throws on a bad option.
 */
export function runCalibration(options: CalibrationOptions): CalibrationReport {
  const { seeds } = options;
  const firstSeed = options.firstSeed ?? 1;
  const difficulty = options.difficulty ?? 2;
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const partners = options.partners ?? DEFAULT_PARTNERS;
  const referenceIterations = options.referenceIterations ?? REFERENCE_ITERATIONS;
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error("--seeds must be a whole number >= 1");
  if (!Number.isInteger(firstSeed)) throw new Error("--first-seed must be a whole number");
  if (!Object.hasOwn(DIFFICULTY_ORDERS, difficulty)) throw new Error("--difficulty must be 1, 2, 3 or 4");
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error("--iterations must be a whole number >= 1");
  if (!Number.isInteger(partners) || partners < 1 || partners > 7) throw new Error("--partners must be 1..7");
  if (!Number.isInteger(referenceIterations) || referenceIterations < 1)
    throw new Error("--reference-iterations must be a whole number >= 1");
  let solves = 0;
  let references = 0;
  const scores = SIM_PLANNERS.map((spec) =>
    Array.from({ length: seeds }, (_, k) => {
      const played = playCalibrationGame(spec, firstSeed + k, {
        difficulty,
        iterations,
        partners,
        referenceIterations,
      });
      solves += played.solves;
      references += played.references;
      return played.profile;
    }),
  );
  const applicable = (i: number, c: Competence) => (scores[i] ?? []).flatMap((p) => (p[c] === null ? [] : [p[c]]));
  const planners = SIM_PLANNERS.map((spec, i) => ({
    name: spec.name,
    mean: each((c) => mean(applicable(i, c))),
    sd: each((c) => sd(applicable(i, c))),
    notApplicable: each((c) => (scores[i] ?? []).filter((p) => p[c] === null).length),
  }));
  const ranked = (c: Competence) => SIM_PLANNERS.flatMap((spec, i) => (spec.design[c] === null ? [] : [i]));
  const rankCorrelation = each((c) => {
    const levels = ranked(c).flatMap((i) => applicable(i, c).map(() => SIM_PLANNERS[i]?.design[c] as number));
    return spearman(
      levels,
      ranked(c).flatMap((i) => applicable(i, c)),
    );
  });
  const retestSd = each((c) => {
    const vs = SIM_PLANNERS.flatMap((_, i) => {
      const v = variance(applicable(i, c));
      return v === null ? [] : [v];
    });
    const m = mean(vs);
    return m === null ? null : Math.sqrt(m);
  });
  const byDesign = COMPETENCES.filter(
    (c) => new Set(SIM_PLANNERS.flatMap((s) => (s.design[c] === null ? [] : [s.design[c]]))).size > 1,
  );
  return {
    seeds,
    firstSeed,
    difficulty,
    iterations,
    referenceIterations,
    partners,
    planners,
    rankCorrelation,
    retestSd,
    byDesign,
    solves,
    references,
  };
}

/** The rho every competence in which the planners differ by design should reach. */
export const TARGET_RHO = 0.8;

/** Rounds half away from zero the way the JSON does, so text and JSON show the same figures. */
const rounded = (x: Score, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const fixed = (x: Score, digits: number) => (x === null ? "n/a" : (rounded(x, digits) as number).toFixed(digits));
const pad = (s: string, n: number) => s.padStart(n);

/** The report as text: a table of mean ± sd per planner and competence, then rho and the pooled spread. */
export function formatCalibration(r: CalibrationReport): string {
  const w = 19;
  const head = ["planner".padEnd(10), ...COMPETENCES.map((c) => pad(c, w))].join("");
  const lines = [
    `Calibration of the planner assessment: ${r.seeds} days (seeds ${r.firstSeed}-${r.firstSeed + r.seeds - 1}), ` +
      `difficulty ${r.difficulty} (${DIFFICULTY_ORDERS[r.difficulty]} orders), ${r.partners} partner carriers, ` +
      `assistant ${r.iterations} iterations per solve (${r.solves} solves), reference plans ${r.referenceIterations} (${r.references})`,
    "",
    "mean ± sd over the days (n/a: not applicable on that many days)",
    head,
  ];
  for (const p of r.planners) {
    const cells = COMPETENCES.map((c) => {
      const na = p.notApplicable[c] > 0 ? ` n/a ${p.notApplicable[c]}` : "";
      return pad(`${fixed(p.mean[c], 1)} ± ${fixed(p.sd[c], 1)}${na}`, w);
    });
    lines.push([p.name.padEnd(10), ...cells].join(""));
  }
  lines.push("");
  lines.push(["rho".padEnd(10), ...COMPETENCES.map((c) => pad(fixed(r.rankCorrelation[c], 3), w))].join(""));
  lines.push(["retest sd".padEnd(10), ...COMPETENCES.map((c) => pad(fixed(r.retestSd[c], 1), w))].join(""));
  const verdict = COMPETENCES.map((c) => {
    if (!r.byDesign.includes(c)) return pad("equal by design", w);
    const rho = r.rankCorrelation[c];
    return pad(rho !== null && rho >= TARGET_RHO ? "met" : "NOT met", w);
  });
  lines.push([`rho>=${TARGET_RHO}`.padEnd(10), ...verdict].join(""));
  const chance = COMPETENCES.flatMap((c) => {
    const names = SIM_PLANNERS.filter((s) => s.design[c] === null).map((s) => s.name);
    return names.length > 0 ? [`${c} (${names.join(", ")})`] : [];
  });
  if (chance.length > 0) lines.push(`left out of rho, chance by design: ${chance.join("; ")}`);
  return lines.join("\n");
}

/** The report as the one JSON line of `--json`: figures rounded (means and sd to 0.1, rho to 0.001). */
export function calibrationJson(r: CalibrationReport): string {
  const profile = (p: Profile, digits: number) => each((c) => rounded(p[c], digits));
  return JSON.stringify({
    seeds: r.seeds,
    firstSeed: r.firstSeed,
    difficulty: r.difficulty,
    iterations: r.iterations,
    referenceIterations: r.referenceIterations,
    partners: r.partners,
    planners: r.planners.map((p) => ({
      name: p.name,
      mean: profile(p.mean, 1),
      sd: profile(p.sd, 1),
      notApplicable: p.notApplicable,
    })),
    rankCorrelation: profile(r.rankCorrelation, 3),
    retestSd: profile(r.retestSd, 1),
    byDesign: r.byDesign,
  });
}
