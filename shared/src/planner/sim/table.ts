/**
 * A planner table without a server: the game's definition (`plannerGame`)
 * played move by move, as the table host plays it, with the host's two
 * duties done in place: the effects (the assistant's proposal, the
 * assessment's reference plan) are solved at once on this thread with an
 * iteration budget (no clock, so a run is the same on any machine), and time
 * is a number the caller moves on.
 */
import { createRng } from "../../rng.js";
import { assistantProblem } from "../assistant.js";
import { assistantContext } from "../game/assist.js";
import { plannerGame, type PlannerMoves, type PlannerTable } from "../game/definition.js";
import { computeReference, REFERENCE_ITERATIONS } from "../game/reference.js";
import { situationKey } from "../game/situation.js";
import type { PlannerEvent, PlannerGame, PlannerRejection } from "../game/types.js";
import type { Difficulty } from "../generator.js";
import { solveVrp } from "../solver/sisr.js";

/** Game minutes the day's clock moves per wake-up in a simulation (5 minutes, the desk's resolution of a replan). */
export const SIM_CLOCK_STEP_MINUTES = 5;
/** Real milliseconds between two wake-ups of the day's clock in a simulation (the clock is fake: any value works). */
export const SIM_CLOCK_TICK_MS = 1_000;

const clockOptions = {
  minutesPerSecond: (SIM_CLOCK_STEP_MINUTES * 1000) / SIM_CLOCK_TICK_MS,
  clockTickMs: SIM_CLOCK_TICK_MS,
};
const definition = plannerGame(clockOptions);

/** The id of the simulated table's host (it ends and starts rounds; not a planner). */
const HOST = "host";

/** A move a simulated planner may make (everything but the server's own `proposal` and `reference`). */
export type SimMove = Exclude<keyof PlannerMoves, "proposal" | "reference">;

/** A refused move in a simulation: a scripted planner asked for something the rules do not allow. */
export class SimMoveRefused extends Error {
  constructor(
    readonly move: string,
    readonly rejection: PlannerRejection,
  ) {
    super(`planner simulation: ${move} refused with ${rejection.code}`);
  }
}

/** A planner region in a simulation: the table's state, the fake clock, and how many solves ran. */
export interface SimTable {
  table: PlannerTable;
  /** Fake epoch milliseconds. */
  now: number;
  /** Ruin-and-recreate iterations per solve of the assistant. */
  iterations: number;
  /** Iterations per reference plan: the game's own budget (`REFERENCE_ITERATIONS`) unless a caller sets fewer. */
  referenceIterations: number;
  /** Solves of the assistant so far (proposals answered from the last one do not count). */
  solves: number;
  /** Reference plans computed so far (the assessment's yardstick, see `game/reference.ts`). */
  references: number;
}

/**
 * A new simulated region with `players` (ids, seat order) on `difficulty`,
 * started as the host starts it (round 1 under way); the assistant solves
 * with `iterations` iterations, reference plans with `referenceIterations`
 * (default the game's own). Throws when the rules refuse the setup.
 */
export function openSimTable(
  players: readonly string[],
  difficulty: Difficulty,
  seed: number,
  iterations: number,
  referenceIterations: number = REFERENCE_ITERATIONS,
): { sim: SimTable; events: PlannerEvent[] } {
  const seated = players.map((id) => ({ id, name: id, isBot: false }));
  const now = 0;
  const out = definition.setup(
    seated,
    { difficulty, roundSeconds: 0, ...clockOptions },
    { now, rng: createRng(seed), seed },
  );
  if (!out.ok) throw new SimMoveRefused("setup", out.rejection);
  const sim: SimTable = { table: out.state, now, iterations, referenceIterations, solves: 0, references: 0 };
  return { sim, events: settle(sim, "setup", out) };
}

/** The rules' game at the simulated table. */
export const simGame = (sim: SimTable): PlannerGame => sim.table.game;

type Outcome = ReturnType<typeof definition.wake>;

/**
 * Takes an accepted outcome onto the table and runs its effects as the host
 * does, at once: `assist` by the solver on {@link SimTable.iterations}
 * (seed `game.seed + round`, as the server seeds it) given back as the
 * `proposal` move, `reference` by the game's own `computeReference` (its
 * seed, on {@link SimTable.referenceIterations}) given back as the
 * `reference` move. Returns
 * every event, the effects' too; throws {@link SimMoveRefused} for a refusal.
 */
function settle(sim: SimTable, type: string, out: Outcome): PlannerEvent[] {
  if (!out.ok) throw new SimMoveRefused(type, out.rejection);
  sim.table = out.state;
  const events = [...out.events];
  for (const effect of out.effects ?? []) {
    const game = sim.table.game;
    const ctx = { player: effect.player, now: sim.now, rng: createRng(sim.now) };
    if (effect.kind === "assist") {
      const carrier = game.carriers[effect.player];
      if (!carrier) continue;
      const { instance, toPlan } = assistantProblem(carrier.scenario, assistantContext(game, effect.player));
      const situation = situationKey(game, effect.player);
      const solution = solveVrp(instance, { seed: game.seed + game.round, maxIterations: sim.iterations });
      sim.solves++;
      const payload = { round: game.round, plan: toPlan(solution), situation };
      events.push(...settle(sim, "proposal", definition.moves.proposal.apply(sim.table, payload, ctx)));
    } else if (effect.kind === "reference") {
      const ref = computeReference(game, effect.player, (instance, o) =>
        solveVrp(instance, { seed: o.seed, maxIterations: sim.referenceIterations }),
      );
      sim.references++;
      if (ref) events.push(...settle(sim, "reference", definition.moves.reference.apply(sim.table, ref, ctx)));
    } else throw new Error(`planner simulation: no runner for the effect ${effect.kind}`);
  }
  return events;
}

/**
 * Plays `type` for `player` (or the host for `next`) as the host does: the
 * payload parsed by the move's schema, the move applied and its effects run
 * at once (see {@link settle}). Returns the events; throws
 * {@link SimMoveRefused} when the rules refuse the move.
 */
export function simMove<K extends SimMove>(
  sim: SimTable,
  player: string,
  type: K,
  payload: PlannerMoves[K],
): PlannerEvent[] {
  const move = definition.moves[type];
  const parsed = move.schema.parse(payload);
  const ctx = { player: move.by === "host" ? HOST : player, now: sim.now, rng: createRng(sim.now) };
  const apply = move.apply as (s: PlannerTable, p: unknown, c: typeof ctx) => Outcome;
  return settle(sim, type, apply(sim.table, parsed, ctx));
}

/**
 * Moves the fake clock to the table's next wake-up and wakes it (the day's
 * clock takes one step of {@link SIM_CLOCK_STEP_MINUTES}), effects run;
 * returns the events, or null when the table wants no wake-up.
 */
export function simTick(sim: SimTable): PlannerEvent[] | null {
  const at = definition.nextWake(sim.table);
  if (at === null) return null;
  sim.now = Math.max(sim.now, at);
  return settle(sim, "wake", definition.wake(sim.table, sim.now));
}

/** What `next` does for the host: ends the round under way or starts the next one. */
export function simNext(sim: SimTable): PlannerEvent[] {
  return simMove(sim, HOST, "next", {});
}
