/**
 * How far a search is through its budget: an iteration cap, a time limit by
 * the caller's clock, or both (whichever is spent first). `shared/` never
 * reads a clock itself; the caller passes one in.
 */

/** The clock is read once every this many iterations (a read costs more than an iteration of a small instance). */
export const CLOCK_EVERY = 16;

export interface BudgetOptions {
  /** Stop after this long (ms by `now`); needs `now`. */
  timeLimitMs?: number;
  /** A monotonic clock in ms (e.g. performance.now). */
  now?: () => number;
  /** Stop after this many iterations. */
  maxIterations?: number;
}

/**
 * The budget as a function of the iteration number (0, 1, 2, ... in order):
 * the share used so far, in [0, 1), or null once it is spent. With a time
 * limit the share is the larger of the iterations' and the time's; the time
 * is read every {@link CLOCK_EVERY} iterations and holds in between. Throws a
 * RangeError when there is neither an iteration cap nor a time limit with a clock.
 */
export function budget(options: BudgetOptions): (iter: number) => number | null {
  const maxIter = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const limit = options.timeLimitMs ?? Number.POSITIVE_INFINITY;
  const now = options.now;
  const timed = now !== undefined && Number.isFinite(limit);
  if (!Number.isFinite(maxIter) && !timed) throw new RangeError("give timeLimitMs (with now) or maxIterations");
  const t0 = now?.() ?? 0;
  let byTime = 0;
  return (iter) => {
    if (iter >= maxIter) return null;
    if (timed && iter % CLOCK_EVERY === 0) {
      const elapsed = now() - t0;
      if (elapsed >= limit) return null;
      byTime = elapsed / limit;
    }
    return Number.isFinite(maxIter) ? Math.max(byTime, iter / maxIter) : byTime;
  };
}
