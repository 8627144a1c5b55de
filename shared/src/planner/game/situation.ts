import { carrierOf } from "./access.js";
import { activeJams } from "./kpi.js";
import { locksInForce, routeOf, vehicleOf } from "./plan.js";
import type { PlannerGame, PlayerId } from "./types.js";

const list = (ids: readonly string[]) => [...ids].sort().join(",");

/**
 * `player`'s planning situation as a key: two situations have the same key
 * exactly when the assistant plans from the same things. It covers the
 * round, the carrier's orders (rush orders and exchanges change them), the
 * vehicles that are out (`unavailable`), the floor knowledge the planner has
 * found (orders in `revealed` that have floor knowledge; asking a driver who
 * knows nothing changes nothing) and the traffic jams in force (the applied
 * ones, whatever the clock) and the locks in force with what they lock
 * (each locked route as it is, each locked stop with its vehicle: the
 * assistant keeps them, so locking, unlocking or editing a locked route
 * changes the situation).
 *
 * Every disruption that has reached the carrier counts as well (`applied`):
 * a customer's new window changes the day without changing its orders.
 *
 * It leaves out the day's clock and the stops driven (`locked`): in a running
 * day both change with every step of the clock, and a proposal stays
 * takeable across them because accepting rebases it on the day as it stands
 * (`rebaseProposal`: driven stops stay first on the vehicle that drove them).
 * Every other change of `locked` comes with one the key covers (a vehicle
 * going out) or with a new round, which clears the proposal. The planner's
 * own plan is left out too, but for what is locked: the assistant plans from
 * the situation, not from the plan. Pure; "" for a player without a carrier.
 */
export function situationKey(game: PlannerGame, player: PlayerId): string {
  const carrier = carrierOf(game, player);
  if (!carrier) return "";
  const floor = new Set(carrier.scenario.orders.filter((o) => o.floor).map((o) => o.id));
  const jams = activeJams(carrier).map((j) => `${j.from}>${j.to}@${j.at}-${j.until}x${j.factor}`);
  const locks = locksInForce(carrier, game.round);
  const routes = locks.routes.map((v) => `${v}=${routeOf(carrier.plan, v).join(".")}`);
  const stops = locks.stops.map((o) => `${o}@${vehicleOf(carrier.plan, o) ?? ""}`);
  return [
    `round:${game.round}`,
    `orders:${list(carrier.scenario.orders.map((o) => o.id))}`,
    `out:${list(carrier.unavailable)}`,
    `floor:${list(carrier.revealed.filter((o) => floor.has(o)))}`,
    `jams:${jams.join(",")}`,
    `disruptions:${carrier.applied}`,
    `locks:${list(routes)};${list(stops)}`,
  ].join("|");
}

/**
 * Whether `player` has a proposal that belongs to another situation than the
 * current one ({@link situationKey}): it can no longer be taken
 * (PROPOSAL_OUTDATED). False without a proposal or a carrier.
 */
export function proposalOutdated(game: PlannerGame, player: PlayerId): boolean {
  const carrier = carrierOf(game, player);
  if (!carrier?.proposal) return false;
  return carrier.proposalSituation !== situationKey(game, player);
}
