import { DIFFICULTY_ORDERS, generateScenario, type Difficulty } from "../generator.js";
import type { Disruption, Scenario } from "../scenario.js";
import { reject } from "./access.js";
import { roundRule } from "./roundRules.js";
import { MAX_PLANNERS } from "./types.js";
import type { Carrier, CarrierUsage, PlannerGame, PlannerResult, PlannerRound, PlayerId } from "./types.js";

/** Golden-ratio constant (2^32 / phi) that spreads the seat index over the seed's bits. */
const SEAT_SEED_STEP = 0x9e3779b9;

/** The scenario seed of the carrier in seat `index`: the game's seed with the seat mixed in. */
export function carrierSeed(seed: number, index: number): number {
  return (seed + Math.imul(index, SEAT_SEED_STEP)) | 0;
}

/** The id prefix of the carrier in seat `index` (0-based): `c1-`, `c2-`, ... */
export function carrierPrefix(index: number): string {
  return `c${index + 1}-`;
}

/**
 * The day of the carrier in seat `index`: a generated day whose order and
 * vehicle ids carry the carrier's prefix (unique in the region, so an order
 * or vehicle of another carrier is recognised), disruptions sorted by time.
 */
export function carrierScenario(seed: number, index: number, difficulty: Difficulty): Scenario {
  const s = generateScenario(carrierSeed(seed, index), difficulty);
  const p = carrierPrefix(index);
  const disruptions: Disruption[] = s.disruptions
    .map((d): Disruption => {
      if (d.kind === "rush-order") return { ...d, order: { ...d.order, id: p + d.order.id } };
      if (d.kind === "breakdown" || d.kind === "driver-absent") return { ...d, vehicle: p + d.vehicle };
      if (d.kind === "window-change") return { ...d, order: p + d.order };
      return { ...d };
    })
    .sort((a, b) => a.at - b.at);
  return {
    ...s,
    id: `${s.id}-c${index + 1}`,
    orders: s.orders.map((o) => ({ ...o, id: p + o.id })),
    fleet: s.fleet.map((v) => ({ ...v, id: p + v.id })),
    disruptions,
  };
}

function emptyUsage(floorOrders: number): CarrierUsage {
  return {
    asked: [0, 0, 0, 0],
    accepted: [0, 0, 0, 0],
    editsAfterAccept: [0, 0, 0, 0],
    floorOrders,
    floorFound: 0,
    offersMade: 0,
    offersGiven: 0,
    offersTaken: 0,
    replans: [],
  };
}

/**
 * A new region in phase "waiting": one carrier per player (seat order), each
 * with its own generated day. Rejects BAD_PLAYER_COUNT for fewer than 1 or
 * more than {@link MAX_PLANNERS} players, UNKNOWN_PLAYER for an empty or
 * doubled id, BAD_MESSAGE for a difficulty outside 1-4 or a seed that is not
 * a 32-bit integer.
 */
export function newPlannerGame(options: {
  players: readonly { id: PlayerId; name: string }[];
  difficulty: Difficulty;
  seed: number;
}): PlannerResult {
  const { players, difficulty, seed } = options;
  if (players.length < 1 || players.length > MAX_PLANNERS) {
    return reject("BAD_PLAYER_COUNT", { min: 1, max: MAX_PLANNERS });
  }
  const ids = players.map((p) => p.id);
  if (new Set(ids).size !== ids.length || ids.some((id) => typeof id !== "string" || id === "")) {
    return reject("UNKNOWN_PLAYER");
  }
  if (!Object.hasOwn(DIFFICULTY_ORDERS, difficulty) || !Number.isInteger(seed) || (seed | 0) !== seed) {
    return reject("BAD_MESSAGE");
  }
  const carriers: Record<PlayerId, Carrier> = {};
  const names: Record<PlayerId, string> = {};
  players.forEach((p, index) => {
    const scenario = carrierScenario(seed, index, difficulty);
    names[p.id] = p.name;
    carriers[p.id] = {
      index,
      scenario,
      plan: { routes: [] },
      revealed: [],
      unavailable: [],
      applied: 0,
      locked: [],
      holds: {},
      proposal: null,
      proposalSituation: null,
      usage: emptyUsage(scenario.orders.filter((o) => o.floor).length),
    };
  });
  const first = carriers[ids[0] as PlayerId] as Carrier;
  const game: PlannerGame = {
    version: 1,
    seed,
    difficulty,
    phase: "waiting",
    round: 0,
    players: ids,
    names,
    carriers,
    clock: first.scenario.dayStart,
    offers: [],
    nextOffer: 1,
    exchanges: [],
    results: [],
  };
  return { ok: true, game, events: [] };
}

/**
 * Starts `round`, which must be the next one (1, 2, 3, 4) after "waiting" or
 * "review": ALREADY_STARTED while a round is under way, WRONG_ROUND
 * otherwise. Every round clears the last proposal; the rest follows the
 * round's rule (`ROUND_RULES`). Round 1 starts every carrier from an empty
 * plan (`emptyPlan`); later rounds keep the plan. Round 3 (`day: "restart"`)
 * sets the clock to the day's start and starts the disruptions from the
 * first. Round 4 (`day: "replay"`) plans the same day again from its start,
 * as it turned out: the clock goes back to the day's start, rush orders and
 * traffic jams stay, vehicles that went out stay out with the stops they
 * drove before (those stay locked, nothing else is), and the exchange opens.
 */
export function startRound(game: PlannerGame, round: PlannerRound): PlannerResult {
  if (game.phase === "round") return reject("ALREADY_STARTED");
  const rule = roundRule(round);
  if (game.phase === "finished" || round !== game.round + 1 || !rule) {
    return reject("WRONG_ROUND", { round: game.round + 1 });
  }
  const carriers: Record<PlayerId, Carrier> = {};
  const dayStart = Math.min(...game.players.map((p) => (game.carriers[p] as Carrier).scenario.dayStart));
  const clock = rule.day === "keep" ? game.clock : dayStart;
  for (const p of game.players) {
    const c = game.carriers[p] as Carrier;
    const next: Carrier = { ...c, proposal: null, proposalSituation: null };
    if (rule.emptyPlan) next.plan = { routes: [] };
    if (rule.day === "restart") {
      Object.assign(next, { applied: 0, unavailable: [], locked: [], holds: {} });
    }
    if (rule.day === "replay") {
      const out = new Set(c.unavailable);
      const driven = new Set(c.plan.routes.filter((r) => out.has(r.vehicle)).flatMap((r) => r.orders));
      Object.assign(next, { locked: c.locked.filter((o) => driven.has(o)), holds: {} });
    }
    carriers[p] = next;
  }
  return {
    ok: true,
    game: { ...game, phase: "round", round, clock, carriers },
    events: [{ type: "round-started", round, clock }],
  };
}
