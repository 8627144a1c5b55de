/**
 * The trucks with their stops: per truck its colour, type, load and limits,
 * and its stops in order, each with a drag grip and, while a round runs,
 * "Earlier", "Later" and "Take off the truck". A truck and each stop are drop
 * targets (see drag.ts).
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { move, unassign } from "@iot/shared/planner/planEdit";
import { VEHICLES } from "@iot/shared/planner/vehicles";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { truckColour } from "./colours.js";
import { button, grip, type Desk } from "./desk.js";

/** The trucks panel for carrier `c`; `editable` while a round runs; `orderText` names an order. */
export function routesPanel(
  desk: Desk,
  c: CarrierView,
  editable: boolean,
  orderText: (id: string) => string,
): JSX.Element {
  const { send } = desk;
  const kpi = c.kpi;
  return h(
    "section",
    { "aria-label": t("pl.trucks") },
    h("h2", {}, t("pl.trucks")),
    ...c.scenario.fleet.map((v, i) => {
      const route = c.plan.routes.find((r) => r.vehicle === v.id)?.orders ?? [];
      const rk = kpi.routes.find((r) => r.vehicle === v.id);
      const out = c.unavailable.includes(v.id);
      return h(
        "article",
        {
          key: v.id,
          className: "planner-truck",
          "data-vehicle": v.id,
          "data-drop-vehicle": editable && !out ? v.id : null,
        },
        h(
          "h3",
          {},
          h("span", { className: "swatch", style: `background:${truckColour(i).stroke}`, "aria-hidden": "true" }),
          `${v.id}: ${t(`pl.types.${v.type}`)}${out ? ` (${t("pl.out")})` : ""}`,
        ),
        h(
          "p",
          { className: rk?.overCapacity || rk?.overRange ? "planner-over" : "" },
          t("pl.load", { pallets: rk?.pallets ?? 0, capacity: VEHICLES[v.type].capacityPallets }),
          rk?.overCapacity ? ` ${t("pl.tooFull")}` : "",
          rk?.overRange ? ` ${t("pl.tooFar")}` : "",
        ),
        route.length === 0
          ? h("p", {}, t("pl.noStops"))
          : h(
              "ol",
              {},
              ...route.map((id) => {
                const locked = c.locked.includes(id);
                const movable = editable && !locked;
                return h(
                  "li",
                  {
                    key: id,
                    "data-order": id,
                    "data-drop-vehicle": movable ? v.id : null,
                    "data-drop-before": movable ? id : null,
                  },
                  movable ? grip(id, orderText(id)) : null,
                  orderText(id),
                  editable && !locked
                    ? [
                        button(`up-${id}`, t("pl.up"), () => send(move(c.plan, id, -1))),
                        button(`down-${id}`, t("pl.down"), () => send(move(c.plan, id, 1))),
                        button(`off-${id}`, t("pl.remove"), () => send(unassign(c.plan, id))),
                      ]
                    : null,
                );
              }),
            ),
      );
    }),
  );
}
