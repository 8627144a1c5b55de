/**
 * The trucks with their stops: per truck its colour and name ("Wagen 2 ·
 * elektrisch · 16 pallets · 250 km"), load and limits, its day as a
 * timeline (timeline.ts) with km, hours, cost and CO2, and its stops in
 * order, each with the arrival time, a drag grip, its line to tap (choose
 * it, then tap another truck), what the driver said and, while a round runs,
 * "Earlier", "Later", "Take off the truck" and "Ask the driver". A truck and
 * each stop are drop targets (see drag.ts).
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { RouteKpi } from "@iot/shared/planner/evaluate";
import { move, unassign } from "@iot/shared/planner/planEdit";
import { VEHICLES } from "@iot/shared/planner/vehicles";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { truckColour } from "./colours.js";
import { button, floorNote, grip, hhmm, pickButton, truckTitle, type Desk } from "./desk.js";
import { routeTimeline, timeAxis, type TimeAxis } from "./timeline.js";
import { canLock, routeLockButton, stopLockButton } from "./editing.js";

/** One stop of truck `vehicle`: arrival, the order, what the driver said, and the buttons while it can move. */
function stopLine(
  desk: Desk,
  c: CarrierView,
  vehicle: string,
  id: string,
  rk: RouteKpi | undefined,
  editable: boolean,
  orderText: (id: string) => string,
): JSX.Element {
  const { send } = desk;
  const locked = c.locked.includes(id);
  const movable = editable && !locked;
  const stop = rk?.stops.find((s) => s.order === id);
  const note = floorNote(desk, c, id);
  return h(
    "li",
    {
      key: id,
      "data-order": id,
      "data-drop-vehicle": movable ? vehicle : null,
      "data-drop-before": movable ? id : null,
      className: stop && stop.minutesLate > 0 ? "stop-late" : null,
    },
    movable ? grip(id, orderText(id)) : null,
    stop
      ? h("span", { className: "stop-arrival", "data-arrival": hhmm(stop.arrival) }, `${hhmm(stop.arrival)} `)
      : null,
    movable ? pickButton(desk, id, orderText(id)) : orderText(id),
    stop && stop.minutesLate > 0
      ? h("strong", { className: "planner-over" }, ` ${t("pl.board.lateBy", { min: Math.round(stop.minutesLate) })}`)
      : null,
    note !== null ? h("em", {}, ` ${note}`) : null,
    movable
      ? [
          button(`up-${id}`, t("pl.up"), () => send(move(c.plan, id, -1))),
          button(`down-${id}`, t("pl.down"), () => send(move(c.plan, id, 1))),
          button(`off-${id}`, t("pl.remove"), () => send(unassign(c.plan, id))),
          canLock(desk.conn.state) ? stopLockButton(desk.conn, c, id, orderText(id)) : null,
        ]
      : null,
    editable && note === null ? button(`ask-${id}`, t("pl.ask"), () => desk.reveal(id)) : null,
  );
}

/** One truck's card: name, load, timeline and stops. */
function truckCard(
  desk: Desk,
  c: CarrierView,
  index: number,
  axis: TimeAxis,
  editable: boolean,
  orderText: (id: string) => string,
): JSX.Element {
  const v = c.scenario.fleet[index] as CarrierView["scenario"]["fleet"][number];
  const route = c.plan.routes.find((r) => r.vehicle === v.id)?.orders ?? [];
  const rk = c.kpi.routes.find((r) => r.vehicle === v.id);
  const out = c.unavailable.includes(v.id);
  const title = truckTitle(c, v.id);
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
      h("span", { className: "swatch", style: `background:${truckColour(index).stroke}`, "aria-hidden": "true" }),
      `${title}${out ? ` (${t("pl.out")})` : ""}`,
    ),
    editable && !out && canLock(desk.conn.state) ? routeLockButton(desk.conn, c, v.id, title) : null,
    h(
      "p",
      { className: rk?.overCapacity || rk?.overRange ? "planner-load planner-over" : "planner-load" },
      t("pl.load", { pallets: rk?.pallets ?? 0, capacity: VEHICLES[v.type].capacityPallets }),
      rk?.overCapacity ? ` ${t("pl.tooFull")}` : "",
      rk?.overRange ? ` ${t("pl.tooFar")}` : "",
    ),
    ...(rk?.breaches ?? []).map((b) =>
      h(
        "p",
        { key: b.code, className: "planner-over", "data-breach": b.code },
        t(`pl.board.breaches.${b.code}`, { min: Math.round(b.minutes) }),
      ),
    ),
    rk && rk.stops.length > 0 ? routeTimeline(c, rk, axis, title) : null,
    route.length === 0
      ? h("p", {}, t("pl.noStops"))
      : h("ol", {}, ...route.map((id) => stopLine(desk, c, v.id, id, rk, editable, orderText))),
  );
}

/** The trucks panel for carrier `c`; `editable` while a round runs; `orderText` names an order. */
export function routesPanel(
  desk: Desk,
  c: CarrierView,
  editable: boolean,
  orderText: (id: string) => string,
): JSX.Element {
  const axis = timeAxis(c);
  return h(
    "section",
    { className: "planner-trucks", "aria-label": t("pl.trucks") },
    h("h2", {}, t("pl.trucks")),
    ...c.scenario.fleet.map((_, i) => truckCard(desk, c, i, axis, editable, orderText)),
  );
}
