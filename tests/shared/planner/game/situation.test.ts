import { describe, expect, it } from "vitest";
import { plannerRejectionMessage } from "@iot/shared/i18n/plannerMessages";
import { carrierView } from "@iot/shared/planner/carrierView";
import type { Plan } from "@iot/shared/planner/evaluate";
import { plannerGame, type PlannerTable } from "@iot/shared/planner/game/definition";
import {
  acceptOffer,
  acceptProposal,
  advanceClock,
  endRound,
  offerOrder,
  proposalOutdated,
  recordProposal,
  revealFloor,
  setPlan,
  situationKey,
  startRound,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { plannerTableSchema } from "@iot/shared/planner/game/tableSchema";
import { hm } from "@iot/shared/planner/scenario";
import { plannerSeatViewSchema } from "@iot/shared/planner/seatViewSchema";
import { createRng } from "@iot/shared/rng";
import { advanceTo, greedyPlan, handDay, handDayRound3, must, region, withScenario } from "./fixtures.js";

const code = (r: { ok: boolean; rejection?: { code: string } }) => (r.ok ? "ok" : r.rejection?.code);
const end = (g: PlannerGame) => must(endRound(g));

/** The assistant's plan in these tests: every open order of the hand-made day on c1-v2 and c1-v3. */
const proposal: Plan = {
  routes: [
    { vehicle: "c1-v2", orders: ["c1-a4", "c1-a1"] },
    { vehicle: "c1-v3", orders: ["c1-a2", "c1-a3"] },
  ],
};

/** What the planner's desk is told about the proposal. */
const outdated = (g: PlannerGame) => carrierView(g, "p1")?.proposalOutdated;

/** Round 2 with p1 on the hand-made day and a proposal recorded. */
function round2WithProposal(): PlannerGame {
  const g = advanceTo(must(startRound(withScenario(region(), "p1", handDay()), 1)), 2, end);
  return must(recordProposal(g, "p1", proposal));
}

describe("a proposal belongs to the situation it was made for", () => {
  it("is outdated by a breakdown: refused with PROPOSAL_OUTDATED and shown as outdated", () => {
    const g = must(recordProposal(must(advanceClock(handDayRound3(), hm(7, 30))), "p1", proposal));
    expect(outdated(g)).toBe(false);
    expect(code(acceptProposal(g, "p1"))).toBe("ok");
    // c1-v1 breaks down at 08:00.
    const broken = must(advanceClock(g, hm(8, 15)));
    expect(broken.carriers.p1?.unavailable).toEqual(["c1-v1"]);
    expect(situationKey(broken, "p1")).not.toBe(situationKey(g, "p1"));
    expect(acceptProposal(broken, "p1")).toEqual({ ok: false, rejection: { code: "PROPOSAL_OUTDATED" } });
    expect(outdated(broken)).toBe(true);
    expect(proposalOutdated(broken, "p1")).toBe(true);
    // The other planner's situation did not change with it.
    expect(situationKey(broken, "p2")).toBe(situationKey(g, "p2"));
  });

  it("is outdated by a rush order", () => {
    const g = must(recordProposal(must(advanceClock(handDayRound3(), hm(8, 30))), "p1", proposal));
    expect(code(acceptProposal(g, "p1"))).toBe("ok");
    // The rush order c1-rush-1 comes at 09:00.
    const rushed = must(advanceClock(g, hm(9, 10)));
    expect(rushed.carriers.p1?.scenario.orders.map((o) => o.id)).toContain("c1-rush-1");
    expect(code(acceptProposal(rushed, "p1"))).toBe("PROPOSAL_OUTDATED");
    expect(outdated(rushed)).toBe(true);
  });

  it("is outdated by floor knowledge found, not by asking a driver who knows nothing", () => {
    const g = round2WithProposal();
    // c1-a1 has no floor knowledge: the assistant would plan the same.
    const nothing = must(revealFloor(g, "p1", "c1-a1"));
    expect(situationKey(nothing, "p1")).toBe(situationKey(g, "p1"));
    expect(code(acceptProposal(nothing, "p1"))).toBe("ok");
    // c1-a4 has: its window narrows for the assistant.
    const found = must(revealFloor(g, "p1", "c1-a4"));
    expect(code(acceptProposal(found, "p1"))).toBe("PROPOSAL_OUTDATED");
    expect(outdated(found)).toBe(true);
    expect(outdated(g)).toBe(false);
  });

  it("is outdated by a traffic jam", () => {
    const day = handDay();
    const jam = { at: hm(7, 45), kind: "traffic-jam" as const, from: "depot", to: "assen", until: hm(9), factor: 2 };
    const withJam = { ...day, disruptions: [jam, ...day.disruptions] };
    let g = must(startRound(withScenario(region(), "p1", withJam), 1));
    g = advanceTo(g, 3, end);
    g = must(recordProposal(must(advanceClock(g, hm(7, 30))), "p1", proposal));
    const jammed = must(advanceClock(g, hm(7, 50)));
    expect(jammed.carriers.p1?.applied).toBe(1);
    expect(code(acceptProposal(jammed, "p1"))).toBe("PROPOSAL_OUTDATED");
  });

  it("is outdated by an exchange, for the giver and for the taker", () => {
    let g = must(startRound(region(2), 1));
    for (const p of g.players) g = must(setPlan(g, p, greedyPlan(g.carriers[p]!)));
    g = advanceTo(g, 4, end);
    g = must(recordProposal(g, "p1", g.carriers.p1!.plan));
    g = must(recordProposal(g, "p2", g.carriers.p2!.plan));
    const order = g.carriers.p1!.plan.routes[0]!.orders[0]!;
    const offered = must(offerOrder(g, "p1", order));
    // An offer alone changes nothing: the order is still the giver's.
    expect(outdated(offered)).toBe(false);
    const taken = must(acceptOffer(offered, "p2", "f1"));
    expect(code(acceptProposal(taken, "p1"))).toBe("PROPOSAL_OUTDATED");
    expect(code(acceptProposal(taken, "p2"))).toBe("PROPOSAL_OUTDATED");
  });

  it("stays takeable when only the clock moved on (driven stops are rebased)", () => {
    const g = must(recordProposal(handDayRound3(), "p1", proposal));
    const key = situationKey(g, "p1");
    const later = must(advanceClock(g, hm(7, 30)));
    expect(later.clock).toBe(hm(7, 30));
    expect(later.carriers.p1?.locked.length).toBeGreaterThan(0);
    expect(situationKey(later, "p1")).toBe(key);
    expect(outdated(later)).toBe(false);
    const taken = must(acceptProposal(later, "p1")).carriers.p1;
    // The stops driven since stay first on the vehicle that drove them.
    const locked = new Set(later.carriers.p1?.locked);
    for (const r of later.carriers.p1!.plan.routes) {
      const driven = r.orders.filter((o) => locked.has(o));
      expect(taken?.plan.routes.find((x) => x.vehicle === r.vehicle)?.orders.slice(0, driven.length)).toEqual(driven);
    }
  });

  it("is refused when it was made for another situation than the one it is recorded in", () => {
    const g = must(advanceClock(handDayRound3(), hm(7, 30)));
    const before = situationKey(g, "p1");
    const broken = must(advanceClock(g, hm(8, 15)));
    // The assistant was asked at 07:30; its plan comes back after the breakdown.
    const late = must(recordProposal(broken, "p1", proposal, before));
    expect(code(acceptProposal(late, "p1"))).toBe("PROPOSAL_OUTDATED");
    expect(outdated(late)).toBe(true);
    expect(code(acceptProposal(must(recordProposal(broken, "p1", proposal)), "p1"))).toBe("ok");
  });

  it("has a sentence in Dutch and English, and the seat view carries the flag", () => {
    expect(plannerRejectionMessage({ code: "PROPOSAL_OUTDATED" }, "nl")).toMatch(/verouderd/);
    expect(plannerRejectionMessage({ code: "PROPOSAL_OUTDATED" }, "en")).toMatch(/outdated/);
    const view = carrierView(round2WithProposal(), "p1");
    expect(view?.proposalOutdated).toBe(false);
    const { proposalOutdated: _flag, ...without } = view!;
    const seat = (carrier: unknown) => ({
      phase: "round",
      round: 2,
      clock: 0,
      roundEndsAt: 0,
      carrier,
      planners: [],
      offers: [],
      leaderboard: [],
      leaderboardRound: 1,
      regionKm: 0,
      regionCo2Kg: 0,
      regionKmRound3: 0,
      regionCo2KgRound3: 0,
    });
    expect(plannerSeatViewSchema.safeParse(seat(view)).success).toBe(true);
    expect(plannerSeatViewSchema.safeParse(seat(without)).success).toBe(false);
  });

  it("a saved table from before keeps its proposal, outdated", () => {
    const g = round2WithProposal();
    const { proposalSituation: _key, ...old } = g.carriers.p1!;
    const table = {
      game: { ...g, carriers: { ...g.carriers, p1: old } },
      roundEndsAt: 0,
      roundLeftMs: 0,
      tickAt: 0,
      roundSeconds: 0,
    };
    const parsed = plannerTableSchema.safeParse(table);
    expect(parsed.success).toBe(true);
    const restored = parsed.data!.game;
    expect(restored.carriers.p1?.proposalSituation).toBeNull();
    expect(code(acceptProposal(restored, "p1"))).toBe("PROPOSAL_OUTDATED");
  });
});

describe("asking the assistant again", () => {
  const definition = plannerGame({ minutesPerSecond: 2, clockTickMs: 1000 });
  const ctx = { player: "p1", now: 0, rng: createRng(1) };
  const tableOf = (game: PlannerGame): PlannerTable => ({
    game,
    roundEndsAt: 0,
    roundLeftMs: 0,
    tickAt: 0,
    roundSeconds: 0,
  });
  const assist = (table: PlannerTable) => definition.moves.assist.apply(table, {}, ctx);

  it("runs the solver when there is no proposal, and records its plan with the situation it was given", () => {
    const table = tableOf(advanceTo(must(startRound(withScenario(region(), "p1", handDay()), 1)), 2, end));
    const asked = assist(table);
    expect(asked.ok && asked.effects).toEqual([{ kind: "assist", player: "p1" }]);
    expect(asked.ok && asked.reply).toBeUndefined();
    const situation = situationKey(table.game, "p1");
    const answered = definition.moves.proposal.apply(table, { round: 2, plan: proposal, situation }, ctx);
    expect(answered.ok && answered.reply).toEqual({ type: "proposal", payload: { plan: proposal } });
    expect(answered.ok && answered.state.game.carriers.p1?.proposalSituation).toBe(situation);
  });

  it("with nothing changed: the same proposal at once, no effect for the solver, nothing changed", () => {
    const table = tableOf(round2WithProposal());
    const again = assist(table);
    expect(again).toEqual({
      ok: true,
      state: table,
      events: [],
      reply: { type: "proposal", payload: { plan: proposal } },
    });
    // Plans of the planner's own do not change what the assistant plans from.
    const edited = tableOf(must(setPlan(table.game, "p1", { routes: [{ vehicle: "c1-v1", orders: ["c1-a1"] }] })));
    const still = assist(edited);
    expect(still.ok && still.reply).toEqual({ type: "proposal", payload: { plan: proposal } });
    expect(still.ok && still.effects).toBeUndefined();
  });

  it("after a change: the solver runs again", () => {
    const table = tableOf(must(revealFloor(round2WithProposal(), "p1", "c1-a4")));
    const again = assist(table);
    expect(again.ok && again.effects).toEqual([{ kind: "assist", player: "p1" }]);
    expect(again.ok && again.reply).toBeUndefined();
  });

  it("is still refused where the assistant may not plan", () => {
    const table = tableOf(must(startRound(withScenario(region(), "p1", handDay()), 1)));
    expect(code(assist(table))).toBe("ASSISTANT_NOT_ALLOWED");
  });
});
