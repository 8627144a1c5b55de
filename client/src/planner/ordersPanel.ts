/**
 * The unplanned orders: each with a drag grip, what the driver said of its
 * floor, and while a round runs a truck chooser with "Plan" and "Ask the
 * driver". The list is a drop target for taking an order off its truck.
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { assign } from "@iot/shared/planner/planEdit";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { button, grip, type Desk } from "./desk.js";

/** The unplanned orders panel for carrier `c`; `editable` while a round runs; `orderText` names an order. */
export function ordersPanel(
  desk: Desk,
  c: CarrierView,
  editable: boolean,
  orderText: (id: string) => string,
): JSX.Element {
  const { send, ui } = desk;
  const { floorNotes, chosenTruck } = ui;
  const kpi = c.kpi;
  const available = c.scenario.fleet.filter((v) => !c.unavailable.includes(v.id));
  return h(
    "section",
    { "aria-label": t("pl.unplanned"), "data-drop-unplanned": editable ? "" : null },
    h("h2", {}, `${t("pl.unplanned")} (${kpi.unplanned.length})`),
    h(
      "ul",
      { id: "pl-unplanned" },
      ...kpi.unplanned.map((id) => {
        const chosen = available.find((v) => v.id === chosenTruck.get(id))?.id ?? available[0]?.id ?? "";
        const select = h(
          "select",
          {
            "aria-label": `${t("pl.assignTo")} ${id}`,
            "data-key": `to-${id}`,
            value: chosen,
            onChange: (e: Event) => chosenTruck.set(id, (e.currentTarget as HTMLSelectElement).value),
          },
          ...available.map((v) => h("option", { key: v.id, value: v.id }, v.id)),
        );
        return h(
          "li",
          { key: id, "data-order": id },
          editable ? grip(id, orderText(id)) : null,
          orderText(id),
          floorNotes.has(id) ? h("em", {}, ` ${floorNotes.get(id)}`) : null,
          editable ? [select, button(`plan-${id}`, t("pl.assign"), () => send(assign(c.plan, id, chosen)))] : null,
          editable && !floorNotes.has(id) ? button(`ask-${id}`, t("pl.ask"), () => desk.reveal(id)) : null,
        );
      }),
    ),
  );
}
