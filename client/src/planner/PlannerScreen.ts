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
 * share).
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
import { eur, type Desk, type DeskUi } from "./desk.js";
import { deskControls, deskHeader } from "./header.js";
import { kpiPanel } from "./kpiPanel.js";
import { assistantPanel } from "./assistantPanel.js";
import { mapPanel } from "./mapPanel.js";
import { routesPanel } from "./routesPanel.js";
import { ordersPanel } from "./ordersPanel.js";
import { exchangePanel } from "./exchangePanel.js";
import { resultsPanel, standingsPanel } from "./resultsPanel.js";
import { orderNamer } from "./orderText.js";

/** The planning desk for a connected planner, until they leave. */
export function showPlannerDesk(conn: PlannerConnection, leaveDesk: (message?: string) => void): void {
  const ui: DeskUi = {
    thinking: false,
    previewText: "",
    showProposal: true,
    land: null,
    alerts: [],
    floorNotes: new Map(),
    chosenTruck: new Map(),
  };

  const dropped = (order: string, target: DropTarget) => {
    const c = conn.state.carrier;
    if (!c || conn.state.phase !== "round") return;
    const next =
      target.kind === "unplanned"
        ? unassign(c.plan, order)
        : target.before
          ? insertBefore(c.plan, order, target.vehicle, target.before)
          : assign(c.plan, order, target.vehicle);
    if (JSON.stringify(next) !== JSON.stringify(c.plan)) conn.setPlan(next);
  };
  const stopDrag = enableDrag(appRoot(), dropped);
  let gone = false;
  let draw = () => {};
  const render = () => {
    if (!gone) draw();
  };
  // The time left counts down between the room's changes.
  const timer = window.setInterval(render, 1000);
  const home = (message?: string) => {
    gone = true;
    stopDrag();
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
  const desk: Desk = { conn, ui, send: (plan) => conn.setPlan(plan), render, home, reveal };

  function layout(s: PlannerTableState): JSX.Element {
    const header = deskHeader(desk, s);
    const controls = deskControls(desk, s);
    const c = s.carrier;
    if (!c) return h("main", { className: "planner", id: "main", "data-connection": conn.status }, header, controls);
    const editable = s.phase === "round";
    const orderText = orderNamer(c);
    const changes = c.proposal ? planDiff(c.plan, c.proposal) : [];
    const changed = new Set(changes.map((d) => d.order));
    return h(
      "main",
      { className: "planner", id: "main", "data-connection": conn.status },
      header,
      controls,
      kpiPanel(c.kpi),
      editable && canAskAssistant(s) ? assistantPanel(desk, c, changes, orderText) : null,
      mapPanel(desk, c, editable, changed),
      routesPanel(desk, c, editable, orderText),
      ordersPanel(desk, c, editable, orderText),
      offersExchange(s) ? exchangePanel(desk, s) : null,
      standingsPanel(s),
      resultsPanel(desk),
    );
  }

  const disruptionText = (e: Extract<PlannerEvent, { type: "disruption" }>) =>
    disruptionAlert(e.disruption, lang(), conn.state.carrier?.scenario ?? { fleet: [], orders: [] });

  conn.on("state", () => render());
  conn.on("proposal", () => {
    ui.thinking = false;
    ui.showProposal = true;
    // Asked again with nothing changed, the answer comes without a change of the view.
    render();
  });
  conn.on("preview", (p) => {
    ui.previewText = t("pl.previewText", {
      taker: eur(p.taker.cost),
      giver: eur(p.giver.cost),
      km: eur(p.region.km),
      co2: eur(p.region.co2Kg),
    });
    render();
  });
  conn.on("event", (e) => {
    if (e.type === "disruption" && e.player === conn.me) ui.alerts.push(disruptionText(e));
  });
  conn.on("results", () => render());
  conn.on("rejected", (r) => {
    ui.thinking = false;
    ui.alerts.push(r.message || r.code);
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
