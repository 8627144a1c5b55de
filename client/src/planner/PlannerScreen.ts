/**
 * The planner game's planning desk (round, clock, time left, key figures,
 * map, trucks with their stops, unplanned orders, the assistant, exchange
 * offers, standings) and the results with the personal report. Buttons and
 * selects work with mouse, touch and keyboard alike. The desk is drawn by
 * Preact from the room's state on every change (every second while the
 * day's clock runs): only what differs is touched, so focus, scroll, an
 * open list of changes and a chosen truck stay as they are. The map
 * (planner/map.ts) shows the same plan; orders are dragged there or by the
 * grips in the lists (planner/drag.ts).
 *
 * This module holds the desk's state, listens to the connection and lays
 * the panels out; each panel is a module of its own (desk.ts says what they
 * share). On a laptop or projector the desk fills the screen without a long
 * page: a bar with the round and key figures over three columns (map;
 * trucks with their timelines; assistant, orders, exchange, standings), each
 * scrolling on its own. On a phone the columns become tabs (map, trucks,
 * orders). An order is planned by dragging it, with the lists' buttons, or
 * by a tap on it and a tap on a truck (pickBar.ts).
 */
// The desk's styles, before map.css (imported by map.ts) so the map's rules still come after them.
import { canAskAssistant, offersExchange } from "@iot/shared/planner/game/roundRules";
import "./planner.css";
import type { PlannerEvent } from "@iot/shared/planner/game/types";
import { disruptionAlert } from "@iot/shared/i18n/plannerDisruptions";
import { lang, t } from "../i18n/index.js";
import type { PlannerConnection, PlannerTableState } from "./plannerConnection.js";
import { errorText } from "../net/errors.js";
import { assign, insertBefore, unassign } from "@iot/shared/planner/planEdit";
import { planDiff } from "@iot/shared/planner/planDiff";
import { h, type JSX } from "preact";
import { enableDrag, type DropTarget } from "./drag.js";
import { loadLand } from "./map.js";
import { appRoot } from "../ui/dom.js";
import { mount } from "../ui/render.js";
import { truckName, type Desk, type DeskTab, type DeskUi } from "./desk.js";
import { deskControls, deskHeader } from "./header.js";
import { kpiPanel } from "./kpiPanel.js";
import { assistantPanel } from "./assistantPanel.js";
import { mapPanel } from "./mapPanel.js";
import { routesPanel } from "./routesPanel.js";
import { ordersPanel } from "./ordersPanel.js";
import { exchangePanel } from "./exchangePanel.js";
import { resultsPanel, standingsPanel } from "./resultsPanel.js";
import { orderNamer } from "./orderText.js";
import { pickBar } from "./pickBar.js";
import { createEditor } from "./editing.js";

const TABS: readonly [DeskTab, string][] = [
  ["map", "pl.board.tabMap"],
  ["trucks", "pl.board.tabTrucks"],
  ["orders", "pl.board.tabOrders"],
];

/** The planning desk for a connected planner, until they leave. */
export function showPlannerDesk(conn: PlannerConnection, leaveDesk: (message?: string) => void): void {
  const ui: DeskUi = {
    thinking: false,
    preview: null,
    showProposal: true,
    land: null,
    alerts: [],
    floorNotes: new Map(),
    chosenTruck: new Map(),
    picked: null,
    tab: "map",
    filter: { sort: "ready", town: "", dueBy: 0, minPallets: 0 },
  };

  const dropped = (order: string, target: DropTarget) => {
    const c = shownCarrier();
    if (!c || conn.state.phase !== "round") return;
    const next =
      target.kind === "unplanned"
        ? unassign(c.plan, order)
        : target.before
          ? insertBefore(c.plan, order, target.vehicle, target.before)
          : assign(c.plan, order, target.vehicle);
    edits.send(next);
  };
  const stopDrag = enableDrag(appRoot(), dropped);
  let gone = false;
  let draw = () => {};
  const render = () => {
    if (!gone) draw();
  };
  // Edits show at once, go to the server whole and can be undone (editing.ts).
  const edits = createEditor(conn, render);
  const stopKeys = edits.listen(document);
  function shownCarrier() {
    return conn.state.carrier && edits.shown(conn.state.carrier);
  }
  // The time left counts down between the room's changes.
  const timer = window.setInterval(render, 1000);
  const home = (message?: string) => {
    gone = true;
    stopDrag();
    stopKeys();
    window.clearInterval(timer);
    leaveDesk(message);
  };
  const reveal = (id: string) => {
    conn.reveal(id);
    ui.floorNotes.set(id, "");
    window.setTimeout(() => {
      const known = conn.state.carrier?.scenario.orders.find((x) => x.id === id)?.floor;
      ui.floorNotes.set(id, known ? t("pl.floor", { text: known.text[lang()] }) : t("pl.noFloor"));
      render();
    }, 400);
  };
  const pick = (order: string | null) => {
    ui.picked = order;
    render();
  };
  const place = (vehicle: string | null) => {
    const order = ui.picked;
    const c = shownCarrier();
    if (order === null || !c || conn.state.phase !== "round") return;
    ui.picked = null;
    const next = vehicle === null ? unassign(c.plan, order) : assign(c.plan, order, vehicle);
    edits.send(next);
    render();
  };
  const desk: Desk = { conn, ui, send: (plan) => edits.send(plan), render, home, reveal, pick, place };

  const tabs = () =>
    h(
      "nav",
      { className: "planner-tabs", role: "tablist", "aria-label": t("pl.board.tabs") },
      ...TABS.map(([tab, label]) =>
        h(
          "button",
          {
            type: "button",
            key: tab,
            role: "tab",
            "data-tab": tab,
            "aria-selected": ui.tab === tab,
            onClick: () => {
              ui.tab = tab;
              render();
            },
          },
          t(label),
        ),
      ),
    );

  function layout(s: PlannerTableState): JSX.Element {
    const header = deskHeader(desk, s);
    const controls = deskControls(desk, s);
    const c = s.carrier && edits.shown(s.carrier);
    if (!c) return h("main", { className: "planner", id: "main", "data-connection": conn.status }, header, controls);
    const editable = s.phase === "round";
    const orderText = orderNamer(c);
    const changes = c.proposal ? planDiff(c.plan, c.proposal) : [];
    const changed = new Set(changes.map((d) => d.order));
    return h(
      "main",
      { className: "planner planner-board", id: "main", "data-connection": conn.status, "data-tab": ui.tab },
      h("div", { className: "planner-top" }, header, controls, kpiPanel(c.kpi), edits.toolbar(s)),
      tabs(),
      h(
        "div",
        { className: "planner-columns" },
        h("div", { className: "planner-col planner-col-map", "data-col": "map" }, mapPanel(desk, c, editable, changed)),
        h(
          "div",
          { className: "planner-col planner-col-trucks", "data-col": "trucks" },
          routesPanel(desk, c, editable, orderText),
        ),
        h(
          "div",
          { className: "planner-col planner-col-orders", "data-col": "orders" },
          resultsPanel(desk),
          standingsPanel(s),
          editable && canAskAssistant(s) ? assistantPanel(desk, c, changes, orderText, edits) : null,
          ordersPanel(desk, c, editable, orderText),
          offersExchange(s) ? exchangePanel(desk, s, orderText) : null,
        ),
      ),
      pickBar(desk, c, editable, orderText),
    );
  }

  const disruptionText = (e: Extract<PlannerEvent, { type: "disruption" }>) => {
    const c = conn.state.carrier;
    return disruptionAlert(e.disruption, lang(), c?.scenario ?? { fleet: [], orders: [] }, (id) =>
      c ? truckName(c, id) : id,
    );
  };

  conn.on("state", (state) => {
    edits.state(state);
    render();
  });
  conn.on("proposal", () => {
    ui.thinking = false;
    ui.showProposal = true;
    // Asked again with nothing changed, the answer comes without a change of the view.
    render();
  });
  conn.on("preview", (p) => {
    ui.preview = p;
    render();
  });
  conn.on("event", (e) => {
    if (e.type === "disruption" && e.player === conn.me) ui.alerts.push(disruptionText(e));
  });
  conn.on("results", () => render());
  conn.on("rejected", (r) => {
    ui.thinking = false;
    ui.alerts.push(edits.rejected(r.message || r.code));
    render();
  });
  conn.on("connection", (status) => {
    if (status === "lost") return home(errorText(new Error("connection lost")));
    // A question to the assistant that was under way may have gone with the connection: it can be asked again.
    if (status === "connected") ui.thinking = false;
    render();
  });
  draw = mount(() => layout(conn.state));
  void loadLand().then((l) => {
    ui.land = l;
    render();
  });
}
