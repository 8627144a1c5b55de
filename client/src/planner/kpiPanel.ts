/** The carrier's key figures over the whole plan (cost, km, CO2, late, unplanned, over limits). */
import type { PlanKpi } from "@iot/shared/planner/evaluate";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { eur } from "./desk.js";

/** The key figures as a definition list; each value carries `data-kpi`. */
export function kpiPanel(kpi: PlanKpi): JSX.Element {
  return h(
    "section",
    { "aria-label": t("pl.kpis"), className: "planner-kpis" },
    h("h2", {}, t("pl.kpis")),
    h(
      "dl",
      { id: "pl-kpis" },
      ...(
        [
          ["cost", eur(kpi.cost)],
          ["km", eur(kpi.km)],
          ["co2", eur(kpi.co2Kg)],
          ["late", String(kpi.late)],
          ["unplanned", String(kpi.unplanned.length)],
          ["over", String(kpi.overCapacity + kpi.overRange)],
        ] as const
      ).flatMap(([k, v]) => [h("dt", {}, t(`pl.${k}`)), h("dd", { "data-kpi": k }, v)]),
    ),
  );
}
