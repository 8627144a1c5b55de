import type { BreakRules } from "./breaks.js";

/**
 * The solver's view of a routing problem: nodes 0..n-1 with node 0 the
 * depot, square matrices of distance and travel time, demand, service time
 * and time windows per node, and a fleet of vehicle types. One form serves
 * CVRPLIB, Solomon and the game's scenarios.
 */
export interface VehicleType {
  /** How many vehicles of this type there are. */
  count: number;
  capacity: number;
  /** Longest route this type can drive, in distance units; Infinity when unlimited (e.g. diesel). */
  range: number;
  /** Cost of using one vehicle of this type at all. */
  fixedCost: number;
  /** Cost per distance unit and per time unit on the road and at customers. */
  costPerDistance: number;
  costPerTime: number;
}

export interface VrpInstance {
  /** Number of nodes, the depot (node 0) included. */
  n: number;
  /** Row-major n x n distances. */
  dist: Float64Array;
  /** Row-major n x n travel times. */
  time: Float64Array;
  demand: Float64Array;
  service: Float64Array;
  /** Earliest and latest start of service; the depot's window bounds every route. */
  ready: Float64Array;
  due: Float64Array;
  vehicles: VehicleType[];
  /**
   * Time decides nothing in this instance (`isUntimed`: no windows, range,
   * cost per time unit or breaks), so routes keep load and distance only.
   * Set by `solveVrp` on its own copy for the solve; absent or false: time is
   * checked.
   */
  untimed?: boolean;
  /** Customers the planner fixed to a vehicle (type index and ordinal within the type), kept in this order. */
  fixed?: { customer: number; vehicleType: number; vehicle: number }[];
  /**
   * Drivers' breaks and daily driving limit, in the time unit of `time`
   * (`breaks.ts`): every route takes its breaks as the game's evaluation does
   * and may not break the rules. Absent: no breaks (the benchmarks).
   */
  breaks?: BreakRules;
}

/** A solution: per used vehicle, its type and the customers in visiting order (depot left out). */
export interface VrpRoute {
  vehicleType: number;
  /** Ordinal of the vehicle within its type (0-based). */
  vehicle: number;
  customers: number[];
}

export interface VrpSolution {
  routes: VrpRoute[];
  /** Customers that could not be planned (capacity, windows or fleet too small). */
  unassigned: number[];
  /** Total cost by the vehicle types' rates (distance only when those are 1 and 0). */
  cost: number;
  /** Total distance of all routes. */
  distance: number;
}

/** Builds an instance from coordinates with a distance function (travel time = distance). */
export function instanceFromPoints(opts: {
  x: readonly number[];
  y: readonly number[];
  demand: readonly number[];
  metric: (dx: number, dy: number) => number;
  service?: readonly number[];
  ready?: readonly number[];
  due?: readonly number[];
  vehicles: VehicleType[];
}): VrpInstance {
  const n = opts.x.length;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      dist[i * n + j] =
        i === j ? 0 : opts.metric((opts.x[i] ?? 0) - (opts.x[j] ?? 0), (opts.y[i] ?? 0) - (opts.y[j] ?? 0));
    }
  }
  return {
    n,
    dist,
    time: dist,
    demand: Float64Array.from(opts.demand),
    service: Float64Array.from(opts.service ?? new Array<number>(n).fill(0)),
    ready: Float64Array.from(opts.ready ?? new Array<number>(n).fill(0)),
    due: Float64Array.from(opts.due ?? new Array<number>(n).fill(Number.POSITIVE_INFINITY)),
    vehicles: opts.vehicles,
  };
}
