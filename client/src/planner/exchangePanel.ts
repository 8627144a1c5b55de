/**
 * The exchange (round 4): the region's km and CO2, the last preview, the
 * open offers (withdraw one's own; preview or take another's) and the
 * planner's own orders that can be offered.
 */
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { isolate, withNames } from "../ui/names.js";
import { button, eur, townName, type Desk, type DeskState } from "./desk.js";

/** The exchange panel for the table's state `s`. */
export function exchangePanel(desk: Desk, s: DeskState): JSX.Element {
  const { conn, ui } = desk;
  const c = s.carrier;
  const mine = c?.scenario.orders.filter((o) => !c.locked.includes(o.id)) ?? [];
  const nameOf = (id: string) => isolate(s.planners.find((p) => p.id === id)?.name ?? id);
  return h(
    "section",
    { "aria-label": t("pl.offers"), id: "pl-offers" },
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
    ui.previewText ? h("p", { role: "status" }, ui.previewText) : null,
    h(
      "ul",
      {},
      ...s.offers
        .filter((o) => o.status === "open")
        .map((o) =>
          h(
            "li",
            { key: o.id },
            withNames(
              t("pl.offerLine", { order: o.order, from: nameOf(o.from), town: townName(o.town), pallets: o.pallets }),
            ),
            o.from === conn.me
              ? button(`withdraw-${o.id}`, t("pl.withdraw"), () => conn.withdraw(o.id))
              : [
                  button(`preview-${o.id}`, t("pl.preview"), () => conn.preview(o.id)),
                  button(`take-${o.id}`, t("pl.take"), () => conn.accept(o.id)),
                ],
          ),
        ),
    ),
    h(
      "ul",
      {},
      ...mine
        .filter((o) => !s.offers.some((x) => x.order === o.id && x.status === "open"))
        .map((o) =>
          h(
            "li",
            { key: o.id },
            o.id,
            button(`offer-${o.id}`, t("pl.offer"), () => conn.offer(o.id)),
          ),
        ),
    ),
  );
}
