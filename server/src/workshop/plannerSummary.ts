import type { PlannerGame } from "@iot/shared/planner/game/index";
import type { PlannerTableSummary, TableSummary } from "@iot/shared/workshop/api";
import type { PlannerSeat } from "../planner/PlannerRoom.js";
import type { PlannerStateSchema } from "../planner/schema.js";

/**
 * A planner region at a glance, for the facilitator's live overview: the
 * common fields (phase "playing" during and between rounds, every planner
 * with their connection) and the planner part: the game's phase, round and
 * clock, and per planner the headline KPIs of their current plan.
 */
export function plannerSummary(
  state: PlannerStateSchema,
  game: PlannerGame | null,
  seats: ReadonlyMap<string, PlannerSeat>,
  idleMs: number,
): TableSummary {
  const ordered = [...seats.values()].sort((a, b) => a.seat - b.seat);
  const planner: PlannerTableSummary = {
    phase: (game?.phase ?? "waiting") as PlannerTableSummary["phase"],
    round: game?.round ?? 0,
    clock: state.clock,
    planners: ordered.map((s) => {
      const p = state.planners.get(s.id);
      return {
        name: s.name,
        connected: s.connected,
        cost: p?.cost ?? 0,
        km: p?.km ?? 0,
        co2Kg: p?.co2Kg ?? 0,
        late: p?.late ?? 0,
        unplanned: p?.unplanned ?? 0,
        deliveries: p?.deliveries ?? 0,
      };
    }),
    regionKm: state.regionKm,
    regionCo2Kg: state.regionCo2Kg,
    regionKmRound3: state.regionKmRound3,
    regionCo2KgRound3: state.regionCo2KgRound3,
  };
  return {
    phase: !game ? "waiting" : game.phase === "finished" ? "finished" : "playing",
    paused: state.paused,
    turnName: "",
    asks: 0,
    idleMs,
    players: ordered.map((s) => ({ name: s.name, isBot: false, connected: s.connected, handCount: 0, quartets: 0 })),
    planner,
  };
}
