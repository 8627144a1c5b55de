/**
 * Follows a workshop's overview for the console and the projector: every
 * overview the server pushes, and one fetch whenever the stream opens (again)
 * or was refused (to show why). A fetch that a push overtook is dropped.
 */
import { facilitatorApi, type Overview } from "./workshopApi.js";

/** What the feed tells its screen. */
export interface OverviewFeed {
  /** The newest overview. */
  show(o: Overview): void;
  /** The fetch failed (signed out, not found, no connection). */
  fail(e: unknown): void;
}

/** Follows workshop `id`'s overview. Returns a function that stops. */
export function followOverview(id: string, on: OverviewFeed): () => void {
  /** Overviews pushed so far. */
  let pushes = 0;
  let stopped = false;
  const fetchOnce = async () => {
    const seen = pushes;
    try {
      const o = await facilitatorApi.overview(id);
      if (!stopped && pushes === seen) on.show(o);
    } catch (e) {
      if (!stopped) on.fail(e);
    }
  };
  const stopFeed = facilitatorApi.follow(id, {
    state: (o) => {
      pushes++;
      on.show(o);
    },
    opened: () => void fetchOnce(),
    failed: () => void fetchOnce(),
  });
  return () => {
    stopped = true;
    stopFeed();
  };
}
