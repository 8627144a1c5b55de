import { describe, expect, it } from "vitest";
import {
  acceptOffer,
  carrierKpi,
  collaboration,
  COLLABORATION_NONE,
  endRound,
  exchangeEffect,
  offerOrder,
  previewOffer,
  regionGains,
  setPlan,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import type { Plan } from "@iot/shared/planner/evaluate";
import { soloTrip } from "@iot/shared/planner/game/kpi";
import { must, round4 } from "./fixtures.js";

const end = (g: PlannerGame) => must(endRound(g));

/** The region's km, CO2 and cost: every carrier's plan as it is. */
function regionNow(g: PlannerGame) {
  const ks = g.players.map((p) => carrierKpi(g, p)!);
  return {
    km: ks.reduce((a, k) => a + k.km, 0),
    co2Kg: ks.reduce((a, k) => a + k.co2Kg, 0),
    cost: ks.reduce((a, k) => a + k.cost, 0),
  };
}

/** Round 4 with p1's first planned order taken by p2, and where it went. */
function taken() {
  const before = round4();
  const order = before.carriers.p1!.plan.routes[0]!.orders[0]!;
  const offered = must(offerOrder(before, "p1", order));
  const after = must(acceptOffer(offered, "p2", "f1"));
  return { before, after, order };
}

/** `g` with `order` moved in p2's plan to its own route on p2's last vehicle, or out of every route. */
function replanned(g: PlannerGame, order: string, to: "own-route" | "unplanned"): PlannerGame {
  const c = g.carriers.p2!;
  const routes: Plan["routes"] = c.plan.routes
    .map((r) => ({ vehicle: r.vehicle, orders: r.orders.filter((o) => o !== order) }))
    .filter((r) => r.orders.length > 0);
  if (to === "own-route") {
    const free = c.scenario.fleet.find((v) => !routes.some((r) => r.vehicle === v.id));
    if (!free) throw new Error("fixture: p2 has no free vehicle");
    routes.push({ vehicle: free.id, orders: [order] });
  }
  return must(setPlan(g, "p2", { routes }));
}

describe("exchangeEffect: what an exchange really changed", () => {
  it("is the region's change when the taker keeps the order where the take put it", () => {
    const { before, after } = taken();
    const e = exchangeEffect(after, after.exchanges[0]!);
    const d = regionNow(after);
    const b = regionNow(before);
    expect(e.km).toBeCloseTo(d.km - b.km, 6);
    expect(e.co2Kg).toBeCloseTo(d.co2Kg - b.co2Kg, 6);
    expect(e.cost).toBeCloseTo(d.cost - b.cost, 6);
  });

  it("counts the km of a taken order the taker later plans by hand elsewhere", () => {
    const { before, after, order } = taken();
    const moved = replanned(after, order, "own-route");
    const e = exchangeEffect(moved, moved.exchanges[0]!);
    // A truck of its own for one order drives more than the take's cheapest place: the region's real change.
    expect(regionNow(moved).km).toBeGreaterThan(regionNow(after).km);
    expect(e.km).toBeCloseTo(regionNow(moved).km - regionNow(before).km, 6);
    expect(e.cost).toBeCloseTo(regionNow(moved).cost - regionNow(before).cost, 6);
  });

  it("counts a taken order the taker leaves unplanned as the giver's saving plus a solo trip", () => {
    const { before, after, order } = taken();
    const dropped = replanned(after, order, "unplanned");
    const e = exchangeEffect(dropped, dropped.exchanges[0]!);
    const o = before.carriers.p1!.scenario.orders.find((x) => x.id === order)!;
    const giverKm = carrierKpi(after, "p1")!.km - carrierKpi(before, "p1")!.km;
    expect(e.km).toBeCloseTo(giverKm + soloTrip(o).km, 6);
  });
});

describe("chances to collaborate, and collaboration where nothing could be gained", () => {
  /** Every offer p1 could make in round 4 first, each previewed for p2 and p3 as the offer's mark is set. */
  function offersOfP1(g: PlannerGame) {
    return g.carriers.p1!.plan.routes.flatMap((r) =>
      r.orders.map((order) => {
        const made = must(offerOrder(g, "p1", order));
        const gains = ["p2", "p3"].filter((t) => {
          const p = previewOffer(made, "f1", t);
          return p.ok && p.preview.placement !== null && regionGains(p.preview.region);
        });
        return { order, made, gains };
      }),
    );
  }
  const marked = (g: PlannerGame) => g.players.filter((p) => g.carriers[p]?.usage.exchangeChance);

  it("marks giver and taker when an offer made would gain the region, and nobody when none would", () => {
    const offers = offersOfP1(round4());
    const gaining = offers.find((o) => o.gains.length > 0);
    const futile = offers.find((o) => o.gains.length === 0);
    expect(gaining, "a fixture order whose take gains the region").toBeDefined();
    expect(futile, "a fixture order whose take gains nothing").toBeDefined();
    expect(marked(gaining!.made)).toEqual(["p1", ...gaining!.gains]);
    expect(marked(futile!.made)).toEqual([]);
  });

  it("looks again when an exchange changes two plans: an open offer that gains only now marks its pair", () => {
    // p1 offers an order that gains p2 only, p3 one that gains nobody yet; p2 takes p1's. Both their plans have
    // changed, so p3's open offer is previewed for them again: for some order of p3 it gains the region only now.
    const g = round4();
    const ordersOfP3 = g.carriers.p3!.plan.routes.flatMap((r) => r.orders);
    const found = offersOfP1(g)
      .filter((o) => o.gains.length === 1 && o.gains[0] === "p2")
      .flatMap((p1) =>
        ordersOfP3.map((order) => {
          const both = must(offerOrder(p1.made, "p3", order));
          return { order, both, taken: must(acceptOffer(both, "p2", "f1")) };
        }),
      )
      .find(({ both, taken }) => !both.carriers.p3?.usage.exchangeChance && taken.carriers.p3?.usage.exchangeChance);
    expect(found, "an order of p3 whose offer gains the region only after p2 took p1's").toBeDefined();
    // The preview that marks it: p3's offer, for one of the two carriers whose plans the take changed.
    const f2 = found!.taken.offers.find((f) => f.from === "p3")!;
    const gainsFor = ["p1", "p2"].filter((t) => {
      const p = previewOffer(found!.taken, f2.id, t);
      return p.ok && p.preview.placement !== null && regionGains(p.preview.region);
    });
    expect(gainsFor.length).toBeGreaterThan(0);
  });

  it("is not applicable without an exchange and without a chance, and none (50) when a gain on offer was left", () => {
    const offers = offersOfP1(round4());
    const gaining = offers.find((o) => o.gains.length > 0)!;
    const futile = offers.find((o) => o.gains.length === 0)!;
    const score = (g: PlannerGame, p: string) => {
      const done = end(g);
      return collaboration(
        done,
        p,
        done.results.filter((r) => r.player === p),
      );
    };
    expect(score(futile.made, "p1")).toBeNull();
    expect(score(gaining.made, "p1")).toBe(COLLABORATION_NONE);
    expect(score(gaining.made, gaining.gains[0]!)).toBe(COLLABORATION_NONE);
  });
});
