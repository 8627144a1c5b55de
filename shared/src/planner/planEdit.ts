/** Editing a plan by hand: pure steps the planning desk sends as a whole new plan, and their key figures at once. */
import type { CarrierView } from "./carrierView.js";
import { evaluatePlan, type Plan, type PlanKpi } from "./evaluate.js";
import { withPlan } from "./game/plan.js";

/** A copy of the plan with `order` taken off whatever truck had it. */
export function unassign(plan: Plan, order: string): Plan {
  return { routes: plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.filter((o) => o !== order) })) };
}

/** A copy of the plan with `order` as the last stop of `vehicle` (taken off any other truck first). */
export function assign(plan: Plan, order: string, vehicle: string): Plan {
  const next = unassign(plan, order);
  const route = next.routes.find((r) => r.vehicle === vehicle);
  if (route) route.orders.push(order);
  else next.routes.push({ vehicle, orders: [order] });
  return next;
}

/** A copy of the plan with `order` moved `by` places within its route (clamped to the route). */
export function move(plan: Plan, order: string, by: number): Plan {
  return {
    routes: plan.routes.map((r) => {
      const i = r.orders.indexOf(order);
      if (i < 0) return { vehicle: r.vehicle, orders: r.orders.slice() };
      const orders = r.orders.filter((o) => o !== order);
      orders.splice(Math.max(0, Math.min(orders.length, i + by)), 0, order);
      return { vehicle: r.vehicle, orders };
    }),
  };
}

/**
 * A copy of the plan with `order` on `vehicle` just before the stop `before`
 * (taken off any truck first); at the end of the route when `before` is not
 * on that truck. Dropping an order onto itself leaves the plan as it was.
 */
export function insertBefore(plan: Plan, order: string, vehicle: string, before: string): Plan {
  if (order === before) return copy(plan);
  const next = unassign(plan, order);
  const route = next.routes.find((r) => r.vehicle === vehicle);
  if (!route) {
    next.routes.push({ vehicle, orders: [order] });
    return next;
  }
  const at = route.orders.indexOf(before);
  route.orders.splice(at < 0 ? route.orders.length : at, 0, order);
  return next;
}

function copy(plan: Plan): Plan {
  return { routes: plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.slice() })) };
}

/** What of a planner's own carrier view {@link editedKpi} needs. */
export type EditBasis = Pick<CarrierView, "scenario" | "plan" | "locked" | "holds" | "jams">;

/**
 * The key figures `plan` will have once the server takes it as the plan of
 * the carrier seen in `view` at the day's `clock`: the holds it gets (a route
 * changed while the day runs cannot set off before the clock, see
 * `withPlan`), the active jams, floor knowledge as far as the planner found
 * it. The same evaluation as the view's own `kpi`, so the desk shows an
 * edit's figures before the server's answer and the answer confirms them.
 */
export function editedKpi(view: EditBasis, plan: Plan, clock: number): PlanKpi {
  const { holds } = withPlan(view, plan, clock);
  return evaluatePlan(view.scenario, plan, { floor: true, jams: view.jams, holds });
}
