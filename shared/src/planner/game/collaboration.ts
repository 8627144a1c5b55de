import { soloTrip } from "./kpi.js";
import { roundRule } from "./roundRules.js";
import type { Exchange, PlannerGame, PlayerId, RoundResult } from "./types.js";

/**
 * Collaboration of a planner who took part in no exchange (nothing gained,
 * nothing lost): the middle of the scale, so an exchange that made things
 * worse scores below it (a game assumption).
 */
export const COLLABORATION_NONE = 50;
/**
 * Gain, as a share of the carrier's own round-3 figures, that earns full
 * collaboration points (and the same loss that scores 0): 5% (a game assumption).
 */
export const COLLABORATION_TARGET_SHARE = 0.05;
/**
 * The carrier's share of an exchange's gain: half, the Shapley value of a
 * two-carrier exchange (each gets half the pair's saving; the order's price
 * between them is left out of the game).
 */
export const CARRIER_GAIN_SHARE = 0.5;

/** What an exchange really changed for the region (after minus before): km, kg CO2 and euro. */
export interface ExchangeEffect {
  km: number;
  co2Kg: number;
  cost: number;
}

/**
 * What exchange `x` really changed for the region: as recorded when it was
 * taken, plus a solo trip (depot - town - depot in a hired truck, see
 * `soloTrip`) when the order is in no vehicle's route of the carrier that
 * holds it now, so an order given away and left unplanned is no saving.
 */
export function exchangeEffect(game: PlannerGame, x: Exchange): ExchangeEffect {
  const holder = Object.values(game.carriers).find((c) => c.scenario.orders.some((o) => o.id === x.order));
  const order = holder?.scenario.orders.find((o) => o.id === x.order);
  const planned = holder?.plan.routes.some((r) => r.orders.includes(x.order)) ?? false;
  if (!order || planned) return { km: x.km, co2Kg: x.co2Kg, cost: x.cost };
  const solo = soloTrip(order);
  return { km: x.km + solo.km, co2Kg: x.co2Kg + solo.co2Kg, cost: x.cost + solo.cost };
}

/**
 * Collaboration of `player` (0-100), or null where it could not be shown:
 * alone in the region, or before the exchange round (4) ended. Evidence: the
 * exchanges the player gave or took ({@link exchangeEffect}), over their own
 * round-3 km, CO2 and cost. The region's gain is the mean of the km and CO2
 * saved over the player's own; the carrier's gain is
 * {@link CARRIER_GAIN_SHARE} of the euro saved over the player's own cost.
 * Score = {@link COLLABORATION_NONE} + 50 x clamp(mean of both gains /
 * {@link COLLABORATION_TARGET_SHARE}, -1, 1), rounded away from 50: no
 * exchange 50, any loss below it (0 from a loss of 5%), any gain above it
 * (100 from a gain of 5%).
 */
export function collaboration(game: PlannerGame, player: PlayerId, rs: readonly RoundResult[]): number | null {
  if (game.players.length < 2) return null;
  if (!rs.some((r) => roundRule(r.round)?.exchange)) return null;
  const base = rs.find((r) => roundRule(r.round)?.disruptions)?.kpi;
  if (!base) return null;
  const mine = game.exchanges.filter((x) => x.from === player || x.to === player).map((x) => exchangeEffect(game, x));
  if (mine.length === 0) return COLLABORATION_NONE;
  const saved = (pick: (e: ExchangeEffect) => number) => -mine.reduce((a, e) => a + pick(e), 0);
  const share = (gain: number, own: number) => (own > 0 ? gain / own : 0);
  const region =
    (share(
      saved((e) => e.km),
      base.km,
    ) +
      share(
        saved((e) => e.co2Kg),
        base.co2Kg,
      )) /
    2;
  const carrier = share(CARRIER_GAIN_SHARE * saved((e) => e.cost), base.cost);
  const g = (region + carrier) / 2 / COLLABORATION_TARGET_SHARE;
  const clamped = Number.isFinite(g) ? Math.min(1, Math.max(-1, g)) : 0;
  // Rounded away from none, so the smallest loss scores below it and the smallest gain above it.
  const score = COLLABORATION_NONE + 50 * clamped;
  return clamped < 0 ? Math.floor(score) : Math.ceil(score);
}
