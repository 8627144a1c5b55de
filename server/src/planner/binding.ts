import { assistantProblem } from "@iot/shared/planner/assistant";
import { plannerGame, type PlannerOptions, type PlannerTable } from "@iot/shared/planner/game/definition";
import {
  assistantContext,
  referenceProblem,
  situationKey,
  type PlannerEvent,
  type PlannerRejection,
} from "@iot/shared/planner/game/index";
import { plannerJoinSchema, type PlannerJoinOptions } from "@iot/shared/planner/protocol";
import { optionsLang, plannerBadOptionsText } from "@iot/shared/i18n/joinRefusals";
import type { PlannerConfig } from "../config.js";
import { BadOptions, type HostView, type Projection, type TableBinding, type TableSetup } from "../table/binding.js";
import { plannerSummary } from "./summary.js";
import { PlannerStateSchema } from "./schema.js";
import type { SolverPool } from "./solverWorker.js";

function parseJoin(raw: unknown): PlannerJoinOptions {
  const options = plannerJoinSchema.safeParse(raw ?? {});
  if (!options.success) throw new BadOptions(plannerBadOptionsText[optionsLang(raw)]);
  return options.data;
}

/** The planner room's synchronised state: the phase and round (everything else is in each seat's view). */
function projection(): Projection<PlannerTable> {
  const state = new PlannerStateSchema({});
  return {
    state,
    addSeat: () => null,
    removeSeat: () => undefined,
    write(view: HostView<PlannerTable>) {
      state.phase = view.state?.game.phase ?? "waiting";
      state.round = view.state?.game.round ?? 0;
    },
  };
}

/** The planner at the table host: the shared definition on the server's clock settings, the solver pool for the assistant. */
export function plannerBinding(
  config: PlannerConfig,
  solver: SolverPool,
): TableBinding<PlannerTable, PlannerEvent, PlannerRejection, PlannerOptions> {
  const setupOf = (o: { difficulty: PlannerOptions["difficulty"]; planners: number; roundSeconds?: number }) => ({
    options: {
      ...o,
      roundSeconds: o.roundSeconds || config.roundSeconds,
      minutesPerSecond: config.minutesPerSecond,
      clockTickMs: config.clockTickMs,
    },
    seats: o.planners,
    bots: 0,
    turnSeconds: 0,
  });
  return {
    game: plannerGame({ minutesPerSecond: config.minutesPerSecond, clockTickMs: config.clockTickMs }),
    config: { ...config, botDelayMs: [0, 0] },
    views: "always",
    botsTakeOver: false,
    quickSetup: (raw): TableSetup<PlannerOptions> => setupOf(parseJoin(raw)),
    joinRequest(raw) {
      const o = parseJoin(raw);
      return { name: o.name, lang: o.lang, role: "", regionPhase: "" };
    },
    workshopSetup(raw) {
      const o = raw as { difficulty?: number; planners?: number; roundSeconds?: number };
      const difficulty = [1, 2, 3, 4].includes(o.difficulty ?? 0) ? (o.difficulty as PlannerOptions["difficulty"]) : 2;
      return setupOf({
        difficulty,
        planners: Math.min(8, Math.max(1, o.planners ?? 1)),
        roundSeconds: Math.max(0, o.roundSeconds ?? 0),
      });
    },
    projection,
    summary: (view, idleMs) => plannerSummary(view, idleMs),
    effects: {
      async assist({ player }, table: PlannerTable) {
        const game = table.game;
        const carrier = game.carriers[player];
        if (!carrier) return null;
        const { instance, toPlan } = assistantProblem(carrier.scenario, assistantContext(game, player));
        // The situation the solver is given, from the same table: the proposal belongs to it.
        const situation = situationKey(game, player);
        try {
          const solution = await solver.solve(instance, {
            seed: game.seed + game.round,
            timeLimitMs: config.assistantMs,
          });
          return { type: "proposal", payload: { round: game.round, plan: toPlan(solution), situation } };
        } catch (e) {
          console.error("the planning assistant failed", e);
          return { rejection: { code: "ASSISTANT_FAILED" } };
        }
      },
      // The assessment's yardstick, asked by the game whenever a carrier's situation has none: the same
      // shared problem a simulation solves on its own thread, on an iteration budget, so both get the same plan.
      async reference({ player }, table: PlannerTable) {
        const problem = referenceProblem(table.game, player);
        if (!problem) return null;
        try {
          const solution = await solver.solve(problem.instance, {
            seed: problem.seed,
            maxIterations: problem.maxIterations,
          });
          return { type: "reference", payload: problem.toReference(solution) };
        } catch (e) {
          console.error("the reference plan failed", e);
          return null;
        }
      },
    },
  };
}
