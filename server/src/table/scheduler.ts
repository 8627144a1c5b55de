/** A timer that can be cancelled. */
export interface Timer {
  clear(): void;
}

/**
 * Time as the table host sees it: the current epoch milliseconds and timers.
 * In production Node's timers ({@link timerScheduler}); in tests a {@link ManualScheduler}
 * whose time moves only when the test says so.
 */
export interface Scheduler {
  now(): number;
  setTimeout(run: () => void, ms: number): Timer;
}

/**
 * Node's own timers and the wall clock, for one room: `clear()` (on dispose)
 * cancels every timer still waiting. The room's Colyseus clock is not used,
 * so a table needs no patch loop to keep its time.
 */
export function timerScheduler(): Scheduler & { clear(): void } {
  const live = new Set<ReturnType<typeof setTimeout>>();
  return {
    now: () => Date.now(),
    setTimeout(run, ms) {
      const handle = setTimeout(() => {
        live.delete(handle);
        run();
      }, ms);
      live.add(handle);
      return {
        clear: () => {
          clearTimeout(handle);
          live.delete(handle);
        },
      };
    },
    clear() {
      for (const handle of live) clearTimeout(handle);
      live.clear();
    },
  };
}

/**
 * A scheduler for tests: `now()` starts at `start` and moves only by
 * `advance(ms)`, which runs every timer that falls due on the way, in the
 * order they fall due (timers they set that fall due within the step run
 * too). One instance can serve every room of a test server.
 */
export class ManualScheduler implements Scheduler {
  private time: number;
  private timers: { at: number; order: number; run: () => void; live: boolean }[] = [];
  private order = 0;

  constructor(start = Date.UTC(2026, 0, 5, 9, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): Timer {
    const timer = { at: this.time + Math.max(0, ms), order: this.order++, run, live: true };
    this.timers.push(timer);
    return { clear: () => void (timer.live = false) };
  }

  /** Moves time on by `ms`, running the timers that fall due. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.timers = this.timers.filter((t) => t.live);
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next) break;
      this.time = Math.max(this.time, next.at);
      next.live = false;
      next.run();
    }
    this.time = end;
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.timers.filter((t) => t.live).length;
  }
}
