/** The value at quantile `q` (0..1) of an ascending array, rounded to 0.1; 0 for an empty array. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round((sorted[i] ?? 0) * 10) / 10;
}

/** CPU seconds used so far, current RSS and peak RSS of a Linux process, read from /proc. */
export function procStats(
  pid: number,
  read: (path: string, enc: "utf8") => string,
): { cpuSeconds: number; rssBytes: number; peakRssBytes: number } {
  const stat = read(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticksPerSecond = 100; // USER_HZ: clock ticks per second in /proc/<pid>/stat on Linux
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  const status = read(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
  return { cpuSeconds, rssBytes: kb("VmRSS"), peakRssBytes: kb("VmHWM") };
}

/** Least-squares slope of `ys` over `xs` (units of y per unit of x); 0 with fewer than two points. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return 0;
  const mx = xs.slice(0, n).reduce((a, b) => a + b, 0) / n;
  const my = ys.slice(0, n).reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
