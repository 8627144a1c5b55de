import type { Plan } from "./evaluate.js";
import type { Scenario } from "./scenario.js";
import { toInstance } from "./scenario.js";
import { solveVrp, type SolveOptions } from "./solver/sisr.js";
import type { VrpSolution } from "./solver/instance.js";

/** The assistant's thinking time in the game, ms: its final plan is there within a second of asking. */
export const ASSISTANT_TIME_LIMIT_MS = 900;

/**
 * The planning assistant: plans the scenario with the routing solver and
 * returns a plan by vehicle id. `keep` routes (a planner's fixed work) stay
 * as they are, in their order, and the rest is planned around them. `floor`
 * plans with the floor knowledge the planner has gathered. Orders it cannot
 * fit are left out of the plan (the evaluation lists them as unplanned).
 */
export function assistPlan(
  s: Scenario,
  options: Omit<SolveOptions, "onFirst"> & { floor?: boolean; keep?: Plan; onFirst?: (plan: Plan) => void },
): Plan {
  const { instance, types } = toInstance(s, { floor: options.floor ?? false });
  const vehicleOf = (type: number, ordinal: number) => s.fleet.filter((v) => v.type === types[type])[ordinal]?.id ?? "";
  const nodeOf = new Map(s.orders.map((o, i) => [o.id, i + 1]));
  if (options.keep) {
    instance.fixed = [];
    for (const r of options.keep.routes) {
      const vehicle = s.fleet.find((v) => v.id === r.vehicle);
      if (!vehicle) continue;
      const type = types.indexOf(vehicle.type);
      const ordinal = s.fleet.filter((v) => v.type === vehicle.type).indexOf(vehicle);
      for (const id of r.orders) {
        const node = nodeOf.get(id);
        if (node !== undefined) instance.fixed.push({ customer: node, vehicleType: type, vehicle: ordinal });
      }
    }
  }
  const toPlan = (sol: VrpSolution): Plan => ({
    routes: sol.routes.map((r) => ({
      vehicle: vehicleOf(r.vehicleType, r.vehicle),
      orders: r.customers.map((c) => s.orders[c - 1]?.id ?? ""),
    })),
  });
  const { onFirst, ...solve } = options;
  return toPlan(solveVrp(instance, { ...solve, ...(onFirst ? { onFirst: (sol) => onFirst(toPlan(sol)) } : {}) }));
}
