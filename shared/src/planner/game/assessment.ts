import { roundRule, roundsWith } from "./roundRules.js";
import type { Carrier, KpiSummary, PlannerGame, PlayerId, RoundResult } from "./types.js";

/** A player's competence profile: whole numbers from 0 to 100 (formulas in docs/planner-game.md). */
/** The six competences, in the order the report and the debrief show them. */
export const COMPETENCES = ["efficiency", "green", "service", "adaptivity", "collaboration", "digital"] as const;

export interface CompetenceProfile {
  efficiency: number;
  green: number;
  service: number;
  adaptivity: number;
  collaboration: number;
  digital: number;
}

/** Points lost per percent above the reference in efficiency and green (50% above scores 0; a game assumption). */
export const POINTS_PER_PERCENT_ABOVE = 2;
/** Game minutes within which a replan after a disruption still earns speed points, linear to 0 (a game assumption). */
export const REPLAN_WINDOW_MINUTES = 60;
/** Share of a carrier's own round-3 km and CO2 its exchanges must save for full collaboration points (a game assumption). */
export const COLLABORATION_TARGET_SHARE = 0.05;
/** Offers made plus offers taken that earn full activity points in collaboration (a game assumption). */
export const COLLABORATION_TARGET_ACTIONS = 2;

/** Euro per order including solo trips for unplanned orders (the efficiency measure). */
export const costPerOrder = (k: KpiSummary) => (k.cost + k.soloCost) / Math.max(1, k.orders);
/** Kg CO2 per order including solo trips for unplanned orders (the green measure). */
export const co2PerOrder = (k: KpiSummary) => (k.co2Kg + k.soloCo2Kg) / Math.max(1, k.orders);

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const points = (x: number) => Math.round(100 * clamp01(x));
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * The reference of a round result for `measure`: the assistant's last
 * proposal of that round for that carrier; when there was none, the best
 * (lowest) value of any proposal in the game; when the assistant was never
 * asked, the best value of any carrier's plan in any round (the region's own
 * best plan).
 */
export function referenceValue(game: PlannerGame, r: RoundResult, measure: (k: KpiSummary) => number): number {
  if (r.assistant) return measure(r.assistant);
  const proposals = game.results.flatMap((x) => (x.assistant ? [measure(x.assistant)] : []));
  if (proposals.length > 0) return Math.min(...proposals);
  return Math.min(...game.results.map((x) => measure(x.kpi)));
}

/**
 * Score of a value against its reference (lower is better):
 * 100 - {@link POINTS_PER_PERCENT_ABOVE} x (percent above the reference),
 * clamped to 0..100; at or below the reference, 100.
 */
export function againstReference(value: number, reference: number): number {
  if (!(reference > 0)) return value <= 0 ? 100 : 0;
  return Math.min(100, Math.max(0, 100 - POINTS_PER_PERCENT_ABOVE * 100 * (value / reference - 1)));
}

function relative(game: PlannerGame, rs: readonly RoundResult[], measure: (k: KpiSummary) => number): number {
  return Math.round(mean(rs.map((r) => againstReference(measure(r.kpi), referenceValue(game, r, measure)))));
}

/** Share of orders delivered on time over the results given (0 when there are none). */
function onTimeShare(rs: readonly RoundResult[]): number {
  const orders = rs.reduce((a, r) => a + r.kpi.orders, 0);
  return orders === 0 ? 0 : rs.reduce((a, r) => a + r.kpi.deliveries - r.kpi.late, 0) / orders;
}

/** Whether result `r` is of a round whose rule has disruptions (round 3). */
const disrupted = (r: RoundResult) => roundRule(r.round)?.disruptions === true;

function adaptivity(carrier: Carrier, rs: readonly RoundResult[]): number {
  const r3 = rs.filter(disrupted);
  if (r3.length === 0) return 0;
  const needed = carrier.usage.replans.filter((r) => r.orders.length > 0);
  const speed =
    needed.length === 0
      ? 1
      : mean(
          needed.map((r) => (r.replannedAt === null ? 0 : clamp01(1 - (r.replannedAt - r.at) / REPLAN_WINDOW_MINUTES))),
        );
  return points(0.6 * onTimeShare(r3) + 0.4 * speed);
}

function collaboration(game: PlannerGame, player: PlayerId, carrier: Carrier, rs: readonly RoundResult[]): number {
  const base = rs.find(disrupted)?.kpi;
  if (!base || !rs.some((r) => roundRule(r.round)?.exchange)) return 0;
  const mine = game.exchanges.filter((x) => x.from === player || x.to === player);
  const savedKm = -mine.reduce((a, x) => a + x.km, 0);
  const savedCo2 = -mine.reduce((a, x) => a + x.co2Kg, 0);
  const share = mean([base.km > 0 ? savedKm / base.km : 0, base.co2Kg > 0 ? savedCo2 / base.co2Kg : 0]);
  const actions = carrier.usage.offersMade + carrier.usage.offersTaken;
  return points(
    0.4 * clamp01(actions / COLLABORATION_TARGET_ACTIONS) + 0.6 * clamp01(share / COLLABORATION_TARGET_SHARE),
  );
}

function digital(carrier: Carrier, rs: readonly RoundResult[]): number {
  const u = carrier.usage;
  const assisted = roundsWith("assistant");
  const used =
    assisted.length === 0 ? 0 : assisted.filter((round) => (u.asked[round - 1] ?? 0) > 0).length / assisted.length;
  const floor = u.floorOrders === 0 ? 1 : clamp01(u.floorFound / u.floorOrders);
  const withProposal = rs.filter((r) => roundRule(r.round)?.assistant && r.assistantScore !== null);
  const improved = withProposal.filter(
    (r) => (u.editsAfterAccept[r.round - 1] ?? 0) > 0 && r.score < (r.assistantScore as number),
  ).length;
  const improve = withProposal.length === 0 ? 0 : improved / withProposal.length;
  return points(0.4 * used + 0.3 * floor + 0.3 * improve);
}

/**
 * The competence profile of every player, from the rounds that have ended
 * (a dimension whose round has not been played scores 0). All six are whole
 * numbers from 0 to 100 and depend only on the game:
 * - efficiency: mean over rounds of {@link againstReference}(cost per order,
 *   reference), cost including solo trips for unplanned orders;
 * - green: the same for kg CO2 per order;
 * - service: 100 x on-time deliveries / orders, over all rounds;
 * - adaptivity (round 3): 100 x (0.6 x on-time share + 0.4 x replan speed),
 *   speed per disruption that left orders open = 1 - minutes to the first
 *   replan that plans one of them / {@link REPLAN_WINDOW_MINUTES} (0 if never;
 *   1 when no disruption left anything open);
 * - collaboration (round 4): 100 x (0.4 x min(1, (offers made + offers taken)
 *   / {@link COLLABORATION_TARGET_ACTIONS}) + 0.6 x min(1, saved share /
 *   {@link COLLABORATION_TARGET_SHARE})), the saved share being the mean of
 *   the region's km and CO2 saved by the exchanges the player gave or took,
 *   over the player's own round-3 km and CO2;
 * - digital: 100 x (0.4 x rounds 2-4 with the assistant asked / 3 + 0.3 x
 *   floor knowledge found / orders with floor knowledge (1 if none) + 0.3 x
 *   share of rounds with a proposal in which the planner edited after
 *   accepting and ended with a better round score than the proposal).
 */
export function assess(game: PlannerGame): Record<PlayerId, CompetenceProfile> {
  const out: Record<PlayerId, CompetenceProfile> = {};
  for (const p of game.players) {
    const carrier = game.carriers[p] as Carrier;
    const rs = game.results.filter((r) => r.player === p);
    out[p] = {
      efficiency: relative(game, rs, costPerOrder),
      green: relative(game, rs, co2PerOrder),
      service: points(onTimeShare(rs)),
      adaptivity: adaptivity(carrier, rs),
      collaboration: collaboration(game, p, carrier, rs),
      digital: digital(carrier, rs),
    };
  }
  return out;
}
