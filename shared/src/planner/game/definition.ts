import { plannerRejectionMessage } from "../../i18n/plannerMessages.js";
import type { Lang } from "../../protocol.js";
import type { GameDefinition, Outcome, Outgoing } from "../../table/definition.js";
import type { Plan } from "../evaluate.js";
import { plannerSchemas, proposalResultSchema, type PlannerPayloads } from "../protocol.js";
import { plannerSeatView, type PlannerSeatView } from "../seatView.js";
import { acceptProposal, recordProposal, revealFloor, setLock, setPlan } from "./actions.js";
import { assess } from "./assessment.js";
import { advanceClock } from "./clock.js";
import { acceptOffer, offerOrder, previewOffer, withdrawOffer } from "./exchange.js";
import { renamePlanner } from "./rename.js";
import { recordReference, referenceEffects, referenceResultSchema } from "./reference.js";
import { proposalOutdated } from "./situation.js";
import { nextStep, runsDayClock } from "./roundRules.js";
import { endRound } from "./rounds.js";
import { newPlannerGame, startRound } from "./setup.js";
import type { Difficulty } from "../generator.js";
import type { PlannerEvent, PlannerGame, PlannerRejection, PlannerResult, ReferencePlan } from "./types.js";

/** A timed round brought back after a restart has at least this long left (ms), so everyone can get back first. */
export const RESUME_GRACE_MS = 60_000;

/** A planner region's whole game at the table: the rules' game and its timers (epoch ms). Plain JSON. */
export interface PlannerTable {
  game: PlannerGame;
  /** When the round under way ends on its own; 0: no timer runs (none set, or paused). */
  roundEndsAt: number;
  /** While paused: what was left of the round timer (ms); 0 otherwise. */
  roundLeftMs: number;
  /** When the day's clock takes its next step; 0 when it does not run. */
  tickAt: number;
  /** Each round ends on its own after this long (s); 0: the host or facilitator ends it. */
  roundSeconds: number;
}

/** What a region is set up with. */
export interface PlannerOptions {
  difficulty: Difficulty;
  /** Each round ends on its own after this long (s); 0: the host or facilitator ends it. */
  roundSeconds: number;
  /** The day's clock (rounds whose rule runs it): game minutes per real second, and how often it moves (ms). */
  minutesPerSecond: number;
  clockTickMs: number;
}

/** Payloads of the planner's moves: the client messages of the protocol module plus the assistant's result. */
export type PlannerMoves = Omit<PlannerPayloads, "start"> & {
  proposal: { round: number; plan: Plan; situation: string };
  reference: ReferencePlan;
};

type Result = Outcome<PlannerTable, PlannerEvent, PlannerRejection>;

/** Timers for a round that has just started at `now`: the round timer and, where the rule runs it, the day's clock. */
function roundTimers(table: PlannerTable, clockTickMs: number, now: number): PlannerTable {
  return {
    ...table,
    roundEndsAt: table.roundSeconds > 0 ? now + table.roundSeconds * 1000 : 0,
    roundLeftMs: 0,
    tickAt: runsDayClock(table.game) ? now + clockTickMs : 0,
  };
}

/**
 * A rule's result on the table's game; a round that ended stops its timers.
 * Every carrier whose reference plan is missing or outdated after it gets a
 * `reference` effect (the host computes it off the table and feeds it back as
 * the `reference` move), so the assessment's yardstick is there whether or
 * not the planner asks the assistant.
 */
function ruled(table: PlannerTable, result: PlannerResult): Result {
  if (!result.ok) return result;
  const game = result.game;
  const running = game.phase === "round";
  const effects = referenceEffects(game);
  return {
    ok: true,
    state: {
      ...table,
      game,
      roundEndsAt: running ? table.roundEndsAt : 0,
      roundLeftMs: running ? table.roundLeftMs : 0,
      tickAt: running && runsDayClock(game) ? table.tickAt : 0,
    },
    events: result.events,
    ...(effects.length > 0 ? { effects } : {}),
  };
}

/** What the facilitator's or host's `next` does: ends the round under way, or starts the next one. */
function step(table: PlannerTable, clockTickMs: number, now: number, only?: "end" | "start"): Result {
  const next = nextStep(table.game);
  if (!next || (only && next.kind !== only))
    return { ok: false, rejection: { code: "WRONG_ROUND", detail: { round: table.game.round } } };
  if (next.kind === "end") return ruled(table, endRound(table.game));
  const started = ruled(table, startRound(table.game, next.round));
  return started.ok ? { ...started, state: roundTimers(started.state, clockTickMs, now) } : started;
}

/**
 * The transport planner as the table host plays it: one carrier per planner,
 * the rounds of `roundRules.ts`, the assistant as an effect the host runs in
 * its solver pool (its plan comes back as the `proposal` move, with the key
 * of the situation it was planned for; asked again while the last
 * proposal's situation still holds, `assist` answers with that proposal at
 * once and runs no solver), the round timer and the day's clock as
 * wake-ups. A planner sees their own carrier (`carrierView`) and nothing of
 * another's.
 */
export function plannerGame(
  options: Omit<PlannerOptions, "difficulty" | "roundSeconds">,
): GameDefinition<PlannerTable, PlannerEvent, PlannerRejection, PlannerOptions, PlannerSeatView, PlannerMoves> {
  const stepMinutes = (options.minutesPerSecond * options.clockTickMs) / 1000;
  const rule =
    (apply: (game: PlannerGame, player: string, payload: never) => PlannerResult) =>
    (table: PlannerTable, payload: unknown, ctx: { player: string }) =>
      ruled(table, apply(table.game, ctx.player, payload as never));
  return {
    name: "planner",
    notStarted: "NOT_IN_ROUND",
    message: (rejection: PlannerRejection, lang: Lang) => plannerRejectionMessage(rejection, lang),
    setup(players, o, { now, seed }) {
      const created = newPlannerGame({
        players: players.map((p) => ({ id: p.id, name: p.name })),
        difficulty: o.difficulty,
        seed,
      });
      if (!created.ok) return created;
      const table: PlannerTable = {
        game: created.game,
        roundEndsAt: 0,
        roundLeftMs: 0,
        tickAt: 0,
        roundSeconds: Math.max(0, o.roundSeconds),
      };
      const first = step(table, options.clockTickMs, now);
      return first.ok ? { ...first, events: [...created.events, ...first.events] } : first;
    },
    moves: {
      plan: {
        schema: plannerSchemas.plan,
        by: "player",
        apply: rule((g, p, m: PlannerMoves["plan"]) => setPlan(g, p, m.plan as Plan)),
      },
      assist: {
        schema: plannerSchemas.assist,
        by: "player",
        apply(table, _payload, { player }) {
          const carrier = Object.hasOwn(table.game.carriers, player) ? table.game.carriers[player] : undefined;
          if (!carrier) return { ok: false, rejection: { code: "UNKNOWN_PLAYER" } };
          // The rules decide whether the assistant may plan now: recording the current plan is the test.
          const allowed = recordProposal(table.game, player, carrier.plan);
          if (!allowed.ok) return allowed;
          // Nothing changed since the last proposal: it is the answer, at once.
          if (carrier.proposal && !proposalOutdated(table.game, player))
            return {
              ok: true,
              state: table,
              events: [],
              reply: { type: "proposal", payload: { plan: carrier.proposal } },
            };
          return { ok: true, state: table, events: [], effects: [{ kind: "assist", player }] };
        },
      },
      proposal: {
        schema: proposalResultSchema,
        by: "server",
        apply(table, result, { player }) {
          const game = table.game;
          if (game.round !== result.round || game.phase !== "round") return { ok: true, state: table, events: [] };
          const recorded = ruled(table, recordProposal(game, player, result.plan as Plan, result.situation));
          return recorded.ok ? { ...recorded, reply: { type: "proposal", payload: { plan: result.plan } } } : recorded;
        },
      },
      reference: {
        schema: referenceResultSchema,
        by: "server",
        apply: (table, ref, { player }) => ruled(table, recordReference(table.game, player, ref as ReferencePlan)),
      },
      acceptProposal: {
        schema: plannerSchemas.acceptProposal,
        by: "player",
        apply: rule((g, p) => acceptProposal(g, p)),
      },
      lock: {
        schema: plannerSchemas.lock,
        by: "player",
        apply: rule((g, p, m: PlannerMoves["lock"]) =>
          setLock(g, p, "vehicle" in m ? { vehicle: m.vehicle } : { order: m.order }, m.locked),
        ),
      },
      reveal: {
        schema: plannerSchemas.reveal,
        by: "player",
        apply: rule((g, p, m: PlannerMoves["reveal"]) => revealFloor(g, p, m.order)),
      },
      offer: {
        schema: plannerSchemas.offer,
        by: "player",
        apply: rule((g, p, m: PlannerMoves["offer"]) => offerOrder(g, p, m.order)),
      },
      withdraw: {
        schema: plannerSchemas.withdraw,
        by: "player",
        apply: rule((g, p, m: PlannerMoves["withdraw"]) => withdrawOffer(g, p, m.offer)),
      },
      accept: {
        schema: plannerSchemas.accept,
        by: "player",
        apply: rule((g, p, m: PlannerMoves["accept"]) => acceptOffer(g, p, m.offer)),
      },
      preview: {
        schema: plannerSchemas.preview,
        by: "player",
        query: true,
        apply(table, { offer }, { player }) {
          const preview = previewOffer(table.game, offer, player);
          if (!preview.ok) return preview;
          return {
            ok: true,
            state: table,
            events: [],
            reply: { type: "preview", payload: { offer, ...preview.preview } },
          };
        },
      },
      next: {
        schema: plannerSchemas.next,
        by: "host",
        apply: (table, { only }, { now }) => step(table, options.clockTickMs, now, only),
      },
    },
    turn: () => null,
    view: (table, player) => plannerSeatView(table, player),
    nextWake(table) {
      const times = [table.roundEndsAt, table.tickAt].filter((t) => t > 0);
      return times.length > 0 ? Math.min(...times) : null;
    },
    wake(table, now) {
      if (table.roundEndsAt > 0 && now >= table.roundEndsAt) return ruled(table, endRound(table.game));
      if (table.tickAt > 0 && now >= table.tickAt) {
        const moved = ruled(table, advanceClock(table.game, table.game.clock + stepMinutes));
        return moved.ok && moved.state.tickAt > 0
          ? { ...moved, state: { ...moved.state, tickAt: now + options.clockTickMs } }
          : moved;
      }
      return { ok: true, state: table, events: [] };
    },
    pause(table, paused, now) {
      if (paused) {
        const left = table.roundEndsAt > 0 ? Math.max(1, table.roundEndsAt - now) : 0;
        return { ...table, roundEndsAt: 0, roundLeftMs: left, tickAt: 0 };
      }
      const running = table.game.phase === "round";
      return {
        ...table,
        roundEndsAt: running && table.roundLeftMs > 0 ? now + table.roundLeftMs : table.roundEndsAt,
        roundLeftMs: 0,
        tickAt: running && runsDayClock(table.game) ? now + options.clockTickMs : 0,
      };
    },
    restored(table, now) {
      if (table.game.phase !== "round") return table;
      return {
        ...table,
        roundEndsAt: table.roundEndsAt > 0 ? Math.max(now + RESUME_GRACE_MS, table.roundEndsAt) : 0,
        tickAt: table.tickAt > 0 ? now + options.clockTickMs : 0,
      };
    },
    // The reference plans the game still waits for (a restart lost the solves under way): the ones `ruled` asks.
    awaiting: (table) => referenceEffects(table.game),
    isFinished: (table) => table.game.phase === "finished",
    rename: (table, from, to) => ({ ...table, game: renamePlanner(table.game, from, to) }),
    deliver(event, table): readonly Outgoing[] {
      if (event.type === "disruption") {
        return [{ audience: { to: "player", player: event.player }, type: "event", payload: event }];
      }
      // A late reference completes a result on the server; once the game is over, everyone gets the results again.
      if (event.type === "reference-recorded" && table.game.phase !== "finished") return [];
      const out: Outgoing[] =
        event.type === "reference-recorded" ? [] : [{ audience: { to: "all" }, type: "event", payload: event }];
      if (event.type === "game-finished" || event.type === "reference-recorded") {
        const game = table.game;
        const profiles = assess(game);
        // The situation a round ended in names a carrier's orders: it stays on the server.
        const results = game.results.map(({ referenceSituation: _situation, ...r }) => r);
        for (const player of game.players) {
          const own = profiles[player];
          out.push({
            audience: { to: "player", player },
            type: "results",
            payload: { names: game.names, results, profiles: own ? { [player]: own } : {} },
          });
        }
      }
      return out;
    },
  };
}
