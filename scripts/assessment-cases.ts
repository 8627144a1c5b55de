/**
 * The assessment's cases of docs/assessment.md on generated days, printed:
 * every order on the electric truck against the assistant's plan taken as
 * one's own (two planners, 30 orders), a planner alone who leaves every
 * order unplanned and never asks, and the time of one reference solve per
 * day size (three runs each, this thread).
 * Usage: npx tsx scripts/assessment-cases.ts
 */
import { performance } from "node:perf_hooks";
import {
  assess,
  computeReference,
  endRound,
  newPlannerGame,
  referenceProblem,
  setPlan,
  startRound,
  withReferences,
  type KpiSummary,
  type PlannerGame,
  type PlannerResult,
} from "@iot/shared/planner/game/index";
import { solveVrp } from "@iot/shared/planner/solver/sisr";

function must(r: PlannerResult | ReturnType<typeof newPlannerGame>): PlannerGame {
  if (!r.ok) throw new Error(JSON.stringify(r.rejection));
  return r.game;
}

const perOrder = (k: KpiSummary) => ((k.cost + k.soloCost) / k.orders).toFixed(0);
const players = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, name: `P${i + 1}` }));

let g = must(startRound(must(newPlannerGame({ players: players(2), difficulty: 2, seed: 7 })), 1));
const c1 = g.carriers.p1;
const electric = c1?.scenario.fleet.find((v) => v.type === "electric-rigid");
if (!c1 || !electric) throw new Error("no electric truck on this day");
g = must(setPlan(g, "p1", { routes: [{ vehicle: electric.id, orders: c1.scenario.orders.map((o) => o.id) }] }));
g = must(setPlan(g, "p2", computeReference(g, "p2")?.plan ?? { routes: [] }));
g = must(endRound(withReferences(g)));
const profiles = assess(g);
for (const r of g.results) {
  const k = r.kpi;
  console.log(
    `${r.player}: ${k.km.toFixed(0)} km, ${k.late} of ${k.orders} late, over range ${k.overRange}, over capacity ${k.overCapacity},`,
    `EUR ${perOrder(k)}/order against the reference's ${r.reference ? perOrder(r.reference) : "-"};`,
    `efficiency ${profiles[r.player]?.efficiency}, green ${profiles[r.player]?.green}`,
  );
}

let alone = must(startRound(must(newPlannerGame({ players: players(1), difficulty: 2, seed: 7 })), 1));
alone = must(endRound(withReferences(alone)));
const r = alone.results[0];
if (r?.reference) {
  const p = assess(alone).p1;
  console.log(
    `alone, nothing planned: EUR ${perOrder(r.kpi)}/order against the reference's ${perOrder(r.reference)};`,
    `efficiency ${p?.efficiency}, green ${p?.green}, collaboration ${p?.collaboration}`,
  );
}

for (const difficulty of [1, 2, 3, 4] as const) {
  const day = must(startRound(must(newPlannerGame({ players: players(1), difficulty, seed: 3 })), 1));
  const problem = referenceProblem(day, "p1");
  if (!problem) continue;
  const ms: string[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    solveVrp(problem.instance, { seed: problem.seed, maxIterations: problem.maxIterations });
    ms.push((performance.now() - t0).toFixed(0));
  }
  console.log(`${day.carriers.p1?.scenario.orders.length} orders: one reference solve ${ms.join(", ")} ms`);
}
