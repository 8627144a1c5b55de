/**
 * The exchange (round 4): the region's km and CO2, the open offers by town,
 * pallets and window (withdraw one's own; preview or take another's), with
 * the preview beside its offer before it is taken: what it costs or saves
 * the planner and the giver, in words, and how the region's km and CO2
 * change; then the planner's own orders that can be offered.
 */
import type { PreviewPayload } from "@iot/shared/planner/protocol";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { isolate, withNames } from "../ui/names.js";
import { button, eur, hhmm, townName, type Desk, type DeskState } from "./desk.js";

/** Changes smaller than this (EUR, km or kg) read as none: the figures are shown rounded to whole units. */
const NONE = 0.5;

/** A preview in words: "Taking it costs you EUR 333, saves Anna EUR 120; the region drives 12 km less and emits 3 kg CO2 less." */
export function previewSentence(p: PreviewPayload, giverName: string): string {
  const taker =
    p.taker.cost >= NONE
      ? t("pl.board.takerCosts", { eur: eur(p.taker.cost) })
      : p.taker.cost <= -NONE
        ? t("pl.board.takerSaves", { eur: eur(-p.taker.cost) })
        : t("pl.board.takerSame");
  const giver =
    p.giver.cost <= -NONE
      ? t("pl.board.giverSaves", { name: giverName, eur: eur(-p.giver.cost) })
      : p.giver.cost >= NONE
        ? t("pl.board.giverCosts", { name: giverName, eur: eur(p.giver.cost) })
        : "";
  const km =
    p.region.km < 0
      ? t("pl.board.regionKmLess", { km: eur(-p.region.km) })
      : t("pl.board.regionKmMore", { km: eur(p.region.km) });
  const co2 =
    p.region.co2Kg < 0
      ? t("pl.board.regionCo2Less", { co2: eur(-p.region.co2Kg) })
      : t("pl.board.regionCo2More", { co2: eur(p.region.co2Kg) });
  return `${taker}${giver ? `, ${giver}` : ""}; ${km} ${co2}.`;
}

/** The exchange panel for the table's state `s`; `orderText` names the planner's own orders. */
export function exchangePanel(desk: Desk, s: DeskState, orderText: (id: string) => string): JSX.Element {
  const { conn, ui } = desk;
  const c = s.carrier;
  const mine = c?.scenario.orders.filter((o) => !c.locked.includes(o.id)) ?? [];
  const nameOf = (id: string) => isolate(s.planners.find((p) => p.id === id)?.name ?? id);
  return h(
    "section",
    { className: "planner-exchange", "aria-label": t("pl.offers"), id: "pl-offers" },
    h("h2", {}, t("pl.offers")),
    h(
      "p",
      {},
      t("pl.region", {
        km: eur(s.region.km),
        co2: eur(s.region.co2Kg),
        km3: eur(s.region.kmRound3),
        co2k3: eur(s.region.co2KgRound3),
      }),
    ),
    h(
      "ul",
      { id: "pl-open-offers" },
      ...s.offers
        .filter((o) => o.status === "open")
        .map((o) =>
          h(
            "li",
            { key: o.id, "data-offer": o.id },
            withNames(
              t("pl.board.offerLine", {
                town: townName(o.town),
                pallets: o.pallets,
                from: hhmm(o.ready),
                to: hhmm(o.due),
                order: o.order,
                name: nameOf(o.from),
              }),
            ),
            o.from === conn.me
              ? button(`withdraw-${o.id}`, t("pl.withdraw"), () => conn.withdraw(o.id))
              : [
                  button(`preview-${o.id}`, t("pl.preview"), () => conn.preview(o.id)),
                  button(`take-${o.id}`, t("pl.take"), () => conn.accept(o.id)),
                ],
            ui.preview?.offer === o.id
              ? h(
                  "p",
                  { className: "offer-preview", role: "status" },
                  withNames(previewSentence(ui.preview, nameOf(o.from))),
                )
              : null,
          ),
        ),
    ),
    h("h3", {}, t("pl.board.ownOrders")),
    h(
      "ul",
      { id: "pl-own-orders" },
      ...mine
        .filter((o) => !s.offers.some((x) => x.order === o.id && x.status === "open"))
        .map((o) =>
          h(
            "li",
            { key: o.id, "data-order": o.id },
            orderText(o.id),
            button(`offer-${o.id}`, t("pl.offer"), () => conn.offer(o.id)),
          ),
        ),
    ),
  );
}
