import type { PlannerTable } from "@iot/shared/planner/game/definition";
import { carrierView } from "@iot/shared/planner/carrierView";
import { regionTotals } from "@iot/shared/planner/game/index";
import type { PlannerTableSummary } from "@iot/shared/workshop/api";
import type { HostView } from "../table/binding.js";
import { inSeatOrder } from "../table/seats.js";

/**
 * A planner region at a glance, for the facilitator's live overview: the
 * game's phase, round and clock, pause, and per planner their connection and
 * the headline KPIs of their current plan, with the region's totals.
 */
export function plannerSummary(view: HostView<PlannerTable>, idleMs: number): PlannerTableSummary {
  const game = view.state?.game ?? null;
  const totals = game ? regionTotals(game) : null;
  return {
    game: "planner",
    phase: game?.phase ?? "waiting",
    paused: view.paused,
    idleMs,
    round: game?.round ?? 0,
    clock: game ? Math.round(game.clock) : 0,
    planners: inSeatOrder(view.seats.values()).map((s) => {
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
}
