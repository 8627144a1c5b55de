import { collaboration } from "./collaboration.js";
import { LATE_EUR_PER_MINUTE } from "./kpi.js";
import { roundRule, roundsWith } from "./roundRules.js";
import type { Carrier, KpiSummary, PlannerGame, PlayerId, ReplanRecord, RoundResult } from "./types.js";

/** The six competences, in the order the report and the debrief show them. */
export const COMPETENCES = ["efficiency", "green", "service", "adaptivity", "collaboration", "digital"] as const;
/** One of the six competences. */
export type Competence = (typeof COMPETENCES)[number];

/**
 * A competence's score: a whole number from 0 to 100, or null where the game
 * gave no chance to show it ("not applicable": its round was not played, no
 * yardstick, a planner alone in the region for collaboration).
 */
export type CompetenceScore = number | null;

/** A player's competence profile (rules in docs/assessment.md): one {@link CompetenceScore} per competence. */
export type CompetenceProfile = Record<Competence, CompetenceScore>;

/** Points lost per percent above the reference in efficiency and green (50% above scores 0; a game assumption). */
export const POINTS_PER_PERCENT_ABOVE = 2;
/** Game minutes within which a replan after a disruption still earns speed points, linear to 0 (a game assumption). */
export const REPLAN_WINDOW_MINUTES = 60;

/**
 * What keeps a plan from being driven as planned: routes over capacity, routes
 * over range and breaches of the driving-time rules (EU Regulation 561/2006).
 * A plan with any is undrivable and scores 0 in efficiency and green for its
 * round, so it never beats a drivable plan.
 */
export const undrivable = (k: KpiSummary) => k.overCapacity + k.overRange + (k.drivingBreaches ?? 0);

/**
 * Euro per order it takes to deliver the plan (the efficiency measure): its
 * cost, a solo trip per unplanned order and {@link LATE_EUR_PER_MINUTE} per
 * minute late.
 */
export const costPerOrder = (k: KpiSummary) =>
  (k.cost + k.soloCost + LATE_EUR_PER_MINUTE * k.minutesLate) / Math.max(1, k.orders);
/** Kg CO2 per order including solo trips for unplanned orders (the green measure). */
export const co2PerOrder = (k: KpiSummary) => (k.co2Kg + k.soloCo2Kg) / Math.max(1, k.orders);

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const points = (x: number) => Math.round(100 * clamp01(x));
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Score of a value against its reference (lower is better):
 * 100 - {@link POINTS_PER_PERCENT_ABOVE} x (percent above the reference),
 * clamped to 0..100; at or below the reference, 100.
 */
export function againstReference(value: number, reference: number): number {
  if (!(reference > 0)) return value <= 0 ? 100 : 0;
  return Math.min(100, Math.max(0, 100 - POINTS_PER_PERCENT_ABOVE * 100 * (value / reference - 1)));
}

/**
 * Efficiency of one round (0-100), or null without a reference plan: 0 for
 * an undrivable plan, otherwise {@link againstReference} of
 * {@link costPerOrder} against the reference's.
 */
export function roundEfficiency(r: RoundResult): number | null {
  const ref = r.reference ?? null;
  if (!ref) return null;
  if (undrivable(r.kpi) > 0) return 0;
  return againstReference(costPerOrder(r.kpi), costPerOrder(ref));
}

/**
 * Green of one round (0-100), or null without a reference plan: 0 for an
 * undrivable plan, otherwise {@link againstReference} of {@link co2PerOrder}
 * against the reference's, times the share of orders not late beyond the
 * reference's late deliveries (a late delivery is no green delivery).
 */
export function roundGreen(r: RoundResult): number | null {
  const ref = r.reference ?? null;
  if (!ref) return null;
  if (undrivable(r.kpi) > 0) return 0;
  const extraLate = Math.max(0, r.kpi.late - ref.late) / Math.max(1, r.kpi.orders);
  return againstReference(co2PerOrder(r.kpi), co2PerOrder(ref)) * (1 - clamp01(extraLate));
}

/** The mean of the rounds' scores that apply, rounded; null when none does. */
function meanOf(rs: readonly RoundResult[], score: (r: RoundResult) => number | null): CompetenceScore {
  const xs = rs.flatMap((r) => {
    const x = score(r);
    return x === null ? [] : [x];
  });
  return xs.length === 0 ? null : Math.round(mean(xs));
}

/** Share of orders delivered on time over the results given (0 when there are none). */
function onTimeShare(rs: readonly RoundResult[]): number {
  const orders = rs.reduce((a, r) => a + r.kpi.orders, 0);
  return orders === 0 ? 0 : rs.reduce((a, r) => a + r.kpi.deliveries - r.kpi.late, 0) / orders;
}

/** Whether result `r` is of a round whose rule has disruptions (round 3). */
const disrupted = (r: RoundResult) => roundRule(r.round)?.disruptions === true;

/** Orders of a result not delivered on time: late, or not delivered at all. */
const missed = (k: KpiSummary) => k.orders - (k.deliveries - k.late);

/**
 * How well a disrupted round's plan kept the day on time (0-1): 0 for an
 * undrivable plan (its on-time deliveries cannot be driven); with a
 * reference plan, 1 less the orders missed (late or not delivered) beyond
 * the reference's, as a share of the orders (what no plan could have
 * delivered on time is no fault of the planner); without one, the on-time
 * share.
 */
export function roundRecovery(r: RoundResult): number {
  if (undrivable(r.kpi) > 0) return 0;
  const ref = r.reference ?? null;
  if (!ref) return onTimeShare([r]);
  return 1 - clamp01((missed(r.kpi) - missed(ref)) / Math.max(1, r.kpi.orders));
}

function adaptivity(carrier: Carrier, rs: readonly RoundResult[]): CompetenceScore {
  const r3 = rs.filter(disrupted);
  if (r3.length === 0) return null;
  const recovery = mean(r3.map(roundRecovery));
  const needed = carrier.usage.replans.filter((r) => r.orders.length > 0 && r.plannable !== false);
  // Leaving the open orders to hired trucks answers a disruption when the day misses nothing the reference would not.
  const answer = (r: ReplanRecord) => r.replannedAt ?? (recovery === 1 ? (r.answeredAt ?? null) : null);
  const speed = mean(
    needed.map((r) => {
      const at = answer(r);
      return at === null ? 0 : clamp01(1 - (at - r.at) / REPLAN_WINDOW_MINUTES);
    }),
  );
  return points(0.6 * recovery + 0.4 * (needed.length === 0 ? 1 : speed));
}

function digital(carrier: Carrier, rs: readonly RoundResult[]): CompetenceScore {
  const u = carrier.usage;
  const assisted = new Set(roundsWith("assistant"));
  const played = rs.filter((r) => assisted.has(r.round));
  if (played.length === 0) return null;
  const used = played.filter((r) => (u.asked[r.round - 1] ?? 0) > 0).length / played.length;
  const floor = u.floorOrders === 0 ? 1 : clamp01(u.floorFound / u.floorOrders);
  const withProposal = played.filter((r) => r.assistantScore !== null);
  const improved = withProposal.filter(
    (r) => (u.editsAfterAccept[r.round - 1] ?? 0) > 0 && r.score < (r.assistantScore as number),
  ).length;
  const improve = withProposal.length === 0 ? 0 : improved / withProposal.length;
  return points(0.4 * used + 0.3 * floor + 0.3 * improve);
}

/**
 * The competence profile of every player from the rounds that have ended;
 * each score a whole number from 0 to 100, or null (not applicable), and a
 * function of the game only (rules and their evidence in docs/assessment.md):
 * - efficiency: mean over the rounds with a reference plan of
 *   {@link roundEfficiency};
 * - green: the same with {@link roundGreen};
 * - service: 100 x on-time deliveries / orders over the ended rounds;
 * - adaptivity (round 3): 100 x (0.6 x {@link roundRecovery} + 0.4 x replan
 *   speed), speed per disruption that left orders open which the assistant's
 *   reference could plan again (`plannable`) = 1 - minutes to the first
 *   replan that plans one of them (or, when the round misses nothing beyond
 *   the reference, to the first plan set after it) /
 *   {@link REPLAN_WINDOW_MINUTES} (0 if never; 1 when no such disruption);
 * - collaboration (round 4, two planners or more): see `collaboration`;
 * - digital (the ended rounds with the assistant): 100 x (0.4 x share of
 *   them in which it was asked + 0.3 x floor knowledge found / orders with
 *   floor knowledge (1 if none) + 0.3 x share of those with a proposal in
 *   which the planner edited after accepting and ended with a better round
 *   score than the proposal).
 */
export function assess(game: PlannerGame): Record<PlayerId, CompetenceProfile> {
  const out: Record<PlayerId, CompetenceProfile> = {};
  for (const p of game.players) {
    const carrier = game.carriers[p] as Carrier;
    const rs = game.results.filter((r) => r.player === p);
    out[p] = {
      efficiency: meanOf(rs, roundEfficiency),
      green: meanOf(rs, roundGreen),
      service: rs.length === 0 ? null : points(onTimeShare(rs)),
      adaptivity: adaptivity(carrier, rs),
      collaboration: collaboration(game, p, rs),
      digital: digital(carrier, rs),
    };
  }
  return out;
}
