/** How the desk names an order in its lists: id, town, pallets and delivery window. */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { t } from "../i18n/index.js";
import { hhmm, townName } from "./desk.js";

/** A function naming the carrier's orders ("" orders unknown to the carrier are named by their id). */
export function orderNamer(c: CarrierView): (id: string) => string {
  const orders = new Map(c.scenario.orders.map((o) => [o.id, o]));
  return (id) => {
    const o = orders.get(id);
    return o
      ? t("pl.order", { id, town: townName(o.town), pallets: o.pallets, from: hhmm(o.ready), to: hhmm(o.due) })
      : id;
  };
}
