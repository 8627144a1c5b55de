import { describe, expect, it } from "vitest";
import {
  acceptOffer,
  carrierKpi,
  endRound,
  offerOrder,
  previewOffer,
  regionTotals,
  startRound,
  withdrawOffer,
  type PlannerGame,
} from "@iot/shared/planner/game/index";
import { advanceTo, must, region, round4 } from "./fixtures.js";

const end = (g: PlannerGame) => must(endRound(g));
const code = (r: { ok: boolean; rejection?: { code: string } }) => (r.ok ? "ok" : r.rejection?.code);

describe("offers", () => {
  const g = round4();
  const order = g.carriers.p1!.plan.routes[0]!.orders[0]!;

  it("are made, listed and withdrawn", () => {
    const made = offerOrder(g, "p1", order);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const offer = made.game.offers[0]!;
    const o = g.carriers.p1!.scenario.orders.find((x) => x.id === order)!;
    expect(offer).toEqual({
      id: "f1",
      from: "p1",
      order,
      status: "open",
      town: o.town,
      pallets: o.pallets,
      ready: o.ready,
      due: o.due,
    });
    expect(made.events).toEqual([{ type: "offer-made", offer }]);
    expect(made.game.nextOffer).toBe(2);
    expect(made.game.carriers.p1?.usage.offersMade).toBe(1);
    // It stays in the giver's plan until taken.
    expect(made.game.carriers.p1?.plan).toEqual(g.carriers.p1?.plan);
    expect(code(offerOrder(made.game, "p1", order))).toBe("DOUBLE_ORDER");
    expect(code(withdrawOffer(made.game, "p2", "f1"))).toBe("NOT_YOUR_OFFER");
    expect(code(withdrawOffer(made.game, "p1", "f9"))).toBe("UNKNOWN_OFFER");
    const w = withdrawOffer(made.game, "p1", "f1");
    expect(w.ok && w.events).toEqual([{ type: "offer-withdrawn", offer: { ...offer, status: "withdrawn" } }]);
    expect(code(withdrawOffer(must(w), "p1", "f1"))).toBe("UNKNOWN_OFFER");
    expect(code(acceptOffer(must(w), "p2", "f1"))).toBe("UNKNOWN_OFFER");
  });

  it("are refused outside round 4 and for orders that are not the player's", () => {
    const g3 = advanceTo(must(startRound(region(3), 1)), 3, end);
    expect(code(offerOrder(g3, "p1", order))).toBe("WRONG_ROUND");
    expect(code(offerOrder(end(g), "p1", order))).toBe("NOT_IN_ROUND");
    expect(code(offerOrder(g, "p1", "c2-o1"))).toBe("UNKNOWN_ORDER");
    expect(code(offerOrder(g, "nobody", order))).toBe("UNKNOWN_PLAYER");
    const made = must(offerOrder(g, "p1", order));
    expect(code(previewOffer(made, "f1", "p1"))).toBe("OWN_OFFER");
    expect(code(acceptOffer(made, "p1", "f1"))).toBe("OWN_OFFER");
    expect(code(previewOffer(made, "f2", "p2"))).toBe("UNKNOWN_OFFER");
    expect(code(previewOffer(made, "f1", "nobody"))).toBe("UNKNOWN_PLAYER");
    expect(code(previewOffer(end(made), "f1", "p2"))).toBe("NOT_IN_ROUND");
  });
});

describe("taking an offer", () => {
  it("changes the KPIs exactly as previewed, on both sides and for the region", () => {
    const g = round4();
    let checked = 0;
    for (const from of ["p1", "p2"]) {
      for (const order of g.carriers[from]!.scenario.orders.slice(0, 4).map((o) => o.id)) {
        const made = must(offerOrder(g, from, order));
        const id = made.offers[made.offers.length - 1]!.id;
        const taker = from === "p1" ? "p3" : "p1";
        const preview = previewOffer(made, id, taker);
        expect(preview.ok).toBe(true);
        if (!preview.ok) return;
        const before = JSON.stringify(made);
        const taken = acceptOffer(made, taker, id);
        expect(JSON.stringify(made)).toBe(before);
        expect(taken.ok).toBe(true);
        if (!taken.ok) return;
        const after = taken.game;
        const k = (game: PlannerGame, p: string) => carrierKpi(game, p)!;
        const d = (p: string) => ({
          cost: k(after, p).cost - k(made, p).cost,
          km: k(after, p).km - k(made, p).km,
          co2Kg: k(after, p).co2Kg - k(made, p).co2Kg,
          late: k(after, p).late - k(made, p).late,
          unplanned: k(after, p).unplanned.length - k(made, p).unplanned.length,
          deliveries: k(after, p).deliveries - k(made, p).deliveries,
        });
        for (const [side, p] of [
          ["giver", from],
          ["taker", taker],
        ] as const) {
          const want = d(p);
          const got = preview.preview[side];
          expect(got.cost).toBeCloseTo(want.cost, 2);
          expect(got.km).toBeCloseTo(want.km, 2);
          expect(got.co2Kg).toBeCloseTo(want.co2Kg, 2);
          expect([got.late, got.unplanned, got.deliveries]).toEqual([want.late, want.unplanned, want.deliveries]);
        }
        expect(preview.preview.region.km).toBeCloseTo(preview.preview.giver.km + preview.preview.taker.km, 3);
        const totals = (game: PlannerGame) => regionTotals(game).km;
        expect(totals(after) - totals(made)).toBeCloseTo(preview.preview.region.km, 2);
        // The order moved: out of the giver's day and plan, into the taker's.
        expect(after.carriers[from]!.scenario.orders.some((o) => o.id === order)).toBe(false);
        expect(after.carriers[from]!.plan.routes.some((r) => r.orders.includes(order))).toBe(false);
        expect(after.carriers[taker]!.scenario.orders.some((o) => o.id === order)).toBe(true);
        const placed = preview.preview.placement;
        if (placed) {
          expect(
            after.carriers[taker]!.plan.routes.find((r) => r.vehicle === placed.vehicle)?.orders[placed.index],
          ).toBe(order);
        } else expect(k(after, taker).unplanned).toContain(order);
        expect(after.offers.find((f) => f.id === id)).toMatchObject({ status: "taken", takenBy: taker });
        expect(after.exchanges).toEqual([
          {
            offer: id,
            from,
            to: taker,
            order,
            km: preview.preview.region.km,
            co2Kg: preview.preview.region.co2Kg,
            cost: preview.preview.region.cost,
            giver: {
              km: preview.preview.giver.km,
              co2Kg: preview.preview.giver.co2Kg,
              cost: preview.preview.giver.cost,
            },
          },
        ]);
        expect(taken.events[0]).toMatchObject({ type: "offer-taken", km: preview.preview.region.km });
        expect(after.carriers[from]!.usage.offersGiven).toBe(1);
        expect(after.carriers[taker]!.usage.offersTaken).toBe(1);
        checked++;
      }
    }
    expect(checked).toBe(8);
  });
});

describe("regionTotals", () => {
  it("sums the carriers now and keeps round 3's totals", () => {
    const g = round4();
    const t = regionTotals(g);
    const sum = g.players.reduce((a, p) => a + carrierKpi(g, p)!.km, 0);
    expect(t.km).toBeCloseTo(sum, 3);
    expect(t.round3?.km).toBeCloseTo(sum, 3);
    expect(regionTotals(must(startRound(region(3), 1))).round3).toBeNull();
  });
});
