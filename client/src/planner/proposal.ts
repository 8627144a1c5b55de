/**
 * The assistant's proposal beside the planner's own plan: the key figures of
 * both with the difference, and every order the proposal would change.
 */
import type { PlanKpi } from "@iot/shared/planner/evaluate";
import type { OrderChange } from "@iot/shared/planner/planDiff";
import { h, type JSX } from "preact";
import { lang, t } from "../i18n/index.js";

/**
 * Up to this many changes the list is open at once; a longer one opens on
 * request (and stays as the planner left it while the desk is drawn again).
 */
const OPEN_UP_TO = 6;

const number = (x: number) => Math.round(x).toLocaleString(lang() === "nl" ? "nl-NL" : "en-GB");

/** The comparison table and the list of changes; `orderText` names an order and `truckText` a truck for the list. */
export function proposalDifferences(
  mine: PlanKpi,
  proposal: PlanKpi,
  changes: readonly OrderChange[],
  orderText: (id: string) => string,
  truckText: (id: string) => string,
): JSX.Element {
  const rows = [
    ["cost", mine.cost, proposal.cost],
    ["km", mine.km, proposal.km],
    ["co2", mine.co2Kg, proposal.co2Kg],
    ["late", mine.late, proposal.late],
    ["unplanned", mine.unplanned.length, proposal.unplanned.length],
  ] as const;
  const change = (c: OrderChange) => {
    switch (c.kind) {
      case "planned":
        return t("pl.diff.planned", { order: orderText(c.order), to: truckText(c.to) });
      case "dropped":
        return t("pl.diff.dropped", { order: orderText(c.order), from: truckText(c.from) });
      case "moved":
        return t("pl.diff.moved", { order: orderText(c.order), from: truckText(c.from), to: truckText(c.to) });
      case "resequenced":
        return t("pl.diff.resequenced", { order: orderText(c.order), vehicle: truckText(c.vehicle) });
    }
  };
  return h(
    "div",
    { id: "pl-diff" },
    h(
      "table",
      { className: "planner-diff" },
      h("caption", {}, t("pl.diffCaption")),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, ""),
          h("th", { scope: "col" }, t("pl.diffMine")),
          h("th", { scope: "col" }, t("pl.diffProposal")),
          h("th", { scope: "col" }, t("pl.diffDelta")),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map(([key, a, b]) => {
          const d = b - a;
          const sign = Math.round(d) === 0 ? "" : d < 0 ? "−" : "+";
          return h(
            "tr",
            { key, "data-diff": key },
            h("th", { scope: "row" }, t(`pl.${key}`)),
            h("td", {}, number(a)),
            h("td", {}, number(b)),
            h(
              "td",
              { className: Math.round(d) === 0 ? "" : d < 0 ? "better" : "worse" },
              `${sign}${number(Math.abs(d))}`,
            ),
          );
        }),
      ),
    ),
    changes.length === 0
      ? h("p", {}, t("pl.diffNone"))
      : h(
          "details",
          { open: changes.length <= OPEN_UP_TO },
          h("summary", {}, t("pl.diffChanges", { count: changes.length })),
          h(
            "ul",
            { className: "planner-changes" },
            ...changes.map((c) => h("li", { key: c.order, "data-change": c.kind }, change(c))),
          ),
        ),
  );
}
