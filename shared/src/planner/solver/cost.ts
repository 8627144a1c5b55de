/**
 * The one cost of a route, for the solver and for the game's evaluation
 * alike: a vehicle's fixed cost for the day, plus its rate per distance unit
 * over the route's distance, plus its rate per time unit over the route's
 * working time. Working time runs from setting off at the depot to being back,
 * waiting for a window to open and the drivers' breaks (`breaks.ts`)
 * included; a vehicle sets off just in time for its first stop (never before
 * its depot opens), so it does not wait there.
 */
export interface CostRates {
  /** Cost of using the vehicle at all (per day in the game). */
  fixedCost: number;
  /** Cost per distance unit (per km in the game). */
  costPerDistance: number;
  /** Cost per time unit of working time (per minute in the game). */
  costPerTime: number;
}

/** The cost of one used route: fixed + per distance + per working time (see {@link CostRates}). */
export function tripCost(rates: CostRates, distance: number, workingTime: number): number {
  return rates.fixedCost + rates.costPerDistance * distance + rates.costPerTime * workingTime;
}
