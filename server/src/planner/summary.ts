import type { PlannerTable } from "@iot/shared/planner/game/definition";
import { plannerSeatView } from "@iot/shared/planner/seatView";
import type { PlannerTableSummary } from "@iot/shared/workshop/api";
import type { HostView } from "../table/binding.js";
import { inSeatOrder } from "../table/seats.js";

/**
 * A planner region at a glance, for the facilitator's live overview: the
 * game's phase, round and clock, pause, and per planner their connection and
 * the headline KPIs of their current plan (as every planner's view shows
 * them, with the floor knowledge each found), with the region's totals.
 */
export function plannerSummary(view: HostView<PlannerTable>, idleMs: number): PlannerTableSummary {
  // The region as every seat sees it (the public part of the planners' views, computed once per state).
  const region = view.state ? plannerSeatView(view.state, "") : null;
  return {
    game: "planner",
    phase: region?.phase ?? "waiting",
    paused: view.paused,
    idleMs,
    round: region?.round ?? 0,
    clock: region?.clock ?? 0,
    planners: inSeatOrder(view.seats.values()).map((s) => {
      const figures = region?.planners.find((p) => p.id === s.id);
      return {
        name: s.name,
        connected: s.connected,
        cost: figures?.cost ?? 0,
        km: figures?.km ?? 0,
        co2Kg: figures?.co2Kg ?? 0,
        late: figures?.late ?? 0,
        unplanned: figures?.unplanned ?? 0,
        deliveries: figures?.deliveries ?? 0,
      };
    }),
    regionKm: region?.regionKm ?? 0,
    regionCo2Kg: region?.regionCo2Kg ?? 0,
    regionKmRound3: region?.regionKmRound3 ?? 0,
    regionCo2KgRound3: region?.regionCo2KgRound3 ?? 0,
  };
}
