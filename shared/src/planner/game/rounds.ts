import type { Plan } from "../evaluate.js";
import { reject } from "./access.js";
import { evaluateFor, roundScore, summarize } from "./kpi.js";
import { lockedPrefix, withPlan } from "./plan.js";
import { referenceKey } from "./reference.js";
import { isLastRound } from "./roundRules.js";
import type {
  Carrier,
  PlannerEvent,
  PlannerGame,
  PlannerResult,
  PlannerRound,
  RoundResult,
  Standing,
} from "./types.js";

/**
 * The proposal as it would stand now: stops of vehicles that are out leave
 * it (except their locked stops), and it gets the holds it would get if it
 * were accepted at `clock`. Unknown orders (given away since) are left out by
 * the evaluation and count as nothing.
 */
export function proposalNow(carrier: Carrier, proposal: Plan, clock: number): Carrier {
  const out = new Set(carrier.unavailable);
  const routes = proposal.routes.map((r) =>
    out.has(r.vehicle) ? { vehicle: r.vehicle, orders: lockedPrefix(carrier, r.vehicle) } : r,
  );
  return withPlan(carrier, { routes }, clock);
}

/**
 * A carrier's result for the round: its plan, the assistant's last proposal
 * evaluated the same way, and the reference plan when it belongs to the
 * situation the round ended in (otherwise null until it arrives, see
 * `recordReference`).
 */
function resultOf(game: PlannerGame, player: string, round: PlannerRound): RoundResult {
  const c = game.carriers[player] as Carrier;
  const kpi = summarize(c, evaluateFor(c, c.plan));
  let assistant = null;
  if (c.proposal) {
    const p = proposalNow(c, c.proposal, game.clock);
    assistant = summarize(p, evaluateFor(p, p.plan));
  }
  const ref = c.reference;
  const current = ref && ref.round === round && ref.situation === referenceKey(game, player);
  const reference = current ? ref.kpi : null;
  return {
    round,
    player,
    kpi,
    score: roundScore(kpi),
    assistant,
    assistantScore: assistant ? roundScore(assistant) : null,
    reference,
    referenceScore: reference ? roundScore(reference) : null,
    referenceSituation: referenceKey(game, player),
  };
}

/**
 * Ends the round under way (NOT_IN_ROUND otherwise): records every carrier's
 * result and emits `round-ended` with the leaderboard; the phase becomes
 * "review", or "finished" after the last round, 4 (then `game-finished`
 * follows).
 */
export function endRound(game: PlannerGame): PlannerResult {
  if (game.phase !== "round" || game.round === 0) return reject("NOT_IN_ROUND");
  const round = game.round;
  const results = [...game.results, ...game.players.map((p) => resultOf(game, p, round))];
  const last = isLastRound(round);
  const next: PlannerGame = { ...game, results, phase: last ? "finished" : "review" };
  const events: PlannerEvent[] = [{ type: "round-ended", round, leaderboard: leaderboard(next, round) }];
  if (last) events.push({ type: "game-finished" });
  return { ok: true, game: next, events };
}

/**
 * The leaderboard of `round` (empty before it ends): every carrier's round
 * score in euro per order (see `roundScore`: cost, CO2 at its price,
 * lateness and unplanned orders in one figure), lowest first; equal scores
 * share a place (1, 1, 3) and keep seat order.
 */
export function leaderboard(game: PlannerGame, round: PlannerRound): Standing[] {
  const rows = game.results.filter((r) => r.round === round);
  return rows
    .map((r) => ({
      player: r.player,
      name: game.names[r.player] ?? r.player,
      place: 1 + rows.filter((o) => o.score < r.score).length,
      score: r.score,
      cost: r.kpi.cost,
      co2Kg: r.kpi.co2Kg,
      late: r.kpi.late,
      unplanned: r.kpi.unplanned,
    }))
    .sort((a, b) => a.place - b.place);
}
