import { carrierView, type CarrierView } from "./carrierView.js";
import type { PlannerTable } from "./game/definition.js";
import { leaderboard, regionTotals, type PlannerGame, type PlannerRound } from "./game/index.js";
import type { PlannerSeatView } from "./seatViewSchema.js";

export type { PlannerHeadline, PlannerSeatView } from "./seatViewSchema.js";
export { plannerSeatViewSchema } from "./seatViewSchema.js";

/** Carrier views by carrier: a carrier object that did not change keeps its view (and its evaluation). */
const views = new WeakMap<object, CarrierView | null>();
/** The public part of a table state, computed once for all seats. */
const publics = new WeakMap<PlannerTable, Omit<PlannerSeatView, "carrier">>();

function viewOf(game: PlannerGame, player: string): CarrierView | null {
  const carrier = Object.hasOwn(game.carriers, player) ? game.carriers[player] : undefined;
  if (!carrier) return null;
  let view = views.get(carrier);
  if (view === undefined) {
    view = carrierView(game, player);
    views.set(carrier, view);
  }
  return view;
}

function publicPart(table: PlannerTable): Omit<PlannerSeatView, "carrier"> {
  const known = publics.get(table);
  if (known) return known;
  const game = table.game;
  const last = game.results.reduce((a, r) => Math.max(a, r.round), 0);
  const totals = regionTotals(game);
  const part = {
    phase: game.phase,
    round: game.round,
    clock: Math.round(game.clock),
    roundEndsAt: table.roundEndsAt,
    planners: game.players.map((id) => {
      const kpi = viewOf(game, id)?.kpi;
      return {
        id,
        cost: kpi?.cost ?? 0,
        km: kpi?.km ?? 0,
        co2Kg: kpi?.co2Kg ?? 0,
        late: kpi?.late ?? 0,
        unplanned: kpi?.unplanned.length ?? 0,
        deliveries: kpi?.deliveries ?? 0,
      };
    }),
    offers: game.offers,
    leaderboard: last === 0 ? [] : leaderboard(game, last as PlannerRound),
    leaderboardRound: last,
    regionKm: totals.km,
    regionCo2Kg: totals.co2Kg,
    regionKmRound3: totals.round3?.km ?? 0,
    regionCo2KgRound3: totals.round3?.co2Kg ?? 0,
  };
  publics.set(table, part);
  return part;
}

/** The view of `player` (see {@link PlannerSeatView}); the parts all seats share are computed once per state. */
export function plannerSeatView(table: PlannerTable, player: string): PlannerSeatView {
  return { ...publicPart(table), carrier: viewOf(table.game, player) };
}
