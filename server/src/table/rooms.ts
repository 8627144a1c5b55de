import type { AnyBinding, SeatPolicy } from "./TableRoom.js";
import { TableRoom } from "./TableRoom.js";
import type { Scheduler } from "./scheduler.js";

/**
 * The table room class for one game and one way of seating, for
 * `server.define`: each room gets its own seat policy from `policy()`, and
 * the given scheduler (a test's) or else its own clock.
 */
export function tableRoom(binding: AnyBinding, policy: () => SeatPolicy, scheduler?: Scheduler): typeof TableRoom {
  return class GameTable extends TableRoom {
    override binding = binding;
    override policy = policy();
    override scheduler = scheduler ?? null;
  };
}
