import { roundRule, type RoundFeature } from "./roundRules.js";
import type { Carrier, PlannerGame, PlannerRejection, PlannerRejectionCode, PlayerId } from "./types.js";

/** A refused action with its code and optional detail. */
export function reject(
  code: PlannerRejectionCode,
  detail?: Record<string, string | number>,
): { ok: false; rejection: PlannerRejection } {
  return { ok: false, rejection: detail ? { code, detail } : { code } };
}

/** The carrier of `player`, or undefined for an id that is not at the table. */
export function carrierOf(game: PlannerGame, player: PlayerId): Carrier | undefined {
  return Object.hasOwn(game.carriers, player) ? game.carriers[player] : undefined;
}

/** A copy of `game` with `player`'s carrier replaced (the other carriers are shared, never changed). */
export function withCarrier(game: PlannerGame, player: PlayerId, carrier: Carrier): PlannerGame {
  return { ...game, carriers: { ...game.carriers, [player]: carrier } };
}

/**
 * The rejection for an action that needs a round under way (NOT_IN_ROUND)
 * whose rule has `feature`, if given (WRONG_ROUND, see `ROUND_RULES`), and a
 * known player (UNKNOWN_PLAYER); null when all is well.
 */
export function roundGuard(
  game: PlannerGame,
  player: PlayerId | null,
  feature?: RoundFeature,
): PlannerRejection | null {
  const rule = game.phase === "round" ? roundRule(game.round) : null;
  if (!rule) return { code: "NOT_IN_ROUND" };
  if (feature && !rule[feature]) return { code: "WRONG_ROUND", detail: { round: game.round } };
  if (player !== null && !carrierOf(game, player)) return { code: "UNKNOWN_PLAYER" };
  return null;
}

/** Adds one to the counter of the current round in a per-round counter array (a copy). */
export function countInRound(counts: readonly number[], round: number): number[] {
  const out = counts.slice();
  out[round - 1] = (out[round - 1] ?? 0) + 1;
  return out;
}
