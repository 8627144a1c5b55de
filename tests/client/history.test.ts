import { describe, expect, it } from "vitest";
import type { Plan, PlanKpi } from "@iot/shared/planner/evaluate";

/* Client modules are loaded by path at run time (see logic.test.ts); the shapes used here are declared below. */
interface PlanHistory {
  round: number;
  past: readonly Plan[];
  future: readonly Plan[];
}
interface PendingEdit {
  plan: Plan;
  kpi: PlanKpi;
  expected: readonly Plan[];
  history: PlanHistory | null;
}
type Step = { plan: Plan; history: PlanHistory } | null;
const load = (rel: string) => import(/* @vite-ignore */ new URL(`../../client/src/${rel}`, import.meta.url).href);
const { HISTORY_LIMIT, recorded, undone, redone, pendingAfter, settled } = (await load("planner/history.ts")) as {
  HISTORY_LIMIT: number;
  recorded(h: PlanHistory | null, round: number, before: Plan): PlanHistory;
  undone(h: PlanHistory | null, round: number, current: Plan): Step;
  redone(h: PlanHistory | null, round: number, current: Plan): Step;
  pendingAfter(p: PendingEdit | null, server: Plan, plan: Plan, kpi: PlanKpi, h: PlanHistory | null): PendingEdit;
  settled(p: PendingEdit | null, server: Plan): PendingEdit | null;
};

const plan = (...orders: string[]): Plan => ({ routes: [{ vehicle: "v1", orders }] });
const kpi = { cost: 1 } as unknown as PlanKpi;

describe("the desk's undo and redo", () => {
  it("goes back and forth through the plans of a round; a new edit drops what was undone", () => {
    const [a, b, c] = [plan(), plan("o1"), plan("o1", "o2")];
    let h = recorded(null, 2, a);
    h = recorded(h, 2, b);
    const u1 = undone(h, 2, c)!;
    expect(u1.plan).toEqual(b);
    const u2 = undone(u1.history, 2, u1.plan)!;
    expect(u2.plan).toEqual(a);
    expect(undone(u2.history, 2, a)).toBeNull();
    const r1 = redone(u2.history, 2, a)!;
    expect(r1.plan).toEqual(b);
    expect(redone(r1.history, 2, b)!.plan).toEqual(c);
    // A new edit after undoing: the undone plan cannot be redone any more.
    const edited = recorded(r1.history, 2, b);
    expect(redone(edited, 2, plan("o3"))).toBeNull();
    expect(undone(edited, 2, plan("o3"))!.plan).toEqual(b);
  });

  it("keeps one round's history: a new round starts without one", () => {
    const h = recorded(null, 2, plan("o1"));
    expect(undone(h, 3, plan("o2"))).toBeNull();
    expect(redone(undone(h, 2, plan("o2"))!.history, 3, plan("o1"))).toBeNull();
  });

  it("keeps the last HISTORY_LIMIT plans", () => {
    let h: PlanHistory | null = null;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = recorded(h, 2, plan(`o${i}`));
    expect(h!.past).toHaveLength(HISTORY_LIMIT);
    expect(h!.past[0]).toEqual(plan("o5"));
  });
});

describe("an edit shown before the server answers", () => {
  it("waits while the server still shows the plans it went through, and ends when the server shows it", () => {
    const [s0, p1, p2] = [plan(), plan("o1"), plan("o1", "o2")];
    const before = recorded(null, 2, s0);
    let p = pendingAfter(null, s0, p1, kpi, null);
    p = pendingAfter(p, s0, p2, kpi, before);
    // The first edit's history is the one to go back to on a refusal.
    expect(p.history).toBeNull();
    expect(settled(p, s0)?.plan).toEqual(p2);
    const half = settled(p, p1);
    expect(half?.plan).toEqual(p2);
    // Once past the first edit, the server showing the plan before it again is not one of the steps.
    expect(settled(half, s0)).toBeNull();
    expect(settled(p, p2)).toBeNull();
  });

  it("gives way when the server shows a plan the desk never sent (the day changed it)", () => {
    const p = pendingAfter(null, plan(), plan("o1"), kpi, null);
    expect(settled(p, plan("o9"))).toBeNull();
    expect(settled(null, plan())).toBeNull();
  });
});
