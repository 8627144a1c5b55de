import type { AssistantContext } from "../assistant.js";
import { roundRule } from "./roundRules.js";
import type { PlannerGame, PlayerId } from "./types.js";

/**
 * What the assistant knows and must respect when `player` asks it: the floor
 * knowledge they found, the trucks that are out, the stops already driven
 * (kept first on their trucks, in order) and, in a round whose day's clock
 * runs (round 3), the clock. Undefined fields are left out; an unknown player gets {}.
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
  if (roundRule(game.round)?.dayClock) ctx.now = game.clock;
  return ctx;
}
