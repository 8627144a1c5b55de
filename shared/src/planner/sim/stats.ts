/**
 * The statistics of the calibration: means, spreads and rank correlation
 * over plain arrays of numbers. Pure, no randomness.
 */

/** Arithmetic mean; null for an empty list. */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample variance (divisor n - 1); null with fewer than two values. */
export function variance(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null || xs.length < 2) return null;
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

/** Sample standard deviation (divisor n - 1); null with fewer than two values. */
export function sd(xs: readonly number[]): number | null {
  const v = variance(xs);
  return v === null ? null : Math.sqrt(v);
}

/**
 * Ranks from 1 (smallest) to n; equal values share the mean of the ranks
 * they span (ties get average ranks: 10, 20, 20, 30 -> 1, 2.5, 2.5, 4).
 */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const ranks = new Array<number>(xs.length).fill(0);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && (order[end + 1] as { x: number }).x === (order[start] as { x: number }).x) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[(order[k] as { i: number }).i] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's correlation; null when the lists differ in length, are shorter than 2, or one of them is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 2) return null;
  const mx = mean(xs) as number;
  const my = mean(ys) as number;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks
 * ({@link averageRanks}), so ties are handled exactly. From -1 to 1; null
 * when it is undefined (fewer than two pairs, or one side constant).
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) return null;
  return pearson(averageRanks(xs), averageRanks(ys));
}
