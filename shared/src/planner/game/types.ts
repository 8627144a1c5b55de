import type { Hold, Plan } from "../evaluate.js";
import type { Difficulty } from "../generator.js";
import type { Disruption, Scenario } from "../scenario.js";

/** A planner's identity in the region (the server uses the Colyseus sessionId). */
export type PlayerId = string;

/** The four rounds: by hand, with the assistant, disruption, together. */
export type PlannerRound = 1 | 2 | 3 | 4;

/** Where the game stands: before round 1, in a round, between rounds, or done. */
export type PlannerPhase = "waiting" | "round" | "review" | "finished";

/** A disruption that reached a carrier in round 3, and when the planner answered it. */
export interface ReplanRecord {
  /** Index in the carrier's `scenario.disruptions`. */
  disruption: number;
  kind: Disruption["kind"];
  /** Minute the disruption was due (minutes after midnight). */
  at: number;
  /** Orders it left unplanned (stops of a vehicle that went out, a rush order); empty for a traffic jam. */
  orders: string[];
  /** Clock minute of the first plan that planned one of `orders` again; null until then. */
  replannedAt: number | null;
  /**
   * Clock minute of the first plan the planner set after the disruption,
   * whatever it planned (absent until then, and in games saved before this
   * was kept): an answer that leaves the open orders to a hired truck.
   */
  answeredAt?: number;
  /**
   * Whether the assistant's reference plan for a situation at or after the
   * disruption planned one of `orders` (true once one did: the planner could
   * have planned it too); false while every reference since left them all
   * open; absent before the first reference after it (and in games saved
   * before this was kept).
   */
  plannable?: boolean;
}

/** What a planner did, counted for the assessment. Arrays are indexed by round - 1. */
export interface CarrierUsage {
  /** Proposals recorded from the assistant, per round. */
  asked: number[];
  /** Proposals accepted, per round. */
  accepted: number[];
  /** Plans set by hand after accepting a proposal in the same round, per round. */
  editsAfterAccept: number[];
  /** Orders with floor knowledge at the start of the day. */
  floorOrders: number;
  /** Reveals that found floor knowledge. */
  floorFound: number;
  /** Orders this planner offered (round 4). */
  offersMade: number;
  /** This planner's offers that another carrier took. */
  offersGiven: number;
  /** Offers of others this planner took. */
  offersTaken: number;
  /**
   * Round 4: at some moment of the exchange an open offer between this
   * carrier and another (given or to take) was a gain for the region by the
   * game's preview (`markChances` in `exchange.ts`, when an offer is made or
   * taken); absent until then. Without it and
   * without an exchange, collaboration could not be shown.
   */
  exchangeChance?: boolean;
  /** Round 3: the disruptions that reached this carrier, in the order they came. */
  replans: ReplanRecord[];
}

/** One carrier of the region: its day, its plan and what its planner knows and did. */
export interface Carrier {
  /** Seat index (0-based); order and vehicle ids carry the prefix `c<index + 1>-`. */
  index: number;
  /** The carrier's own day; its orders grow with rush orders and exchanges. Disruptions are sorted by time. */
  scenario: Scenario;
  plan: Plan;
  /** Orders whose floor knowledge this planner found. */
  revealed: string[];
  /** Vehicles that are out (breakdown, driver absent). */
  unavailable: string[];
  /** How many of `scenario.disruptions` have been applied (they are sorted by time). */
  applied: number;
  /**
   * Orders already on their way or delivered by the clock (round 3; in round 4
   * only those of vehicles that went out): they stay at the front of their route.
   */
  locked: string[];
  /** Per vehicle, the minutes it could not set off before because the plan changed then (round 3 on). */
  holds: Record<string, Hold[]>;
  /** The assistant's last plan in this round, or null. */
  proposal: Plan | null;
  /**
   * The situation `proposal` was made for (`situationKey` when the assistant
   * was asked), or null without a proposal; a proposal whose situation is no
   * longer the current one cannot be taken (PROPOSAL_OUTDATED).
   */
  proposalSituation: string | null;
  /** What the planner locked for the assistant (see {@link PlanLocks}); absent until they lock something. */
  planLocks?: PlanLocks;
  /**
   * The assessment's yardstick: the assistant's plan for this carrier's
   * situation in the round under way, computed whether or not the planner
   * asks (see `reference.ts`); absent or null until the first one is recorded.
   */
  reference?: ReferencePlan | null;
  usage: CarrierUsage;
}

/**
 * The assistant's plan for a carrier's situation, computed for the
 * assessment whether or not the planner asks: with every order's floor
 * knowledge, without the vehicles that are out, the stops already driven
 * kept first, from the clock on (round 3). Deterministic: the solver runs on
 * an iteration budget with the game's seed.
 */
export interface ReferencePlan {
  round: PlannerRound;
  /** The situation it was planned for (`referenceKey`: round, orders, vehicles out, jams in force). */
  situation: string;
  /** Clock minute it was planned at (minutes after midnight): no vehicle sets off for an open stop before it. */
  at: number;
  plan: Plan;
  /** Per vehicle: the holds of the stops kept at its front (driven), then none before `at` for the rest. */
  holds: Record<string, Hold[]>;
  /** Its KPIs as the round is scored (floor knowledge as it is, the jams, these holds), for the situation it belongs to. */
  kpi: KpiSummary;
}

/**
 * What a planner locked for the assistant's "optimise the rest", in one
 * round (locks of another round are not in force). Both are read against the
 * carrier's current plan: a locked route (by vehicle) stays exactly as that
 * vehicle's route is, an empty one stays empty; a locked stop (by order)
 * stays on the vehicle it is on. Locks bind the assistant, not the planner's
 * own edits; a stop the planner takes off every truck loses its lock.
 */
export interface PlanLocks {
  round: number;
  /** Vehicle ids whose route is locked. */
  routes: string[];
  /** Order ids locked to their vehicle. */
  stops: string[];
}

/** An order offered for exchange in round 4, with what others need to judge it. */
export interface Offer {
  id: string;
  from: PlayerId;
  order: string;
  status: "open" | "taken" | "withdrawn";
  takenBy?: PlayerId;
  town: string;
  pallets: number;
  ready: number;
  due: number;
}

/** A completed exchange and what it changed for the region (after minus before). */
export interface Exchange {
  offer: string;
  from: PlayerId;
  to: PlayerId;
  order: string;
  km: number;
  co2Kg: number;
  cost: number;
  /** The giver's part of the change when it was taken (the order out of its plan); absent in games recorded before it was kept. */
  giver?: { km: number; co2Kg: number; cost: number };
}

/**
 * A carrier's KPIs in short. `soloCost` and `soloCo2Kg` are what delivering
 * each unplanned order alone would take (see `soloTrip`), so a plan cannot
 * look cheap or green by leaving orders out.
 */
export interface KpiSummary {
  /** Euro. */
  cost: number;
  km: number;
  co2Kg: number;
  late: number;
  minutesLate: number;
  unplanned: number;
  deliveries: number;
  overCapacity: number;
  overRange: number;
  /**
   * Breaches of the driving-time rules (EU Regulation 561/2006, see
   * `evaluate.ts`) over the plan's routes; absent in results saved before the
   * evaluation counted them.
   */
  drivingBreaches?: number;
  /** The carrier's orders at the time. */
  orders: number;
  soloCost: number;
  soloCo2Kg: number;
}

/** A carrier's result in a round, with the assistant's last proposal evaluated the same way (null if none). */
export interface RoundResult {
  round: PlannerRound;
  player: PlayerId;
  kpi: KpiSummary;
  /** Euro per order, lower is better (see `roundScore`). */
  score: number;
  assistant: KpiSummary | null;
  assistantScore: number | null;
  /**
   * The assistant's reference plan for the same situation evaluated the same
   * way (the assessment's yardstick, computed whether or not the planner
   * asked); null (or absent in games saved before it) until it is recorded.
   */
  reference?: KpiSummary | null;
  /** The round score of `reference`; null without one. */
  referenceScore?: number | null;
  /** The situation the round ended in (`referenceKey`): a reference for it that arrives late still completes the result. */
  referenceSituation?: string;
}

/** One line of a round's leaderboard; equal scores share a place. */
export interface Standing {
  player: PlayerId;
  name: string;
  place: number;
  score: number;
  cost: number;
  co2Kg: number;
  late: number;
  unplanned: number;
}

/** The whole planner game, as plain JSON. Only the server holds it. */
export interface PlannerGame {
  version: 1;
  seed: number;
  difficulty: Difficulty;
  phase: PlannerPhase;
  /** 0 before round 1. */
  round: 0 | PlannerRound;
  /** Player ids in seat order. */
  players: PlayerId[];
  names: Record<PlayerId, string>;
  carriers: Record<PlayerId, Carrier>;
  /** Minutes after midnight: the day's start, except in round 3 where the day runs. */
  clock: number;
  offers: Offer[];
  /** Number of the next offer id (`f<n>`). */
  nextOffer: number;
  exchanges: Exchange[];
  results: RoundResult[];
}

/** What happened, in order. A `disruption` concerns its carrier's planner only. */
export type PlannerEvent =
  | { type: "round-started"; round: PlannerRound; clock: number }
  | { type: "plan-set"; player: PlayerId; source: "edit" | "proposal" | "exchange" }
  | { type: "disruption"; player: PlayerId; disruption: Disruption; moved: string[] }
  | { type: "offer-made"; offer: Offer }
  | { type: "offer-withdrawn"; offer: Offer }
  | { type: "offer-taken"; offer: Offer; km: number; co2Kg: number }
  | { type: "round-ended"; round: PlannerRound; leaderboard: Standing[] }
  /** A reference plan arrived after its round ended and completed that round's result (the server keeps it). */
  | { type: "reference-recorded"; player: PlayerId; round: PlannerRound }
  | { type: "game-finished" };

/** Why a planner action is refused. The protocol-level codes (BAD_MESSAGE, RATE_LIMITED, ...) come from the room. */
export const PLANNER_REJECTION_CODES = [
  "NOT_IN_ROUND",
  "WRONG_ROUND",
  "UNKNOWN_PLAYER",
  "UNKNOWN_ORDER",
  "DOUBLE_ORDER",
  "NOT_YOUR_VEHICLE",
  "DOUBLE_VEHICLE",
  "VEHICLE_UNAVAILABLE",
  "LOCKED_STOP",
  "ASSISTANT_NOT_ALLOWED",
  "NO_PROPOSAL",
  "PROPOSAL_OUTDATED",
  "UNKNOWN_OFFER",
  "NOT_YOUR_OFFER",
  "OWN_OFFER",
  "ORDER_LOCKED",
  "BAD_PLAYER_COUNT",
  "BAD_MESSAGE",
  "RATE_LIMITED",
  "NOT_HOST",
  "ALREADY_STARTED",
  "TOO_MANY_STOPS",
  "ASSISTANT_FAILED",
  "PAUSED",
  "NOT_PLANNED",
  "LOCK_BROKEN",
] as const;
export type PlannerRejectionCode = (typeof PLANNER_REJECTION_CODES)[number];

/** A refused action: a code and, for some codes, details for the message. */
export interface PlannerRejection {
  code: PlannerRejectionCode;
  detail?: Record<string, string | number>;
}

/** The outcome of a rule: the new game and its events, or a rejection (the game unchanged). */
export type PlannerResult =
  { ok: true; game: PlannerGame; events: PlannerEvent[] } | { ok: false; rejection: PlannerRejection };

/** Most stops a plan may hold (the largest day has 60 orders; exchanges and rush orders add a few). */
export const MAX_PLAN_STOPS = 200;

/** Most planners in one region (the game's contract, docs/planner-game.md: 1 to 8). */
export const MAX_PLANNERS = 8;
