/**
 * The desk's plan edits, as pure data: the undo and redo history of one
 * round, and the edit the desk shows before the server has answered it.
 * Nothing here sends or draws; `editing.ts` does.
 */
import type { Plan, PlanKpi } from "@iot/shared/planner/evaluate";

/** Most plans the history keeps to go back to (older ones are forgotten). */
export const HISTORY_LIMIT = 100;

/** The plans of one round to go back to (`past`, oldest first) and forward to again (`future`, next first). */
export interface PlanHistory {
  round: number;
  past: readonly Plan[];
  future: readonly Plan[];
}

/** Whether two plans are the same routes with the same stops in the same order. */
export function samePlan(a: Plan, b: Plan): boolean {
  return JSON.stringify(a.routes) === JSON.stringify(b.routes);
}

/** The history for `round`: `h` while it is that round's, an empty one once another round has begun. */
export function historyOf(h: PlanHistory | null, round: number): PlanHistory {
  return h && h.round === round ? h : { round, past: [], future: [] };
}

/**
 * The history after the planner changed the plan from `before` in `round`:
 * `before` can be gone back to, and what was undone can no longer be redone.
 */
export function recorded(h: PlanHistory | null, round: number, before: Plan): PlanHistory {
  const own = historyOf(h, round);
  return { round, past: [...own.past, before].slice(-HISTORY_LIMIT), future: [] };
}

/** A step through the history: the plan to send, and the history once it is sent. */
export interface HistoryStep {
  plan: Plan;
  history: PlanHistory;
}

/** Undoing in `round` from `current`: the last plan before it, or null when there is none. */
export function undone(h: PlanHistory | null, round: number, current: Plan): HistoryStep | null {
  const own = historyOf(h, round);
  const plan = own.past.at(-1);
  if (!plan) return null;
  return { plan, history: { round, past: own.past.slice(0, -1), future: [current, ...own.future] } };
}

/** Redoing in `round` from `current`: the plan last undone, or null when there is none. */
export function redone(h: PlanHistory | null, round: number, current: Plan): HistoryStep | null {
  const own = historyOf(h, round);
  const plan = own.future[0];
  if (!plan) return null;
  return { plan, history: { round, past: [...own.past, current].slice(-HISTORY_LIMIT), future: own.future.slice(1) } };
}

/**
 * A plan the desk has sent and shows, with its key figures, until the
 * server's view shows it (confirmed) or the server refuses it. `expected`
 * are the plans the server's view may still show meanwhile: the one the
 * first unanswered edit was made on and the edits sent after it. `history`
 * is the history as it was before the first unanswered edit, for a refusal.
 */
export interface PendingEdit {
  plan: Plan;
  kpi: PlanKpi;
  expected: readonly Plan[];
  history: PlanHistory | null;
}

/**
 * The pending edit after the planner sends `plan` (figures `kpi`) while the
 * server's plan is `server`: a further edit keeps waiting for the ones
 * before it, and the history to go back to on a refusal stays the first.
 */
export function pendingAfter(
  pending: PendingEdit | null,
  server: Plan,
  plan: Plan,
  kpi: PlanKpi,
  history: PlanHistory | null,
): PendingEdit {
  if (!pending) return { plan, kpi, expected: [server], history };
  return { plan, kpi, expected: [...pending.expected, pending.plan], history: pending.history };
}

/**
 * The pending edit once the server's view shows `server`: gone when it
 * shows the edit (confirmed) or a plan the desk never sent (the day changed
 * it: the server's plan is what counts); kept, waiting for the rest, while
 * it shows a plan the edits went through.
 */
export function settled(pending: PendingEdit | null, server: Plan): PendingEdit | null {
  if (!pending || samePlan(pending.plan, server)) return null;
  const at = pending.expected.findIndex((p) => samePlan(p, server));
  return at < 0 ? null : { ...pending, expected: pending.expected.slice(at) };
}
