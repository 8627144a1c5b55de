import type { Carrier, PlannerGame, PlannerRejection, PlannerRejectionCode, PlannerRound, PlayerId } from "./types.js";

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
 * The rejection for an action that needs a round under way (and, if given,
 * one of `rounds`) and a known player; null when all is well.
 */
export function roundGuard(
  game: PlannerGame,
  player: PlayerId | null,
  rounds?: readonly PlannerRound[],
): PlannerRejection | null {
  if (game.phase !== "round" || game.round === 0) return { code: "NOT_IN_ROUND" };
  if (rounds && !rounds.includes(game.round)) return { code: "WRONG_ROUND", detail: { round: game.round } };
  if (player !== null && !carrierOf(game, player)) return { code: "UNKNOWN_PLAYER" };
  return null;
}

/** Adds one to the counter of the current round in a per-round counter array (a copy). */
export function countInRound(counts: readonly number[], round: number): number[] {
  const out = counts.slice();
  out[round - 1] = (out[round - 1] ?? 0) + 1;
  return out;
}
