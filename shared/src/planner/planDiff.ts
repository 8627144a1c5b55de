/**
 * What the assistant's proposal changes against the planner's own plan, stop
 * by stop, so the desk can show the differences instead of only two totals.
 */
import type { Plan } from "./evaluate.js";

/** How one order fares in the proposal compared with the plan. */
export type OrderChange =
  /** Unplanned in the plan, on `to` in the proposal. */
  | { kind: "planned"; order: string; to: string }
  /** On `from` in the plan, left unplanned by the proposal. */
  | { kind: "dropped"; order: string; from: string }
  /** On another truck. */
  | { kind: "moved"; order: string; from: string; to: string }
  /** Same truck, but after another stop (or the depot) than before. */
  | { kind: "resequenced"; order: string; vehicle: string };

interface Place {
  vehicle: string;
  /** The stop before this one on its truck; "" for the first stop (after the depot). */
  after: string;
}

function places(plan: Plan): Map<string, Place> {
  const out = new Map<string, Place>();
  for (const r of plan.routes)
    r.orders.forEach((o, i) => out.set(o, { vehicle: r.vehicle, after: r.orders[i - 1] ?? "" }));
  return out;
}

/**
 * Every order whose truck or predecessor differs between `mine` and
 * `proposal`, in the order the orders first appear in `mine` then in
 * `proposal`. Orders in neither plan are not listed; equal plans give [].
 */
export function planDiff(mine: Plan, proposal: Plan): OrderChange[] {
  const a = places(mine);
  const b = places(proposal);
  const orders = [...new Set([...a.keys(), ...b.keys()])];
  const out: OrderChange[] = [];
  for (const order of orders) {
    const x = a.get(order);
    const y = b.get(order);
    if (!x && y) out.push({ kind: "planned", order, to: y.vehicle });
    else if (x && !y) out.push({ kind: "dropped", order, from: x.vehicle });
    else if (x && y && x.vehicle !== y.vehicle) out.push({ kind: "moved", order, from: x.vehicle, to: y.vehicle });
    else if (x && y && x.after !== y.after) out.push({ kind: "resequenced", order, vehicle: x.vehicle });
  }
  return out;
}
