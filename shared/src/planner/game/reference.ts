import { z } from "zod";
import type { TableEffect } from "../../table/definition.js";
import { assistantProblem } from "../assistant.js";
import type { Hold, Plan } from "../evaluate.js";
import { planSchema } from "../protocol.js";
import type { VrpInstance, VrpSolution } from "../solver/instance.js";
import { solveVrp } from "../solver/sisr.js";
import { carrierOf, withCarrier } from "./access.js";
import { activeJams, evaluateFor, roundScore, summarize } from "./kpi.js";
import { lockedPrefix } from "./plan.js";
import { roundRule } from "./roundRules.js";
import type { Carrier, KpiSummary, PlannerGame, PlannerResult, PlayerId, ReferencePlan } from "./types.js";

/**
 * Solver iterations of one reference plan: a budget, not a clock, so the
 * reference is the same on the server's worker and in a simulation. Measured
 * 0.2-0.45 s for 15 orders and 0.35-1.0 s for 30 to 60 orders on one thread
 * of the shared development machine (`scripts/assessment-cases.ts`,
 * docs/assessment.md); a game assumption, near the assistant's own 0.9 s.
 */
export const REFERENCE_ITERATIONS = 20_000;

/** Added to the game's seed for a reference solve, so it is not the assistant's own seed (`seed + round`). */
export const REFERENCE_SEED_OFFSET = 0x5eed;

/**
 * The situation a reference plan belongs to: the round, the carrier's orders
 * (rush orders, exchanges), the vehicles out and the traffic jams in force.
 * Not the clock, the stops driven or the floor knowledge found (a reference
 * knows every order's floor knowledge), so the day's clock alone never asks
 * for a new one. "" for an unknown player.
 */
export function referenceKey(game: PlannerGame, player: PlayerId): string {
  const c = carrierOf(game, player);
  if (!c) return "";
  const jams = activeJams(c).map((j) => `${j.from}>${j.to}@${j.at}-${j.until}x${j.factor}`);
  const list = (xs: readonly string[]) => [...xs].sort().join(",");
  return [
    `round:${game.round}`,
    `orders:${list(c.scenario.orders.map((o) => o.id))}`,
    `out:${list(c.unavailable)}`,
    `jams:${jams.join(",")}`,
  ].join("|");
}

/** The result of `player` for the round the game is at, if that round has ended. */
function endedResult(game: PlannerGame, player: PlayerId) {
  if (game.phase !== "review" && game.phase !== "finished") return undefined;
  return game.results.find((r) => r.round === game.round && r.player === player);
}

/**
 * Whether `player` needs a new reference plan: in a round under way, when
 * the carrier has none for the current {@link referenceKey}; after a round
 * ended, when that round's result still has none (it arrived late). False
 * for an unknown player and before round 1.
 */
export function referenceNeeded(game: PlannerGame, player: PlayerId): boolean {
  const c = carrierOf(game, player);
  if (!c || game.round === 0) return false;
  if (game.phase === "round") {
    const ref = c.reference;
    return !ref || ref.round !== game.round || ref.situation !== referenceKey(game, player);
  }
  const result = endedResult(game, player);
  return result !== undefined && (result.reference ?? null) === null;
}

/** The players who need a new reference plan now ({@link referenceNeeded}), in seat order. */
export function playersNeedingReference(game: PlannerGame): PlayerId[] {
  return game.players.filter((p) => referenceNeeded(game, p));
}

/**
 * The `reference` effects the game asks for now: one per player who needs a
 * new reference plan ({@link playersNeedingReference}), keyed by the player
 * and the situation ({@link referenceKey}), so the host runs one solve per
 * carrier and situation and a situation that passes while its plan is
 * computed keeps its request. What the table definition emits after every
 * move and what it still awaits after a restart.
 */
export function referenceEffects(game: PlannerGame): TableEffect[] {
  return playersNeedingReference(game).map((player) => ({
    kind: "reference",
    player,
    key: `reference:${player}:${referenceKey(game, player)}`,
  }));
}

/**
 * The `reference` move's payload (a {@link ReferencePlan}, from the server's
 * solver pool only): checked like every move before `recordReference`.
 */
export const referenceResultSchema = z
  .object({
    round: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    situation: z.string(),
    at: z.number().finite(),
    plan: planSchema,
    holds: z.record(
      z.string(),
      z.array(z.object({ after: z.number().int().min(0), until: z.number().finite() }).strict()),
    ),
    kpi: z
      .object({
        cost: z.number(),
        km: z.number(),
        co2Kg: z.number(),
        late: z.number(),
        minutesLate: z.number(),
        unplanned: z.number(),
        deliveries: z.number(),
        overCapacity: z.number(),
        overRange: z.number(),
        drivingBreaches: z.number().optional(),
        orders: z.number(),
        soloCost: z.number(),
        soloCo2Kg: z.number(),
      })
      .strict(),
  })
  .strict();

/** A reference solve: the solver's problem, its seed and budget, and how its solution becomes the recorded plan. */
export interface ReferenceProblem {
  instance: VrpInstance;
  seed: number;
  maxIterations: number;
  /** The reference plan of a solution of `instance`. */
  toReference(solution: VrpSolution): ReferencePlan;
}

/**
 * The problem of `player`'s reference plan in the situation now (null for an
 * unknown player or before round 1): the assistant's problem with every
 * order's floor knowledge, without the vehicles that are out, the stops
 * driven kept first on their vehicles and, in a round whose day's clock
 * runs, from the clock on. The plan's holds keep the driven stops' own
 * holds and let no vehicle set off for an open stop before the clock.
 */
export function referenceProblem(game: PlannerGame, player: PlayerId): ReferenceProblem | null {
  const c = carrierOf(game, player);
  if (!c || game.round === 0) return null;
  const round = game.round;
  const at = game.clock;
  const locked = new Set(c.locked);
  const keep: Plan = {
    routes: c.plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.filter((o) => locked.has(o)) })),
  };
  const { instance, toPlan } = assistantProblem(c.scenario, {
    revealed: c.scenario.orders.map((o) => o.id),
    unavailable: c.unavailable,
    ...(locked.size > 0 ? { keep } : {}),
    ...(roundRule(round)?.dayClock ? { now: at } : {}),
  });
  const situation = referenceKey(game, player);
  const holds = referenceHolds(c, at);
  return {
    instance,
    seed: game.seed + REFERENCE_SEED_OFFSET + round,
    maxIterations: REFERENCE_ITERATIONS,
    toReference(solution) {
      const plan = toPlan(solution);
      return { round, situation, at, plan, holds, kpi: referenceKpi(c, { plan, holds }) };
    },
  };
}

function referenceHolds(c: Carrier, at: number): Record<string, Hold[]> {
  if (at <= c.scenario.dayStart) return {};
  const holds: Record<string, Hold[]> = {};
  for (const v of c.scenario.fleet) {
    const kept = lockedPrefix(c, v.id).length;
    holds[v.id] = [...(c.holds[v.id] ?? []).filter((h) => h.after < kept), { after: kept, until: at }];
  }
  return holds;
}

/** A solver with the signature of `solveVrp` (the worker pool's, or the main thread's in a simulation). */
export type ReferenceSolver = (instance: VrpInstance, options: { seed: number; maxIterations: number }) => VrpSolution;

/**
 * `player`'s reference plan for the situation now, computed at once on this
 * thread (a simulation; the server runs the same {@link referenceProblem} in
 * its worker pool). Null for an unknown player or before round 1.
 */
export function computeReference(
  game: PlannerGame,
  player: PlayerId,
  solve: ReferenceSolver = solveVrp,
): ReferencePlan | null {
  const problem = referenceProblem(game, player);
  if (!problem) return null;
  return problem.toReference(solve(problem.instance, { seed: problem.seed, maxIterations: problem.maxIterations }));
}

/** The KPIs of a reference plan for `carrier` as the round is scored: floor knowledge as it is, the jams, its own holds. */
export function referenceKpi(carrier: Carrier, ref: Pick<ReferencePlan, "plan" | "holds">): KpiSummary {
  const c: Carrier = { ...carrier, plan: ref.plan, holds: ref.holds };
  return summarize(c, evaluateFor(c, ref.plan));
}

/**
 * Records `player`'s reference plan `ref`. In its round, while it is under
 * way, it becomes the carrier's reference when it belongs to the current
 * situation ({@link referenceKey}). For a round that has ended (even when the
 * next one has started), it completes that round's result when the result
 * has none and the round ended in the situation it was planned for: its KPIs
 * and round score, and `reference-recorded`. Any other reference (an
 * outdated situation, an unknown player) changes nothing: the game is
 * returned as it is.
 */
export function recordReference(game: PlannerGame, player: PlayerId, ref: ReferencePlan): PlannerResult {
  const c = carrierOf(game, player);
  const same = { ok: true as const, game, events: [] };
  if (!c) return same;
  if (game.phase === "round" && ref.round === game.round) {
    if (ref.situation !== referenceKey(game, player)) return same;
    return { ok: true, game: withCarrier(game, player, { ...markPlannable(c, ref), reference: ref }), events: [] };
  }
  const result = game.results.find(
    (r) =>
      r.player === player &&
      r.round === ref.round &&
      (r.reference ?? null) === null &&
      r.referenceSituation === ref.situation,
  );
  if (!result) return same;
  const filled = { ...result, reference: ref.kpi, referenceScore: roundScore(ref.kpi) };
  const carrier = ref.round === game.round ? { ...c, reference: ref } : c;
  return {
    ok: true,
    game: { ...withCarrier(game, player, carrier), results: game.results.map((r) => (r === result ? filled : r)) },
    events: [{ type: "reference-recorded", player, round: ref.round }],
  };
}

/**
 * `carrier` with its disruptions' replan records marked by `ref` (a reference
 * of the round under way): `plannable` true where the reference plans one of
 * the orders the disruption left open (it stays true), false where it plans
 * none of them and no earlier reference did. Records without open orders (a
 * traffic jam) are left as they are.
 */
function markPlannable(carrier: Carrier, ref: ReferencePlan): Carrier {
  const replans = carrier.usage.replans;
  if (replans.length === 0) return carrier;
  const planned = new Set(ref.plan.routes.flatMap((r) => r.orders));
  const marked = replans.map((r) =>
    r.orders.length === 0 || r.plannable === true ? r : { ...r, plannable: r.orders.some((o) => planned.has(o)) },
  );
  return { ...carrier, usage: { ...carrier.usage, replans: marked } };
}

/**
 * Every reference plan the game needs now ({@link playersNeedingReference}),
 * computed on this thread and recorded: what a simulation does after each
 * move where the server feeds the same plans from its worker pool.
 */
export function withReferences(game: PlannerGame, solve: ReferenceSolver = solveVrp): PlannerGame {
  let g = game;
  for (const p of playersNeedingReference(game)) {
    const ref = computeReference(g, p, solve);
    const recorded = ref ? recordReference(g, p, ref) : null;
    if (recorded?.ok) g = recorded.game;
  }
  return g;
}
