import { evaluateFor, soloTrip, summarize } from "./kpi.js";
import { roundRule } from "./roundRules.js";
import type { Carrier, Exchange, PlannerGame, PlayerId, RoundResult } from "./types.js";

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
 * What `order` adds to `holder`'s day as planned now: its plan's km, CO2 and
 * cost with the order less the same plan without it, or a solo trip
 * (depot - town - depot in a hired truck, see `soloTrip`) when no vehicle's
 * route holds it. Zero for an order the carrier does not have.
 */
function orderShare(holder: Carrier, order: string): ExchangeEffect {
  const o = holder.scenario.orders.find((x) => x.id === order);
  if (!o) return { km: 0, co2Kg: 0, cost: 0 };
  if (!holder.plan.routes.some((r) => r.orders.includes(order))) return soloTrip(o);
  const withIt = summarize(holder, evaluateFor(holder, holder.plan));
  const rest: Carrier = {
    ...holder,
    scenario: { ...holder.scenario, orders: holder.scenario.orders.filter((x) => x.id !== order) },
    revealed: holder.revealed.filter((x) => x !== order),
    locked: holder.locked.filter((x) => x !== order),
  };
  const plan = { routes: holder.plan.routes.map((r) => ({ ...r, orders: r.orders.filter((x) => x !== order) })) };
  const without = summarize(rest, evaluateFor(rest, plan));
  return { km: withIt.km - without.km, co2Kg: withIt.co2Kg - without.co2Kg, cost: withIt.cost - without.cost };
}

/**
 * What exchange `x` really changed for the region: the giver's part as
 * recorded when it was taken (the order out of its plan), plus what the
 * order adds to the day of the carrier that holds it now, as that carrier
 * plans it at the end ({@link orderShare}: a solo trip when it is in no
 * route, so an order given away and left unplanned is no saving, and an
 * order the taker planned later by hand counts its km). A game recorded
 * without the giver's part keeps the figures recorded at the take, plus the
 * solo trip when the order is now in no route.
 */
export function exchangeEffect(game: PlannerGame, x: Exchange): ExchangeEffect {
  const holder = Object.values(game.carriers).find((c) => c.scenario.orders.some((o) => o.id === x.order));
  if (!holder) return { km: x.km, co2Kg: x.co2Kg, cost: x.cost };
  const share = orderShare(holder, x.order);
  if (x.giver) {
    return { km: x.giver.km + share.km, co2Kg: x.giver.co2Kg + share.co2Kg, cost: x.giver.cost + share.cost };
  }
  if (holder.plan.routes.some((r) => r.orders.includes(x.order))) return { km: x.km, co2Kg: x.co2Kg, cost: x.cost };
  return { km: x.km + share.km, co2Kg: x.co2Kg + share.co2Kg, cost: x.cost + share.cost };
}

/**
 * Collaboration of `player` (0-100), or null where it could not be shown:
 * alone in the region, before the exchange round (4) ended, or when the
 * player took part in no exchange and no open offer between them and
 * another carrier was a gain for the region when it was made or when an
 * exchange changed a plan (`usage.exchangeChance`, see `markChances` in
 * `exchange.ts`): nothing could be gained by exchanging. Evidence: the
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
  if (mine.length === 0) return game.carriers[player]?.usage.exchangeChance ? COLLABORATION_NONE : null;
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
