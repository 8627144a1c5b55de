import type { Plan, RouteKpi } from "../evaluate.js";
import { carrierOf, reject, roundGuard, withCarrier } from "./access.js";
import { CO2_EUR_PER_KG, evaluateFor, LATE_EUR_PER_MINUTE, summarize } from "./kpi.js";
import { copyPlan, lockedPrefix, routeOf, withPlan } from "./plan.js";
import type { Carrier, KpiSummary, Offer, PlannerGame, PlannerRejection, PlannerResult, PlayerId } from "./types.js";

/** A change of KPIs, after minus before. */
export interface KpiDelta {
  cost: number;
  km: number;
  co2Kg: number;
  late: number;
  minutesLate: number;
  unplanned: number;
  deliveries: number;
}

/** What taking an offer would change: for the giver, the taker and the region (the two together). */
export interface OfferPreview {
  giver: KpiDelta;
  taker: KpiDelta;
  region: KpiDelta;
  /** Where the order would go in the taker's plan; null: it would stay unplanned. */
  placement: { vehicle: string; index: number } | null;
}

/**
 * Whether a change is a gain for the region in every figure: none of km,
 * CO2 and cost higher and at least one lower (a Pareto gain).
 */
export function regionGains(d: Pick<KpiDelta, "km" | "co2Kg" | "cost">): boolean {
  return d.km <= 0 && d.co2Kg <= 0 && d.cost <= 0 && (d.km < 0 || d.co2Kg < 0 || d.cost < 0);
}

/**
 * Marks the carriers that have a chance to collaborate: of the open offers
 * `which` picks, each previewed for every carrier other than its giver (the
 * pair skipped when both are marked already); when the taker can place the
 * order and the region gains ({@link regionGains}), giver and taker get
 * `usage.exchangeChance`. The mark stays once set. Run when an offer is made
 * (that offer) and when one is taken (the offers of and for the two carriers
 * whose plans changed), not on every plan edit: a preview per pair is the
 * cost of a cheapest insertion.
 */
function markChances(game: PlannerGame, which: (offer: Offer, taker: PlayerId) => boolean): PlannerGame {
  let next = game;
  const marked = (p: PlayerId) => next.carriers[p]?.usage.exchangeChance === true;
  const mark = (p: PlayerId) => {
    const c = next.carriers[p];
    if (!c || c.usage.exchangeChance) return;
    next = withCarrier(next, p, { ...c, usage: { ...c.usage, exchangeChance: true } });
  };
  for (const offer of game.offers) {
    if (offer.status !== "open") continue;
    for (const taker of game.players) {
      if (taker === offer.from || !which(offer, taker) || (marked(taker) && marked(offer.from))) continue;
      const { preview } = previewOf(game, offer, taker);
      if (preview.placement && regionGains(preview.region)) {
        mark(taker);
        mark(offer.from);
      }
    }
  }
  return next;
}

/**
 * Offers `order` to the other carriers (round 4): NOT_IN_ROUND, WRONG_ROUND,
 * UNKNOWN_PLAYER, UNKNOWN_ORDER (not this carrier's), ORDER_LOCKED (already
 * on its way or delivered), DOUBLE_ORDER (already on open offer). The order
 * stays in the giver's plan until someone takes it.
 */
export function offerOrder(game: PlannerGame, player: PlayerId, order: string): PlannerResult {
  const guard = roundGuard(game, player, "exchange");
  if (guard) return { ok: false, rejection: guard };
  const carrier = carrierOf(game, player) as Carrier;
  const o = carrier.scenario.orders.find((x) => x.id === order);
  if (!o) return reject("UNKNOWN_ORDER", { order });
  if (carrier.locked.includes(order)) return reject("ORDER_LOCKED", { order });
  if (game.offers.some((f) => f.order === order && f.status === "open")) return reject("DOUBLE_ORDER", { order });
  const offer: Offer = {
    id: `f${game.nextOffer}`,
    from: player,
    order,
    status: "open",
    town: o.town,
    pallets: o.pallets,
    ready: o.ready,
    due: o.due,
  };
  const usage = { ...carrier.usage, offersMade: carrier.usage.offersMade + 1 };
  const next = withCarrier(game, player, { ...carrier, usage });
  const made = { ...next, offers: [...game.offers, offer], nextOffer: game.nextOffer + 1 };
  return {
    ok: true,
    game: markChances(made, (f) => f.id === offer.id),
    events: [{ type: "offer-made", offer }],
  };
}

/** Takes an open offer back: NOT_IN_ROUND, WRONG_ROUND, UNKNOWN_PLAYER, UNKNOWN_OFFER (none open), NOT_YOUR_OFFER. */
export function withdrawOffer(game: PlannerGame, player: PlayerId, offerId: string): PlannerResult {
  const guard = roundGuard(game, player, "exchange");
  if (guard) return { ok: false, rejection: guard };
  const offer = game.offers.find((f) => f.id === offerId && f.status === "open");
  if (!offer) return reject("UNKNOWN_OFFER", { offer: offerId });
  if (offer.from !== player) return reject("NOT_YOUR_OFFER", { offer: offerId });
  const withdrawn: Offer = { ...offer, status: "withdrawn" };
  return {
    ok: true,
    game: { ...game, offers: game.offers.map((f) => (f === offer ? withdrawn : f)) },
    events: [{ type: "offer-withdrawn", offer: withdrawn }],
  };
}

/** The penalised cost of a route in euro (cost, CO2 at its price, minutes late at their price). */
const routeValue = (r: RouteKpi | undefined) =>
  r ? r.cost + CO2_EUR_PER_KG * r.co2Kg + LATE_EUR_PER_MINUTE * r.minutesLate : 0;

/**
 * Where `order` (already in the taker's day) goes by pure cheapest insertion:
 * every position after the locked stops of every vehicle that is not out,
 * an unused vehicle included; it fits where the route stays within capacity
 * and range and no more of its stops are late. Of the positions that fit,
 * the one that adds the least penalised cost (first found on a tie); null if
 * none fits.
 */
export function cheapestInsertion(
  carrier: Carrier,
  order: string,
  clock: number,
): { vehicle: string; index: number } | null {
  const out = new Set(carrier.unavailable);
  let best: { vehicle: string; index: number; added: number } | null = null;
  for (const v of carrier.scenario.fleet) {
    if (out.has(v.id)) continue;
    const route = routeOf(carrier.plan, v.id);
    const before = evaluateFor(carrier, { routes: [{ vehicle: v.id, orders: route }] }).routes[0];
    for (let i = lockedPrefix(carrier, v.id).length; i <= route.length; i++) {
      const orders = [...route.slice(0, i), order, ...route.slice(i)];
      const trial = withPlan(carrier, placeInPlan(carrier.plan, v.id, orders), clock);
      const after = evaluateFor(trial, { routes: [{ vehicle: v.id, orders }] }).routes[0] as RouteKpi;
      if (after.overCapacity || after.overRange || after.late > (before?.late ?? 0)) continue;
      const added = routeValue(after) - routeValue(before);
      if (!best || added < best.added) best = { vehicle: v.id, index: i, added };
    }
  }
  return best && { vehicle: best.vehicle, index: best.index };
}

function placeInPlan(plan: Plan, vehicle: string, orders: string[]): Plan {
  const next = copyPlan(plan);
  const route = next.routes.find((r) => r.vehicle === vehicle);
  if (route) route.orders = orders;
  else next.routes.push({ vehicle, orders });
  return next;
}

/** Giver and taker after `offer` moves over, and where the order went. */
function transfer(game: PlannerGame, offer: Offer, taker: PlayerId) {
  const giver = carrierOf(game, offer.from) as Carrier;
  const take = carrierOf(game, taker) as Carrier;
  const order = giver.scenario.orders.find((o) => o.id === offer.order);
  if (!order) throw new Error(`planner rules: offered order ${offer.order} is not the giver's`);
  const giverPlan: Plan = {
    routes: giver.plan.routes
      .map((r) => ({ vehicle: r.vehicle, orders: r.orders.filter((o) => o !== order.id) }))
      .filter((r) => r.orders.length > 0),
  };
  const given = withPlan(
    {
      ...giver,
      scenario: { ...giver.scenario, orders: giver.scenario.orders.filter((o) => o.id !== order.id) },
      revealed: giver.revealed.filter((o) => o !== order.id),
    },
    giverPlan,
    game.clock,
  );
  const grown: Carrier = { ...take, scenario: { ...take.scenario, orders: [...take.scenario.orders, { ...order }] } };
  const placement = cheapestInsertion(grown, order.id, game.clock);
  const taken = placement
    ? withPlan(
        grown,
        placeInPlan(grown.plan, placement.vehicle, [
          ...routeOf(grown.plan, placement.vehicle).slice(0, placement.index),
          order.id,
          ...routeOf(grown.plan, placement.vehicle).slice(placement.index),
        ]),
        game.clock,
      )
    : grown;
  return { giver, take, given, taken, placement };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function delta(a: KpiSummary, b: KpiSummary): KpiDelta {
  return {
    cost: r3(b.cost - a.cost),
    km: r3(b.km - a.km),
    co2Kg: r3(b.co2Kg - a.co2Kg),
    late: b.late - a.late,
    minutesLate: r3(b.minutesLate - a.minutesLate),
    unplanned: b.unplanned - a.unplanned,
    deliveries: b.deliveries - a.deliveries,
  };
}

function sum(a: KpiDelta, b: KpiDelta): KpiDelta {
  return {
    cost: r3(a.cost + b.cost),
    km: r3(a.km + b.km),
    co2Kg: r3(a.co2Kg + b.co2Kg),
    late: a.late + b.late,
    minutesLate: r3(a.minutesLate + b.minutesLate),
    unplanned: a.unplanned + b.unplanned,
    deliveries: a.deliveries + b.deliveries,
  };
}

function checkTake(game: PlannerGame, offerId: string, taker: PlayerId): PlannerRejection | Offer {
  const guard = roundGuard(game, null, "exchange");
  if (guard) return guard;
  const offer = game.offers.find((f) => f.id === offerId && f.status === "open");
  if (!offer) return { code: "UNKNOWN_OFFER", detail: { offer: offerId } };
  if (!carrierOf(game, taker)) return { code: "UNKNOWN_PLAYER" };
  if (offer.from === taker) return { code: "OWN_OFFER", detail: { offer: offerId } };
  return offer;
}

function previewOf(game: PlannerGame, offer: Offer, taker: PlayerId) {
  const t = transfer(game, offer, taker);
  const kpi = (c: Carrier) => summarize(c, evaluateFor(c, c.plan));
  const giver = delta(kpi(t.giver), kpi(t.given));
  const takerDelta = delta(kpi(t.take), kpi(t.taken));
  return { t, preview: { giver, taker: takerDelta, region: sum(giver, takerDelta), placement: t.placement } };
}

/**
 * What taking offer `offerId` would change for the giver, for `taker` and
 * for the region, without changing anything. The taker gets the order by
 * {@link cheapestInsertion} (or unplanned when it fits nowhere), exactly as
 * {@link acceptOffer} would. Rejections: NOT_IN_ROUND, WRONG_ROUND,
 * UNKNOWN_OFFER, UNKNOWN_PLAYER, OWN_OFFER.
 */
export function previewOffer(
  game: PlannerGame,
  offerId: string,
  taker: PlayerId,
): { ok: true; preview: OfferPreview } | { ok: false; rejection: PlannerRejection } {
  const offer = checkTake(game, offerId, taker);
  if ("code" in offer) return { ok: false, rejection: offer };
  return { ok: true, preview: previewOf(game, offer, taker).preview };
}

/**
 * `taker` takes offer `offerId`: the order leaves the giver's day and plan
 * and joins the taker's at its cheapest position (see {@link previewOffer};
 * same rejections). The region's change is recorded for the assessment.
 */
export function acceptOffer(game: PlannerGame, taker: PlayerId, offerId: string): PlannerResult {
  const offer = checkTake(game, offerId, taker);
  if ("code" in offer) return { ok: false, rejection: offer };
  const { t, preview } = previewOf(game, offer, taker);
  const given = { ...t.given, usage: { ...t.given.usage, offersGiven: t.given.usage.offersGiven + 1 } };
  const taken = { ...t.taken, usage: { ...t.taken.usage, offersTaken: t.taken.usage.offersTaken + 1 } };
  const done: Offer = { ...offer, status: "taken", takenBy: taker };
  const next = withCarrier(withCarrier(game, offer.from, given), taker, taken);
  const exchange = {
    offer: offer.id,
    from: offer.from,
    to: taker,
    order: offer.order,
    km: preview.region.km,
    co2Kg: preview.region.co2Kg,
    cost: preview.region.cost,
    giver: { km: preview.giver.km, co2Kg: preview.giver.co2Kg, cost: preview.giver.cost },
  };
  const changed = new Set([offer.from, taker]);
  const after = {
    ...next,
    offers: game.offers.map((f) => (f === offer ? done : f)),
    exchanges: [...game.exchanges, exchange],
  };
  return {
    ok: true,
    game: markChances(after, (f, t) => changed.has(f.from) || changed.has(t)),
    events: [
      { type: "offer-taken", offer: done, km: preview.region.km, co2Kg: preview.region.co2Kg },
      { type: "plan-set", player: offer.from, source: "exchange" },
      { type: "plan-set", player: taker, source: "exchange" },
    ],
  };
}
