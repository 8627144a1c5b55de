/**
 * Planning by tap: once an order is chosen (a tap on its line or pin), a bar
 * at the foot of the screen names it and offers every truck that can drive
 * and, for a planned order, "Take off the truck"; a tap on one plans it
 * there. The same bar shows on a phone's every tab.
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { truckColour } from "./colours.js";
import { button, truckName, type Desk } from "./desk.js";

/** The bar for the chosen order, or null when none is chosen or the round is not under way. */
export function pickBar(
  desk: Desk,
  c: CarrierView,
  editable: boolean,
  orderText: (id: string) => string,
): JSX.Element | null {
  const order = desk.ui.picked;
  if (!editable || order === null || !c.scenario.orders.some((o) => o.id === order)) return null;
  const planned = c.plan.routes.some((r) => r.orders.includes(order));
  return h(
    "div",
    {
      className: "pick-bar",
      id: "pl-pick",
      role: "region",
      "aria-label": t("pl.board.picked", { order: orderText(order) }),
    },
    h("p", { role: "status" }, t("pl.board.picked", { order: orderText(order) })),
    h(
      "div",
      { className: "pick-trucks" },
      ...c.scenario.fleet.map((v, i) =>
        c.unavailable.includes(v.id)
          ? null
          : button(
              `put-${v.id}`,
              [
                h("span", { className: "swatch", style: `background:${truckColour(i).stroke}`, "aria-hidden": "true" }),
                truckName(c, v.id),
              ],
              () => desk.place(v.id),
            ),
      ),
      planned ? button("put-off", t("pl.remove"), () => desk.place(null)) : null,
      button("pick-none", t("pl.board.cancelPick"), () => desk.pick(null)),
    ),
  );
}
