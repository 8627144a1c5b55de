/**
 * The planner game's pure rules: every action takes the game (plain JSON) and
 * returns a new game and its events, or a typed rejection. See
 * docs/planner-game.md.
 */
export * from "./types.js";
export { newPlannerGame, startRound, carrierScenario, carrierSeed, carrierPrefix } from "./setup.js";
export {
  setPlan,
  recordProposal,
  acceptProposal,
  rebaseProposal,
  revealFloor,
  setLock,
  type LockTarget,
} from "./actions.js";
export { advanceClock, applyDisruption, lockStops } from "./clock.js";
export {
  offerOrder,
  withdrawOffer,
  previewOffer,
  acceptOffer,
  cheapestInsertion,
  regionGains,
  type KpiDelta,
  type OfferPreview,
} from "./exchange.js";
export { endRound, leaderboard, proposalNow } from "./rounds.js";
export { assistantContext } from "./assist.js";
export { situationKey, proposalOutdated } from "./situation.js";
export {
  ROUND_RULES,
  LAST_ROUND,
  roundRule,
  roundsWith,
  isLastRound,
  ruleUnderWay,
  canAskAssistant,
  runsDayClock,
  bringsDisruptions,
  offersExchange,
  nextStep,
  type RoundRule,
  type RoundDayStart,
  type RoundFeature,
  type RoundState,
  type NextStep,
} from "./roundRules.js";
export {
  carrierKpi,
  regionTotals,
  roundScore,
  soloTrip,
  summarize,
  evaluateFor,
  evaluationOptions,
  activeJams,
  CO2_EUR_PER_KG,
  LATE_EUR_PER_MINUTE,
  INFEASIBLE_ROUTE_EUR,
  type RegionTotals,
} from "./kpi.js";
export { checkPlan, checkLocks, locksInForce, lockedPrefix, vehicleOf, withPlan, type LocksInForce } from "./plan.js";
export {
  assess,
  againstReference,
  roundEfficiency,
  roundGreen,
  roundRecovery,
  undrivable,
  costPerOrder,
  co2PerOrder,
  COMPETENCES,
  POINTS_PER_PERCENT_ABOVE,
  REPLAN_WINDOW_MINUTES,
  type Competence,
  type CompetenceProfile,
  type CompetenceScore,
} from "./assessment.js";
export {
  collaboration,
  exchangeEffect,
  COLLABORATION_NONE,
  COLLABORATION_TARGET_SHARE,
  CARRIER_GAIN_SHARE,
  type ExchangeEffect,
} from "./collaboration.js";
export {
  referenceKey,
  referenceNeeded,
  playersNeedingReference,
  referenceProblem,
  computeReference,
  referenceKpi,
  recordReference,
  withReferences,
  REFERENCE_ITERATIONS,
  REFERENCE_SEED_OFFSET,
  type ReferenceProblem,
  type ReferenceSolver,
} from "./reference.js";
