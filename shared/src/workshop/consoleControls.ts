/**
 * What the facilitator's console and projector know of a workshop's game and
 * phase, from its overview alone: which controls apply now (a quartet
 * workshop has no rounds to move on, pause only while a table plays, start
 * only before the start) and how far each table has come. The screens draw
 * what these say and decide nothing themselves.
 */
import { THEME_IDS } from "../quartet/cardIds.js";
import { LAST_ROUND, nextStep } from "../planner/game/roundRules.js";
import type { WorkshopGame } from "./constants.js";
import type { Overview, OverviewTable, PlannerTableSummary, TableSummary } from "./responses.js";

/**
 * A control of the console, each a call of the workshop API:
 * - `formTables`: seat the participants who have no table yet;
 * - `startAll`: start every table being formed, before the workshop started;
 * - `next`: a planner workshop's next step at every region, with what it does
 *   there (`step`; null when the open regions are at different steps);
 * - `pause` / `resume`: every open table;
 * - `end`: end the workshop (asks for confirmation first).
 */
/** What the planner's `next` does at a region: end round `round` (under way) or start it. */
export interface PlannerStep {
  readonly kind: "end" | "start";
  readonly round: number;
}

export type ConsoleControl =
  | { readonly kind: "formTables" }
  | { readonly kind: "startAll" }
  | { readonly kind: "next"; readonly step: PlannerStep | null }
  | { readonly kind: "pause" }
  | { readonly kind: "resume" }
  | { readonly kind: "end" };

/** A control's kind. */
export type ConsoleControlKind = ConsoleControl["kind"];

/** Whether an open table's game is still going on (dealt or not yet, in or between rounds). */
function going(s: TableSummary): boolean {
  return s.phase !== "finished";
}

/** The live summaries of the tables that play now (a table whose room does not answer has none). */
function liveSummaries(o: Overview): TableSummary[] {
  return o.tables.flatMap((tb) => (tb.status === "playing" && tb.live ? [tb.live] : []));
}

/** What `next` does at a region whose game stands at `s` (null: nothing, the game is over). */
function stepAt(s: PlannerTableSummary): PlannerStep | null {
  const step = nextStep(s);
  if (!step) return null;
  return step.kind === "end" ? { kind: "end", round: s.round } : { kind: "start", round: step.round };
}

/**
 * The planner workshop's next step: what `next` does at the open regions
 * (the same step everywhere, or null when they differ); undefined when it
 * does nothing anywhere (no open region, or every one finished).
 */
function plannerNext(summaries: readonly TableSummary[]): { step: PlannerStep | null } | undefined {
  const steps = summaries.flatMap((s) => (s.game === "planner" ? [stepAt(s)] : [])).filter((s) => s !== null);
  const first = steps[0];
  if (first === undefined) return undefined;
  return { step: steps.every((s) => s.kind === first.kind && s.round === first.round) ? first : null };
}

/**
 * The controls that apply to workshop `o` now, in the console's order. None
 * once it ended. `formTables` while someone waits without a table; `startAll`
 * only while no table was started (status `lobby`); `next` only in a planner
 * workshop while a region can move on; `pause` while an open table runs and
 * `resume` while one is paused (both only when tables differ, e.g. one started
 * during a pause); `end` until it ended.
 */
export function consoleControls(o: Overview): ConsoleControl[] {
  if (o.workshop.status === "ended") return [];
  const controls: ConsoleControl[] = [];
  if (o.participants.some((p) => p.tableId === null)) controls.push({ kind: "formTables" });
  if (o.workshop.status === "lobby") controls.push({ kind: "startAll" });
  const live = liveSummaries(o).filter(going);
  if (o.workshop.game === "planner") {
    const next = plannerNext(live);
    if (next) controls.push({ kind: "next", step: next.step });
  }
  if (live.some((s) => !s.paused)) controls.push({ kind: "pause" });
  if (live.some((s) => s.paused)) controls.push({ kind: "resume" });
  controls.push({ kind: "end" });
  return controls;
}

/** How far one table has come, for the projector (no names but whose turn it is). */
export type TableProgress =
  | {
      readonly number: number;
      readonly game: WorkshopGame;
      /** Being formed, or playing with no summary (its room does not answer yet). */
      readonly stage: "forming" | "opening";
    }
  | {
      readonly number: number;
      readonly game: WorkshopGame;
      /** The game finished, or the facilitator ended the table. */
      readonly stage: "finished" | "ended";
    }
  | {
      readonly number: number;
      readonly game: "quartet";
      readonly stage: "playing";
      readonly paused: boolean;
      /** Whose turn it is ("" before the deal). */
      readonly turnName: string;
      /** Quartets laid at the table so far, of {@link QUARTETS_PER_TABLE}. */
      readonly quartets: number;
      readonly quartetsTotal: number;
    }
  | {
      readonly number: number;
      readonly game: "planner";
      readonly stage: "playing";
      readonly paused: boolean;
      /** 0 before round 1. */
      readonly round: number;
      /** The game's last round ({@link LAST_ROUND}). */
      readonly rounds: number;
      /** A round is under way (false: waiting for round 1, or between rounds). */
      readonly underWay: boolean;
      /** Waiting for round 1. */
      readonly beforeFirst: boolean;
      /** Rounds that have ended. */
      readonly roundsDone: number;
    };

/** Quartets a deck holds: one per theme (5). */
export const QUARTETS_PER_TABLE = THEME_IDS.length;

/** How far table `tb` of a workshop of `game` has come. */
export function tableProgress(game: WorkshopGame, tb: OverviewTable): TableProgress {
  const number = tb.number;
  if (tb.status === "forming") return { number, game, stage: "forming" };
  if (tb.status === "ended") return { number, game, stage: "ended" };
  const s = tb.live;
  if (tb.status === "finished" || s?.phase === "finished") return { number, game, stage: "finished" };
  if (!s) return { number, game, stage: "opening" };
  if (s.game === "quartet")
    return {
      number,
      game: "quartet",
      stage: "playing",
      paused: s.paused,
      turnName: s.turnName,
      quartets: s.players.reduce((sum, p) => sum + p.quartets, 0),
      quartetsTotal: QUARTETS_PER_TABLE,
    };
  return {
    number,
    game: "planner",
    stage: "playing",
    paused: s.paused,
    round: s.round,
    rounds: LAST_ROUND,
    underWay: s.phase === "round",
    beforeFirst: s.round === 0,
    roundsDone: s.phase === "round" ? s.round - 1 : s.round,
  };
}

/** Whether the workshop is past its lobby: some table was started (the projector then shows the tables' progress). */
export function tablesStarted(o: Overview): boolean {
  return o.tables.some((tb) => tb.status !== "forming");
}
