/**
 * A planner table without a server: the game's definition (`plannerGame`)
 * played move by move, as the table host plays it, with the host's two
 * duties done in place: the assistant's effect is solved at once on this
 * thread with an iteration budget (no clock, so a run is the same on any
 * machine), and time is a number the caller moves on.
 */
import { createRng } from "../../rng.js";
import { assistantProblem } from "../assistant.js";
import { assistantContext } from "../game/assist.js";
import { plannerGame, type PlannerMoves, type PlannerTable } from "../game/definition.js";
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

/** A move a simulated planner may make (everything but the server's own `proposal`). */
export type SimMove = Exclude<keyof PlannerMoves, "proposal">;

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
  /** Solves of the assistant so far (proposals answered from the last one do not count). */
  solves: number;
}

/**
 * A new simulated region with `players` (ids, seat order) on `difficulty`,
 * started as the host starts it (round 1 under way); the assistant solves
 * with `iterations` iterations. Throws when the rules refuse the setup.
 */
export function openSimTable(
  players: readonly string[],
  difficulty: Difficulty,
  seed: number,
  iterations: number,
): { sim: SimTable; events: PlannerEvent[] } {
  const seated = players.map((id) => ({ id, name: id, isBot: false }));
  const now = 0;
  const out = definition.setup(
    seated,
    { difficulty, roundSeconds: 0, ...clockOptions },
    { now, rng: createRng(seed), seed },
  );
  if (!out.ok) throw new SimMoveRefused("setup", out.rejection);
  return { sim: { table: out.state, now, iterations, solves: 0 }, events: [...out.events] };
}

/** The rules' game at the simulated table. */
export const simGame = (sim: SimTable): PlannerGame => sim.table.game;

/**
 * Plays `type` for `player` (or the host for `next`) as the host does: the
 * payload parsed by the move's schema, the move applied, and an `assist`
 * effect answered at once by the solver (seed `game.seed + round`, as the
 * server seeds it) and given back as the `proposal` move. Returns the events;
 * throws {@link SimMoveRefused} when the rules refuse the move.
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
  const out = (move.apply as (s: PlannerTable, p: unknown, c: typeof ctx) => ReturnType<typeof move.apply>)(
    sim.table,
    parsed,
    ctx,
  );
  if (!out.ok) throw new SimMoveRefused(type, out.rejection);
  sim.table = out.state;
  const events = [...out.events];
  for (const effect of out.effects ?? [])
    if (effect.kind === "assist") events.push(...answerAssist(sim, effect.player));
  return events;
}

function answerAssist(sim: SimTable, player: string): PlannerEvent[] {
  const game = sim.table.game;
  const carrier = game.carriers[player];
  if (!carrier) return [];
  const { instance, toPlan } = assistantProblem(carrier.scenario, assistantContext(game, player));
  const situation = situationKey(game, player);
  const solution = solveVrp(instance, { seed: game.seed + game.round, maxIterations: sim.iterations });
  sim.solves++;
  const out = definition.moves.proposal.apply(
    sim.table,
    { round: game.round, plan: toPlan(solution), situation },
    { player, now: sim.now, rng: createRng(sim.now) },
  );
  if (!out.ok) throw new SimMoveRefused("proposal", out.rejection);
  sim.table = out.state;
  return [...out.events];
}

/**
 * Moves the fake clock to the table's next wake-up and wakes it (the day's
 * clock takes one step of {@link SIM_CLOCK_STEP_MINUTES}); returns the
 * events, or null when the table wants no wake-up.
 */
export function simTick(sim: SimTable): PlannerEvent[] | null {
  const at = definition.nextWake(sim.table);
  if (at === null) return null;
  sim.now = Math.max(sim.now, at);
  const out = definition.wake(sim.table, sim.now);
  if (!out.ok) throw new SimMoveRefused("wake", out.rejection);
  sim.table = out.state;
  return [...out.events];
}

/** What `next` does for the host: ends the round under way or starts the next one. */
export function simNext(sim: SimTable): PlannerEvent[] {
  return simMove(sim, HOST, "next", {});
}
