/**
 * The assistant: "Ask the assistant", its proposal's figures, whether it is
 * outdated, "Take the proposal", the map overlay's switch and the
 * differences with the planner's plan (proposal.ts).
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { OrderChange } from "@iot/shared/planner/planDiff";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { button, eur, truckName, type Desk } from "./desk.js";
import type { Editor } from "./editing.js";
import { proposalDifferences } from "./proposal.js";

/**
 * The assistant's panel for carrier `c` with the proposal's `changes`;
 * `orderText` names an order; taking the proposal goes through `edits` (it
 * can be undone). With locks in force, asking is "optimise the rest".
 */
export function assistantPanel(
  desk: Desk,
  c: CarrierView,
  changes: readonly OrderChange[],
  orderText: (id: string) => string,
  edits: Pick<Editor, "accept">,
): JSX.Element {
  const { conn, ui } = desk;
  const locks = c.planLocks.routes.length + c.planLocks.stops.length;
  return h(
    "section",
    { className: "planner-assistant" },
    locks > 0
      ? h(
          "p",
          { id: "pl-locks" },
          t("pl.edit.optimiseNote", { routes: c.planLocks.routes.length, stops: c.planLocks.stops.length }),
        )
      : null,
    button(
      "assist",
      ui.thinking ? t("pl.thinking") : locks > 0 ? t("pl.edit.optimise") : t("pl.assist"),
      () => {
        ui.thinking = true;
        conn.assist();
        desk.render();
      },
      ui.thinking ? { disabled: true } : {},
    ),
    c.proposal && c.proposalKpi
      ? [
          h(
            "p",
            { id: "pl-proposal" },
            t("pl.proposal", {
              cost: eur(c.proposalKpi.cost),
              km: eur(c.proposalKpi.km),
              late: c.proposalKpi.late,
              unplanned: c.proposalKpi.unplanned.length,
            }),
          ),
          c.proposalOutdated
            ? h("p", { id: "pl-proposal-outdated", className: "notice", role: "status" }, t("pl.proposalOutdated"))
            : null,
          button("accept", t("pl.accept"), () => edits.accept(), {
            className: "primary",
            disabled: c.proposalOutdated,
          }),
          h(
            "label",
            { className: "planner-toggle" },
            h("input", {
              type: "checkbox",
              id: "pl-show-proposal",
              "data-key": "show-proposal",
              checked: ui.showProposal,
              onChange: (e: Event) => {
                ui.showProposal = (e.currentTarget as HTMLInputElement).checked;
                desk.render();
              },
            }),
            ` ${t("pl.showProposal")}`,
          ),
          proposalDifferences(c.kpi, c.proposalKpi, changes, orderText, (id) => truckName(c, id)),
        ]
      : null,
  );
}
