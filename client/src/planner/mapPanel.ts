/** The map's panel: the help line while a round runs, the map, the trucks to drop or tap on and the legend. */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import type { Desk } from "./desk.js";
import { mapLegend, plannerMap, truckDock } from "./map.js";

/** The map panel for carrier `c`; `changed` are the orders the proposal changes. */
export function mapPanel(desk: Desk, c: CarrierView, editable: boolean, changed: ReadonlySet<string>): JSX.Element {
  const { ui } = desk;
  return h(
    "section",
    { className: "planner-map", "aria-label": t("pl.map") },
    h("h2", {}, t("pl.map")),
    editable ? h("p", { className: "map-help" }, t("pl.mapHelp")) : null,
    plannerMap(
      {
        carrier: c,
        editable,
        showProposal: ui.showProposal && c.proposal !== null,
        changed,
        picked: ui.picked,
        onPick: (order) => desk.pick(ui.picked === order ? null : order),
      },
      ui.land,
    ),
    truckDock(c, editable, (vehicle) => desk.place(vehicle)),
    mapLegend(),
  );
}
