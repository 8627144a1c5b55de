import type { PlannerTable } from "@iot/shared/planner/game/definition";
import { carrierView } from "@iot/shared/planner/carrierView";
import { regionTotals } from "@iot/shared/planner/game/index";
import type { PlannerTableSummary, TableSummary } from "@iot/shared/workshop/api";
import type { HostView } from "../table/binding.js";
import { inSeatOrder } from "../table/seats.js";

/**
 * A planner region at a glance, for the facilitator's live overview: the
 * common fields (phase "playing" during and between rounds, every planner
 * with their connection) and the planner part: the game's phase, round and
 * clock, and per planner the headline KPIs of their current plan.
 */
export function plannerSummary(view: HostView<PlannerTable>, idleMs: number): TableSummary {
  const game = view.state?.game ?? null;
  const ordered = inSeatOrder(view.seats.values());
  const totals = game ? regionTotals(game) : null;
  const planner: PlannerTableSummary = {
    phase: game?.phase ?? "waiting",
    round: game?.round ?? 0,
    clock: game ? Math.round(game.clock) : 0,
    planners: ordered.map((s) => {
      // The KPIs as the planner's own desk shows them (with the floor knowledge they found).
      const kpi = game ? (carrierView(game, s.id)?.kpi ?? null) : null;
      return {
        name: s.name,
        connected: s.connected,
        cost: kpi?.cost ?? 0,
        km: kpi?.km ?? 0,
        co2Kg: kpi?.co2Kg ?? 0,
        late: kpi?.late ?? 0,
        unplanned: kpi?.unplanned.length ?? 0,
        deliveries: kpi?.deliveries ?? 0,
      };
    }),
    regionKm: totals?.km ?? 0,
    regionCo2Kg: totals?.co2Kg ?? 0,
    regionKmRound3: totals?.round3?.km ?? 0,
    regionCo2KgRound3: totals?.round3?.co2Kg ?? 0,
  };
  return {
    phase: !game ? "waiting" : game.phase === "finished" ? "finished" : "playing",
    paused: view.paused,
    turnName: "",
    asks: 0,
    idleMs,
    players: ordered.map((s) => ({ name: s.name, isBot: false, connected: s.connected, handCount: 0, quartets: 0 })),
    planner,
  };
}
