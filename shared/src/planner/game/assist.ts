import type { AssistantContext } from "../assistant.js";
import { activeJams } from "./kpi.js";
import { locksInForce, routeOf } from "./plan.js";
import { roundRule } from "./roundRules.js";
import type { PlannerGame, PlayerId } from "./types.js";

/**
 * What the assistant knows and must respect when `player` asks it: the floor
 * knowledge they found, the trucks that are out, the stops already driven
 * (kept first on their trucks, in order) and, in a round whose day's clock
 * runs (round 3), the clock; the legs the day's jams and closed town
 * centres slow (`slow`: while the clock runs, those not over yet; in round 4,
 * which replays the day, all of them); and what the planner locked in this round
 * (`locksInForce`): each locked route as it is (`lockedRoutes`), each locked
 * stop on its truck (`pinned`, in the order they are on it; a stop on a
 * locked route or already driven is kept anyway). Undefined fields are left
 * out; an unknown player gets {}.
 */
export function assistantContext(game: PlannerGame, player: PlayerId): AssistantContext {
  const carrier = Object.hasOwn(game.carriers, player) ? game.carriers[player] : undefined;
  if (!carrier) return {};
  const locked = new Set(carrier.locked);
  const ctx: AssistantContext = { revealed: carrier.revealed, unavailable: carrier.unavailable };
  if (locked.size > 0)
    ctx.keep = {
      routes: carrier.plan.routes.map((r) => ({ vehicle: r.vehicle, orders: r.orders.filter((o) => locked.has(o)) })),
    };
  const dayClock = roundRule(game.round)?.dayClock === true;
  if (dayClock) ctx.now = game.clock;
  // Jams and closed town centres the day has brought, those not over yet while the clock runs.
  const slow = activeJams(carrier).filter((j) => !dayClock || j.until >= game.clock);
  if (slow.length > 0) ctx.slow = slow;
  const locks = locksInForce(carrier, game.round);
  if (locks.routes.length > 0)
    ctx.lockedRoutes = { routes: locks.routes.map((v) => ({ vehicle: v, orders: routeOf(carrier.plan, v).slice() })) };
  const whole = new Set(locks.routes);
  const stops = new Set(locks.stops.filter((o) => !locked.has(o)));
  const pinned = carrier.plan.routes
    .filter((r) => !whole.has(r.vehicle))
    .map((r) => ({ vehicle: r.vehicle, orders: r.orders.filter((o) => stops.has(o)) }))
    .filter((r) => r.orders.length > 0);
  if (pinned.length > 0) ctx.pinned = { routes: pinned };
  return ctx;
}
