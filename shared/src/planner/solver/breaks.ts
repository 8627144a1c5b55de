/**
 * Drivers' breaks and daily driving time, for the solver and the game's
 * evaluation alike: both walk a route through the same steps (drive, wait,
 * unload), so they put the same breaks at the same moments.
 *
 * The rule, in one line: a driver takes a break of `breakMinutes` at the
 * latest moment before either the driving or the working time since the last
 * break would pass its limit: on the road when a drive would pass it, at the
 * stop (from arriving, so waiting for the window counts towards it) when
 * unloading would pass it. Waiting for a window at least as long as a break
 * is a break. Unloading is never interrupted.
 */

/** The parameters of the rule, in the instance's time unit (minutes in the game). */
export interface BreakRules {
  /** Driving time after which a break is due. */
  drivingBeforeBreak: number;
  /** Working time (driving and unloading; waiting is neither) after which a break is due. */
  workBeforeBreak: number;
  /** Length of every break; it ends both counts. */
  breakMinutes: number;
  /** Most driving time in one route (one day). */
  dailyDriving: number;
  /**
   * Work at the depot before the first drive that the instance's time from
   * the depot includes (loading): it counts as work, not as driving (default 0).
   */
  startWork?: number;
}

/**
 * The rules the game applies, in minutes (docs/planner-game.md):
 * Regulation (EC) No 561/2006 art. 7 (a break of at least 45 min after
 * 4.5 h = 270 min of driving) and art. 6(1) (at most 9 h = 540 min of driving
 * a day; the extension to 10 h twice a week is not used), and Directive
 * 2002/15/EC art. 5(1) (no more than 6 h = 360 min of work without a break;
 * its 30 or 45 min are met by the same 45-min break).
 */
export const EU_DRIVING_RULES: Readonly<BreakRules> = {
  drivingBeforeBreak: 270,
  workBeforeBreak: 360,
  breakMinutes: 45,
  dailyDriving: 540,
};

/** No breaks (none is ever due, so their length never counts) and no limit: the steps then give exactly the times of a route without rules. */
export const NO_BREAKS: Readonly<BreakRules> = {
  drivingBeforeBreak: Number.POSITIVE_INFINITY,
  workBeforeBreak: Number.POSITIVE_INFINITY,
  breakMinutes: Number.POSITIVE_INFINITY,
  dailyDriving: Number.POSITIVE_INFINITY,
};

/** A break taken: its start, its length, and how many stops were served before it (0: on the way to the first). */
export interface BreakTaken {
  start: number;
  minutes: number;
  after: number;
  /** Taken on the road (a drive would pass a limit) rather than at a stop. */
  onRoad: boolean;
}

/** Where a driver is in their day: the clock, and driving and working time since the last break and in all. */
export interface DriverClock {
  t: number;
  drivenSinceBreak: number;
  workedSinceBreak: number;
  drivenToday: number;
}

/** A driver setting off at `t`, rested. */
export function startClock(t: number): DriverClock {
  return { t, drivenSinceBreak: 0, workedSinceBreak: 0, drivenToday: 0 };
}

const EPS = 1e-9;

/**
 * Drives `minutes` from `c.t`, stopping on the road for a break whenever the
 * driving or working time since the last break reaches its limit; each break
 * is added to `log` (when given) as taken after `after` stops.
 */
export function drive(
  rules: Readonly<BreakRules>,
  c: DriverClock,
  minutes: number,
  log: BreakTaken[] | null,
  after: number,
): void {
  let left = minutes;
  for (;;) {
    const room = Math.min(rules.drivingBeforeBreak - c.drivenSinceBreak, rules.workBeforeBreak - c.workedSinceBreak);
    if (left <= room + EPS) break;
    const x = Math.max(0, room);
    c.t += x;
    c.drivenToday += x;
    left -= x;
    log?.push({ start: c.t, minutes: rules.breakMinutes, after, onRoad: true });
    c.t += rules.breakMinutes;
    c.drivenSinceBreak = 0;
    c.workedSinceBreak = 0;
  }
  c.t += left;
  c.drivenSinceBreak += left;
  c.workedSinceBreak += left;
  c.drivenToday += left;
}

/** Works `minutes` without driving (loading at the depot), after a break first when it would pass the working limit. */
export function work(rules: Readonly<BreakRules>, c: DriverClock, minutes: number, log: BreakTaken[] | null): void {
  if (minutes <= 0) return;
  if (c.workedSinceBreak + minutes > rules.workBeforeBreak + EPS) {
    log?.push({ start: c.t, minutes: rules.breakMinutes, after: 0, onRoad: false });
    c.t += rules.breakMinutes;
    c.drivenSinceBreak = 0;
    c.workedSinceBreak = 0;
  }
  c.workedSinceBreak += minutes;
  c.t += minutes;
}

/**
 * Arrives at a stop at `c.t`, waits for `ready` and unloads for `service`;
 * returns the start of unloading. A break is taken from arriving when the
 * wait is at least a break long or unloading would pass the working limit.
 */
export function serve(
  rules: Readonly<BreakRules>,
  c: DriverClock,
  ready: number,
  service: number,
  log: BreakTaken[] | null,
  after: number,
): number {
  const arrival = c.t;
  let start = Math.max(arrival, ready);
  if (start - arrival >= rules.breakMinutes || c.workedSinceBreak + service > rules.workBeforeBreak + EPS) {
    log?.push({ start: arrival, minutes: rules.breakMinutes, after, onRoad: false });
    c.drivenSinceBreak = 0;
    c.workedSinceBreak = 0;
    start = Math.max(ready, arrival + rules.breakMinutes);
  }
  c.workedSinceBreak += service;
  c.t = start + service;
  return start;
}

/** Stands still until `until` (e.g. a vehicle held at a stop); a stand at least a break long is a break. */
export function standUntil(
  rules: Readonly<BreakRules>,
  c: DriverClock,
  until: number,
  log: BreakTaken[] | null,
  after: number,
): void {
  if (until <= c.t) return;
  if (until - c.t >= rules.breakMinutes) {
    log?.push({ start: c.t, minutes: rules.breakMinutes, after, onRoad: false });
    c.drivenSinceBreak = 0;
    c.workedSinceBreak = 0;
  }
  c.t = until;
}
