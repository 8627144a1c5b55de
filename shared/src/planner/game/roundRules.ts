/**
 * The planner game's four rounds in one table: what each round allows and
 * how it starts. The rules (setup, actions, clock, exchange, rounds) decide
 * by this table, never by a round's number, and so can the room and the
 * client through the helpers below.
 */
import type { PlannerRound } from "./types.js";

/**
 * What a round does with the day when it starts:
 * - "keep": the clock and the day stay as they are;
 * - "restart": the clock goes to the day's start and the day starts as it
 *   was generated: no disruption applied, every vehicle in, nothing locked,
 *   no holds;
 * - "replay": the clock goes to the day's start and the day is planned again
 *   as it turned out: disruptions applied stay applied (rush orders, jams),
 *   vehicles that went out stay out with the stops they drove before (those
 *   stay locked, nothing else does), no holds.
 */
export type RoundDayStart = "keep" | "restart" | "replay";

/** What one round allows and how it starts. */
export interface RoundRule {
  /** The round's number. */
  readonly round: PlannerRound;
  /** The planner may ask the assistant and accept its proposal (`recordProposal`, `acceptProposal`). */
  readonly assistant: boolean;
  /** The day's clock runs (`advanceClock`; the assistant plans from the clock, see `assistantContext`). */
  readonly dayClock: boolean;
  /**
   * Disruptions arrive as the clock reaches their time (`advanceClock`), and
   * the first plan that plans an order one left open is recorded as its replan.
   */
  readonly disruptions: boolean;
  /** Carriers may offer, withdraw, preview and take orders (`offerOrder`, `withdrawOffer`, `previewOffer`, `acceptOffer`). */
  readonly exchange: boolean;
  /** Every carrier starts the round from an empty plan; otherwise the plan of the round before stays. */
  readonly emptyPlan: boolean;
  /** What the round does with the day when it starts (see {@link RoundDayStart}). */
  readonly day: RoundDayStart;
}

/** The boolean permissions of a round, by name (for {@link roundsWith}). */
export type RoundFeature = "assistant" | "dayClock" | "disruptions" | "exchange";

/**
 * The four rounds, in order (docs/planner-game.md): 1 by hand, 2 with the
 * assistant, 3 the day runs with disruptions and the assistant helps replan,
 * 4 the same day again with the exchange open. Floor knowledge (`revealFloor`)
 * is there in every round, so it has no field.
 */
export const ROUND_RULES: readonly RoundRule[] = Object.freeze(
  (
    [
      {
        round: 1,
        assistant: false,
        dayClock: false,
        disruptions: false,
        exchange: false,
        emptyPlan: true,
        day: "keep",
      },
      {
        round: 2,
        assistant: true,
        dayClock: false,
        disruptions: false,
        exchange: false,
        emptyPlan: false,
        day: "keep",
      },
      {
        round: 3,
        assistant: true,
        dayClock: true,
        disruptions: true,
        exchange: false,
        emptyPlan: false,
        day: "restart",
      },
      {
        round: 4,
        assistant: true,
        dayClock: false,
        disruptions: false,
        exchange: true,
        emptyPlan: false,
        day: "replay",
      },
    ] satisfies RoundRule[]
  ).map((r) => Object.freeze(r)),
);

/** The last round: ending it finishes the game. */
export const LAST_ROUND: PlannerRound = (ROUND_RULES[ROUND_RULES.length - 1] as RoundRule).round;

/**
 * Where a game stands, as far as the rounds are concerned: any
 * `Pick<PlannerGame, "phase" | "round">` (a `PlannerGame` itself), or a
 * client's view of it, whose phase and round may be a plain string and number.
 */
export interface RoundState {
  /** A `PlannerPhase`; anything else counts as no phase at all. */
  readonly phase: string;
  /** 0 before round 1, else a `PlannerRound`. */
  readonly round: number;
}

/** The rule of round `round`; null for anything that is not a round (0 before round 1, 5, 2.5, NaN). */
export function roundRule(round: number): RoundRule | null {
  return ROUND_RULES.find((r) => r.round === round) ?? null;
}

/** The rounds whose rule has `feature`, in order. */
export function roundsWith(feature: RoundFeature): PlannerRound[] {
  return ROUND_RULES.filter((r) => r[feature]).map((r) => r.round);
}

/** Whether `round` is the last round ({@link LAST_ROUND}). */
export function isLastRound(round: number): boolean {
  return round === LAST_ROUND;
}

/** The rule of the round under way; null in "waiting", "review" and "finished". */
export function ruleUnderWay(g: RoundState): RoundRule | null {
  return g.phase === "round" ? roundRule(g.round) : null;
}

/** A round is under way whose rule has the assistant. */
export function canAskAssistant(g: RoundState): boolean {
  return ruleUnderWay(g)?.assistant === true;
}

/** A round is under way whose rule runs the day's clock. */
export function runsDayClock(g: RoundState): boolean {
  return ruleUnderWay(g)?.dayClock === true;
}

/** A round is under way whose rule brings disruptions. */
export function bringsDisruptions(g: RoundState): boolean {
  return ruleUnderWay(g)?.disruptions === true;
}

/** A round is under way whose rule opens the exchange. */
export function offersExchange(g: RoundState): boolean {
  return ruleUnderWay(g)?.exchange === true;
}

/** What "next" does in a game: end the round under way, or start the next round. */
export type NextStep = { kind: "end" } | { kind: "start"; round: PlannerRound };

/**
 * What "next" does: while a round is under way, end it; in "waiting" or
 * "review", start the round after `g.round` (round 1 from "waiting"); null
 * when the game is finished (or there is no round after this one).
 */
export function nextStep(g: RoundState): NextStep | null {
  if (ruleUnderWay(g)) return { kind: "end" };
  if (g.phase !== "waiting" && g.phase !== "review") return null;
  const next = roundRule(g.round + 1);
  return next ? { kind: "start", round: next.round } : null;
}
