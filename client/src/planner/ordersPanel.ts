/**
 * The unplanned orders: sorted and filtered (town, latest delivery, at
 * least so many pallets), each with a drag grip, its line to tap (choose it,
 * then tap a truck), what the driver said of its floor, and while a round
 * runs a truck chooser with "Plan" and "Ask the driver". The list is a drop
 * target for taking an order off its truck.
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { assign } from "@iot/shared/planner/planEdit";
import type { Order } from "@iot/shared/planner/scenario";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { button, floorNote, grip, hhmm, pickButton, townName, truckName, type Desk, type OrderFilter } from "./desk.js";

const SORTS: readonly OrderFilter["sort"][] = ["ready", "due", "town", "pallets"];

/** The orders `filter` keeps, in its order. */
export function sortAndFilter(orders: readonly Order[], filter: OrderFilter): Order[] {
  const kept = orders.filter(
    (o) =>
      (filter.town === "" || o.town === filter.town) &&
      (filter.dueBy === 0 || o.due <= filter.dueBy) &&
      o.pallets >= filter.minPallets,
  );
  const by: Record<OrderFilter["sort"], (a: Order, b: Order) => number> = {
    ready: (a, b) => a.ready - b.ready || a.due - b.due,
    due: (a, b) => a.due - b.due || a.ready - b.ready,
    town: (a, b) => townName(a.town).localeCompare(townName(b.town)) || a.ready - b.ready,
    pallets: (a, b) => b.pallets - a.pallets || a.ready - b.ready,
  };
  return kept.sort((a, b) => by[filter.sort](a, b) || a.id.localeCompare(b.id));
}

function filters(desk: Desk, unplanned: readonly Order[]): JSX.Element {
  const { filter } = desk.ui;
  const set = (change: Partial<OrderFilter>) => {
    Object.assign(filter, change);
    desk.render();
  };
  const towns = [...new Set(unplanned.map((o) => o.town))].sort((a, b) => townName(a).localeCompare(townName(b)));
  if (filter.town !== "" && !towns.includes(filter.town)) towns.push(filter.town);
  const dues = [...new Set(unplanned.map((o) => Math.ceil(o.due / 60) * 60))].sort((a, b) => a - b);
  if (filter.dueBy !== 0 && !dues.includes(filter.dueBy)) dues.push(filter.dueBy);
  const field = (label: string, control: JSX.Element) => h("label", { className: "pl-filter" }, label, control);
  return h(
    "div",
    { className: "pl-filters" },
    field(
      t("pl.board.sort"),
      h(
        "select",
        {
          "data-key": "sort",
          value: filter.sort,
          onChange: (e: Event) => set({ sort: (e.currentTarget as HTMLSelectElement).value as OrderFilter["sort"] }),
        },
        ...SORTS.map((k) => h("option", { key: k, value: k }, t(`pl.board.sorts.${k}`))),
      ),
    ),
    field(
      t("pl.board.town"),
      h(
        "select",
        {
          "data-key": "filter-town",
          value: filter.town,
          onChange: (e: Event) => set({ town: (e.currentTarget as HTMLSelectElement).value }),
        },
        h("option", { value: "" }, t("pl.board.allTowns")),
        ...towns.map((id) => h("option", { key: id, value: id }, townName(id))),
      ),
    ),
    field(
      t("pl.board.dueBy"),
      h(
        "select",
        {
          "data-key": "filter-due",
          value: String(filter.dueBy),
          onChange: (e: Event) => set({ dueBy: Number((e.currentTarget as HTMLSelectElement).value) }),
        },
        h("option", { value: "0" }, t("pl.board.anyTime")),
        ...dues.map((m) => h("option", { key: m, value: String(m) }, hhmm(m))),
      ),
    ),
    field(
      t("pl.board.minPallets"),
      h("input", {
        type: "number",
        min: 0,
        step: 1,
        inputMode: "numeric",
        "data-key": "filter-pallets",
        value: filter.minPallets,
        onInput: (e: Event) =>
          set({ minPallets: Math.max(0, Number((e.currentTarget as HTMLInputElement).value) || 0) }),
      }),
    ),
  );
}

/** The unplanned orders panel for carrier `c`; `editable` while a round runs; `orderText` names an order. */
export function ordersPanel(
  desk: Desk,
  c: CarrierView,
  editable: boolean,
  orderText: (id: string) => string,
): JSX.Element {
  const { send, ui } = desk;
  const { chosenTruck } = ui;
  const kpi = c.kpi;
  const available = c.scenario.fleet.filter((v) => !c.unavailable.includes(v.id));
  const byId = new Map(c.scenario.orders.map((o) => [o.id, o]));
  const unplanned = kpi.unplanned.map((id) => byId.get(id)).filter((o) => o !== undefined);
  const shown = sortAndFilter(unplanned, ui.filter);
  return h(
    "section",
    {
      className: "planner-orders",
      "aria-label": t("pl.unplanned"),
      "data-drop-unplanned": editable ? "" : null,
    },
    h("h2", {}, `${t("pl.unplanned")} (${kpi.unplanned.length})`),
    unplanned.length > 0 ? filters(desk, unplanned) : null,
    shown.length < unplanned.length
      ? h(
          "p",
          { className: "pl-shown", role: "status" },
          t("pl.board.shown", { shown: shown.length, total: unplanned.length }),
        )
      : null,
    h(
      "ul",
      { id: "pl-unplanned" },
      ...shown.map(({ id }) => {
        const chosen = available.find((v) => v.id === chosenTruck.get(id))?.id ?? available[0]?.id ?? "";
        const note = floorNote(desk, c, id);
        const select = h(
          "select",
          {
            "aria-label": `${t("pl.assignTo")} ${orderText(id)}`,
            "data-key": `to-${id}`,
            value: chosen,
            onChange: (e: Event) => chosenTruck.set(id, (e.currentTarget as HTMLSelectElement).value),
          },
          ...available.map((v) => h("option", { key: v.id, value: v.id }, truckName(c, v.id))),
        );
        return h(
          "li",
          { key: id, "data-order": id },
          editable ? grip(id, orderText(id)) : null,
          editable ? pickButton(desk, id, orderText(id)) : orderText(id),
          note !== null ? h("em", {}, ` ${note}`) : null,
          editable
            ? [
                select,
                button(`plan-${id}`, t("pl.assign"), () =>
                  send(assign(c.plan, id, available.find((v) => v.id === chosenTruck.get(id))?.id ?? chosen)),
                ),
              ]
            : null,
          editable && note === null ? button(`ask-${id}`, t("pl.ask"), () => desk.reveal(id)) : null,
        );
      }),
    ),
  );
}
