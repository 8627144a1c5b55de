/** Editing a plan by hand: pure steps the planning desk sends as a whole new plan. */
import type { Plan } from "./evaluate.js";

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
