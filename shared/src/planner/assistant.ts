import type { JamWindow, Plan } from "./evaluate.js";
import { DEPOT, DEPOT_LOADING_MIN } from "./region.js";
import type { Scenario } from "./scenario.js";
import { toInstance } from "./scenario.js";
import { solveVrp, type SolveOptions } from "./solver/sisr.js";
import type { VrpInstance, VrpSolution } from "./solver/instance.js";
import { keepsBreakRules } from "./solver/routeBreaks.js";

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

/** What the assistant may know and must respect when it plans for a planner. */
export interface AssistantContext {
  /** Orders whose floor knowledge the planner has found (only these narrow the windows). */
  revealed?: readonly string[];
  /** Vehicles that are out (breakdown, driver absent): the assistant plans without them. */
  unavailable?: readonly string[];
  /** Routes to keep as they are (stops already driven), at the front of their vehicle's route, in order. */
  keep?: Plan;
  /**
   * Routes the planner locked: each stays exactly as it is on its vehicle (an
   * empty one keeps its vehicle unused); the solver plans without those
   * vehicles and their orders, and they are given back as they were.
   */
  lockedRoutes?: Plan;
  /**
   * Stops the planner locked to their vehicle: each stays on it, right after
   * the vehicle's kept stops, in the order given; the solver plans the
   * vehicle's other stops after them.
   */
  pinned?: Plan;
  /**
   * The clock while the day runs (round 3), minutes after midnight: stops not
   * kept cannot be served before it, so their windows open no earlier (an
   * order whose window has passed gets [now, now] and is delivered late).
   */
  now?: number;
  /**
   * Legs slowed while the day runs: the traffic jams and closed town centres
   * in force at the clock (the evaluation's jam windows, `activeJams`). The
   * solver plans each such leg at its slowed time whenever it is driven, so
   * it never counts on a jam being over (the safe side).
   */
  slow?: readonly JamWindow[];
}

/**
 * The assistant's problem as a routing instance, for a solver that runs
 * elsewhere (a worker thread), and the way back from its solution to a plan.
 * Floor knowledge counts only where the planner revealed it; vehicles that
 * are out are left out of the fleet; kept stops stay first on their vehicle,
 * in their order, whatever the solver does around them, and pinned stops
 * right after them; locked routes are left out of the problem (their vehicle
 * and their orders) and come back as they were.
 */
export function assistantProblem(
  s: Scenario,
  ctx: AssistantContext = {},
): { instance: ReturnType<typeof toInstance>["instance"]; toPlan: (sol: VrpSolution) => Plan } {
  const revealed = new Set(ctx.revealed ?? []);
  const out = new Set(ctx.unavailable ?? []);
  const keptOrders = new Set(ctx.keep?.routes.flatMap((r) => r.orders) ?? []);
  // Stops a truck drove before it went out are done: not planned again, given back as they were.
  const lockedRoutes = (ctx.lockedRoutes?.routes ?? []).filter((r) => !out.has(r.vehicle));
  const asIs = new Set(lockedRoutes.map((r) => r.vehicle));
  const done = [
    ...(ctx.keep?.routes ?? []).filter((r) => out.has(r.vehicle) && r.orders.length > 0),
    ...lockedRoutes.filter((r) => r.orders.length > 0),
  ];
  const doneOrders = new Set(done.flatMap((r) => r.orders));
  const now = ctx.now;
  const visible: Scenario = {
    ...s,
    fleet: s.fleet.filter((v) => !out.has(v.id) && !asIs.has(v.id)),
    orders: s.orders
      .filter((o) => !doneOrders.has(o.id))
      .map((o) => {
        const known = !o.floor || revealed.has(o.id) ? o : (({ floor: _hidden, ...rest }) => rest)(o);
        if (now === undefined || keptOrders.has(o.id) || o.ready >= now) return known;
        return { ...known, ready: now, due: Math.max(o.due, now) };
      }),
  };
  const { instance, types } = toInstance(visible, { floor: true });
  slowLegs(instance, [DEPOT.id, ...visible.orders.map((o) => o.town)], ctx.slow ?? []);
  const vehicleOf = (type: number, ordinal: number) =>
    visible.fleet.filter((v) => v.type === types[type])[ordinal]?.id ?? "";
  const nodeOf = new Map(visible.orders.map((o, i) => [o.id, i + 1]));
  const fronts = new Map<string, string[]>();
  for (const r of [...(ctx.keep?.routes ?? []), ...(ctx.pinned?.routes ?? [])]) {
    const front = fronts.get(r.vehicle) ?? [];
    fronts.set(r.vehicle, [...front, ...r.orders.filter((o) => !front.includes(o))]);
  }
  for (const [id, orders] of fronts) {
    const vehicle = visible.fleet.find((v) => v.id === id);
    if (!vehicle || orders.length === 0) continue;
    const type = types.indexOf(vehicle.type);
    const ordinal = visible.fleet.filter((v) => v.type === vehicle.type).indexOf(vehicle);
    instance.fixed ??= [];
    for (const order of orders) {
      const node = nodeOf.get(order);
      if (node !== undefined) instance.fixed.push({ customer: node, vehicleType: type, vehicle: ordinal });
    }
  }
  // The solver keeps each vehicle's kept stops first, in order, and plans only after them: its routes are taken as they are.
  const toPlan = (raw: VrpSolution): Plan => {
    const sol = deliverLate(instance, raw);
    const routes = sol.routes.map((r) => ({
      vehicle: vehicleOf(r.vehicleType, r.vehicle),
      orders: r.customers.map((c) => visible.orders[c - 1]?.id ?? ""),
    }));
    return { routes: [...done.map((r) => ({ vehicle: r.vehicle, orders: [...r.orders] })), ...routes] };
  };
  return { instance, toPlan };
}

/**
 * Multiplies the drive of every leg of `instance` between the two places of
 * a window in `slow` (either way; `places[i]` is node i's town) by the
 * largest factor that concerns it; the dock time on legs out of the depot
 * stays as it is.
 */
function slowLegs(instance: VrpInstance, places: readonly string[], slow: readonly JamWindow[]): void {
  if (slow.length === 0) return;
  const { n, time } = instance;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = places[i];
      const b = places[j];
      if (i === j || a === b) continue;
      const factor = slow.reduce(
        (m, w) => ((w.from === a && w.to === b) || (w.from === b && w.to === a) ? Math.max(m, w.factor) : m),
        1,
      );
      if (factor === 1) continue;
      const dock = i === 0 ? DEPOT_LOADING_MIN : 0;
      time[i * n + j] = ((time[i * n + j] as number) - dock) * factor + dock;
    }
  }
}

/**
 * Orders the solver could not fit in their time window still have to go: each
 * is added where it adds the fewest km to a route that has the pallets and the
 * range left (or to a vehicle not yet used), after the route's fixed stops
 * (the instance's `fixed`, which stay first), so it is delivered late rather
 * than not at all. Under the instance's break rules a route may not drive
 * more than the day allows nor have breaks that do not fit in the day
 * (`keepsBreakRules`). Orders that fit nowhere stay unplanned.
 */
export function deliverLate(instance: VrpInstance, sol: VrpSolution): VrpSolution {
  if (sol.unassigned.length === 0) return sol;
  const { n, dist, demand } = instance;
  const routes = sol.routes.map((r) => ({ ...r, customers: r.customers.slice() }));
  const fixedFront = (r: VrpSolution["routes"][number]) =>
    (instance.fixed ?? []).filter((f) => f.vehicleType === r.vehicleType && f.vehicle === r.vehicle).length;
  const used = instance.vehicles.map((_, type) => routes.filter((r) => r.vehicleType === type).map((r) => r.vehicle));
  const unassigned: number[] = [];
  const km = (seq: number[]) => {
    let total = 0;
    let prev = 0;
    for (const c of [...seq, 0]) {
      total += dist[prev * n + c] as number;
      prev = c;
    }
    return total;
  };
  for (const u of sol.unassigned) {
    let best: { route: (typeof routes)[number] | null; type: number; pos: number; added: number } | null = null;
    for (const r of routes) {
      const vt = instance.vehicles[r.vehicleType];
      const load = r.customers.reduce((a, c) => a + (demand[c] as number), 0);
      if (!vt || load + (demand[u] as number) > vt.capacity) continue;
      const base = km(r.customers);
      for (let i = fixedFront(r); i <= r.customers.length; i++) {
        const seq = [...r.customers.slice(0, i), u, ...r.customers.slice(i)];
        const length = km(seq);
        if (length > vt.range || !keepsBreakRules(instance, seq)) continue;
        if (!best || length - base < best.added) best = { route: r, type: r.vehicleType, pos: i, added: length - base };
      }
    }
    instance.vehicles.forEach((vt, type) => {
      const taken = used[type] ?? [];
      if (taken.length >= vt.count || (demand[u] as number) > vt.capacity) return;
      const length = km([u]);
      if (length <= vt.range && keepsBreakRules(instance, [u]) && (!best || length + vt.fixedCost < best.added)) {
        best = { route: null, type, pos: 0, added: length + vt.fixedCost };
      }
    });
    const chosen = best as { route: (typeof routes)[number] | null; type: number; pos: number } | null;
    if (!chosen) unassigned.push(u);
    else if (chosen.route) chosen.route.customers.splice(chosen.pos, 0, u);
    else {
      const taken = used[chosen.type] ?? [];
      let vehicle = 0;
      while (taken.includes(vehicle)) vehicle++;
      taken.push(vehicle);
      used[chosen.type] = taken;
      routes.push({ vehicleType: chosen.type, vehicle, customers: [u] });
    }
  }
  return { ...sol, routes, unassigned };
}
