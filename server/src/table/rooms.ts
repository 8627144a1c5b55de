import type { AnyBinding, SeatPolicy } from "./TableRoom.js";
import { TableRoom } from "./TableRoom.js";

/**
 * The table room class for one game and one way of seating, for
 * `server.define`: each room gets its own seat policy from `policy()`.
 */
export function tableRoom(binding: AnyBinding, policy: () => SeatPolicy): typeof TableRoom {
  return class GameTable extends TableRoom {
    override binding = binding;
    override policy = policy();
  };
}
