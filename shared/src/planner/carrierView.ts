import { evaluatePlan, type Hold, type JamWindow, type Plan, type PlanKpi } from "./evaluate.js";
import { rebaseProposal } from "./game/actions.js";
import { activeJams } from "./game/kpi.js";
import { locksInForce, withPlan, type LocksInForce } from "./game/plan.js";
import { proposalOutdated } from "./game/situation.js";
import type { Carrier, PlannerGame, PlayerId } from "./game/types.js";
import type { Disruption, Order, Scenario } from "./scenario.js";

/**
 * What one planner may know of their own carrier: the day as far as it has
 * come (disruptions still ahead are left out), floor knowledge only where
 * they found it, the plan, and its KPIs as their own tools compute them (with
 * the floor knowledge they have), the assistant's last proposal and whether
 * it is outdated (made for another situation than the current one, see
 * `situationKey`: it cannot be taken). The room sends it to that planner only.
 */
export interface CarrierView {
  index: number;
  scenario: Scenario;
  plan: Plan;
  kpi: PlanKpi;
  revealed: string[];
  unavailable: string[];
  locked: string[];
  holds: Record<string, Hold[]>;
  jams: JamWindow[];
  /** Disruptions that have reached this carrier (round 3 on), in order. */
  disruptions: Disruption[];
  proposal: Plan | null;
  proposalKpi: PlanKpi | null;
  /** The proposal was made for another situation than the current one: it cannot be taken (false without one). */
  proposalOutdated: boolean;
  /** What the planner locked for the assistant in this round (`locksInForce`). */
  planLocks: LocksInForce;
}

/** The day as the planner sees it: no floor knowledge they have not found, no disruption still to come. */
export function visibleScenario(carrier: Carrier): Scenario {
  const revealed = new Set(carrier.revealed);
  const hide = (o: Order): Order => {
    if (!o.floor || revealed.has(o.id)) return o;
    const { floor: _unknown, ...rest } = o;
    return rest;
  };
  return {
    ...carrier.scenario,
    orders: carrier.scenario.orders.map(hide),
    disruptions: carrier.scenario.disruptions.slice(0, carrier.applied),
  };
}

/** The view of `player`'s carrier, or null when the player has none. */
export function carrierView(game: PlannerGame, player: PlayerId): CarrierView | null {
  const carrier = Object.hasOwn(game.carriers, player) ? game.carriers[player] : undefined;
  if (!carrier) return null;
  const scenario = visibleScenario(carrier);
  const jams = activeJams(carrier);
  const opts = { floor: true, jams, holds: carrier.holds };
  return {
    index: carrier.index,
    scenario,
    plan: carrier.plan,
    kpi: evaluatePlan(scenario, carrier.plan, opts),
    revealed: carrier.revealed,
    unavailable: carrier.unavailable,
    locked: carrier.locked,
    holds: carrier.holds,
    jams,
    disruptions: scenario.disruptions,
    proposal: carrier.proposal,
    proposalKpi: carrier.proposal ? proposalKpiOf(game, carrier, scenario, carrier.proposal) : null,
    proposalOutdated: proposalOutdated(game, player),
    planLocks: locksInForce(carrier, game.round),
  };
}

/**
 * What the proposal comes to if it is taken now: the plan accepting it gives
 * (rebased on the day as it stands) with the holds that plan gets, evaluated
 * the way the carrier's own plan is. Taking it shows exactly these figures.
 */
function proposalKpiOf(game: PlannerGame, carrier: Carrier, scenario: Scenario, proposal: Plan): PlanKpi {
  const taken = withPlan(carrier, rebaseProposal(carrier, proposal), game.clock);
  return evaluatePlan(scenario, taken.plan, { floor: true, jams: activeJams(carrier), holds: taken.holds });
}
