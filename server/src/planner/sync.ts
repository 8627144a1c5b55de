import { carrierView } from "@iot/shared/planner/carrierView";
import { leaderboard, regionTotals, type PlannerGame, type PlannerRound } from "@iot/shared/planner/game/index";
import type { Seat } from "../table/seats.js";
import { OfferSchema, StandingSchema, type PlannerStateSchema } from "./schema.js";

/**
 * Mirrors the planner game into the schema after every accepted action:
 * phase, round, clock, per planner the headline KPIs (public) and the
 * carrier view (owner only), the offers, the latest leaderboard and the
 * region's totals. Written in one synchronous step, so a patch shows a whole action.
 */
export function writePlanner(target: PlannerStateSchema, game: PlannerGame, seats: ReadonlyMap<string, Seat>): void {
  target.phase = game.phase;
  target.round = game.round;
  target.clock = Math.round(game.clock);
  for (const id of game.players) {
    const planner = target.planners.get(id);
    const view = carrierView(game, id);
    if (!planner || !view) continue;
    planner.cost = view.kpi.cost;
    planner.km = view.kpi.km;
    planner.co2Kg = view.kpi.co2Kg;
    planner.late = view.kpi.late;
    planner.unplanned = view.kpi.unplanned.length;
    planner.deliveries = view.kpi.deliveries;
    const json = JSON.stringify(view);
    if (planner.carrier !== json) planner.carrier = json;
    const seat = seats.get(id);
    if (seat) planner.connected = seat.connected;
  }
  if (
    target.offers.length !== game.offers.length ||
    game.offers.some((o, i) => target.offers[i]?.status !== o.status)
  ) {
    target.offers.clear();
    for (const o of game.offers) {
      target.offers.push(
        new OfferSchema({
          id: o.id,
          from: o.from,
          order: o.order,
          town: o.town,
          pallets: o.pallets,
          ready: o.ready,
          due: o.due,
          status: o.status,
          takenBy: o.takenBy ?? "",
        }),
      );
    }
  }
  const last = game.results.reduce((a, r) => Math.max(a, r.round), 0);
  if (last !== target.leaderboardRound) {
    target.leaderboardRound = last;
    target.leaderboard.clear();
    const standings = last === 0 ? [] : leaderboard(game, last as PlannerRound);
    for (const s of standings) target.leaderboard.push(new StandingSchema({ ...s }));
  }
  const totals = regionTotals(game);
  target.regionKm = totals.km;
  target.regionCo2Kg = totals.co2Kg;
  target.regionKmRound3 = totals.round3?.km ?? 0;
  target.regionCo2KgRound3 = totals.round3?.co2Kg ?? 0;
}
